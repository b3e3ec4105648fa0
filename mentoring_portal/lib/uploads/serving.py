"""Stored uploads leave only through views that checked access, always as downloads: a file can't run as a page on
the portal's origin, whatever it holds (`/media/` is never served by the web server)."""

from __future__ import annotations

from pathlib import Path

from django.http import FileResponse

from mentoring_portal.lib.uploads.checks import CONTENT_TYPES, NAMED


def stored_name(original: str, extension: str) -> str:
    """The name a checked upload is saved under: the user's name with the extension of what the file really is."""
    stem = Path(original).stem.strip()[:80] or "file"
    return f"{stem}{extension}"


def download(field_file, name: str | None = None) -> FileResponse:
    filename = name or Path(field_file.name).name
    kind = NAMED.get(Path(filename).suffix.lower())
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=filename,
                            content_type=CONTENT_TYPES[kind] if kind else "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
