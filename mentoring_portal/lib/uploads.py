"""An uploaded file waiting between its preview and the user's confirmation.

The bytes go to MEDIA_ROOT/uploads/<token>; the session remembers the token, the file name, whose page it was
uploaded on and any extra choices. Confirmation reads the file again, so what is written is what was previewed."""

from __future__ import annotations

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
