"""A checked workbook's rows. openpyxl and defusedxml raise many kinds of exception on a broken workbook (KeyError,
ValueError, TypeError, their own): every one of them is a Russian refusal here, so no reader turns one into a 500."""

from __future__ import annotations

import io

from mentoring_portal.lib.uploads.checks import UploadRefused
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
