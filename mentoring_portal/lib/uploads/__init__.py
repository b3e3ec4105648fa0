"""Every uploaded file passes here: size, type by content, archive limits, XML without DTDs; then, for imports, the
file waits for the background job that parses it. Readers stop at the row, column and time limits of a `ReadBudget`."""

from mentoring_portal.lib.uploads.checks import Checked, Kind, UploadRefused, inspect, read_upload
from mentoring_portal.lib.uploads.limits import ReadBudget
from mentoring_portal.lib.uploads.pending import (
    discard_pending,
    pending_file,
    purge_pending,
    read_pending,
    save_pending,
)
from mentoring_portal.lib.uploads.serving import download, stored_name
from mentoring_portal.lib.uploads.workbooks import SHEET_FORMATS, first_sheet_rows, open_workbook, sheet_rows

__all__ = ["SHEET_FORMATS", "Checked", "Kind", "ReadBudget", "UploadRefused", "discard_pending", "download", "first_sheet_rows",
           "inspect", "open_workbook", "pending_file", "purge_pending", "read_pending", "read_upload", "save_pending",
           "sheet_rows", "stored_name"]
