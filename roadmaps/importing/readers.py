"""Readers: a file's bytes → a list of blocks (a line of text, or a table of rows of cell texts).

Each row keeps a location label («строка 12», «лист 1, строка 4», «таблица 2, строка 7») so that problems are
reported where the user can find them in their own file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from mentoring_portal.lib.uploads import Kind, ReadBudget, UploadRefused, inspect, open_workbook
from mentoring_portal.lib.uploads.convert import CONVERTIBLE, to_ooxml


class ReadError(UploadRefused):
    """The file cannot be read at all; the message is shown to the user as is."""


@dataclass
class Row:
    cells: list[str]
    where: str
    merged: bool = False  # one cell across the whole table (a section title in Word)


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    # A Word table's rows are the document's rows: none of them is a piece of the row above cut by a page break, as
    # lines of text exported from Word may be (the parser joins those).
    whole_rows: bool = False


@dataclass
class Text:
    text: str


Block = Table | Text

KINDS = {Kind.DOCX, Kind.XLSX, Kind.TEXT, Kind.PDF} | CONVERTIBLE


def read_blocks(name: str, data: bytes, progress=None) -> list[Block]:
    """Blocks of the file, whatever its name says: the upload layer decides the type by content and refuses hostile
    archives; .doc, .xls, .odt, .ods and .rtf are converted by LibreOffice first (uploads/convert.py); the budget
    stops at the row, column and time limits. Raises UploadRefused with a Russian message."""
    checked = to_ooxml(inspect(name, data, KINDS))
    budget = ReadBudget(progress=progress)
    if checked.kind is Kind.DOCX:
        return _read_docx(checked.data, budget)
    if checked.kind is Kind.XLSX:
        return _read_xlsx(checked.data, budget)
    if checked.kind is Kind.PDF:
        from roadmaps.importing.pdf import read_pdf  # it imports this module's blocks

        return read_pdf(checked.data, budget)
    return _read_tsv(checked.data, budget)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("Не удалось прочитать текст: сохраните файл в кодировке UTF-8.")


def _read_tsv(data: bytes, budget: ReadBudget) -> list[Block]:
    if b"\x00" in data[:4096]:
        raise ReadError("Это не текстовый файл: ожидается текст с табуляциями между столбцами.")
    text = _decode(data)
    if "\t" not in text and text.count(";") > text.count("\n"):  # a .csv saved by Russian Excel: cp1251, «;»
        return _read_csv(text, budget)
    blocks: list[Block] = []
    table: Table | None = None
    open_bold: Text | None = None  # a **bold** title wrapped over several lines is one line of text
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            if table is None:
                table = Table()
                blocks.append(table)
            table.rows.append(Row(budget.row(line.split("\t")), f"строка {number}"))
        elif line.strip():
            budget.tick()
            table = None
            text = line.strip()
            if open_bold is not None:
                open_bold.text += " " + text
                if text.endswith("**"):
                    open_bold = None
                continue
            blocks.append(Text(text))
            if text.startswith("**") and not (len(text) > 2 and text.endswith("**")):
                open_bold = blocks[-1]
        # A blank line inside a table is a separator row of the document, not the table's end.
    return blocks


def _read_csv(text: str, budget: ReadBudget) -> list[Block]:
    """A table saved as CSV: one table, its rows whole; lines before the header are the document's title."""
    import csv

    blocks: list[Block] = []
    table = Table(whole_rows=True)
    for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=";"), start=1):
        cells = [" ".join(c.split()) for c in cells]
        if sum(1 for c in cells if c) == 1 and not table.rows and cells[0]:
            blocks.append(Text(cells[0]))  # a title line («План мероприятий … на 2023-2024 учебный год»)
        elif any(cells):
            table.rows.append(Row(budget.row(cells), f"строка {number}"))
    return [*blocks, table]


def _read_xlsx(data: bytes, budget: ReadBudget) -> list[Block]:
    try:
        workbook = open_workbook(data)
        blocks: list[Block] = []
        merged_down = _merged_down(data)
        for sheet_number, sheet in enumerate(workbook.worksheets, start=1):
            table = Table(whole_rows=True)  # a sheet's rows are the document's rows
            fills = merged_down.get(sheet_number - 1, {})
            tops: dict[tuple[int, int], str] = {}
            for row_number, values in enumerate(budget.sheet_rows(sheet), start=1):
                # Cells keep their columns (a spreadsheet drops none, unlike text exported from Word).
                cells = ["" if v is None else _cell_text(v) for v in values]
                for column, text in enumerate(cells, start=1):  # a cell merged down gives its text to each row
                    if (row_number, column) in fills.values():
                        tops[(row_number, column)] = text
                    source = fills.get((row_number, column))
                    if source and not text:
                        cells[column - 1] = tops.get(source, "")
                if any(cells):
                    # Text in the first column alone, not a number: a section typed across merged cells (the
                    # sheet is read row by row, without its merge map).
                    alone = bool(cells[0]) and not any(cells[1:]) and not cells[0].replace(".", "").isdigit()
                    table.rows.append(Row(cells, f"лист {sheet_number}, строка {row_number}", merged=alone))
            blocks.append(table)
        workbook.close()
    except UploadRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl and defusedxml raise many kinds on a broken workbook
        raise ReadError("Файл не похож на книгу Excel (.xlsx): возможно, он повреждён.") from exc
    return blocks



