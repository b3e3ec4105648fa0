"""What a file is, decided by its bytes (never by its name), and whether it is safe to hand to a parser.

An OOXML or OpenDocument file is a zip: its directory is read before anything is unpacked (number of entries, declared
total size, compression ratio), then every XML part is unpacked in chunks, counting the real bytes, and refused if it
declares a DTD (entities are how «billion laughs» and external-entity files work; office documents never need one).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Set
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings


class UploadRefused(Exception):
    """The file is refused; the message is Russian and is shown to the user as is."""


class Kind(StrEnum):
    DOCX = "docx"
    XLSX = "xlsx"
    PPTX = "pptx"
    ODT = "odt"
    ODS = "ods"
    OLE = "ole"  # .doc / .xls / .ppt of Office 97–2003
    RTF = "rtf"
    PDF = "pdf"
    PNG = "png"
    JPEG = "jpeg"
    TEXT = "text"


LABELS = {
    Kind.DOCX: "документ Word (.docx)", Kind.XLSX: "книга Excel (.xlsx)", Kind.PPTX: "презентация (.pptx)",
    Kind.ODT: "документ OpenDocument (.odt)", Kind.ODS: "таблица OpenDocument (.ods)",
    Kind.OLE: "документ Office 97–2003 (.doc, .xls, .ppt)", Kind.RTF: "документ RTF (.rtf)", Kind.PDF: "PDF",
    Kind.PNG: "рисунок PNG", Kind.JPEG: "фотография JPEG", Kind.TEXT: "текст (.txt, .tsv)",
}
CONTENT_TYPES = {
    Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Kind.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    Kind.ODT: "application/vnd.oasis.opendocument.text", Kind.ODS: "application/vnd.oasis.opendocument.spreadsheet",
    Kind.OLE: "application/octet-stream", Kind.RTF: "application/rtf", Kind.PDF: "application/pdf",
    Kind.PNG: "image/png",
    Kind.JPEG: "image/jpeg", Kind.TEXT: "text/plain; charset=utf-8",
}
EXTENSIONS = {Kind.DOCX: ".docx", Kind.XLSX: ".xlsx", Kind.PPTX: ".pptx", Kind.ODT: ".odt", Kind.ODS: ".ods",
              Kind.RTF: ".rtf",
              Kind.PDF: ".pdf", Kind.PNG: ".png", Kind.JPEG: ".jpg", Kind.TEXT: ".txt"}
OLE_EXTENSIONS = (".doc", ".xls", ".ppt")
NAMED = {".docx": Kind.DOCX, ".xlsx": Kind.XLSX, ".pptx": Kind.PPTX, ".odt": Kind.ODT, ".ods": Kind.ODS,
         ".pdf": Kind.PDF, ".rtf": Kind.RTF, ".png": Kind.PNG, ".jpg": Kind.JPEG, ".jpeg": Kind.JPEG,
         ".txt": Kind.TEXT,
         ".tsv": Kind.TEXT, ".csv": Kind.TEXT} | dict.fromkeys(OLE_EXTENSIONS, Kind.OLE)
ZIP_PARTS = {"word/document.xml": Kind.DOCX, "xl/workbook.xml": Kind.XLSX, "ppt/presentation.xml": Kind.PPTX}
OPENDOCUMENT = {b"application/vnd.oasis.opendocument.text": Kind.ODT,
                b"application/vnd.oasis.opendocument.spreadsheet": Kind.ODS}
DTD_MARKS = [mark.encode(encoding) for mark in ("<!DOCTYPE", "<!ENTITY")
             for encoding in ("ascii", "utf-16-le", "utf-16-be")]
CHUNK = 1024 * 1024
HEAD = 200  # bytes of each member kept for sniffing
ENCRYPTED = 0x1  # general-purpose flag bit of an encrypted zip member


@dataclass(frozen=True)
class Checked:
    name: str
    data: bytes
    kind: Kind

    @property
    def extension(self) -> str:
        if self.kind is Kind.OLE:
            return next((e for e in OLE_EXTENSIONS if self.name.lower().endswith(e)), ".doc")
        return EXTENSIONS[self.kind]


def _mb(number: int) -> str:
    return f"{number / 1024 / 1024:.0f} МБ"


def read_upload(upload, allowed: set[Kind]) -> Checked:
    """An uploaded file (Django's UploadedFile) checked before and after it is read into memory."""
    if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
        raise UploadRefused(f"Файл больше {settings.MAX_UPLOAD_MB} МБ: разделите его или сохраните без картинок.")
    return inspect(upload.name, upload.read(), allowed)


def inspect(name: str, data: bytes, allowed: Set[Kind]) -> Checked:
    if not data or not data.strip():
        raise UploadRefused("Файл пустой.")
    if len(data) > settings.MAX_UPLOAD_MB * 1024 * 1024:
        raise UploadRefused(f"Файл больше {settings.MAX_UPLOAD_MB} МБ: разделите его или сохраните без картинок.")
    kind = _sniff(data)
    found = LABELS[kind] if kind else "файл неизвестного вида"
    named = NAMED.get("." + name.lower().rsplit(".", 1)[-1]) if "." in name else None
    if named is not None and named is not kind:
        raise UploadRefused(f"Файл назван «{name}», но это не {LABELS[named]} ({found}): возможно, он повреждён "
                            "или переименован.")
    if kind not in allowed:
        expected = ", ".join(LABELS[k] for k in Kind if k in allowed)
        raise UploadRefused(f"Это {found}, а здесь принимается: {expected}.")
    if kind is Kind.OLE and named is None:
        raise UploadRefused("Документ Office 97–2003 должен называться .doc, .xls или .ppt.")
    return Checked(name, data, kind)


def _sniff(data: bytes) -> Kind | None:
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(b"%PDF-"):
        return Kind.PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Kind.OLE
    if data.lstrip().startswith(b"{\\rtf"):
        return Kind.RTF
    if b"\x00" not in data and not data.lstrip().lower().startswith((b"<!doctype", b"<html", b"<svg", b"<?xml")):
        return Kind.TEXT
    return None


def _zip_kind(data: bytes) -> Kind | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise UploadRefused("Файл повреждён: архив внутри документа не читается.") from exc
    _check_archive(entries)
    names = {entry.filename for entry in entries}
    kind = next((k for part, k in ZIP_PARTS.items() if part in names), None)
    if kind is None and "mimetype" not in names:
        return None
    heads = _inflate_members(data, entries)
    if kind is None:
        kind = OPENDOCUMENT.get(heads.get("mimetype", b"").strip())
    return kind


def _check_archive(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > settings.UPLOAD_MAX_ZIP_ENTRIES:
        raise UploadRefused(f"В документе больше {settings.UPLOAD_MAX_ZIP_ENTRIES} частей: так устроены только "
                            "повреждённые или опасные файлы.")
    limit = settings.UPLOAD_MAX_UNPACKED_MB * 1024 * 1024
    if sum(entry.file_size for entry in entries) > limit:
        raise UploadRefused(f"Документ в распакованном виде больше {_mb(limit)}: разделите его на части.")
    for entry in entries:
        if entry.flag_bits & ENCRYPTED:
            raise UploadRefused("Документ защищён паролем: снимите пароль, сохраните файл и загрузите его снова.")
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UploadRefused("Документ упакован необычным способом: откройте его в Word, Excel или LibreOffice "
                                "и сохраните заново.")
        if entry.file_size > CHUNK and entry.file_size > settings.UPLOAD_MAX_RATIO * max(entry.compress_size, 1):
            raise UploadRefused("Документ сжат подозрительно сильно (так устроены «архивные бомбы»): файл не принят.")


def _inflate_members(data: bytes, entries: list[zipfile.ZipInfo]) -> dict[str, bytes]:
    """The bounded reader: every member is inflated from its own bytes, a chunk at a time, before any parser sees the
    archive. A member that inflates past the size the directory declares is refused (zipfile and every parser
    trust that size and would inflate the rest at once: «46 bytes» that are 1 GB), so once this returns, whoever
    reads the archive reads at most the declared sizes, which `_check_archive` bounded. XML parts are searched
    for DTDs on the way. Returns the first bytes of each member (the OpenDocument `mimetype`)."""
    limit, total, heads = settings.UPLOAD_MAX_UNPACKED_MB * 1024 * 1024, 0, {}
    for entry in entries:
        xml = entry.filename.lower().endswith((".xml", ".rels", ".vml"))
        size, tail = 0, b""
        for chunk in _member_chunks(data, entry):
            size += len(chunk)
            total += len(chunk)
            if size > entry.file_size:
                raise UploadRefused("Часть документа больше, чем сказано в его оглавлении (так устроены «архивные "
                                    "бомбы»): файл не принят.")
            if total > limit:
                raise UploadRefused(f"Документ в распакованном виде больше {_mb(limit)}: разделите его.")
            if size == len(chunk):
                heads[entry.filename] = chunk[:HEAD]
            if xml:
                window = tail + chunk
                if any(mark in window for mark in DTD_MARKS):
                    raise UploadRefused("В документе есть объявления XML (DTD, сущности): такие файлы не "
                                        "принимаются. Сохраните документ заново в Word или Excel.")
                tail = chunk[-32:]
    return heads


LOCAL_HEADER_SIZE = 30  # a zip member's local header before its name (zipfile.sizeFileHeader, which is private)


def _member_chunks(data: bytes, entry: zipfile.ZipInfo):
    """A member's inflated bytes, at most CHUNK at a time, read from the member's own compressed bytes."""
    damaged = UploadRefused("Файл повреждён: часть документа не распаковывается.")
    header = data[entry.header_offset:entry.header_offset + LOCAL_HEADER_SIZE]
    if len(header) < LOCAL_HEADER_SIZE or not header.startswith(b"PK\x03\x04"):
        raise damaged
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = entry.header_offset + LOCAL_HEADER_SIZE + name_length + extra_length
    packed = data[start:start + entry.compress_size]
    if len(packed) < entry.compress_size:
        raise damaged
    if entry.compress_type == zipfile.ZIP_STORED:
        for offset in range(0, len(packed), CHUNK):
            yield packed[offset:offset + CHUNK]
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        for offset in range(0, len(packed), CHUNK):
            pending = packed[offset:offset + CHUNK]
            while pending:
                chunk = inflater.decompress(pending, CHUNK)
                pending = inflater.unconsumed_tail
                if chunk:
                    yield chunk
                if inflater.eof:
                    return
        if rest := inflater.flush():  # what the inflater held back after the last input (a window's worth at most)
            yield rest
    except zlib.error as exc:
        raise damaged from exc
