"""Issue #13 in Chromium: the district curator invites a school curator, who sets a password through the link in the
letter, signs in and invites a mentor from the registry; the bases and documents of the district; a programme
approved and followed by a pair; a practice submitted, reviewed by an expert and published; a draft order
downloaded; the district roadmap approved by an order."""

import re
from datetime import date

import pytest
from django.core import mail
from playwright.sync_api import expect

from participants.models import Membership, Pair, PairStatus, Practice, PracticeStatus, Programme, Role
from roadmaps.models import RoadmapStatus
from tests.documents import pdf_text
from tests.factories import form, member, person
from tests.test_roadmap_workflow import current_district_roadmap

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def test_an_invited_school_curator_sets_a_password_and_invites_a_mentor(page, sign_in, problems, shoot, world,
                                                                        live_server):
    teacher = person(world.school, "teacher", grade="", last_name="Соколова", first_name="Мария",
                     patronymic="Ивановна", email="sokolova@agin1.example")
    base = sign_in(world.curator)
    page.goto(f"{base}/d/{world.district.code}/")
    page.click("a:has-text('Пользователи и роли')")
    page.click("a:has-text('Пригласить')")
    page.fill("input[name=email]", "novikova@agin1.example")
    page.fill("input[name=last_name]", "Новикова")
    page.fill("input[name=first_name]", "Анна Сергеевна")
    page.select_option("select[name=role]", Role.DISTRICT_METHODIST)
    shoot("workspace", "invite", "«Пользователи и роли» → «Пригласить»: адрес, имя и роль. Назначить можно только роли "
                                 "своего уровня и ниже — в своём муниципалитете и его школах.")
    page.click("button:has-text('Пригласить')")
    expect(page.locator(".alert-success")).to_contain_text("Приглашение отправлено на novikova@agin1.example")
    shoot("workspace", "users", "Список пользователей: «ждёт пароля», смена и снятие роли, отключение учётной записи; "
                                "ниже — журнал изменений ролей: кто, когда, что.")

    # The school's curator is invited from the district's page too: «Где работает» offers its schools
    page.click("a:has-text('Пригласить')")
    page.get_by_label("Электронная почта").click()
    page.keyboard.type("orlova@agin1.example")
    page.get_by_label("Фамилия").click()
    page.keyboard.type("Орлова")
    page.get_by_label("Имя").click()
    page.keyboard.type("Ирина Викторовна")
    page.get_by_label("Роль").select_option(label="Куратор ОО")
    page.get_by_label("Где работает").select_option(label=str(world.school))
    page.click("button:has-text('Пригласить')")
    expect(page.locator(".alert-success")).to_contain_text("orlova@agin1.example")
    letter = next(m for m in mail.outbox if "orlova@agin1.example" in m.to)
    link = re.search(r"https?://\S+", letter.body).group(0)

    # The invited curator follows the link from the letter
    page.context.clear_cookies()
    page.goto(link)
    expect(page.locator("h1")).to_contain_text("Добро пожаловать")
    page.fill("input[name=new_password1]", "Наставник-2026!")
    page.fill("input[name=new_password2]", "Наставник-2026!")
    shoot("workspace", "set-password", "Приглашённый открывает ссылку из письма и задаёт пароль; ссылка одноразовая и "
                                       "действует ограниченное время.")
    page.click("button:has-text('Задать пароль')")
    expect(page.locator(".alert-success")).to_contain_text("Пароль задан")
    page.fill("input[name=username]", "orlova@agin1.example")
    page.fill("input[name=password]", "Наставник-2026!")
    page.click("button[type=submit]")
    page.wait_for_url("**/my/")
    expect(page.locator("body")).to_contain_text("Моя организация")

    # …and invites a mentor, tied to his entry in the registry
    page.goto(f"{base}/o/{world.school.code}/users/invite/")
    page.select_option("select[name=person]", str(teacher.pk))
    page.fill("input[name=email]", "sokolova@agin1.example")
    page.fill("input[name=last_name]", "Соколова")
    page.fill("input[name=first_name]", "Мария Ивановна")
    page.click("button:has-text('Пригласить')")
    expect(page.locator(".alert-success")).to_contain_text("sokolova@agin1.example")
    teacher.refresh_from_db()
    assert teacher.user.memberships.get().role == Role.MENTOR
    assert problems == []


