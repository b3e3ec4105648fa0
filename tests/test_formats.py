"""Every file users have comes in (issue #22): the project's own roadmap layouts, saved by LibreOffice as Word
97–2003, OpenDocument, RTF, Excel 97–2003 and OpenDocument spreadsheets, give back every item with its deadline and
responsible, as the .docx and .xlsx they came from do. LibreOffice reads them inside the background job."""

from datetime import date

import pytest

from mentoring_portal.lib.uploads import Kind, UploadRefused, inspect
from roadmaps.importing.services import parse_file
from tests.office import needs_libreoffice, saved_as
from tests.roadmap_layouts import Layout, as_xlsx, build

LAYOUTS = [Layout(), Layout(dates="two", people="two"), Layout(sections="roman", numbering="restart", split="repeat")]
FORMATS = [("doc", "docx"), ("odt", "docx"), ("rtf", "docx"), ("xls", "xlsx"), ("ods", "xlsx")]


@needs_libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("target, source", FORMATS, ids=[f[0] for f in FORMATS])
@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.id or "plain" for layout in LAYOUTS])
def test_a_roadmap_saved_by_another_program_gives_back_every_item(target, source, layout):
    built = build(layout)
    data = saved_as(built.data if source == "docx" else as_xlsx(built), source, target)
    result = parse_file(f"карта.{target}", data)
    assert result.ok, [str(e) for e in result.errors]
    items = [item for section in result.roadmaps[0].sections for item in section.items]
    assert [i.name for i in items] == [e.name for e in built.items]
    assert [i.deadline for i in items] == [e.deadline for e in built.items]
    assert [i.responsible for i in items] == [e.responsible for e in built.items]


def test_each_format_is_recognised_by_its_content():
    assert inspect("карта.rtf", b"{\\rtf1\\ansi ...}", {Kind.RTF}).kind is Kind.RTF
    with pytest.raises(UploadRefused, match="но это не документ RTF"):
        inspect("карта.rtf", b"%PDF-1.4 ...", {Kind.RTF, Kind.PDF})


def test_without_libreoffice_these_formats_get_a_message_saying_what_to_install(monkeypatch):
    from mentoring_portal.lib.uploads import convert

    monkeypatch.setattr(convert, "soffice", lambda: None)
    result = parse_file("карта.rtf", b"{\\rtf1\\ansi \\par }")
    assert not result.ok and "apt-get install libreoffice-writer-nogui" in " ".join(str(e) for e in result.errors)


@needs_libreoffice
@pytest.mark.slow
def test_a_scanned_pdf_is_refused_with_what_to_send_instead(tmp_path):
    from PIL import Image

    image = tmp_path / "скан.pdf"
    Image.new("RGB", (200, 100), "white").save(image, "PDF")
    result = parse_file("скан.pdf", image.read_bytes())
    assert not result.ok and "это скан или фотография страниц" in " ".join(str(e) for e in result.errors)


def _csv(rows, *, encoding: str, delimiter: str) -> bytes:
    import csv
    import io as text_io

    out = text_io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    for values in rows:
        writer.writerow(["" if v is None else v.strftime("%d.%m.%Y") if hasattr(v, "strftime") else v for v in values])
    return out.getvalue().encode(encoding)


SHEETS = [("reestr.csv", "cp1251 «;» (Russian Excel)"), ("reestr-utf8.csv", "UTF-8 «,»"), ("reestr.xls", "Excel 97"),
          ("reestr.ods", "OpenDocument")]


@pytest.mark.parametrize("name, saved_by", SHEETS, ids=[s[1] for s in SHEETS])
def test_the_registry_is_read_from_every_spreadsheet_users_keep(world, name, saved_by):
    import shutil

    from participants.registry.io import parse_registry
    from tests.test_registry_io import HEADER, row, workbook

    rows = [HEADER, row(), row(last="Орлова", first="Анна")]
    if name.endswith(".csv"):
        data = _csv(rows, encoding="cp1251" if "cp1251" in saved_by else "utf-8",
                    delimiter=";" if "«;»" in saved_by else ",")
    else:
        if not shutil.which("soffice"):
            pytest.skip("LibreOffice is not installed (.ci/run installs it)")
        data = saved_as(workbook(*rows[1:]), "xlsx", name.rsplit(".", 1)[1])
    parsed = parse_registry(name, data, world.school)
    assert parsed.ok, [str(e) for e in parsed.errors]
    assert [p.values["last_name"] for p in parsed.people] == ["Смирнова", "Орлова"]


