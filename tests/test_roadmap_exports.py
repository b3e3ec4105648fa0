"""The roadmap as an official PDF and an XLSX workbook, from the same rows, only for those who may see it."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import SAYANSKY_SECTIONS, make_roadmap


@pytest.fixture
def roadmap(world):
    roadmap = make_roadmap(world.district, sections=SAYANSKY_SECTIONS,
                           title="План мероприятий (дорожная карта) внедрения ЦМН в Саянском районе на 2021-2024 года")
    roadmap.approval_kind, roadmap.approval_number = "Приложение № 1 к приказу", "179/1-од"
    roadmap.save()
    return roadmap


def export(client, roadmap, identifier):
    return client.get(reverse("roadmaps:export", kwargs={"pk": roadmap.pk, "identifier": identifier}))


def test_the_xlsx_has_the_documents_columns_and_rows(login, world, roadmap):
    response = export(login(world.methodist), roadmap, "xlsx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Приложение № 1 к приказу № 179/1-од" and rows[1][0].startswith("План мероприятий")
    header = rows[2]
    assert header[:5] == ("№", "Наименование мероприятия", "Срок (как в документе)", "Срок до", "Как понят срок")
    assert sheet.freeze_panes == "A4"
    assert rows[3][:2] == ("1", "Нормативное правовое регулирование") and sheet.cell(4, 2).font.b
    first = rows[4]
    assert first[0] == "1.1" and first[2] == "Октябрь 2021г" and first[3].date().isoformat() == "2021-10-31"
    assert sheet.cell(5, 4).number_format == "DD.MM.YYYY"
    assert sheet.cell(5, 2).alignment.wrap_text
    assert len([r for r in rows[3:] if r[0] and "." in str(r[0])]) == 5


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/setup.sh")
def test_the_pdf_is_the_official_layout_with_cyrillic_text(login, world, roadmap, tmp_path):
    response = export(login(world.curator), roadmap, "pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    pdf = tmp_path / "roadmap.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Приложение № 1 к приказу № 179/1-од" in text
    assert "Наименование мероприятия" in text and "Результат. Вид документа" in text
    assert "Утверждение состава муниципальной рабочей группы" in text and "Рябцева Е.В." in text
    assert "Страница 1 из 1" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # every font embedded
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert "(A4)" in size and width > height


@pytest.mark.slow
def test_a_long_pdf_repeats_the_table_header_on_every_page(login, world, tmp_path):
    many = {"Раздел": [(f"Мероприятие номер {n}", "Май 2022", "Абашева Е.А.") for n in range(80)]}
    roadmap = make_roadmap(world.district, sections=many)
    response = export(login(world.curator), roadmap, "pdf")
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 1
    assert all("Наименование мероприятия" in page for page in pages)


@pytest.mark.parametrize("identifier", ["xlsx", "pdf"])
@pytest.mark.parametrize("who", ["outsider_curator", "school_curator"])
def test_an_outsider_downloads_nothing(login, world, roadmap, identifier, who):
    assert export(login(getattr(world, who)), roadmap, identifier).status_code == 404


def test_an_unknown_format_is_not_found(login, world, roadmap):
    assert export(login(world.curator), roadmap, "odt").status_code == 404


def test_the_export_contains_only_this_roadmap(login, world, roadmap):
    make_roadmap(world.other_district, sections={"Чужой раздел": [("Чужое мероприятие", "Май 2022", "")]})
    sheet = load_workbook(io.BytesIO(export(login(world.curator), roadmap, "xlsx").content)).active
    values = " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    assert "Чужое мероприятие" not in values and "Чужой раздел" not in values


def test_downloads_are_named_in_russian(login, world, roadmap):
    """A file saved by a curator is named as she would name it, not in transliteration."""
    from urllib.parse import unquote

    def name(response) -> str:
        return unquote(response["Content-Disposition"].split("filename*=UTF-8''")[1])

    client = login(world.curator)
    assert name(client.get(reverse("roadmaps:export", args=[roadmap.pk, "xlsx"]))) == \
        "Дорожная карта Саянский район 2021–2024.xlsx"
    template = login(world.school_curator).get(reverse("participants:people-template", args=[world.school.code]))
    assert name(template) == "Шаблон реестра наставничества.xlsx"


def test_the_word_file_has_the_approval_the_title_and_every_item(login, world, roadmap):
    import docx

    response = export(login(world.curator), roadmap, "docx")
    document = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Приложение № 1 к приказу № 179/1-од" and roadmap.title in texts
    [table] = document.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0][:2] == ["№", "Наименование мероприятия"]
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # the header repeats on every page
    names = {row[1] for row in cells[1:]}
    assert {item.name for item in roadmap.items.alive()} <= names
    assert any(row[0].startswith("1. Нормативное") for row in cells)  # a section across the table


def test_the_execution_report_shows_status_and_the_completion_mark(login, world, roadmap, tmp_path):
    from roadmaps.models import Item

    item = roadmap.items.order_by("pk").first()
    Item.objects.filter(pk=item.pk).update(status="done", completion_note="Приказ УО № 12 от 05.10.2021")
    response = export(login(world.curator), roadmap, "execution")
    pdf = tmp_path / "execution.pdf"
    pdf.write_bytes(response.content)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
                    .stdout.split())
    assert "Отчёт об исполнении" in text and "Отметка о выполнении" in text
    assert "Приказ УО № 12 от 05.10.2021" in text and "выполнено — 1" in text


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is installed by scripts/setup.sh")
def test_the_word_roadmaps_columns_keep_their_widths_in_libreoffice(login, world, roadmap):
    """Issue #23 item 4: in LibreOffice and МойОфис every column of the Word roadmap had the same width — the table's
    grid had equal columns and only the cells carried widths. The grid carries them now, and LibreOffice keeps them."""
    import re
    import zipfile

    import docx

    from tests.office import saved_as

    data = export(login(world.curator), roadmap, "docx").content
    grid = [int(col.get(docx.oxml.ns.qn("w:w"))) for col in docx.Document(io.BytesIO(data)).tables[0]._tbl.tblGrid]
    assert grid[1] > 3 * grid[0]  # «Наименование мероприятия» far wider than «№»
    content = zipfile.ZipFile(io.BytesIO(saved_as(data, "docx", "odt"))).read("content.xml").decode()
    widths = [float(w) for w in re.findall(r'style:column-width="([\d.]+)(?:cm|in)"', content)]
    assert len(set(widths)) > 2 and max(widths) > 3 * min(widths), widths
