"""Exports are a registry of small classes (pretix's shape): each names itself, the capability it needs and its
file, and yields sheets of rows; the XLSX writer (openpyxl write-only: ~10× less memory) and the PDF helper render them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from django.http import HttpResponse
from django.template.loader import render_to_string
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from mentoring_portal.lib.plugins import Plugins
from mentoring_portal.lib.xlsx_rows import FORMULA_STARTS, add_sheet

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"


@dataclass
class Column:
    label: str
    width: float = 15
    kind: str = "text"  # text | date | number | decimal (one digit after the comma, as the pages show) | percent


@dataclass
class SheetRow:
    values: list[Any]
    bold: bool = False


@dataclass
class Sheet:
    title: str
    columns: list[Column]
    rows: Iterable[SheetRow] = field(default_factory=list)  # a generator streams: each row is written as it comes
    wrap: bool = True  # wrapped text in every cell; a long list of short values (a registry) is ten times faster without
    heading: list[str] = field(default_factory=list)  # lines above the table (title, approval)


class Exporter:
    """One downloadable file. Subclasses set the class attributes and implement `render(obj)`."""

    identifier: ClassVar[str]
    label: ClassVar[str]
    capability: ClassVar[str]
    content_type: ClassVar[str]
    extension: ClassVar[str]

    def filename(self, obj) -> str:
        raise NotImplementedError

    def render(self, obj) -> bytes:
        raise NotImplementedError

    def response(self, obj) -> HttpResponse:
        # Rendering finishes before the response exists: a failed export sends an error page, never half a file.
        content = self.render(obj)
        response = HttpResponse(content, content_type=self.content_type)
        response["Content-Disposition"] = attachment(f"{self.filename(obj)}.{self.extension}")
        return response


# (group of pages, identifier) → the Exporter class; a group is what one page offers («organization», «roadmap»)
EXPORTERS: Plugins[type[Exporter]] = Plugins("exports: the downloads each group of pages offers", unique=True)


def exporter(group: str) -> Callable[[type[Exporter]], type[Exporter]]:
    """`@exporter("roadmap")` registers an Exporter under its group and its identifier."""
    def add(cls: type[Exporter]) -> type[Exporter]:
        return EXPORTERS.add(cls, key=(group, cls.identifier))

    return add


def find_exporter(group: str, identifier: str) -> Exporter | None:
    cls = EXPORTERS.find((group, identifier))
    return cls() if cls else None


def exporters_of(group: str) -> list[Exporter]:
    return [cls() for key, cls in EXPORTERS.items() if isinstance(key, tuple) and key[0] == group]


def file_name(*parts) -> str:
    """A download's name as a person would write it, in Russian: «Реестр наставников МБОУ Агинская СОШ № 1
    2026-11-26». Characters no file system takes are dropped."""
    text = " ".join(str(p) for p in parts if p)
    return " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]', " ", text).split())[:150]


def attachment(name: str) -> str:
    from urllib.parse import quote

    ascii_name = name.encode("ascii", "ignore").decode() or "export"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def text_cell(ws, value):
    """A typed text stays text: openpyxl turns a string starting with «=» into a formula, and Excel evaluates «+», «-»,
    «@» too (a surname «=HYPERLINK(…)» would become a link). Such a cell is written as a string with Excel's quote
    prefix, so it stays text even after the methodist edits it. Every XLSX cell of the portal is made here."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters would make openpyxl refuse the whole file
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


PORTRAIT_WIDTH = 95  # Excel's width units that an A4 portrait page holds at 100 %
MAX_WIDTH = 60  # a column wider than this wraps its text instead


def column_widths(sheet: Sheet) -> list[float]:
    """Each column as wide as what it holds — its header's longest word, its longest value — up to the width the
    exporter gave it for wrapped text (or MAX_WIDTH unwrapped). Rows streamed from a generator are not known in
    advance: their columns keep the exporter's widths."""
    if not isinstance(sheet.rows, (list, tuple)):
        return [column.width for column in sheet.columns]
    widths = []
    for index, column in enumerate(sheet.columns):
        longest = max((len(word) for word in column.label.split()), default=4)
        for row in sheet.rows:
            value = row.values[index] if index < len(row.values) else None
            if value is not None:
                text = f"{value:%d.%m.%Y}" if isinstance(value, (date, datetime)) else str(value)
                longest = max(longest, max((len(line) for line in text.splitlines()), default=0))
        cap = column.width if sheet.wrap else MAX_WIDTH
        widths.append(round(min(max(longest + 2, 6), max(cap, 6)), 1))
    return widths


