"""Quarterly rounds of a questionnaire (issue #25; seed 001: диагностика «1 раз в квартал … сравнительные
таблицы»): a school opens a round for all its live pairs, and the answers compare round by round — by pair and form
for the school, by school and form for the district — in HTML, Excel and PDF."""