def test_the_district_keeps_its_bases_and_documents_and_approves_its_roadmap(page, sign_in, problems, shoot, world,
                                                                            tmp_path):
    roadmap = current_district_roadmap(world)
    Membership.objects.filter(user=world.school_curator).update(position="заместитель директора по УВР",
                                                                order_number="58", order_date="2021-10-20")
    base = sign_in(world.curator)
    page.goto(f"{base}/d/{world.district.code}/curators/")
    shoot("workspace", "curators", "«База кураторов»: кураторы каждой школы с приказом о назначении; школа без куратора "
                                   "отмечена здесь и на странице муниципалитета. «Выгрузить в Excel» — для отчёта.")

    page.goto(f"{base}/d/{world.district.code}/partners/new/")
    page.fill("input[name=name]", "МБУК «Саянский районный Дом культуры»")
    page.fill("input[name=agreement_number]", "3")
    page.check("input[name=offers][value=sites]")
    page.check(f"input[name=schools][value='{world.school.pk}']")
    page.click("button:has-text('Сохранить')")
    expect(page.locator("table")).to_contain_text("площадки")
    shoot("workspace", "partners", "«База партнёров»: партнёры муниципалитета и школ, соглашения и их сроки — "
                                   "истекающие в ближайшие 30 дней выделены.")

    # The roadmap approved by a new order, which the register of documents then keeps
    page.goto(f"{base}/roadmaps/{roadmap.pk}/")
    page.click("a:has-text('Утвердить приказом')")
    page.fill("input[name=number]", "121-од")
    page.fill("input[name=date]", "2021-10-20")
    shoot("workspace", "adopt", "«Утвердить приказом»: приказ из реестра документов или номер и дата нового — он сам "
                                "попадёт в реестр, а в шапке карты появится «Приложение к приказу от … № …».")
    page.click("button:has-text('Утвердить')")
    expect(page.locator(".alert-success").first).to_contain_text("Дорожная карта утверждена")
    roadmap.refresh_from_db()
    assert roadmap.status == RoadmapStatus.APPROVED
    page.goto(f"{base}/d/{world.district.code}/documents/")
    expect(page.locator("table")).to_contain_text("121-од")
    shoot("workspace", "documents", "«Документы»: положение, приказы, протоколы с файлами; ниже — проекты приказов из "
                                    "данных портала в PDF и Word.")
    with page.expect_download() as download:
        page.click("li:has-text('О назначении кураторов') a:has-text('PDF')")
    assert "заместитель директора по УВР" in pdf_text(download.value.path().read_bytes(), tmp_path)
    assert problems == []


def test_a_programme_is_followed_and_a_practice_is_published_after_review(page, sign_in, problems, shoot, world):
    mentor = person(world.school, "teacher", grade="", last_name="Петров")
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form("учитель – учитель"),
                               status=PairStatus.ACTIVE,
                               start_date=date(2024, 9, 1), end_date=date(2025, 5, 31))
    pair.mentees.set([person(world.school, "teacher", grade="", last_name="Белова")])
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/programmes/new/")
    page.fill("input[name=title]", "Шаг навстречу")
    page.fill("input[name=target_group]", "обучающиеся 5–8 классов")
    page.fill("input[name=duration]", "1 учебный год")
    page.click("button:has-text('Сохранить')")
    page.click("a:has-text('Шаг навстречу')")
    page.fill("input[name=order_number]", "61")
    page.fill("input[name=order_date]", "2024-09-01")
    shoot("workspace", "programme", "Программа наставничества школы: цели, целевая группа, срок, файл; «Утвердить» — "
                                    "приказом ОО (приказ сам попадает в реестр документов).")
    page.click("button:has-text('Утвердить')")
    expect(page.locator("table")).to_contain_text("Утверждена приказом ОО")

    # The pair follows the programme
    page.goto(f"{base}/o/{world.school.code}/pairs/{pair.pk}/edit/")
    page.select_option("select[name=programme]", label="Шаг навстречу")
    page.click("input[type=submit][value='Сохранить']")
    expect(page.locator("body")).to_contain_text("Шаг навстречу")
    page.wait_for_url(f"**/pairs/{pair.pk}/")
    pair.refresh_from_db()
    assert pair.programme == Programme.objects.get(title="Шаг навстречу")

    # A practice for the bank
    page.goto(f"{base}/o/{world.school.code}/practices/new/")
    page.fill("input[name=title]", "Учимся вместе")
    page.select_option("select[name=level]", "basic")
    page.fill("textarea[name=description]", "Старшеклассники ведут мастерские для пятиклассников.")
    page.fill("textarea[name=results]", "8 из 10 наставляемых повысили оценки")
    page.click("button:has-text('отправить на рассмотрение')")
    expect(page.locator("table")).to_contain_text("На рассмотрении")

    expert = member(Role.DISTRICT_EXPERT, world.district, username="expert")
    page.context.clear_cookies()
    sign_in(expert)
    expect(page.locator(".card-todo")).to_contain_text("Практики на рассмотрении")
    page.click("a:has-text('Практики на рассмотрении')")
    page.click("a:has-text('Учимся вместе')")
    shoot("workspace", "practice-review", "Эксперт видит, что ждёт рассмотрения, и публикует практику в банке или "
                                          "возвращает её с комментарием.")
    page.click("button:has-text('Опубликовать в банке')")
    expect(page.locator(".alert-success")).to_contain_text("опубликована")
    assert Practice.objects.get().status == PracticeStatus.PUBLISHED
    page.goto(f"{base}/d/{world.district.code}/practices/?q=МАСТЕРСКИЕ")
    expect(page.locator("main")).to_contain_text("Учимся вместе")
    shoot("workspace", "bank", "Банк практик муниципалитета: поиск по словам (регистр и «ё» не важны), форме и уровню.")
    assert problems == []
