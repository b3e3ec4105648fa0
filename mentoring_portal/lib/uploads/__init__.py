"""Every uploaded file passes here: size, type by content, archive limits, XML without DTDs; then, for imports, the
file waits between preview and confirmation. Readers stop at the row, column and time limits of a `ReadBudget`."""

from mentoring_portal.lib.uploads.checks import Checked, Kind, UploadRefused, inspect, read_upload
from mentoring_portal.lib.uploads.limits import ReadBudget
from mentoring_portal.lib.uploads.pending import Pending, purge_pending, stash, take
from mentoring_portal.lib.uploads.serving import download, stored_name

__all__ = ["Checked", "Kind", "Pending", "ReadBudget", "UploadRefused", "download", "inspect", "purge_pending",
           "read_upload", "stash", "stored_name", "take"]
