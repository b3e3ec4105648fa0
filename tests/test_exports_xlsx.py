"""The plain rows of an unwrapped sheet (registries, a region's adults) are written without openpyxl's cells: every
kind of value reads back as openpyxl would have written it, and a typed text is never a formula."""

import io
from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from mentoring_portal.lib.exports import Column, Sheet, SheetRow, write_xlsx

COLUMNS = [Column("Текст"), Column("Дата", kind="date"), Column("Число", kind="number"), Column("Доля", kind="percent"),
           Column("Ещё")]


def read(rows, wrap=False):
    data = write_xlsx([Sheet("Лист", COLUMNS, [SheetRow(r) for r in rows], wrap=wrap, heading=["Заголовок"])])
    return load_workbook(io.BytesIO(data)).active


def test_values_read_back_with_their_types_and_formats():
    sheet = read([["Иванова", date(2024, 5, 1), 12, 0.375, True],
                  ["  с пробелами ", datetime(2024, 5, 1, 13, 30), Decimal("2.5"), None, gettext_lazy("Да")]])
    assert [c.value for c in sheet[3]] == ["Иванова", datetime(2024, 5, 1), 12, 0.375, True]
    assert [c.value for c in sheet[4]] == ["  с пробелами ", datetime(2024, 5, 1, 13, 30), 2.5, None, "Да"]
    assert sheet["B3"].number_format == "DD.MM.YYYY" and sheet["D3"].number_format == "0.0%"
    assert sheet["A1"].value == "Заголовок" and sheet["A2"].value == "Текст"


def test_a_text_like_a_formula_is_quoted_text():
    sheet = read([["=1+2", date(2024, 1, 1), -3, None, "@SUM(A1)"]])
    assert sheet["A3"].data_type == "s" and sheet["A3"].value == "=1+2" and sheet["A3"].quotePrefix
    assert sheet["E3"].quotePrefix and sheet["E3"].value == "@SUM(A1)"
    assert sheet["C3"].value == -3 and not sheet["C3"].quotePrefix  # a number is a number, not a text


def test_the_plain_rows_match_what_openpyxl_cells_give():
    rows = [["Петров\x07", date(2023, 9, 1), 7, 0.5, "=A1"], ["", None, 0, 0, "текст"]]
    plain, styled = read(rows), read(rows, wrap=True)
    assert [[c.value for c in r] for r in plain.iter_rows(min_row=3)] == \
           [[c.value for c in r] for r in styled.iter_rows(min_row=3)]