SMALL_WORKBOOK = 2 * 1024 * 1024  # bytes: read once more, whole, for its merged cells


def _merged_down(data: bytes) -> dict[int, dict[tuple[int, int], tuple[int, int]]]:
    """Per sheet, each cell covered by a cell merged down → the merged cell's own (row, column). Only a small
    workbook is opened whole for this (the rows themselves are read in read-only mode, within the budget)."""
    if len(data) > SMALL_WORKBOOK:
        return {}
    workbook = open_workbook(data, read_only=False)
    found: dict[int, dict[tuple[int, int], tuple[int, int]]] = {}
    for index, sheet in enumerate(workbook.worksheets):
        for merged in sheet.merged_cells.ranges:
            if merged.max_row > merged.min_row:
                for row in range(merged.min_row + 1, merged.max_row + 1):
                    for column in range(merged.min_col, merged.max_col + 1):
                        found.setdefault(index, {})[(row, column)] = (merged.min_row, merged.min_col)
    workbook.close()
    return found


def _cell_text(value) -> str:
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_docx(data: bytes, budget: ReadBudget) -> list[Block]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError("Файл не похож на документ Word (.docx): возможно, он повреждён или это другой формат.") from exc
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on junk inside a zip
        raise ReadError("Документ Word не удалось прочитать: возможно, он повреждён.") from exc
    blocks: list[Block] = []
    table_number = 0
    # Only elements are read: comments and processing instructions inside the body have no string tag.
    for element in document.element.body.iterchildren(qn("w:p"), qn("w:tbl")):
        budget.tick()
        if element.tag == qn("w:p"):
            text = "".join(node.text or "" for node in element.iter(qn("w:t"))).strip()
            if text:
                blocks.append(Text(text))
        else:
            table_number += 1
            blocks.append(_docx_table(docx.table.Table(element, document), table_number, budget))
    return blocks


def _grid_cells(row) -> list:
    """The row's cells by grid column (python-docx: a vertically merged one is the cell it continues). A grid
    python-docx can't follow — LibreOffice writes one from RTF, with a continued cell that has nothing above it —
    is read from the row's own cells: each spans its columns, a continued one is empty."""
    from docx.oxml.ns import qn

    try:
        return [cell._tc for cell in row.cells]
    except ValueError:
        found = []
        for tc in row._tr.iterchildren(qn("w:tc")):
            span = tc.tcPr.gridSpan if tc.tcPr is not None and tc.tcPr.gridSpan else 1
            continued = tc.tcPr is not None and tc.tcPr.vMerge == "continue"
            found += [None if continued else tc] * span
        return found


def _all_bold(tc) -> bool:
    """Every run with text in the cell is bold (a sub-section's title typed in bold): the parser reads «<b>»."""
    from docx.oxml.ns import qn

    runs = [r for r in tc.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    return bool(runs) and all(_run_bold(r) for r in runs)


def _run_bold(run) -> bool:
    from docx.oxml.ns import qn

    found = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
    return found is not None and found.get(qn("w:val"), "true") not in ("0", "false")


def _text(paragraph) -> str:
    from docx.text.paragraph import Paragraph

    return Paragraph(paragraph, None).text


def _docx_table(table, number: int, budget: ReadBudget) -> Table:
    """Cells by grid column, so that columns never shift: a horizontally merged cell gives its text once and empty
    cells for the columns it covers; a vertically merged one (a responsible written once for several rows) gives its
    text to each row it covers, as python-docx returns the top cell for them."""
    from docx.oxml.ns import qn

    out = Table(whole_rows=True)
    for row_number, row in enumerate(table.rows, start=1):
        cells, previous, distinct = [], None, 0
        for tc in _grid_cells(row):
            if tc is previous:
                cells.append("")
                continue
            previous = tc
            distinct += 1
            text = "\n".join(_text(p) for p in tc.iterchildren(qn("w:p"))).strip()
            cells.append(f"<b>{text}</b>" if text and _all_bold(tc) else text)
        merged = distinct == 1 and len(cells) > 1 and bool(cells[0])
        out.rows.append(Row(budget.row(cells), f"таблица {number}, строка {row_number}", merged=merged))
    return out
