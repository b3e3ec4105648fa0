"""The questionnaire builder (issue #25): a region, a district or a school builds its own questionnaires — sections,
scale questions with labels, single and multiple choice, free text, number, date; required or not; who answers —
publishes them, and versions them: a questionnaire that has been asked is never changed, an edit makes its next
version, and answers stay with the version asked. Schools copy the region's and the district's."""
