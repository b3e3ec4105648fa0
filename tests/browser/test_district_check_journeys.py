"""Issue #26 in Chromium: a school's curator enters a teacher's deficit, builds the route and closes the deficit by it,
asks the district for a methodical visit and takes a sample from the district's library; the district's curator
answers the request with an event, reads the passport and the forecast and writes to the schools lacking a mark.
Every page is checked on arrival (conftest)."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from participants.models import Deficit, Document, HeadCount, Letter
from roadmaps.models import Event, VisitRequest
from tests.factories import person

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def test_a_school_closes_a_deficit_by_its_route_and_asks_for_a_visit(page, sign_in, problems, shoot, world):
    today = timezone.localdate()
    HeadCount.objects.create(organization=world.school, school_year=today.year if today.month >= 9 else today.year - 1,
                             students=180, teachers=5, young_teachers=1)
    teacher = person(world.school, "teacher", grade="", last_name="Ветрова", first_name="Дарья",
                     patronymic="Сергеевна", birth_date=date(today.year - 25, 5, 1))
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/routes/")
    page.select_option("#id_deficit_person", str(teacher.pk))
    page.select_option("#id_deficit_competence", "psychological")
    page.fill("#id_deficit_description", "Работа с обучающимися с ОВЗ")
    page.select_option("#id_deficit_diagnostic", "iku")
    page.fill("#id_deficit_result", "6 из 20")
    page.check("#id_deficit_unacceptable")
    shoot("checks", "deficit-add", "Куратор ОО вносит дефицит педагога по результатам ИКУ или РИКУ (или загружает "
                                   "таблицу результатов диагностики по шаблону).")
    page.click("button:has-text('Внести')")
    page.wait_for_selector("text=Индивидуальный образовательный маршрут: Ветрова Дарья Сергеевна")
    page.select_option("#id_step_kind", "course")
    page.fill("#id_step_title", "Курсы «Инклюзивное образование» (36 ч)")
    page.fill("#id_step_due_on", (today + timedelta(days=30)).isoformat())
    page.select_option("#id_step_deficit", label="Работа с обучающимися с ОВЗ")
    page.click("button:has-text('Добавить шаг')")
    page.wait_for_selector("text=Шаг маршрута добавлен")
    deficit = Deficit.objects.get()
    page.fill(f"#id_d{deficit.pk}-closed_how", "Повторная ИКУ: допустимый уровень")
    page.click("button:has-text('Отметить ликвидированным')")
    page.wait_for_selector("text=Не выполнены шаги маршрута по этому дефициту")
    assert page.input_value(f"#id_d{deficit.pk}-closed_how") == "Повторная ИКУ: допустимый уровень"
    page.click("button:has-text('Выполнено')")
    page.wait_for_selector("text=снять отметку")
    shoot("checks", "route", "Маршрут педагога (ИОМ): шаги со сроками и отметками; дефицит отмечают ликвидированным, "
                             "когда выполнены шаги по нему, — с тем, чем это подтверждено.")
    page.fill(f"#id_d{deficit.pk}-closed_how", "Повторная ИКУ: допустимый уровень")
    page.click("button:has-text('Отметить ликвидированным')")
    page.wait_for_selector("text=Дефицит ликвидирован")
    deficit.refresh_from_db()
    assert deficit.closed_on == today

    Deficit.objects.create(person=teacher, competence="communicative", description="Взаимодействие с родителями",
                           diagnostic="iku", found_on=today, unacceptable=True)
    page.goto(f"{base}/o/{world.school.code}/visits/")
    assert "коммуникативные компетенции — 1 пед." in page.input_value("#id_visit_topic")
    page.fill("#id_visit_teachers", "3")
    shoot("checks", "visit-request", "Школа просит муниципалитет о методическом десанте: тема подставлена из "
                                     "дефицитов недопустимого уровня, её можно дополнить.")
    page.click("button:has-text('Отправить заявку')")
    page.wait_for_selector("text=Заявка на методический десант отправлена")
    assert VisitRequest.objects.get().teachers == 3 and problems == []


def test_the_district_answers_the_visit_and_writes_to_schools_lacking_a_mark(page, sign_in, problems, shoot, world):
    today = timezone.localdate()
    visit = VisitRequest.objects.create(organization=world.school, topic="Недопустимый уровень ИКУ: работа с ОВЗ",
                                        teachers=3, wished_from=today, wished_until=today + timedelta(days=20))
    base = sign_in(world.curator)
    page.goto(f"{base}/d/{world.district.code}/visits/")
    page.fill(f"#id_r{visit.pk}-starts_at", f"{(today + timedelta(days=5)).isoformat()}T10:00")
    page.fill(f"#id_r{visit.pk}-place", "Актовый зал школы")
    shoot("checks", "visit-answer", "Муниципалитет отвечает на заявку: назначает десант (событие в школе) или "
                                    "отклоняет с причиной.")
    page.click("button:has-text('Назначить десант')")
    page.wait_for_selector("text=Десант назначен")
    assert Event.objects.get(kind="methodical_visit").schools.get() == world.school

    page.goto(f"{base}/d/{world.district.code}/deficits/")
    shoot("checks", "deficits-district", "Муниципалитет видит по школам только числа: педагогов с дефицитами, "
                                         "ликвидировавших их и сдавших диагностику на недопустимый уровень.")
    page.goto(f"{base}/d/{world.district.code}/passport/")
    page.wait_for_selector("text=Положение о наставничестве")
    shoot("checks", "passport", "Паспорт соответствия: девять отметок по каждой школе, вычисленных из записей "
                                "портала, и этап внедрения; каждая отметка ведёт к своему подтверждению.")
    page.goto(f"{base}/d/{world.district.code}/forecast/")
    shoot("checks", "forecast", "Прогноз показателей: где школа будет к 20 мая при нынешнем темпе и сколько "
                                "ещё нужно, чтобы выйти на план.")
    page.goto(f"{base}/d/{world.district.code}/letters/")
    page.fill("#id_title", "О положении о наставничестве")
    page.fill("#id_text", "Коллеги, в библиотеке образцов — положение: возьмите его в реестр и утвердите приказом.")
    page.check("input[name=to][value=mark]")
    page.select_option("#id_group", "passport:regulation")
    shoot("checks", "letter-by-mark", "Письмо школам без отметки паспорта — например, тем, у кого нет положения о "
                                      "наставничестве.")
    page.click("button:has-text('Отправить')")
    page.wait_for_selector("text=отправлено: школ — 2")
    assert Letter.objects.get().copies.count() == 2 and problems == []


def test_a_school_takes_a_sample_from_the_library(page, sign_in, problems, shoot, world):
    Document.objects.create(district=world.district, kind="regulation", title="Положение о наставничестве (образец)",
                            date=date(2024, 8, 25), is_sample=True, file=ContentFile(b"%PDF-1.4\n", name="p.pdf"))
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/documents/library/")
    shoot("checks", "library", "Библиотека образцов муниципалитета и региона: школа скачивает образец или берёт его "
                               "в свой реестр как проект.")
    page.click("button:has-text('Взять в реестр школы')")
    page.wait_for_selector("text=в реестре школы как проект")
    page.fill("#id_number", "41-од")
    page.click("button:has-text('Сохранить')")
    page.wait_for_selector("text=Документ сохранён")
    copy = Document.objects.get(organization=world.school)
    assert copy.number == "41-од" and not copy.is_draft and problems == []
