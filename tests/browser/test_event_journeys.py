"""Issue #14 in Chromium: the district curator plans a seminar that fulfils a roadmap item, invites the schools'
curators, marks who came and holds it with the protocol — the item is done; a contest is announced, a school applies
with its pair, the expert scores, the district publishes the results and downloads the order."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from participants.models import Pair, PairStatus, Role
from roadmaps.models import Application, Contest, Event, ItemStatus
from tests.documents import pdf_text
from tests.factories import form, member, person
from tests.test_roadmap_workflow import current_district_roadmap

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_a_seminar_is_held_and_marks_the_roadmap_item(page, sign_in, problems, shoot, world, tmp_path):
    roadmap = current_district_roadmap(world)
    item = roadmap.items.alive().order_by("position").first()
    day = timezone.localdate() - timedelta(days=1)
    base = sign_in(world.curator)
    page.goto(f"{base}/d/{world.district.code}/events/new/")
    page.fill("input[name=title]", "Семинар кураторов ОО «Наставничество: первые итоги»")
    page.select_option("select[name=kind]", "seminar")
    page.fill("input[name=starts_at]", f"{day:%Y-%m-%d}T15:00")
    page.fill("input[name=place]", "УО, актовый зал")
    page.check(f"input[name=schools][value='{world.school.pk}']")
    page.select_option("select[name=item]", str(item.pk))
    shoot("events", "event-new", "Новое событие: вид, время, место, школы-участники и мероприятие дорожной карты, "
                                 "которое событие выполняет.")
    page.click("button:has-text('Сохранить')")
    expect(page.locator(".alert-success")).to_contain_text("пригласите участников")
    page.check("input[name=groups][value=curators]")
    page.click("button:has-text('Пригласить')")
    expect(page.locator("table")).to_contain_text("кураторы ОО")
    page.locator("input[name=present]").first.check()
    page.click("button:has-text('Сохранить посещаемость')")
    expect(page.locator("h2").first).to_contain_text("пришли 1 из 1")
    protocol = tmp_path / "протокол.pdf"
    protocol.write_bytes(PDF)
    page.set_input_files("input[name=protocol]", str(protocol))
    shoot("events", "event-page", "Страница события: приглашённые, отметка пришедших (или лист подписей из Excel), "
                                  "«Отметить проведённым» с протоколом.")
    page.click("button:has-text('Отметить проведённым')")
    expect(page.locator(".alert-success")).to_contain_text("выполнено")
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE and item.evidence.exists()
    assert Event.objects.get().held_on == day
    assert problems == []


def test_a_contest_from_announcement_to_the_order(page, sign_in, problems, shoot, world, tmp_path):
    expert = member(Role.DISTRICT_EXPERT, world.district, username="expert", last_name="Кузнецова",
                    first_name="Анна")
    pair = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade="",
                                                                        last_name="Соколова"),
                               form=form("учитель – учитель"), status=PairStatus.ACTIVE,
                               start_date=date(2024, 9, 1), end_date=date(2030, 5, 31))
    pair.mentees.set([person(world.school, "teacher", grade="")])
    today = timezone.localdate()
    base = sign_in(world.curator)
    page.goto(f"{base}/d/{world.district.code}/contests/new/")
    page.fill("input[name=title]", "Педагогический дуэт")
    page.fill("input[name=year]", str(today.year + 1))
    page.fill("input[name=applications_until]", f"{today + timedelta(days=10):%Y-%m-%d}")
    page.fill("input[name=judging_until]", f"{today + timedelta(days=20):%Y-%m-%d}")
    page.fill("textarea[name=criteria]", "Актуальность\nРезультативность")
    page.fill("textarea[name=nominations]", "Наставник и молодой педагог")
    page.check(f"input[name=jury][value='{expert.pk}']")
    shoot("events", "contest-new", "«Объявить конкурс»: номинации, сроки, критерии и жюри из экспертов муниципалитета.")
    page.click("button:has-text('Объявить')")
    expect(page.locator(".alert-success")).to_contain_text("объявлен")

    page.context.clear_cookies()
    sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/contests/")
    page.click("a:has-text('Подать заявку')")
    page.fill("input[name=title]", "Урок вдвоём")
    page.click("button:has-text('Подать заявку')")  # no nomination chosen: said on the page, the title kept
    expect(page.locator(".invalid-feedback").first).to_contain_text("Обязательное поле")
    expect(page.locator("input[name=title]")).to_have_value("Урок вдвоём")
    page.select_option("select[name=nomination]", index=1)
    page.select_option("select[name=pair]", str(pair.pk))
    page.click("button:has-text('Подать заявку')")
    expect(page.locator(".alert-success")).to_contain_text("Заявка")

    page.context.clear_cookies()
    sign_in(expert)
    page.goto(f"{base}{Application.objects.get().contest.get_absolute_url()}")
    page.locator("input[type=number]").nth(0).fill("9")
    page.locator("input[type=number]").nth(1).fill("8")
    shoot("events", "contest-jury", "Член жюри ставит баллы по каждому критерию прямо в таблице заявок.")
    page.click("button:has-text('Оценить')")
    expect(page.locator(".alert-success")).to_contain_text("Оценка сохранена")

    page.context.clear_cookies()
    sign_in(world.curator)
    contest = Application.objects.get().contest
    page.goto(f"{base}{contest.get_absolute_url()}")
    expect(page.locator("#publish-not-yet")).to_contain_text("итоги — после окончания приёма заявок")
    Contest.objects.filter(pk=contest.pk).update(applications_until=today - timedelta(days=1))  # time passes
    page.reload()
    page.click("button:has-text('Опубликовать итоги')")
    expect(page.locator("table")).to_contain_text("Победитель")
    shoot("events", "contest-results", "Итоги: места по среднему баллу; «Приказ об итогах» — в PDF и Word.")
    with page.expect_download() as download:
        page.click("a:has-text('Приказ об итогах (PDF)')")
    assert "Об итогах конкурса «Педагогический дуэт»" in pdf_text(download.value.path().read_bytes(), tmp_path)
    assert problems == []