# PDFs saved from Writer. The layout builder's Word tables have no column widths, so LibreOffice gives every column
# the same narrow width and breaks long words at the edge: the reader joins such pieces, headings broken mid-word
# («Ответстве|нные») are recognised, and a date cut at the border («01.09.202|2») is one date. Seven columns or more
# break the words of every cell («Меропр|иятие») where no geometry tells a broken word from a wrapped line: the
# preview shows them as read (the README says so).
PDF_LAYOUTS = [Layout(), Layout(split="repeat"), Layout(sections="roman", numbering="restart", split="repeat"),
               Layout(title_block=True, period="учебный"), Layout(dates="two"), Layout(people="two"),
               Layout(title_block=True, period="учебный", extra="Примечание")]


@needs_libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("layout", PDF_LAYOUTS, ids=[layout.id or "plain" for layout in PDF_LAYOUTS])
def test_a_roadmap_published_as_a_pdf_from_word_gives_back_every_item(layout):
    built = build(layout)
    result = parse_file("карта.pdf", saved_as(built.data, "docx", "pdf"))
    assert result.ok, [str(e) for e in result.errors]
    items = [item for section in result.roadmaps[0].sections for item in section.items]
    assert [i.name for i in items] == [e.name for e in built.items]
    assert [i.deadline for i in items] == [e.deadline for e in built.items]
    assert [i.responsible for i in items] == [e.responsible for e in built.items]


@needs_libreoffice
@pytest.mark.slow
def test_a_long_pdf_keeps_the_rows_its_page_breaks_cut():
    """Rows cut by a page break (the next page begins with the rest of the cell, without the row's number) are
    joined again; the header repeated on every page is no item."""
    import io

    import pdfplumber

    from bench.bench_pdf_import import long_roadmap_pdf

    pdf, rows = long_roadmap_pdf(60)
    assert len(pdfplumber.open(io.BytesIO(pdf)).pages) >= 10
    result = parse_file("карта.pdf", pdf)
    assert result.ok, [str(e) for e in result.errors]
    items = [item for section in result.roadmaps[0].sections for item in section.items]
    assert [i.name for i in items] == [row[1] for row in rows[1:]]
    assert [i.deadline for i in items] == [row[2] for row in rows[1:]]
    assert [i.responsible for i in items] == [row[3] for row in rows[1:]]


def test_a_roadmap_saved_as_csv_by_russian_excel_comes_in():
    """Issue #22: a .csv saved by Russian Excel (cp1251, «;») was refused as «таблица не найдена»."""
    from tests.documents import TABLE

    lines = ["План мероприятий (дорожная карта) школы на 2023-2024 учебный год"] + [";".join(row) for row in TABLE]
    result = parse_file("карта.csv", "\r\n".join(lines).encode("cp1251"))
    assert result.ok, [str(e) for e in result.errors]
    items = [item for section in result.roadmaps[0].sections for item in section.items]
    assert [i.name for i in items] == [row[1] for row in TABLE[2:]]  # the first row is a section


def test_words_row_of_column_numbers_is_no_item():
    from tests.documents import TABLE, docx_bytes

    result = parse_file("карта.docx", docx_bytes([TABLE[0], ["1", "2", "3", "4", "5"], *TABLE[1:]]))
    assert result.ok and [i.name for s in result.roadmaps[0].sections for i in s.items] == [r[1] for r in TABLE[2:]]


def test_numbered_rows_with_a_name_alone_are_items_the_preview_asks_about():
    """Issue #22: «1. Назначить руководителем…» with no deadline and no responsible became a section without a word;
    a table of such rows was refused as having no item. A section's title stays a section."""
    from tests.documents import docx_bytes

    rows = [["№", "Мероприятие", "Срок", "Ответственный", "Результат"],
            ["1.", "Организационная работа", "", "", ""],
            ["2.", "Назначить руководителем программы наставничества заместителя директора", "", "", ""],
            ["3.", "Провести педагогический совет", "", "", ""]]
    result = parse_file("карта.docx", docx_bytes(rows))
    assert result.ok, [str(e) for e in result.errors]
    sections = result.roadmaps[0].sections
    assert [s.title for s in sections if s.items] == ["Организационная работа"]
    items = [i for s in sections for i in s.items]
    assert [i.name for i in items] == [rows[2][1], rows[3][1]] and all(i.doubt for i in items)


