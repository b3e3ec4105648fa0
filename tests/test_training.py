"""Training of mentors and curators: entered one by one or from an Excel list (all rows or none, problems by row); the
district sees the share trained in the last three years and who is not; two of Клин's indicators are computed from it."""

import io
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from mentoring_portal.lib.schoolyear import years_before
from monitoring.formulas import FORMULAS, Snapshot
from monitoring.selectors import year_period
from participants.models import Pair, PairStatus, TrainingRecord
from participants.training.importing import HEADERS
from tests.factories import HeadCountFactory, form, person


def sheet(*rows) -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(HEADERS)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("обучение.xlsx", buffer.getvalue())


def live_pair(school, mentor):
    pair = Pair.objects.create(organization=school, mentor=mentor, form=form("учитель – учитель"),
                               status=PairStatus.ACTIVE, start_date=date(2024, 9, 1), end_date=date(2025, 5, 31))
    pair.mentees.set([person(school, "teacher", grade="")])
    return pair


def test_a_school_enters_training_and_a_future_course_is_refused(login, world):
    teacher = person(world.school, "teacher", grade="", last_name="Соколова")
    client = login(world.school_curator)
    url = reverse("participants:training-add", args=[world.school.code])
    future = (timezone.localdate() + timedelta(days=5)).isoformat()
    refused = client.post(url, {"person": teacher.pk, "programme": "Наставничество в ОО", "topic": "mentoring",
                                "end_date": future})
    assert refused.status_code == 400 and "окончание не может быть в будущем" in refused.content.decode()
    assert "Наставничество в ОО" in refused.content.decode()
    client.post(url, {"person": teacher.pk, "programme": "Наставничество в ОО", "topic": "mentoring", "hours": 72,
                      "end_date": "2024-02-28"})
    assert TrainingRecord.objects.get().person == teacher


def confirm(client, url, response):
    """The preview's «Подтвердить загрузку» of the job the upload started."""
    return client.post(url, {"confirm": "1", "job": response.redirect_chain[-1][0].split("job=")[1]}, follow=True)


def test_an_excel_list_is_read_in_the_background_and_loaded_whole_or_not_at_all(login, world):
    person(world.school, "teacher", grade="", last_name="Соколова", first_name="Мария", patronymic="Ивановна")
    client = login(world.school_curator)
    url = reverse("participants:training-import", args=[world.school.code])
    bad = client.post(url, {"topic": "mentoring", "file": sheet(
        ["Соколова", "Мария", "Ивановна", "Наставничество", "КК ИПК", 72, "01.02.2024", "28.02.2024", "24-1"],
        ["Петров", "Пётр", "", "Наставничество", "КК ИПК", "много", "01.02.2024", "31.02.2024", ""])}, follow=True)
    page = bad.content.decode()
    assert "?job=" in bad.redirect_chain[0][0] and "Ничего не загружено" in page
    assert "Строка 3: «Петров Пётр» нет среди взрослых в реестре школы." in page
    assert "Строка 3: «Часов»: «много» — укажите целое число." in page
    assert "Строка 3: «Окончание»: «31.02.2024» — укажите дату как ДД.ММ.ГГГГ." in page
    assert "Подтвердить загрузку" not in page
    assert confirm(client, url, bad).status_code == 200 and not TrainingRecord.objects.exists()
    good = client.post(url, {"topic": "tutoring", "file": sheet(
        ["соколова", "мария", "ивановна", "Тьюторское сопровождение", "КК ИПК", 36, "01.02.2024", "28.02.2024", "24-1"])},
        follow=True)
    assert "Будут загружены записи: 1." in good.content.decode() and "Соколова Мария Ивановна" in good.content.decode()
    assert not TrainingRecord.objects.exists()
    assert "Записей об обучении загружено: 1." in confirm(client, url, good).content.decode()
    assert "уже загружен" in confirm(client, url, good).content.decode()  # a second click saves nothing more
    record = TrainingRecord.objects.get()
    assert (record.hours, record.topic, record.certificate_number) == (36, "tutoring", "24-1")
    assert record.added_by == world.school_curator


def test_a_file_that_is_not_excel_is_refused_in_russian(login, world):
    response = login(world.school_curator).post(reverse("participants:training-import", args=[world.school.code]),
                                                {"topic": "mentoring", "file": SimpleUploadedFile("список.xlsx", b"xx")},
                                                follow=True)
    assert "Нужна таблица Excel (.xlsx, .xls)" in response.content.decode() and not TrainingRecord.objects.exists()


def test_the_district_sees_who_is_not_trained(login, world):
    trained = person(world.school, "teacher", grade="", last_name="Обученная")
    untrained = person(world.school, "teacher", grade="", last_name="Необученный")
    long_ago = person(world.school, "teacher", grade="", last_name="Давнишняя")
    for mentor in (trained, untrained, long_ago):
        live_pair(world.school, mentor)
    today = timezone.localdate()
    TrainingRecord.objects.create(person=trained, programme="Наставничество", end_date=today - timedelta(days=30))
    TrainingRecord.objects.create(person=long_ago, programme="Наставничество",
                                  end_date=years_before(today, 3) - timedelta(days=1))
    page = login(world.curator).get(reverse("participants:district-training", args=[world.district.code]))
    text = page.content.decode()
    assert "Наставников в действующих парах: 3, обучены за последние три года: 1." in text
    assert "Необученный" in text and "Давнишняя" in text and "Обученная" not in text.split("Не обучены")[1]
    assert login(world.school_curator).get(page.request["PATH_INFO"]).status_code == 404


def test_klins_training_indicators_are_computed(world):
    period = year_period(2025, date(2025, 6, 1))
    HeadCountFactory(organization=world.school, school_year=2024, young_teachers=4)
    mentor = person(world.school, "teacher", grade="", teaching_since=date(2000, 9, 1))
    other = person(world.school, "teacher", grade="", teaching_since=date(2001, 9, 1))
    live_pair(world.school, mentor)
    live_pair(world.school, other)
    young = person(world.school, "teacher", grade="", teaching_since=date(2023, 9, 1))
    TrainingRecord.objects.create(person=mentor, programme="Тьюторы", end_date=date(2024, 3, 1))
    TrainingRecord.objects.create(person=young, programme="Курсы", end_date=date(2024, 11, 1))
    TrainingRecord.objects.create(person=other, programme="Давно", end_date=date(2020, 3, 1))
    snapshot = Snapshot.take([world.school], period)
    assert FORMULAS["mentors_trained"].compute(snapshot, {world.school.pk}) == (1, 2)
    assert FORMULAS["young_teachers_trained"].compute(snapshot, {world.school.pk}) == (1, 4)
