"""Files on disk without half-written ones: a file is written under a temporary name in its folder and moved to
its name only once whole; a failed write (a full disk) removes it and raises. The save happens before the model's
row is written (FileField.pre_save), so a refused file leaves no row either; the error page says nothing was saved
(mentoring_portal/errors.py)."""

from __future__ import annotations

import errno
import os
import uuid

from django.core.files.storage import FileSystemStorage

NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


def write_whole(path: str, chunks) -> None:
    """Writes the chunks to `path`, which must not exist yet (FileExistsError), or leaves nothing there."""
    part = os.path.join(os.path.dirname(path), f".part-{uuid.uuid4().hex}")
    try:
        with open(part, "xb") as stream:
            for chunk in chunks:
                stream.write(chunk if isinstance(chunk, bytes) else chunk.encode())
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(part, path)  # fails if the name was taken meanwhile, unlike a rename
        except OSError as exc:
            if isinstance(exc, FileExistsError) or exc.errno not in NO_LINKS:
                raise
            if os.path.exists(path):  # a shared folder without hard links: a rename, checked first
                raise FileExistsError(path) from exc
            os.rename(part, path)
    finally:
        try:
            os.unlink(part)
        except FileNotFoundError:
            pass


class WholeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        os.makedirs(os.path.dirname(self.path(name)), exist_ok=True)
        while True:
            try:
                write_whole(self.path(name), content.chunks())
                break
            except FileExistsError:
                name = self.get_available_name(name)
        if self.file_permissions_mode is not None:
            os.chmod(self.path(name), self.file_permissions_mode)
        return os.path.relpath(self.path(name), self.location).replace("\\", "/")
