"""Teachers' deficits and their individual routes (seed 002): entered or imported from a diagnostic (all rows or
none), closed only by the route and with what confirms it; Клин's «процент педагогов, ликвидировавших
профессиональные дефициты» computed from them; the district reads counts, never names."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from mentoring_portal.lib import versions
from monitoring.formulas import FORMULAS, Snapshot
from participants.models import Deficit, HeadCount, RouteStep, TrainingRecord
from participants.routes.importing import HEADERS
from participants.routes.rules import closing_problems
from tests.factories import person

TODAY = date(2025, 3, 10)


def deficit(teacher, *, found_on=date(2024, 10, 1), closed_on=None, unacceptable=False, text="Учебные задачи урока"):
    return Deficit.objects.create(person=teacher, competence="methodical", description=text, diagnostic="riku",
                                  found_on=found_on, closed_on=closed_on, unacceptable=unacceptable,
                                  closed_how="повторная РИКУ" if closed_on else "")


def teacher(school, last_name="Соколова", **fields):
    return person(school, "teacher", grade="", last_name=last_name, **fields)


@pytest.mark.parametrize("closed_on, how, steps_done, problem", [
    (date(2024, 9, 30), "повторная РИКУ", True, "Дефицит выявлен 01.10.2024: ликвидировать его раньше нельзя."),
    (date(2024, 10, 1), "повторная РИКУ", True, None),  # the day of the diagnostic itself
    (TODAY, "повторная РИКУ", True, None),
    (TODAY + timedelta(days=1), "повторная РИКУ", True, "Дата в будущем"),
    (TODAY, "  ", True, "Укажите, чем подтверждено"),
    (TODAY, "повторная РИКУ", False, "Не выполнены шаги маршрута по этому дефициту: «Курсы ПК»."),
    (None, "повторная РИКУ", True, "Укажите дату, когда дефицит ликвидирован."),
])
def test_a_deficit_is_closed_between_its_diagnostic_and_today_once_its_route_is_done(world, closed_on, how,
                                                                                     steps_done, problem):
    found = deficit(teacher(world.school))
    RouteStep.objects.create(person=found.person, deficit=found, kind="course", title="Курсы ПК",
                             due_on=date(2024, 12, 1), done_on=date(2024, 11, 20) if steps_done else None)
    problems = closing_problems(found, closed_on, how, TODAY)
    assert (problem is None and problems == []) or any(problem in p for p in problems)


def test_the_curator_builds_a_route_and_closes_the_deficit_by_it(login, world):
    sokolova = teacher(world.school)
    client = login(world.school_curator)
    today = timezone.localdate()
    added = client.post(reverse("participants:deficit-add", args=[world.school.code]), {
        "person": sokolova.pk, "competence": "psychological", "description": "Работа с детьми с ОВЗ",
        "diagnostic": "iku", "found_on": today.isoformat(), "result": "6 из 20", "unacceptable": "on"}, follow=True)
    assert "Дефицит внесён: Соколова Мария Петровна, «Работа с детьми с ОВЗ»." in added.content.decode()
    found = Deficit.objects.get()
    route = reverse("participants:route", args=[world.school.code, sokolova.pk])
    client.post(reverse("participants:route-step-add", args=[world.school.code, sokolova.pk]), {
        "kind": "course", "title": "Курсы «Инклюзивное образование»", "due_on": today.isoformat(),
        "deficit": found.pk})
    step = RouteStep.objects.get()
    close = reverse("participants:deficit-close", args=[world.school.code, found.pk])
    refused = client.post(close, {f"d{found.pk}-closed_on": today.isoformat(),
                                  f"d{found.pk}-closed_how": "Повторная ИКУ: допустимый"})
    page = refused.content.decode()
    assert refused.status_code == 400 and "Не выполнены шаги маршрута" in page
    assert 'value="Повторная ИКУ: допустимый"' in page  # what was typed is kept
    client.post(reverse("participants:route-step-mark", args=[world.school.code, step.pk]), {"done": "1"})
    closed = client.post(close, {f"d{found.pk}-closed_on": today.isoformat(),
                                 f"d{found.pk}-closed_how": "Повторная ИКУ: допустимый"}, follow=True)
    assert "Дефицит ликвидирован" in closed.content.decode()
    assert client.post(close, {f"d{found.pk}-closed_on": today.isoformat(),  # the second click
                               f"d{found.pk}-closed_how": "ещё раз"}).status_code == 400
    found.refresh_from_db()
    assert (found.closed_on, found.closed_how) == (today, "Повторная ИКУ: допустимый")
    marked = client.post(reverse("participants:route-step-mark", args=[world.school.code, step.pk]), {"done": "0"},
                         follow=True)
    assert "сначала верните дефицит в работу" in marked.content.decode()
    client.post(reverse("participants:deficit-reopen", args=[world.school.code, found.pk]))
    found.refresh_from_db()
    assert found.is_open and "Маршрут выполнен: 1 из 1".lower() in client.get(route).content.decode().lower()


def test_a_pupil_has_no_deficits_and_a_future_diagnostic_is_refused(login, world):
    pupil = person(world.school, "student")
    client = login(world.school_curator)
    url = reverse("participants:deficit-add", args=[world.school.code])
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    refused = client.post(url, {"person": pupil.pk, "competence": "subject", "description": "x", "diagnostic": "iku",
                                "found_on": tomorrow})
    assert refused.status_code == 400 and not Deficit.objects.exists()
    sokolova = teacher(world.school)
    refused = client.post(url, {"person": sokolova.pk, "competence": "subject", "description": "Олимпиадные задачи",
                                "diagnostic": "iku", "found_on": tomorrow})
    assert "Дата диагностики в будущем" in refused.content.decode() and "Олимпиадные задачи" in refused.content.decode()


def sheet(*rows) -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(HEADERS)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("РИКУ.xlsx", buffer.getvalue())


def confirm(client, url, response):
    return client.post(url, {"confirm": "1", "job": response.redirect_chain[-1][0].split("job=")[1]}, follow=True)


def test_a_diagnostics_results_are_loaded_whole_or_not_at_all(login, world):
    teacher(world.school, first_name="Мария", patronymic="Ивановна")
    teacher(world.school, "Петров", first_name="Пётр", patronymic="")
    teacher(world.school, "Петров", first_name="Пётр", patronymic="")
    person(world.school, "student", last_name="Учеников", first_name="Иван", patronymic="")
    client = login(world.school_curator)
    url = reverse("participants:deficit-import", args=[world.school.code])
    bad = client.post(url, {"diagnostic": "riku", "file": sheet(
        ["Соколова", "Мария", "Ивановна", "15.10.2024", "Методические", "Учебные задачи", "8 из 20", "недопустимый"],
        ["Петров", "Пётр", "", "15.10.2024", "Предметные", "Олимпиады", "", ""],
        ["Учеников", "Иван", "", "15.10.2024", "Предметные", "Олимпиады", "", ""],
        ["Соколова", "Мария", "Ивановна", "15.10.2024", "Космические", "", "", "плохой"])}, follow=True)
    page = bad.content.decode()
    assert "Ничего не загружено" in page
    assert "Строка 3: В реестре несколько человек с именем «Петров Пётр»: внесите дефицит в карточке." in page
    assert "Строка 4: «Учеников Иван» нет среди взрослых в реестре школы." in page
    assert "Строка 5: «Область компетенций»: «Космические» — одна из:" in page
    assert "Строка 5: Не указан дефицит." in page and "Строка 5: «Уровень»: «плохой»" in page
    assert confirm(client, url, bad).status_code == 200 and not Deficit.objects.exists()
    good = client.post(url, {"diagnostic": "riku", "file": sheet(
        ["СОКОЛОВА", "мария", "ивановна", "15.10.2024", "методические", "Учебные задачи", "8 из 20", "Недопустимый"],
        ["Соколова", "Мария", "Ивановна", "15.10.2024", "ИКТ", "Электронный журнал", "12 из 20", "допустимый"])},
        follow=True)
    assert "Будут загружены дефициты: 2." in good.content.decode() and not Deficit.objects.exists()
    assert "Дефицитов загружено: 2." in confirm(client, url, good).content.decode()
    assert "уже загружен" in confirm(client, url, good).content.decode()
    assert sorted(Deficit.objects.values_list("competence", "unacceptable", "diagnostic")) == [
        ("digital", False, "riku"), ("methodical", True, "riku")]


def test_klins_indicator_counts_teachers_who_closed_every_deficit_of_the_period(world):
    period = (date(2024, 9, 1), date(2025, 5, 31))
    all_closed = teacher(world.school, "Закрыла")
    deficit(all_closed, closed_on=date(2025, 5, 31))  # the period's last day
    one_open = teacher(world.school, "Незакрыла")
    deficit(one_open, closed_on=date(2025, 2, 1))
    deficit(one_open, text="второй")
    late = teacher(world.school, "Позже")
    deficit(late, closed_on=date(2025, 6, 1))  # the day after: open at the period's end
    before = teacher(world.school, "Раньше")
    deficit(before, found_on=date(2023, 10, 1), closed_on=date(2024, 8, 31))  # closed before the period: not counted
    after = teacher(world.school, "Потом")
    deficit(after, found_on=date(2025, 6, 1))  # found after it
    snapshot = Snapshot.take([world.school, world.other_school], period)
    assert FORMULAS["teachers_closed_deficits"].compute(snapshot, {world.school.pk, world.other_school.pk}) == (1, 3)


def test_the_district_reads_counts_and_the_advice_of_a_visit_never_a_name(login, world):
    today = timezone.localdate()
    HeadCount.objects.create(organization=world.school, school_year=today.year if today.month >= 9 else today.year - 1,
                             students=100, teachers=10, young_teachers=2)
    failing = teacher(world.school, "Недопустимова")
    deficit(failing, found_on=today, unacceptable=True, text="Секретный дефицит")
    deficit(teacher(world.school, "Вторая"), found_on=today, unacceptable=True)
    page = login(world.methodist).get(reverse("participants:district-deficits", args=[world.district.code]))
    text = " ".join(page.content.decode().split())
    assert "педагогов с дефицитами — 2, ликвидировали все свои дефициты — 0 (0 %)." in text
    assert "2 (20 %)" in text and "рекомендован десант" in text
    assert "Недопустимова" not in text and "Секретный дефицит" not in text
    assert login(world.school_curator).get(page.request["PATH_INFO"]).status_code == 404
    other = login(world.other_curator)
    assert other.get(reverse("participants:route", args=[world.school.code, failing.pk])).status_code == 404
    for reader in (world.curator, world.methodist, world.mentor):  # the school's deficits are its curator's
        assert login(reader).get(reverse("participants:routes", args=[world.school.code])).status_code == 403


def test_training_practices_and_deficits_move_the_dashboards_figures(world):
    """They feed computed indicators: the dashboard kept under the district's version must move with them."""
    sokolova = teacher(world.school)
    name = f"district-figures:{world.district.pk}"
    before = versions.version(name)
    TrainingRecord.objects.create(person=sokolova, programme="Наставничество", end_date=date(2024, 2, 1))
    after_training = versions.version(name)
    deficit(sokolova)
    assert before < after_training < versions.version(name)
