"""An uploaded file waiting between its preview and the user's confirmation.

The bytes go to MEDIA_ROOT/uploads/<token>; the session remembers the token, the file name, whose page it was
uploaded on and any extra choices. Confirmation reads the file again, so what is written is what was previewed.
A new upload replaces the session's earlier one; files nobody confirmed are removed by `purge_pending` (the
`purge_uploads` command, run from cron) once they are older than PENDING_UPLOAD_HOURS."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass
class Pending:
    token: str
    name: str
    data: bytes
    extra: dict


def _folder() -> Path:
    path = Path(settings.MEDIA_ROOT) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stash(request, key: str, *, name: str, data: bytes, owner: str, extra: dict | None = None) -> str:
    earlier = request.session.get(key)
    if earlier and str(earlier.get("token", "")).isalnum():
        (_folder() / earlier["token"]).unlink(missing_ok=True)
    token = uuid.uuid4().hex
    (_folder() / token).write_bytes(data)
    request.session[key] = {"token": token, "name": name, "owner": owner, "extra": extra or {}}
    return token


def take(request, key: str, *, owner: str, token: str | None) -> Pending | None:
    """The stashed upload if the token and the page match, removed from the session and the disk; else None."""
    saved = request.session.pop(key, None)
    if not saved or saved.get("owner") != owner or not token or saved.get("token") != token:
        return None
    path = _folder() / saved["token"]
    if not path.exists():
        return None
    data = path.read_bytes()
    path.unlink(missing_ok=True)
    return Pending(saved["token"], saved["name"], data, saved.get("extra", {}))


def purge_pending(*, older_than_hours: float | None = None) -> int:
    """Removes waiting uploads older than the limit; returns how many were removed."""
    hours = settings.PENDING_UPLOAD_HOURS if older_than_hours is None else older_than_hours
    cutoff = time.time() - hours * 3600
    removed = 0
    for path in _folder().iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
