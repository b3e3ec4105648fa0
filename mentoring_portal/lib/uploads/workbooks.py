"""A checked workbook's rows. openpyxl and defusedxml raise many kinds of exception on a broken workbook (KeyError,
ValueError, TypeError, their own): every one of them is a Russian refusal here, so no reader turns one into a 500."""

from __future__ import annotations

import io

from mentoring_portal.lib.uploads.checks import Kind, UploadRefused, inspect
from mentoring_portal.lib.uploads.limits import ReadBudget

NOT_A_WORKBOOK = "Файл не похож на книгу Excel (.xlsx): возможно, он повреждён."


def open_workbook(data: bytes, *, read_only: bool = True):
    """openpyxl's workbook of bytes the upload layer checked (inspect); a refusal if openpyxl cannot read it."""
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=read_only, data_only=True)
    except Exception as exc:  # noqa: BLE001 - see the module's docstring
        raise UploadRefused(NOT_A_WORKBOOK) from exc


def first_sheet_rows(data: bytes, budget: ReadBudget) -> list[list]:
    """The first sheet's rows as value lists, within the budget."""
    workbook = open_workbook(data)
    try:
        if not workbook.worksheets:
            raise UploadRefused("В книге Excel нет ни одного листа.")
        return list(budget.sheet_rows(workbook.worksheets[0]))
    except UploadRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - see the module's docstring
        raise UploadRefused(NOT_A_WORKBOOK) from exc
    finally:
        workbook.close()


SHEETS = frozenset({Kind.XLSX, Kind.OLE, Kind.ODS, Kind.TEXT})
SHEET_FORMATS = "Excel (.xlsx, .xls), OpenDocument (.ods) или CSV"


def sheet_rows(name: str, data: bytes, budget: ReadBudget) -> list[list]:
    """The first sheet of any spreadsheet users keep — .xlsx, .xls and .ods (converted by LibreOffice), a .csv saved
    from Russian Excel (cp1251, «;») or as UTF-8 with commas — as value lists within the budget."""
    from mentoring_portal.lib.uploads.convert import to_ooxml

    checked = inspect(name, data, SHEETS)
    if checked.kind is Kind.TEXT:
        return _csv_rows(checked.data, budget)
    return first_sheet_rows(to_ooxml(checked).data, budget)


def _csv_rows(data: bytes, budget: ReadBudget) -> list[list]:
    import csv

    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UploadRefused("Текст файла не читается: сохраните его как CSV (UTF-8) или в Excel.")
    sample = text[:4096]
    delimiter = max(";,\t", key=sample.count)  # Russian Excel writes «;», others «,» or a tab
    return [budget.row(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
