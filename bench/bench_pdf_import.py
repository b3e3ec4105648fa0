"""A long roadmap published as a PDF from Word (issue #22: «a 30-page PDF roadmap imports … in under 30 s»): a ruled
Word table with as many items as fill the pages, saved as PDF by LibreOffice, then read by the importer the way the
background job reads it. Prints the pages, the items read and the time.

    .venv/bin/python bench/bench_pdf_import.py [items]"""

import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring_portal.settings")
MONTHS = ["Сентябрь", "Октябрь", "Ноябрь", "Декабрь", "Январь", "Февраль", "Март", "Апрель", "Май"]


def long_roadmap_pdf(count: int) -> tuple[bytes, list[list[str]]]:
    """A ruled Word table of `count` items saved as PDF by LibreOffice, and its rows (the header first)."""
    import docx

    from tests.office import saved_as

    rows = [["№", "Наименование мероприятия", "Срок", "Ответственный", "Результат"]] + [
        [f"{n}.", f"Мероприятие {n}: семинар для кураторов образовательных организаций по теме № {n}",
         f"{MONTHS[n % 9]} 2024", "Иванова И.А., заместитель директора", "Приказ; протокол"]
        for n in range(1, count + 1)]
    document = docx.Document()
    document.add_paragraph("План мероприятий (дорожная карта) внедрения целевой модели наставничества на 2023-2024 "
                           "учебный год")
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"  # ruled, as published roadmaps are
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return saved_as(buffer.getvalue(), "docx", "pdf"), rows


def main(count: int) -> None:
    import django

    django.setup()
    import pdfplumber

    from roadmaps.importing.services import parse_file

    pdf, rows = long_roadmap_pdf(count)
    pages = len(pdfplumber.open(io.BytesIO(pdf)).pages)
    started = time.perf_counter()
    result = parse_file("карта.pdf", pdf)
    seconds = time.perf_counter() - started
    names = [i.name for r in result.roadmaps for s in r.sections for i in s.items] if result.ok else []
    right = names == [row[1] for row in rows[1:]]
    print(f"{pages} pages, {len(pdf) / 1e6:.2f} MB: {len(names)} of {count} items"
          f"{' (every name as written)' if right else ' (names differ)'} in {seconds:.1f} s "
          f"{'' if result.ok else [str(e) for e in result.errors][:2]}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 240)