def test_a_bold_sub_section_inside_a_section_is_a_section_not_an_item():
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("План мероприятий (дорожная карта) школы на 2023-2024 учебный год")
    rows = [["№", "Мероприятие", "Срок", "Ответственный", "Результат"],
            ["1.", "Организационная работа", "", "", ""],
            ["1.1", "Работа с педагогами", "", "", ""],  # typed in bold: a sub-section
            ["1.1.1", "Семинар для молодых педагогов", "Октябрь 2023", "Куратор", "Протокол"]]
    table = document.add_table(rows=0, cols=5)
    for number, values in enumerate(rows):
        for cell, value in zip(table.add_row().cells, values):
            cell.paragraphs[0].add_run(value).bold = number == 2 and bool(value)
    buffer = io.BytesIO()
    document.save(buffer)
    result = parse_file("карта.docx", buffer.getvalue())
    assert result.ok, [str(e) for e in result.errors]
    sections = result.roadmaps[0].sections
    assert [i.name for s in sections for i in s.items] == ["Семинар для молодых педагогов"]
    assert [s.title for s in sections if s.items] == ["Работа с педагогами"]


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_table_of_targets_below_the_roadmap_adds_no_item(kind):
    """Issue #22: seed 000 retyped in Word or Excel — its table of targets («Наименование показателя | 2021г. | …»)
    after the roadmap gave three more items and a section named after the targets' title."""
    from pathlib import Path

    from tests.documents import text_table_as

    seed = next((Path(__file__).resolve().parent.parent / "fixtures" / "seeds").glob("000*")).read_text()
    result = parse_file(f"карта.{kind}", text_table_as(kind, seed))
    assert result.ok, [str(e) for e in result.errors]
    roadmap = result.roadmaps[0]
    assert roadmap.item_count == parse_file("карта.txt", seed.encode()).roadmaps[0].item_count == 24
    assert [s.title[:25] for s in roadmap.sections] == [
        "Нормативное правовое регу", "Методическая, консультаци", "Мониторинг и оценка резул"]
    assert any("не перечень мероприятий" in str(w) for w in roadmap.warnings)


@pytest.mark.parametrize("kind", ["docx", "xlsx", "txt"])
def test_a_table_whose_items_have_no_deadline_at_all_is_read_item_by_item(kind):
    """Issue #22: numbered rows of nouns («1. Разработка положения…») with no deadline anywhere became sections without
    a word and the table was refused as having no item. A section row no item follows is an item the preview asks
    about."""
    from tests.documents import docx_bytes, xlsx_bytes

    rows = [["№", "Мероприятие", "Срок", "Ответственный"],
            ["1.", "Разработка положения о наставничестве", "", ""],
            ["2.", "Формирование базы наставников", "", ""],
            ["3.", "Мониторинг реализации программы наставничества", "", ""]]
    title = "Дорожная карта школы на 2024 год"
    data = {"docx": lambda: docx_bytes(rows, title), "xlsx": lambda: xlsx_bytes(rows, title),
            "txt": lambda: "\n".join([title] + ["\t".join(r) for r in rows]).encode()}[kind]()
    result = parse_file(f"карта.{kind}", data)
    assert result.ok, [str(e) for e in result.errors]
    items = [i for s in result.roadmaps[0].sections for i in s.items]
    assert [(i.number, i.name) for i in items] == [(r[0].rstrip("."), r[1]) for r in rows[1:]]
    assert all(i.doubt for i in items)


ORDER_FORMATS = ["docx", "odt", "rtf", "doc", "pdf"]


@needs_libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("target", ORDER_FORMATS)
def test_an_order_saved_by_another_program_gives_back_every_clause(target):
    """Issue #22: orders come as .doc, .odt, .rtf and .pdf too. Seed 003 typed into Word and saved by LibreOffice
    gives back its number, date and every clause with its deadline and addressee, as the text does. (In the PDF a
    line that begins with a day — «3 декабря 2020 г. по…» — was read as clause 3 again, and a word broken at its
    hyphen kept a space.)"""
    import io
    from pathlib import Path

    import docx

    from roadmaps.importing.readers import read_blocks
    from roadmaps.orders.parse import parse_order

    seed = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "003_pizhanka_order.txt"
    document = docx.Document()
    for line in seed.read_text().splitlines():
        if line.strip():
            document.add_paragraph(line.replace("**", "").strip())
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue() if target == "docx" else saved_as(buffer.getvalue(), "docx", target)
    expected = parse_order(read_blocks(seed.name, seed.read_bytes()))
    found = parse_order(read_blocks(f"приказ.{target}", data))
    assert (found.number, found.date) == (expected.number, expected.date) == ("78-ОД", date(2020, 12, 3))
    assert [(d.number, d.text, d.deadline, d.addressee) for d in found.duties] == [
        (d.number, d.text, d.deadline, d.addressee) for d in expected.duties]
    assert len(found.duties) == 51