def print_setup(ws, width: float) -> None:
    """On paper as on the screen: A4, landscape when the columns are wider than a portrait page, every column on
    the page's width (as many pages down as it takes), the header row on each page (print_title_rows)."""
    ws.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    ws.page_setup.orientation = "landscape" if width > PORTRAIT_WIDTH else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.gridLines = True


def write_xlsx(sheets: list[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE5F0")
    for sheet in sheets:
        ws = add_sheet(workbook, sheet.title[:31], [column.kind for column in sheet.columns])
        widths = column_widths(sheet)
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        header_row = len(sheet.heading) + 1
        ws.freeze_panes = f"A{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        print_setup(ws, sum(widths))
        for line in sheet.heading:
            cell = text_cell(ws, line)
            cell.font = bold
            ws.append([cell])
        header = []
        for column in sheet.columns:
            cell = text_cell(ws, column.label)
            cell.font, cell.alignment, cell.fill = bold, wrap, header_fill
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            if not sheet.wrap and not row.bold:
                ws.append_plain(row.values)
                continue
            cells = []
            for column, value in zip(sheet.columns, row.values):
                cell = text_cell(ws, value)
                cell.alignment = wrap
                if row.bold:
                    cell.font = bold
                if column.kind == "date" and isinstance(value, (date, datetime)):
                    cell.number_format = "DD.MM.YYYY"
                elif column.kind == "percent":
                    cell.number_format = "0.0%"
                elif column.kind == "decimal" and isinstance(value, (int, float)):
                    cell.number_format = "0.0"
                cells.append(cell)
            ws.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_pdf(template: str, context: dict) -> bytes:
    """A PDF from a template with WeasyPrint (fonts: fonts-dejavu-core, see scripts/setup.sh)."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


# Word documents ------------------------------------------------------------------------------------------------------
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class DocxTable:
    """A table of a Word document: a header repeated on every page, rows of text, section rows across the width."""

    columns: list[tuple[str, float]]  # (header, width in cm)
    rows: list[list[str] | str] = field(default_factory=list)  # a str is a section row spanning all columns


def write_docx(*, approval: str = "", title: str, paragraphs: Iterable[str] = (), table: DocxTable | None = None,
               signature: str = "", landscape: bool = True) -> bytes:
    """The portal's one Word writer (python-docx): a document a curator edits before signing — the approval block at
    the top right, the title, the table with its header on every page, a place to sign. Text only: nothing a user
    typed becomes a field or a macro."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    def clean(text) -> str:
        return ILLEGAL_CHARACTERS_RE.sub("", str(text or ""))

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(11)
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    if approval:
        block = document.add_paragraph(clean(approval))
        block.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(clean(title)).bold = True
    for text in paragraphs:
        document.add_paragraph(clean(text))
    if table is not None:
        grid = document.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        # The grid's own columns carry the widths (w:gridCol): LibreOffice and МойОфис read them, not the cells',
        # and gave every column the same width; a fixed layout keeps Word from stretching them by content.
        grid.autofit = False
        for grid_column, (_, width) in zip(grid.columns, table.columns):
            grid_column.width = Cm(width)
        header = grid.rows[0]
        marker = OxmlElement("w:tblHeader")  # the header row repeats on every page
        marker.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(marker)
        for cell, (label, width) in zip(header.cells, table.columns):
            cell.width = Cm(width)
            cell.paragraphs[0].add_run(clean(label)).bold = True
        for row in table.rows:
            cells = grid.add_row().cells
            if isinstance(row, str):
                merged = cells[0].merge(cells[-1])
                merged.paragraphs[0].add_run(clean(row)).bold = True
                continue
            for cell, value, (_, width) in zip(cells, row, table.columns):
                cell.width = Cm(width)
                cell.text = clean(value)
    if signature:
        document.add_paragraph()
        document.add_paragraph(clean(signature))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
