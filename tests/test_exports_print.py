"""Excel exports print as officials print them (issue #23 item 3): the roadmap had 5 portrait pages with its columns
split, the справка 20 pages, the region's table three columns over two pages. Every sheet of the one writer: A4,
landscape when wider than a portrait page, all columns on the page's width, the header row on each page, frozen, and
columns as wide as what they hold. Opened in LibreOffice as officials do."""

import io
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mentoring_portal.lib.exports import Column, Sheet, SheetRow, write_xlsx
from tests.factories import SAYANSKY_SECTIONS, make_roadmap
from tests.office import needs_libreoffice, saved_as


def printed(sheet) -> dict:
    return {"orientation": sheet.page_setup.orientation, "fit": sheet.sheet_properties.pageSetUpPr.fitToPage,
            "wide": sheet.page_setup.fitToWidth, "tall": sheet.page_setup.fitToHeight,
            "titles": sheet.print_title_rows, "frozen": sheet.freeze_panes, "paper": sheet.page_setup.paperSize}


def test_every_sheet_fits_the_pages_width_with_its_header_on_each_page():
    wide = Sheet("Широкий", [Column(f"Столбец {n}", 20) for n in range(8)], [SheetRow(["текст длиннее столбца"] * 8)],
                 heading=["Заголовок"])
    narrow = Sheet("Узкий", [Column("№", 6), Column("ФИО", 30)], [SheetRow(["1", "Иванова Мария Петровна"])])
    book = load_workbook(io.BytesIO(write_xlsx([wide, narrow])))
    assert printed(book["Широкий"]) == {"orientation": "landscape", "fit": True, "wide": 1, "tall": 0,
                                        "titles": "$2:$2", "frozen": "A3", "paper": 9}
    assert printed(book["Узкий"])["orientation"] == "portrait" and printed(book["Узкий"])["wide"] == 1


def test_columns_are_as_wide_as_what_they_hold_up_to_the_exporters_width():
    sheet = Sheet("Лист", [Column("№", 7), Column("Наименование мероприятия", 55), Column("Статус", 14)],
                  [SheetRow(["1.1", "Семинар", "выполнено"]), SheetRow(["1.2", "а" * 200, "в работе"])])
    book = load_workbook(io.BytesIO(write_xlsx([sheet])))
    widths = [book.active.column_dimensions[c].width for c in "ABC"]
    assert widths == [6, 55, 11]  # «№» narrow, the long name wraps at its cap, «выполнено» fits


@needs_libreoffice
@pytest.mark.slow
def test_the_roadmap_prints_on_landscape_pages_with_every_column_on_each(login, world):
    roadmap = make_roadmap(world.district, sections=SAYANSKY_SECTIONS)
    data = login(world.curator).get(reverse("roadmaps:export", args=[roadmap.pk, "xlsx"])).content
    assert printed(load_workbook(io.BytesIO(data)).active)["orientation"] == "landscape"
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder, "карта.pdf")
        pdf.write_bytes(saved_as(data, "xlsx", "pdf"))
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size")).split()
    assert float(size[2]) > float(size[4]), "landscape"
    assert "Pages:           1" in info  # a 6-item roadmap on one page, not five
    for header in ("Наименование", "Ответственные", "Статус", "Отметка о"):
        assert header in first
