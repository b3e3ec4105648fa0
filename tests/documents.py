"""Documents built in tests: a roadmap as .docx and .xlsx, and a way to rewrite one part of such a zip (for hostile
files: DTDs, comments, lying dimensions, bombs)."""

import io
import zipfile


def docx_bytes(rows, title="План мероприятий (дорожная карта) школы на 2023-2024 учебный год") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Приложение № 2 к приказу от 01.09.2023 № 55-од")
    document.add_paragraph(title)
    table = document.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows, title="Дорожная карта школы на 2024 год") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append([title])
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TABLE = [
    ["№ п/п", "Содержание", "Сроки", "Ответственные", "Ожидаемый результат (вид документа)"],
    ["1.", "Организационная работа", "", "", ""],
    ["1.1", "Назначить куратора внедрения ЦМН", "Сентябрь 2023", "Директор", "Приказ"],
    ["1.2", "Сформировать базу наставников", "Октябрь", "Куратор", "База наставников"],
]


def with_part(data: bytes, part: str, rewrite) -> bytes:
    """The same zip with `part` replaced by rewrite(old bytes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            target.writestr(entry.filename, rewrite(content) if entry.filename == part else content)
    return buffer.getvalue()


def pdf_text(data: bytes, tmp_path) -> str:
    """The words of a PDF as pdftotext reads them, on one line."""
    import subprocess

    path = tmp_path / "file.pdf"
    path.write_bytes(data)
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
                    .stdout.split())


def docx_text(data: bytes) -> str:
    """The paragraphs and the table cells of a Word file, on one line."""
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join([p.text for p in document.paragraphs] + cells)


def lying_member(part: str, head: bytes, megabytes: int, data: bytes | None = None) -> bytes:
    """A zip (the given document's parts, or none) with `part` first: `head` followed by `megabytes` of spaces, while
    its directory and local header say it holds `head` alone (size and CRC of `head`) — «46 bytes» that are 1 GB."""
    import struct
    import zlib

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(part, "w") as stream:
            stream.write(head)
            for _ in range(megabytes):
                stream.write(b" " * 1024 * 1024)
        if data is not None:
            with zipfile.ZipFile(io.BytesIO(data)) as source:
                for item in source.infolist():
                    if item.filename != part:
                        archive.writestr(item, source.read(item.filename))
    packed = bytearray(buffer.getvalue())
    crc = struct.pack("<I", zlib.crc32(head))
    size = struct.pack("<I", len(head))
    packed[14:18], packed[22:26] = crc, size  # the local header of the first member
    central = packed.index(b"PK\x01\x02")  # the first directory record is the first member's
    packed[central + 16:central + 20], packed[central + 24:central + 28] = crc, size
    return bytes(packed)


def text_table_as(kind: str, text: str) -> bytes:
    """A text document of the seeds (lines of text, tables with tabs) as a person retypes it: in Word, each table a
    table and each line a paragraph; in Excel, every line a row of one sheet. Bold marks are dropped."""
    import re

    def plain(cell: str) -> str:
        return re.sub(r"</?b>", "", cell).replace("**", "").strip()

    lines = [line for line in text.splitlines() if line.strip()]
    if kind == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        for line in lines:
            workbook.active.append([plain(c) for c in line.split("\t")])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    import docx

    document, table = docx.Document(), None
    for line in lines:
        if "\t" not in line:
            table = None
            document.add_paragraph(plain(line))
            continue
        cells = line.split("\t")
        if table is None or len(cells) != len(table.columns):
            table = document.add_table(rows=0, cols=len(cells))
        for cell, value in zip(table.add_row().cells, cells):
            cell.text = plain(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
