"""Importing roadmaps from the documents officials keep: text tables, Word, Excel; all or nothing."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from participants.models import Role
from roadmaps.importing.services import ImportRefused, parse_file, roadmap_import
from roadmaps.models import Item, Roadmap
from tests.documents import TABLE, docx_bytes, xlsx_bytes
from tests.factories import member

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def seed(name: str) -> bytes:
    return next(SEEDS.glob(f"{name}*")).read_bytes()


@pytest.mark.parametrize("name, titles, items, columns", [
    ("000", ["План мероприятий (дорожная карта) внедрения целевой модели наставничества"], [24],
     ["№", "Наименование мероприятия", "Срок", "Ответственные", "Результат, вид документа"]),
    ("001", ["План мероприятий («Дорожная карта») по реализации целевой модели наставничества ГБОУ АО АСШИ № 2"],
     [25], ["Наименование мероприятия", "Срок", "Результат, вид документа", "Показатели эффективности",
            "Ответственные"]),
    ("002", ["План муниципальных мероприятий по реализации дорожной карты",
             "Дорожная карта по реализации целевой модели наставничества в образовательных организациях"], [19, 19],
     ["№", "Наименование мероприятия", "Срок", "Целевая аудитория", "Ответственные"]),
    ("004", ["План мероприятий (дорожной карты) реализации методологии"], [12],
     ["№", "Наименование мероприятия", "Срок", "Ответственные", "Результат, вид документа"]),
])
def test_it_reads_every_roadmap_table_of_the_seed_documents(name, titles, items, columns):
    result = parse_file(f"{name}.txt", seed(name))
    assert result.ok, result.errors
    assert [r.item_count for r in result.roadmaps] == items
    for roadmap, title in zip(result.roadmaps, titles):
        assert roadmap.title.startswith(title)
    assert result.roadmaps[0].columns == columns


def test_it_keeps_the_sayansky_sections_and_numbers():
    roadmap = parse_file("000.txt", seed("000")).roadmaps[0]
    assert [s.title[:30] for s in roadmap.sections] == [
        "Нормативное правовое регулиров", "Методическая, консультационная", "Мониторинг и оценка результато",
    ]
    first = roadmap.sections[0].items[0]
    assert (first.number, first.deadline, first.responsible) == ("1.1", "Октябрь 2021г", "Рябцева Е.В.")
    assert first.result.startswith("Приказ МКУ «Управления образования")


def test_it_joins_a_row_continued_across_a_page_break():
    item_3_1 = parse_file("000.txt", seed("000")).roadmaps[0].sections[2].items[0]
    assert item_3_1.number == "3.1"
    assert item_3_1.result.endswith("оценки вовлеченности обучающихся в различные формы наставничества")


def test_it_turns_html_fragments_in_cells_into_text():
    roadmap = parse_file("004.txt", seed("004")).roadmaps[0]
    item_2_5 = roadmap.sections[1].items[4]
    assert "<" not in item_2_5.name
    assert "\n- подготовка условий для реализации программ ЦМН;" in item_2_5.name
    item_2_4 = roadmap.sections[1].items[3]
    assert item_2_4.name.endswith("в том числе с учетом тематики Года наставника и педагога в 2023 году, Года Семьи в 2024 году")


def test_it_reads_the_approving_document_and_the_period():
    asshi = parse_file("001.txt", seed("001")).roadmaps[0]
    assert (asshi.approval_kind, asshi.approval_number, str(asshi.approval_date)) == (
        "Приложение № 1 к приказу", "179/1-од", "2023-09-01")
    assert [str(d) for d in asshi.period] == ["2023-01-01", "2025-12-31"]
    klin = parse_file("002.txt", seed("002")).roadmaps[1]
    assert [str(d) for d in klin.period] == ["2023-09-01", "2024-08-31"]
    assert klin.goal.startswith("Реализация целевой модели наставничества")
    assert klin.tasks.count("\n") == 6


def test_it_reads_the_seven_stages_of_the_klin_roadmap_as_sections():
    stages = parse_file("002.txt", seed("002")).roadmaps[1].sections
    assert len(stages) == 7 and all(s.is_stage for s in stages)
    assert stages[1].title == "Формирование базы наставляемых"
    first = stages[0].items[0]
    assert first.activity == "Подготовка нормативной базы реализации модели наставничества"
    assert first.deadline == "Август 2023"


def test_it_puts_shifted_cells_back_under_their_headers():
    plan = parse_file("002.txt", seed("002")).roadmaps[0]
    item = plan.sections[0].items[15]
    assert item.name.startswith("Проектирование и методическое сопровождение")
    assert item.deadline == "С августа 2023 в течение учебного года"
    assert any("сдвинуты" in w.message for w in plan.warnings)




def test_it_reads_a_word_table_with_the_columns_in_any_order():
    result = parse_file("карта.docx", docx_bytes(TABLE))
    assert result.ok, result.errors
    roadmap = result.roadmaps[0]
    assert roadmap.approval_number == "55-од"
    assert [str(d) for d in roadmap.period] == ["2023-09-01", "2024-08-31"]
    assert roadmap.sections[0].title == "Организационная работа"
    assert [i.name for i in roadmap.sections[0].items] == ["Назначить куратора внедрения ЦМН",
                                                          "Сформировать базу наставников"]
    assert roadmap.sections[0].items[1].result == "База наставников"


def test_it_reads_an_excel_sheet_with_the_title_in_the_first_row():
    reordered = [[row[2], row[1], row[0], row[4], row[3]] for row in TABLE]
    result = parse_file("карта.xlsx", xlsx_bytes(reordered))
    assert result.ok, result.errors
    items = result.roadmaps[0].sections[0].items
    assert [(i.number, i.deadline, i.responsible) for i in items] == [
        ("1.1", "Сентябрь 2023", "Директор"), ("1.2", "Октябрь", "Куратор")]
    assert [str(d) for d in result.roadmaps[0].period] == ["2024-01-01", "2024-12-31"]


def _junk_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "это не XML")
        archive.writestr("junk.bin", b"\x00\x01\x02")
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "Файл пустой"),
    ("blank.txt", b"   \n\n", "Файл пустой"),
    ("letter.txt", "Уважаемые коллеги!\nПросим представить сведения.".encode(), "не найдена таблица"),
    ("people.txt", "Фамилия\tИмя\tКласс\nИванов\tИван\t5А\n".encode(), "не найдена таблица"),
    ("junk.docx", _junk_zip(), "Word"),
    ("junk.docx", b"PK\x03\x04 definitely not a zip", "повреждён"),
    ("junk.xlsx", b"not a workbook at all", "это не книга Excel"),
    ("binary.txt", b"\x00\x01\x02\x03" * 100, "файл неизвестного вида"),
    ("picture.png", b"\x89PNG\r\n\x1a\n....", "принимается: документ Word (.docx), книга Excel"),
    ("no-period.txt", "**Дорожная карта школы**\nНаименование\tСрок\nСобрание\tМай\n".encode(), "не найден период"),
])
def test_it_refuses_a_broken_file_with_a_clear_message(name, data, message):
    result = parse_file(name, data)
    assert not result.ok
    assert message in " ".join(str(e) for e in result.errors)


def test_it_refuses_a_file_over_the_size_limit(settings):
    settings.MAX_UPLOAD_MB = 10
    result = parse_file("big.txt", b"x" * (20 * 1024 * 1024))
    assert not result.ok and "больше 10 МБ" in str(result.errors[0])


def test_it_takes_the_period_from_the_form_when_the_title_has_none():
    from datetime import date

    data = "**Дорожная карта школы**\nНаименование\tСрок\nСобрание\tМай\n".encode()
    result = parse_file("x.txt", data, (date(2024, 9, 1), date(2025, 8, 31)))
    assert result.ok


def test_it_writes_nothing_when_any_row_fails(world, monkeypatch):
    import roadmaps.importing.services as service

    result = parse_file("000.txt", seed("000"))
    calls = {"n": 0}

    def failing(item, candidates=None):
        calls["n"] += 1
        if calls["n"] == 10:
            raise RuntimeError("диск заполнен")

    monkeypatch.setattr(service, "link_responsible", failing)
    with pytest.raises(RuntimeError):
        roadmap_import(owner=world.district, result=result, user=world.curator, source_name="000.txt")
    assert Roadmap.objects.count() == 0 and Item.objects.count() == 0


def test_it_refuses_to_write_a_result_with_errors(world):
    with pytest.raises(ImportRefused):
        roadmap_import(owner=world.district, result=parse_file("e.txt", b""), user=None, source_name="e.txt")
    assert not Roadmap.objects.exists()


def test_it_links_named_responsible_people_to_their_users(world):
    world.curator.last_name, world.curator.first_name = "Рябцева", "Елена Викторовна"
    world.curator.save()
    roadmap = roadmap_import(owner=world.district, result=parse_file("000.txt", seed("000")), user=None,
                             source_name="000.txt")[0]
    linked = roadmap.items.filter(responsible_users=world.curator)
    assert linked.count() == 3
    assert all("Рябцева" in item.responsible for item in linked)


# Through the page ---------------------------------------------------------------------------------------------------
def import_url(world):
    return reverse("roadmaps:district-import", kwargs={"district": world.district.code})


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_a_curator_previews_then_confirms_an_import(login, world):
    client = login(world.curator)
    preview = client.post(import_url(world), {"file": upload("000.txt", seed("000"))}, follow=True)
    content = preview.content.decode()
    assert preview.status_code == 200
    assert "Подтвердить импорт" in content and "Утверждение состава муниципальной рабочей группы" in content
    assert "понято: " in content  # each item's deadline as the portal reads it (issue #22)
    assert not Roadmap.objects.exists()
    confirmed = client.post(import_url(world), {"confirm": "1", "job": preview.context["job"].pk})
    roadmap = Roadmap.objects.get()
    assert confirmed.status_code == 302 and confirmed.url == roadmap.get_absolute_url()
    assert roadmap.district == world.district and roadmap.items.count() == 24
    again = client.post(import_url(world), {"confirm": "1", "job": preview.context["job"].pk})
    assert again.status_code == 302 and Roadmap.objects.count() == 1  # a double click imports once


def test_the_page_lists_every_problem_and_creates_nothing(login, world):
    response = login(world.curator).post(import_url(world), {"file": upload("people.txt", "Фамилия\tИмя\n".encode())},
                                         follow=True)
    assert "Импорт невозможен, ничего не изменено" in response.content.decode()
    assert not Roadmap.objects.exists()


def test_a_stale_confirmation_creates_nothing(login, world):
    response = login(world.curator).post(import_url(world), {"confirm": "1", "job": "forged"})
    assert response.status_code == 404 and not Roadmap.objects.exists()


def test_another_users_preview_cannot_be_confirmed(login, world):
    preview = login(world.curator).post(import_url(world), {"file": upload("000.txt", seed("000"))}, follow=True)
    other = member(Role.DISTRICT_CURATOR, world.district, username="second_curator")
    response = login(other).post(import_url(world), {"confirm": "1", "job": preview.context["job"].pk})
    assert response.status_code == 404 and not Roadmap.objects.exists()


def test_every_seed_roadmap_imports_through_the_page(login, world):
    client = login(world.curator)
    for name in ("000", "001", "002", "004"):
        preview = client.post(import_url(world), {"file": upload(f"{name}.txt", seed(name))}, follow=True)
        client.post(import_url(world), {"confirm": "1", "job": preview.context["job"].pk})
    assert Roadmap.objects.count() == 5
    assert Item.objects.count() == 24 + 25 + 19 + 19 + 12


def test_a_school_curator_imports_into_their_own_school(login, world):
    url = reverse("roadmaps:organization-import", kwargs={"organization": world.school.code})
    client = login(world.school_curator)
    preview = client.post(url, {"file": upload("001.txt", seed("001"))}, follow=True)
    client.post(url, {"confirm": "1", "job": preview.context["job"].pk})
    assert Roadmap.objects.get().organization == world.school


@pytest.mark.parametrize("who, status", [("methodist", 403), ("school_curator", 404), ("outsider_curator", 404)])
def test_only_editors_may_import(login, world, who, status):
    response = login(getattr(world, who)).post(import_url(world), {"file": upload("000.txt", seed("000"))})
    assert response.status_code == status
    assert not Roadmap.objects.exists()


# The command --------------------------------------------------------------------------------------------------------
def test_the_command_imports_every_seed_roadmap(world, capsys):
    world.school.code = "asshi-2"
    world.school.save()
    for name, flag, owner in [("000", "--district", "sayansky"), ("001", "--organization", "asshi-2"),
                              ("002", "--district", "sayansky"), ("004", "--organization", str(world.school.pk))]:
        call_command("import_roadmap", str(next(SEEDS.glob(f"{name}*"))), flag, owner)
    out = capsys.readouterr().out
    assert out.count("Создана дорожная карта") == 5 and "мероприятий 24" in out
    assert Roadmap.objects.count() == 5


def test_the_command_fails_on_bad_input_and_changes_nothing(world, tmp_path):
    bad = tmp_path / "people.txt"
    bad.write_text("Фамилия\tИмя\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Импорт отменён"):
        call_command("import_roadmap", str(bad), "--district", "sayansky")
    with pytest.raises(CommandError, match="Файл не найден"):
        call_command("import_roadmap", str(tmp_path / "nope.txt"), "--district", "sayansky")
    with pytest.raises(CommandError, match="Не найдено"):
        call_command("import_roadmap", str(bad), "--district", "atlantis")
    assert not Roadmap.objects.exists()


def test_the_page_refuses_a_20_mb_file(login, world):
    response = login(world.curator).post(import_url(world), {"file": upload("big.txt", b"x" * (20 * 1024 * 1024))})
    assert "Файл больше 10 МБ" in response.content.decode()
    assert not Roadmap.objects.exists()


@pytest.mark.parametrize("answer, sections, items", [
    ({"as_section": ["таблица 1, строка 4"]}, ["Организационная работа", "Работа с родителями"], 2),
    ({}, ["Организационная работа"], 3),
])
def test_the_user_decides_whether_a_lone_row_is_a_section(login, world, answer, sections, items):
    """«Работа с родителями» alone in a row: a section or an item without a deadline? The preview shows both
    readings and takes the user's answer; by default it is an item, never dropped."""
    from tests.documents import TABLE, docx_bytes

    rows = TABLE[:3] + [["", "Работа с родителями", "", "", ""]] + TABLE[3:]
    url = reverse("roadmaps:organization-import", kwargs={"organization": world.school.code})
    client = login(world.school_curator)
    preview = client.post(url, {"file": upload("карта.docx", docx_bytes(rows))}, follow=True)
    content = preview.content.decode()
    assert "строк на ваш выбор: 1" in content and "Это раздел, а не мероприятие" in content
    client.post(url, {"confirm": "1", "job": preview.context["job"].pk, **answer})
    roadmap = Roadmap.objects.get()
    assert [s.title for s in roadmap.sections.order_by("position")] == sections
    assert roadmap.items.count() == items
