"""An uploaded file waiting for the background job that reads it (MEDIA_ROOT/uploads/<token>, a shared folder:
the worker may be another process or machine). The job removes it once read; files a job never read (the worker
was down) are removed by `purge_pending` (the `purge_uploads` command, run from cron) once they are older than
PENDING_UPLOAD_HOURS. What the user confirms is the job's parsed result, so what is written is what was previewed."""

from __future__ import annotations

import errno
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from mentoring_portal.lib.storage import write_whole
from mentoring_portal.lib.uploads.checks import UploadRefused


def _folder() -> Path:
    path = Path(settings.MEDIA_ROOT) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _path(token: str) -> Path:
    if not token or not token.isalnum():
        raise UploadRefused("Загруженный файл не найден: загрузите его ещё раз.")
    return _folder() / token


def save_pending(data: bytes) -> str:
    """Keeps an uploaded file until the background job reads it; returns its token. A full disk leaves no part of
    it behind and is a refusal the user reads."""
    token = uuid.uuid4().hex
    try:
        write_whole(str(_folder() / token), [data])
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UploadRefused("На сервере закончилось место: файл не сохранён, ничего не изменено. Сообщите "
                                "администратору портала и повторите позже.") from exc
        raise
    return token


def read_pending(token: str) -> bytes:
    path = _path(token)
    if not path.exists():
        raise UploadRefused("Загруженный файл больше не хранится: загрузите его ещё раз.")
    return path.read_bytes()


@contextmanager
def pending_file(token: str):
    """The waiting file's bytes for a job, removed once the job is done with them (a worker killed meanwhile leaves
    it for the job's next run)."""
    try:
        yield read_pending(token)
    finally:
        discard_pending(token)


def discard_pending(token: str) -> None:
    _path(token).unlink(missing_ok=True)


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
