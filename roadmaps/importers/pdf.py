"""A roadmap published as a PDF exported from Word or LibreOffice: pdfplumber finds the table on each page by its
ruling lines (a well-kept extractor: pdfminer underneath), and the pages' tables are read as one table — the header
repeated on each page is the parser's to skip, a row cut by a page break is joined to the row above by the parser
(the rows are not «whole»). A PDF without a text layer (a scan) is refused with what to send instead."""

from __future__ import annotations

import io

from mentoring_portal.lib.uploads import ReadBudget, UploadRefused
from roadmaps.importers.readers import Row, Table, Text

MAX_PAGES = 300
SCAN = ("В PDF нет текста — это скан или фотография страниц: прочитать его может только человек. Пришлите "
        "дорожную карту в Word (.docx, .doc), Excel или PDF, сохранённый из Word («Сохранить как» → PDF).")


def read_pdf(data: bytes, budget: ReadBudget) -> list:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    blocks: list = []
    table: Table | None = None
    letters = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise UploadRefused(f"В PDF больше {MAX_PAGES} страниц: разделите его на части.")
            for number, page in enumerate(pdf.pages, start=1):
                budget.tick()
                letters += len(page.chars)
                found = page.find_tables()
                top = min((t.bbox[1] for t in found), default=page.height)
                above = (page.crop((0, 0, page.width, top)).extract_text() or "") if top > 0 else ""
                for line in above.splitlines():
                    if line.strip():
                        blocks.append(Text(line.strip()))
                        table = None  # text between tables ends the table (a heading, a signature)
                for found_table in found:
                    if table is None:
                        table = Table()
                        blocks.append(table)
                    for index, cells in enumerate(found_table.extract(), start=1):
                        texts = [" ".join((cell or "").split()) for cell in cells]
                        table.rows.append(Row(budget.row(texts), f"страница {number}, строка {index}"))
                page.flush_cache()
    except UploadRefused:
        raise
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise UploadRefused("PDF не удалось прочитать: возможно, он повреждён или защищён паролем.") from exc
    if not letters:
        raise UploadRefused(SCAN)
    return blocks
