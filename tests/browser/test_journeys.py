"""Each role's week in Chromium, clicking and typing as a person would: the district curator, the school curator, the
mentor, the methodist, and a questionnaire answered on a phone. Every page is checked on arrival (conftest: axe-core
WCAG 2.1 AA, no page wider than its window, no script error, no server error), and the screenshots become the user
guide (docs/GUIDE.md)."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from monitoring.models import Indicator, Target
from participants.models import HeadCount, Meeting, Pair, PairStatus
from roadmaps.models import Roadmap, RoadmapStatus
from roadmaps.services import roadmap_submit
from tests.browser.conftest import PHONE
from tests.documents import docx_bytes, pdf_text
from tests.test_roadmap_import import TABLE
from tests.test_roadmap_workflow import current_district_roadmap

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def test_the_district_curator_runs_the_roadmap_and_approves_a_school(page, sign_in, problems, shoot, world, objects,
                                                                      tmp_path):
    roadmap = current_district_roadmap(world)
    base = sign_in(world.curator)
    shoot("district", "district-home", "После входа — «Мои задачи»: что согласовать, ближайшие и просроченные сроки, "
                                       "ваши муниципалитеты.")
    page.goto(f"{base}/roadmaps/{roadmap.pk}/")
    first, second, _ = roadmap.items.alive().order_by("position")

    # Edit in place: the pencil opens the row as a form; Ctrl+Enter saves.
    page.click(f"#item-{first.pk} a[title='Изменить']")
    field = page.locator(f"#item-{first.pk} textarea[name=name]")
    field.fill("Утверждение состава муниципальной рабочей группы по внедрению ЦМН")
    shoot("district", "item-edit", "Мероприятие правится прямо в таблице: карандаш открывает строку как форму, "
                                   "Ctrl+Enter сохраняет, Esc отменяет.")
    field.press("Control+Enter")
    page.wait_for_selector(f"#item-{first.pk} >> text=по внедрению ЦМН")

    # Add an item to the section.
    page.click("a:has-text('Мероприятие в раздел 1')")
    # The form arrives by htmx: typed before htmx has wired its field, the keys asked nothing (1 run in 3 on PostgreSQL).
    page.wait_for_load_state("networkidle")
    page.fill("textarea[name=name]", "Совещание кураторов ОО по итогам полугодия")
    page.locator("input[name=deadline_text]").press_sequentially("до 20 дека", delay=40)  # as a person types
    page.wait_for_selector(".deadline-understood .text-danger >> text=понято: срок не распознан")
    page.locator("input[name=deadline_text]").fill(f"Декабрь {timezone.localdate().year + 1}")
    page.wait_for_selector(f".deadline-understood >> text=понято: декабрь {timezone.localdate().year + 1}")
    shoot("district", "item-deadline-understood", "Под сроком портал говорит, как он его понял, — прямо во время "
                                                  "набора; нераспознанный срок выделен красным.")
    page.fill("textarea[name=responsible]", "Рябцева Е.В.")
    page.locator("textarea[name=name]").press("Control+Enter")
    page.wait_for_selector("text=Совещание кураторов ОО по итогам полугодия")
    assert roadmap.items.alive().count() == 4

    # Move the second item up.
    page.click(f"#item-{second.pk} button[title='Выше']")
    page.wait_for_selector(f"#item-{second.pk} ~ #item-{first.pk}")  # the table comes back in the new order
    shoot("district", "roadmap-table", "Дорожная карта муниципалитета: сроки как в документе и как их понял портал, "
                                       "просроченное выделено; стрелки переставляют мероприятия.")

    # Copy to schools: all items, every school of the district.
    page.click("a:has-text('В школы')")
    page.check("#items-all")
    page.check("input[name=all_schools]")
    shoot("district", "copy-to-schools", "«В школы»: отмеченные мероприятия попадают в черновики дорожных карт школ; "
                                         "прошедшие сроки и уже скопированное не копируются.")
    page.click("button:has-text('Скопировать')")
    page.wait_for_selector("text=Не скопировано — срок уже прошёл")
    assert world.other_school.roadmaps.get().items.count() == 3  # the item of last year stayed behind

    # Review and approve a school's roadmap: the roadmap is on the review page.
    school_roadmap = objects["school_roadmap"]
    roadmap_submit(roadmap=school_roadmap, user=world.school_curator)
    page.goto(f"{base}/roadmaps/{school_roadmap.pk}/review/")
    assert page.locator("text=Внутренний мониторинг в ОО").count() >= 1
    page.fill("#id_comment", "Согласовано на заседании рабочей группы")
    shoot("district", "review", "Согласование дорожной карты школы: сама карта на той же странице, изменения после "
                                "прошлого согласования — сверху.")
    page.click("button:has-text('Согласовать')")
    page.wait_for_selector("text=Дорожная карта согласована.")
    assert Roadmap.objects.get(pk=school_roadmap.pk).status == RoadmapStatus.APPROVED

    # The roadmap as PDF for signing.
    page.goto(f"{base}/roadmaps/{roadmap.pk}/")
    with page.expect_download() as download:
        page.click("a:has-text('PDF')")
    assert "Совещание кураторов ОО по итогам полугодия" in pdf_text(
        download.value.path().read_bytes(), tmp_path)
    assert problems == []


def test_the_school_curator_imports_registers_pairs_and_prints_the_order(page, sign_in, problems, shoot, world,
                                                                         tmp_path):
    base = sign_in(world.school_curator)
    code = world.school.code

    # A roadmap from Word, then sent for approval.
    page.goto(f"{base}/o/{code}/roadmaps/import/")
    document = tmp_path / "karta.docx"
    document.write_bytes(docx_bytes(TABLE))
    page.set_input_files("input[name=file]", str(document))
    page.click("button:has-text('Прочитать файл')")
    page.wait_for_selector("button:has-text('Подтвердить импорт')")
    shoot("school", "roadmap-import", "Импорт дорожной карты из Word или Excel: предпросмотр показывает каждое "
                                      "мероприятие и где оно было в файле; ничего не сохраняется до подтверждения.")
    page.click("button:has-text('Подтвердить импорт')")
    page.wait_for_selector("button:has-text('На согласование')")
    page.click("button:has-text('На согласование')")
    page.wait_for_selector("text=отправлена на согласование")
    assert world.school.roadmaps.get().status == RoadmapStatus.SUBMITTED

    # The registry from the portal's template.
    page.goto(f"{base}/o/{code}/people/import/")
    with page.expect_download() as download:
        page.click("a:has-text('Скачайте шаблон')")
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    sheet = book.active
    header = [c.value for c in sheet[1]]

    def row(**values):
        sheet.append([values.get(label) for label in header])

    row(**{"Фамилия": "Ёлкин", "Имя": "Андрей", "Отчество": "Васильевич", "Категория": "обучающийся",
           "Класс / курс": "11А", "Дата рождения": date(2008, 4, 1), "Кто дал согласие": "родитель",
           "Согласие дал(а)": "Ёлкина Ольга Петровна", "Дата согласия": date(2024, 9, 2),
           "Наставник: компетенции": "математика, олимпиады"})
    for last, first, grade in (("Белова", "Анна", "7Б"), ("Белова", "Анна", "9В"), ("Жуков", "Пётр", "7Б")):
        row(**{"Фамилия": last, "Имя": first, "Отчество": "Игоревна" if first == "Анна" else "Ильич",
               "Категория": "обучающийся", "Класс / курс": grade,
               "Дата рождения": date(2010, 5, 5) if grade == "9В" else date(2012, 3, 3),
               "Кто дал согласие": "родитель", "Согласие дал(а)": f"{last}а Мария (мать)" if last == "Жуков"
               else "Белова Мария (мать)", "Дата согласия": date(2024, 9, 2),
               "Запрос наставляемого": "Подтянуть математику"})
    filled = tmp_path / "reestr.xlsx"
    book.save(filled)
    page.set_input_files("input[name=file]", str(filled))
    page.click("button:has-text('Прочитать файл')")
    page.wait_for_selector("text=Будут добавлены: 4")
    assert page.locator("text=строка-образец из шаблона — пропущена").count() == 1
    page.click("button:has-text('Подтвердить импорт')")
    page.wait_for_selector("text=Добавлено в реестр: 4")

    # A pair from a matching suggestion, a second mentee added with the picker.
    page.goto(f"{base}/o/{code}/matching/")
    shoot("school", "matching", "Подбор наставников: для каждого запроса — подходящие наставники с баллами; «Создать "
                                "пару» открывает форму пары с уже выбранными людьми.")
    page.click("a:has-text('Создать пару')")
    page.wait_for_selector("#id_form")
    page.select_option("#id_form", label="ученик – ученик")
    page.click("#id_mentees-ts-control")
    page.keyboard.type("белова 9в")  # a namesake found by name and class, in any case
    expect(page.locator(".ts-dropdown .option:has-text('— 7Б')")).to_have_count(0)  # waits for the search
    expect(page.locator(".ts-dropdown .option:has-text('Белова Анна Игоревна — 9В')")).to_have_count(1)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type("Жуков")
    page.click(".ts-dropdown .option:has-text('Жуков Пётр Ильич — 7Б')")
    page.wait_for_selector(".ts-control .item:has-text('Жуков Пётр Ильич')")
    page.keyboard.press("Escape")
    page.fill("#id_end_date", str(timezone.localdate() + timedelta(days=200)))
    shoot("school", "pair-form", "Пара или группа: наставник и наставляемые выбираются поиском по фамилии, классу "
                                 "или категории; у каждого видны класс и возраст, однофамильцы различимы.")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Пара создана")
    pair = Pair.objects.get()
    assert pair.mentor.last_name == "Ёлкин" and {m.last_name for m in pair.mentees.all()} == {"Белова", "Жуков"}

    # The order on the chosen pairs, ready to sign.
    page.goto(f"{base}/o/{code}/pairs/")
    page.check(f"input[name=pair][value='{pair.pk}']")
    with page.expect_download() as download:
        page.click("button:has-text('Проект приказа')")
    assert "О закреплении наставнических пар/групп" in pdf_text(download.value.path().read_bytes(), tmp_path)
    assert problems == []


def test_the_mentor_records_a_meeting(page, sign_in, problems, shoot, world, objects):
    mentor, pair = objects["mentor"], objects["pair"]
    mentor.user = world.mentor
    mentor.save()
    base = sign_in(world.mentor)
    page.goto(f"{base}/my/pairs/")
    shoot("mentor", "my-pairs", "«Мои пары»: пары и группы, где вы наставник, с выполнением плана.")
    page.click(f"a[href='{pair.get_absolute_url()}']")
    meeting = pair.meetings.exclude(pk=objects["meeting"].pk).order_by("planned_on").first() or objects["meeting"]
    row = page.locator(f"#meeting-{meeting.pk}").locator("xpath=ancestor::tr")
    today = timezone.localdate()
    row.locator("input[name=held_on]").fill(str(today))
    row.locator("input[name=notes]").fill("Познакомились, обсудили цели")
    shoot("mentor", "meeting", "Встреча отмечается проведённой в день встречи или позже; заметки видит куратор.")
    row.locator("button:has-text('Сохранить')").click()
    page.wait_for_selector("text=Встреча записана.")
    assert Meeting.objects.get(pk=meeting.pk).held_on == today
    assert problems == []


def test_the_methodist_reads_the_dashboard_and_checks_the_report_files(page, sign_in, problems, shoot, world,
                                                                       objects, tmp_path):
    from monitoring.selectors import last_complete_year, plan_versus_actual, year_period

    today = timezone.localdate()
    year = last_complete_year(today)
    start, end = year_period(year, today)
    HeadCount.objects.create(organization=world.school, school_year=year - 1, students=8, teachers=4,
                             young_teachers=1)
    indicator = Indicator.objects.create(district=world.district, position=1, name="Обучающиеся в наставничестве",
                                         formula="students_in_mentoring")
    Target.objects.create(indicator=indicator, year=year, value=50)
    Pair.objects.filter(pk=objects["pair"].pk).update(start_date=start, end_date=end, status=PairStatus.ACTIVE)
    [row] = plan_versus_actual([indicator], [world.school, world.other_school], [year], today)
    expected = f"{row.cells[year].actual:.1f}".replace(".", ",")

    base = sign_in(world.methodist)
    page.goto(f"{base}/d/{world.district.code}/indicators/")
    shoot("methodist", "dashboard", "Показатели муниципалитета: факт из реестра против плана по годам и по школам; "
                                    "идущий учебный год помечен «год идёт» и не оценивается.")
    page.click("a:has-text('Аналитическая справка')")
    page.wait_for_selector("h1:has-text('Аналитическая справка')")
    shoot("methodist", "report", "Аналитическая справка: те же цифры, что на странице показателей; PDF и Excel "
                                 "формируются в фоне.")
    files = {}
    for label in ("PDF", "Excel"):
        page.goto(f"{base}/d/{world.district.code}/report/?year={year}")
        page.click(f"a:has-text('Скачать {label}'), a:has-text('Скачать {label.upper()}')")
        page.wait_for_url("**/my/exports/")
        with page.expect_download() as download:
            page.locator("a:has-text('Скачать')").first.click()
        files[label] = download.value.path().read_bytes()
    assert expected in pdf_text(files["PDF"], tmp_path)
    cells = [c for r in load_workbook(io.BytesIO(files["Excel"])).active.iter_rows(values_only=True) for c in r]
    assert round(row.cells[year].actual / 100, 4) in [round(c, 4) for c in cells if isinstance(c, float)] \
        or row.cells[year].actual in cells
    assert problems == []


def test_a_questionnaire_is_answered_on_a_phone(page, problems, shoot, live_server, objects):
    invitation = objects["invitation"]
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/q/{invitation.token}/")
    for group in page.locator("fieldset").all():
        radios = group.locator("input[type=radio]")
        if radios.count():
            radios.nth(radios.count() - 1).check(force=True)
    shoot("questionnaire", "questionnaire-phone", "Анкета по личной ссылке открывается на телефоне без входа; "
                                                  "оценки — кнопками, отправить можно один раз.")
    page.click("button:has-text('Отправить ответы')")
    page.wait_for_selector("text=Спасибо")
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    assert problems == []



def test_the_district_curator_turns_an_order_into_tasks_for_the_schools(page, sign_in, problems, shoot, world):
    from tests.test_orders import SEED

    base = sign_in(world.curator)
    page.goto(f"{base}/d/{world.district.code}/orders/")
    page.click("a:has-text('Загрузить приказ')")
    page.set_input_files("input[name=file]", str(SEED))
    page.click("button:has-text('Прочитать приказ')")
    page.wait_for_selector("text=Приказ от 03.12.2020 № 78-ОД")
    shoot("district", "order-preview", "Приказ в задачи: портал читает номер, дату и пронумерованные пункты с "
                                       "исполнителем и сроком; обязанности школ попадут в дорожную карту каждой школы.")
    page.click("button:has-text('Подтвердить')")
    page.wait_for_selector("h2:has-text('Что выполнили школы')")
    shoot("district", "order-checklist", "Кто что выполнил: по каждому пункту для школ — состояние в дорожной карте "
                                         "каждой школы.")
    assert page.locator("text=в работе").count() > 0
    page.goto(f"{base}/o/{world.school.code}/orders/")
    assert page.locator("text=назначить куратора").count() == 1
    assert problems == []
