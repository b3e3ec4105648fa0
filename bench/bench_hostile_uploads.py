"""Hostile files against the upload layer, at the sizes an attacker used: how long a refusal takes and how much the
process grows. Each file is parsed in a fresh child process so the peak memory is its own.

    .venv/bin/python bench/bench_hostile_uploads.py

No database is needed; prints one line per file."""

import io
import os
import resource
import sys
import time
import zipfile
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring_portal.settings")


def docx_bomb(megabytes: int) -> bytes:
    """A .docx whose document.xml unpacks to `megabytes` (valid XML: a paragraph of spaces)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                       b"<w:p><w:r><w:t>")
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def xlsx_rows(rows: int, *, identical: bool = False) -> bytes:
    """An .xlsx of `rows` one-cell rows, written directly (openpyxl would take minutes to build it). Identical rows
    without references pack ten million into a few megabytes, as the attacker's file did."""
    from tests.documents import with_part, xlsx_bytes

    if identical:
        body = b"<sheetData>" + b"<row><c><v>1</v></c></row>" * rows + b"</sheetData>"
    else:
        body = b"<sheetData>" + b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n)
                                         for n in range(1, rows + 1)) + b"</sheetData>"
    return with_part(xlsx_bytes([["a"]]), "xl/worksheets/sheet1.xml",
                     lambda xml: xml.split(b"<sheetData>")[0] + body + xml.split(b"</sheetData>")[1])


def measure(name: str, data: bytes, queue) -> None:
    import django

    django.setup()
    from roadmaps.importing.services import parse_file

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = parse_file(name, data)
    seconds = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    queue.put((seconds, grown, " ".join(str(e) for e in result.errors)[:90]))


def main() -> None:
    from tests.documents import TABLE, docx_bytes, lying_member, xlsx_bytes

    cases = [("lying-mimetype.ods", lying_member("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", 1024)),
             ("lying-media.docx", lying_member("word/media/image1.png", b"\x89PNG\r\n\x1a\n", 1024,
                                               docx_bytes(TABLE))),
             ("lying-strings.xlsx", lying_member("xl/sharedStrings.xml", b"<sst>", 1024, xlsx_bytes(TABLE))),
             ("bomb.docx", docx_bomb(1150)), ("10m-same.xlsx", xlsx_rows(10_000_000, identical=True)),
             ("10m-rows.xlsx", xlsx_rows(10_000_000)),
             ("30k-rows.xlsx", xlsx_rows(30_000)), ("15k-rows.xlsx", xlsx_rows(15_000))]
    context = get_context("fork")
    for name, data in cases:
        queue = context.Queue()
        child = context.Process(target=measure, args=(name, data, queue))
        child.start()
        seconds, grown, message = queue.get()
        child.join()
        print(f"{name:16} {len(data) / 1e6:6.2f} MB  {seconds:6.2f} s  +{grown:6.0f} MB  {message}")


if __name__ == "__main__":
    main()
