"""Limits a reader checks as it goes: rows, columns of a row and the time spent, so that a file passing the size
checks still can't hold a worker for long."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings

from mentoring_portal.lib.uploads.checks import UploadRefused

PROGRESS_EVERY = 200


class ReadBudget:
    def __init__(self, *, rows: int | None = None, columns: int | None = None, seconds: float | None = None,
                 progress: Callable[[int], None] | None = None):
        self.max_rows = rows or settings.UPLOAD_MAX_ROWS
        self.max_columns = columns or settings.UPLOAD_MAX_COLUMNS
        self.seconds = seconds or settings.UPLOAD_PARSE_SECONDS
        self.rows = 0
        self.progress = progress  # told the number of rows read, every PROGRESS_EVERY rows
        self._deadline = time.monotonic() + self.seconds

    def row(self, cells: list) -> list:
        """Counts a row read and returns it; refuses past the row, column or time limit (trailing empties don't count)."""
        self.rows += 1
        if self.rows > self.max_rows:
            raise UploadRefused(f"В файле больше {self.max_rows} строк: разделите его на части.")
        self.tick()
        if self.progress and self.rows % PROGRESS_EVERY == 0:
            self.progress(self.rows)
        width = len(cells)
        while width and cells[width - 1] in (None, ""):
            width -= 1
        if width > self.max_columns:
            raise UploadRefused(f"В строке больше {self.max_columns} столбцов: это не похоже на таблицу документа.")
        return cells

    def tick(self) -> None:
        if time.monotonic() > self._deadline:
            raise UploadRefused(f"Файл читается дольше {self.seconds:.0f} с: разделите его на части.")

    def sheet_rows(self, sheet):
        """Rows of an openpyxl read-only sheet as value lists, within the budget. The sheet's declared dimensions are
        ignored: a crafted «A1:XFD1048576» would otherwise pad every row to 16,384 empty cells."""
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        for values in sheet.iter_rows(values_only=True):
            yield self.row(list(values))
