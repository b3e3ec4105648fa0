"""Property-based tests (hypothesis): whatever comes in — a deadline typed by a person, a roadmap file, a registry
workbook — the result is an answer or a clear Russian error, never an exception."""

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from participants.registry.io import COLUMNS, parse_registry
from roadmaps.deadlines import parse_deadline
from roadmaps.importing.services import parse_file
from tests.documents import docx_bytes, xlsx_bytes

WORDS = ["Сентябрь", "октябрь", "Май", "2021", "2022,2023", "г.", "года", "в течение", "всего", "периода", "ЦМН",
         "до", "конца", "с", "по", "—", "-", "ежегодно", "1 раз в квартал", "I", "полугодие", "01.09.2023", "31.13.2024",
         "№", "1.1", "Раздел", "Наименование", "Сроки", "Ответственные", "Результат", "\t", "\n", "", " "]
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"))  # what a spreadsheet cell can hold at all
PHRASE = st.lists(st.sampled_from(WORDS) | st.text(PRINTABLE, max_size=12), max_size=8).map(" ".join)
CELL = st.one_of(PHRASE, st.text(PRINTABLE, max_size=40))
ROW = st.lists(CELL, min_size=1, max_size=7)
HEADER = ["№", "Наименование мероприятия", "Сроки", "Ответственные", "Результат"]
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


@QUICK
@given(text=st.one_of(PHRASE, st.text(max_size=80)),
       start=st.dates(date(2015, 1, 1), date(2030, 1, 1)), days=st.integers(0, 2000))
def test_any_deadline_text_is_understood_or_marked_unrecognised(text, start, days):
    from datetime import timedelta

    result = parse_deadline(text, (start, start + timedelta(days=days)))
    assert result.kind in {"dated", "continuous", "on_demand", "external", "unrecognized"}


@QUICK
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.docx", "a.xlsx", "a.txt", "a.tsv", "a", "a.pdf"]))
@example(data=b"%PDF-", name="a")  # pdfplumber 0.11.11 wraps pdfminer's «No /Root object» in its own exception
def test_any_bytes_under_any_name_give_a_result_or_an_error(data, name):
    result = parse_file(name, data)
    assert result.ok or all(str(e) for e in result.errors)


@QUICK
@given(rows=st.lists(ROW, max_size=12), text=st.text(max_size=200))
def test_any_tab_separated_text_gives_a_result_or_an_error(rows, text):
    body = "\n".join("\t".join(row) for row in [HEADER, *rows])
    result = parse_file("plan.txt", (text + "\n" + body).encode())
    assert result.ok or result.errors


@QUICK
@given(rows=st.lists(ROW, max_size=10), layout=st.sampled_from(["docx", "xlsx"]))
def test_any_word_or_excel_table_gives_a_result_or_an_error(rows, layout):
    width = max(len(r) for r in [HEADER, *rows])
    table = [r + [""] * (width - len(r)) for r in [HEADER, *rows]]
    data = docx_bytes(table) if layout == "docx" else xlsx_bytes(table)
    result = parse_file(f"plan.{layout}", data)
    assert result.ok or result.errors


@pytest.mark.django_db
@QUICK
@given(rows=st.lists(st.lists(st.one_of(CELL, st.integers(), st.floats(allow_nan=False), st.dates(), st.none()),
                              max_size=len(COLUMNS)), max_size=8))
def test_any_registry_workbook_gives_people_or_errors_by_row(world, rows):
    from tests.test_registry_io import HEADER as REGISTRY_HEADER
    from tests.test_registry_io import workbook

    parsed = parse_registry("reestr.xlsx", workbook(*rows, header=REGISTRY_HEADER), world.school)
    assert parsed.people or parsed.errors or parsed.duplicates
