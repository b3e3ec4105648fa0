"""A roadmap published as a PDF exported from Word or LibreOffice: pdfplumber finds the table on each page by its
ruling lines (a well-kept extractor: pdfminer underneath), and the pages' tables are read as one table — the header
repeated on each page is skipped, and a row cut by a page break (the next page begins with a row without its
number) is joined to the row it continues. A PDF without a text layer (a scan) is refused with what to send
instead."""

from __future__ import annotations

import io

from mentoring_portal.lib.uploads import ReadBudget, UploadRefused
from roadmaps.importing.readers import Row, Table, Text

MAX_PAGES = 300
SCAN = ("В PDF нет текста — это скан или фотография страниц: прочитать его может только человек. Пришлите "
        "дорожную карту в Word (.docx, .doc), Excel или PDF, сохранённый из Word («Сохранить как» → PDF).")


def read_pdf(data: bytes, budget: ReadBudget) -> list:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException  # pdfplumber 0.11.5+ wraps pdfminer's errors in it

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
                above = (_inside(page, (0, 0, page.width, top)).extract_text() or "") if top > 0 else ""
                for line in above.splitlines():
                    if line.strip():
                        blocks.append(Text(line.strip()))
                        table = None  # text between tables ends the table (a heading, a signature)
                for found_table in found:
                    continued = table is not None  # the table goes on from the page before
                    if table is None:
                        table = Table(whole_rows=True)  # a PDF table's rows are ruled: each is a row, but…
                        blocks.append(table)
                    header = [r.cells for r in table.rows[:1]]
                    for index, row in enumerate(found_table.rows, start=1):
                        texts = [_cell_text(page, cell) for cell in row.cells]
                        # One cell across the table (its neighbours merged into it): a section's title
                        merged = len(row.cells) > 1 and bool(texts[0]) and all(c is None for c in row.cells[1:])
                        if continued and [texts] == header:
                            continue  # the header repeated on each page
                        if continued and not texts[0] and not merged and table.rows and table.rows[-1].cells[0]:
                            # …the first one of a page may be the end of the last row of the page before
                            last = table.rows[-1]
                            last.cells = [_joined(a, b) for a, b in zip(last.cells, texts)] + last.cells[len(texts):]
                            continued = False
                            continue
                        continued = False
                        table.rows.append(Row(budget.row(texts), f"страница {number}, строка {index}", merged=merged))
                page.flush_cache()
    except UploadRefused:
        raise
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise UploadRefused("PDF не удалось прочитать: возможно, он повреждён или защищён паролем.") from exc
    if not letters:
        raise UploadRefused(SCAN)
    return blocks


def _inside(page, bbox):
    """The page's characters whose centre is inside the box: a letter's box crosses a cell's ruling line a little,
    so cropping keeps the neighbour's letters and «within» loses the cell's first line."""
    x0, top, x1, bottom = bbox

    def centred(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return x0 <= x <= x1 and top <= y <= bottom

    return page.filter(centred)


def _cell_text(page, bbox) -> str:
    """A cell's lines joined as a reader reads them: a word too long for the column is broken at its edge — alone on
    its line, reaching the right border, the next line going on in lower case — and is joined without a space;
    every other line break is a space."""
    if bbox is None:  # a cell merged into its neighbour
        return ""
    words = _inside(page, bbox).extract_words(use_text_flow=True)
    lines: list[list[dict]] = []
    for word in words:
        if lines and abs(word["top"] - lines[-1][-1]["top"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    text = ""
    left, right = bbox[0], bbox[2]
    padding = min((line[0]["x0"] - left for line in lines), default=0)  # the cell's inner margin, as written
    for number, line in enumerate(lines):
        joined = " ".join(w["text"] for w in line)
        if number:
            text += "" if _broken_word(lines[number - 1], joined, right - padding) else " "
        text += joined
    return text.strip()


# Short words a line may begin with; any other short lower-case beginning after a full line is a word's end.
SHORT_WORDS = set("а и в с к о у я во со ко на по до за из от не ни же ли бы но да их ее её он мы вы то для при без "
                  "под над про как так все или его она они оо".split())


def _broken_word(before: list[dict], after: str, edge: float) -> bool:
    """A word too long for the column, broken by the layout (Word and LibreOffice break it at the edge without a
    hyphen): the line before is one word filling the line (less than a letter left), and the next begins with a
    short piece that is no word of its own («Наименован|ие», «Ответственн|ые», «Мероприяти|е 1»). A full word
    going on the next line («заместитель|директора») keeps its space: the geometry alone can't tell them apart."""
    if before and before[-1]["text"][-1:].isdigit() and after[:1].isdigit():
        # a number or a date cut at the edge («01.09.202» | «2»): the line before reaches the border
        word = before[-1]
        return edge - word["x1"] < 1.2 * (word["x1"] - word["x0"]) / max(len(word["text"]), 1)
    if not before or not before[-1]["text"][-1:].isalpha():
        return False
    piece = _piece(after)
    if _cannot_begin_a_word(piece):
        return True
    word = before[-1]
    letter = (word["x1"] - word["x0"]) / max(len(word["text"]), 1)
    return (len(before) == 1 and edge - word["x1"] < 1.2 * letter
            and ((piece[:1] == "й" and piece.islower()) or _short_piece(piece)))


def _cannot_begin_a_word(piece: str) -> bool:
    return piece[:1] in ("ы", "ь", "ъ")  # no Russian word begins so


def _short_piece(piece: str) -> bool:
    """A short lower-case beginning that is no word of its own: the end of a word broken before it."""
    return bool(piece) and piece.islower() and len(piece) <= 3 and piece not in SHORT_WORDS


def _piece(text: str) -> str:
    """The letters a text begins with."""
    piece = ""
    for char in text:
        if not char.isalpha():
            break
        piece += char
    return piece


def _joined(before: str, after: str) -> str:
    """Two pieces of a cell cut by a page break."""
    if not before or not after:
        return before or after
    piece = _piece(after)
    glue = "" if _cannot_begin_a_word(piece) or (before[-1:].isalpha() and _short_piece(piece)) else " "
    return before + glue + after
