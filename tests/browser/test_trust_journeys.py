"""Issue #20 in Chromium, clicking as people do: a school curator loads the training list (read in the background,
a preview, «Подтвердить загрузку»); a district curator double-clicks «Открыть» and gets one campaign; an event's
sign-in sheet is read and confirmed; a hostile file on the registry import gets its Russian message."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import Workbook
from playwright.sync_api import expect

from monitoring.models import Campaign
from participants.models import TrainingRecord
from participants.training.importing import HEADERS
from roadmaps.events.models import Attendance, Event
from tests.documents import TABLE, lying_member, xlsx_bytes
from tests.factories import person

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def _xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_the_training_list_is_read_previewed_and_confirmed(page, sign_in, problems, shoot, world, tmp_path):
    person(world.school, "teacher", grade="", last_name="Соколова", first_name="Мария", patronymic="Ивановна")
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/training/")
    page.set_input_files("input[name=file]", _xlsx(tmp_path / "обучение.xlsx", [HEADERS, [
        "Соколова", "Мария", "Ивановна", "Наставничество в ОО", "КК ИПК", 72, "01.02.2024", "28.02.2024", "24-1"]]))
    page.select_option("select[name=topic]", "mentoring")
    page.click("button:has-text('Прочитать файл')")
    expect(page.locator("body")).to_contain_text("Будут загружены записи: 1.")
    assert not TrainingRecord.objects.exists()
    shoot("school", "training-preview", "Список обучения из Excel прочитан в фоне: портал показывает, что загрузит; "
                                        "«Подтвердить загрузку» сохраняет все строки (или, при ошибках, ни одной).")
    page.click("button:has-text('Подтвердить загрузку')")
    expect(page.locator(".alert-success")).to_contain_text("Записей об обучении загружено: 1.")
    assert TrainingRecord.objects.get().programme == "Наставничество в ОО"
    assert problems == []


def test_a_double_click_opens_one_campaign(page, sign_in, problems, world):
    base = sign_in(world.curator)
    page.goto(f"{base}/d/{world.district.code}/campaigns/")
    page.fill("input[name=title]", "Мониторинг, декабрь")
    page.fill("input[name=due_on]", f"{timezone.localdate() + timedelta(days=14):%Y-%m-%d}")
    page.dblclick("button:has-text('Открыть')")
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_contain_text("Мониторинг, декабрь")
    assert Campaign.objects.filter(district=world.district).count() == 1
    assert problems == []


def test_the_sign_in_sheet_is_read_and_confirmed(page, sign_in, problems, world, tmp_path):
    event = Event.objects.create(district=world.district, title="Семинар кураторов", kind="seminar",
                                 starts_at=timezone.now() - timedelta(days=2))
    came = Attendance.objects.create(event=event, name="Белова Ольга Петровна", organization=world.school)
    Attendance.objects.create(event=event, name="Орлов Борис", organization=world.school)
    base = sign_in(world.curator)
    page.goto(f"{base}/events/{event.pk}/")
    page.set_input_files("input[type=file][name=file]", _xlsx(tmp_path / "лист.xlsx",
                                                              [["ФИО"], ["белова ольга петровна"]]))
    page.click("button:has-text('Прочитать лист')")
    expect(page.locator("body")).to_contain_text("будут отмечены присутствовавшими (1): Белова Ольга Петровна.")
    page.click("button:has-text('Подтвердить')")
    expect(page.locator(".alert-success")).to_contain_text("отмечено присутствовавших: 1")
    assert set(event.attendances.filter(attended=True)) == {came}
    assert problems == []


def test_a_file_that_lies_about_its_size_gets_a_russian_message(page, sign_in, problems, world, tmp_path):
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/people/import/")
    hostile = tmp_path / "реестр.xlsx"
    hostile.write_bytes(lying_member("xl/sharedStrings.xml", b"<sst>", 200, xlsx_bytes(TABLE)))
    page.set_input_files("input[name=file]", str(hostile))
    page.click("button:has-text('Прочитать файл')")
    expect(page.locator(".alert-danger")).to_contain_text("больше, чем сказано в его оглавлении")
    assert problems == []
