"""Issue #25 in Chromium: the school's curator gives a pupil's parent a personal link; the parent, on a phone, sees
the child's plan, marks a task, gives the consent and writes to the curator, who reads it; a young teacher signs in
and works through her own plan. Every page is checked on arrival (conftest)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from participants.models import Pair, PairStatus
from tests.browser.conftest import PHONE
from tests.factories import UserFactory, form, person

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def _pupil_in_a_pair(world):
    today = timezone.localdate()
    pupil = person(world.school, last_name="Кузнецова", first_name="Алина", grade="4А",
                   birth_date=date(today.year - 10, 3, 1), consent=False)
    mentor = person(world.school, last_name="Соколов", first_name="Пётр", grade="10А",
                    birth_date=date(today.year - 16, 3, 1))
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form(), status=PairStatus.FORMING,
                               start_date=today - timedelta(days=20), end_date=today + timedelta(days=150))
    pair.mentees.set([pupil])
    pair.tasks.create(title="Прочитать «Уроки французского»", due=today + timedelta(days=7))
    pair.meetings.create(kind="work", planned_on=today + timedelta(days=3), topic="Подготовка к олимпиаде")
    return pupil, pair


def test_a_parent_on_a_phone_follows_the_plan_and_gives_the_consent(page, sign_in, problems, shoot, world):
    pupil, pair = _pupil_in_a_pair(world)
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/people/{pupil.pk}/")
    page.click("button:has-text('Выдать ссылку родителя')")
    link = page.locator("#shown-link").input_value()
    shoot("participant", "cabinet-link", "Куратор ОО на карточке ученика выдаёт ссылку родителю: адрес показывается "
                                         "один раз — его копируют и передают родителю.")
    page.context.clear_cookies()  # the parent is someone else, on another device

    page.set_viewport_size(PHONE)
    page.goto(link)
    page.wait_for_selector("text=Наставник:")
    shoot("participant", "cabinet-parent-phone", "Родитель открывает ссылку на телефоне без пароля: наставник, "
                                                 "следующая встреча, задачи плана.")
    page.click("button[aria-label^='Отметить выполненной']")
    page.wait_for_selector("text=выполнена")
    page.fill("#given-by", "Кузнецова Ольга Ивановна")
    page.check("#consent-confirm")
    page.click("button:has-text('Дать согласие')")
    page.wait_for_selector("text=Согласие на обработку персональных данных дано")
    shoot("participant", "cabinet-consent", "Согласие на обработку данных ребёнка родитель даёт здесь же; отозвать "
                                            "его можно на той же странице.")
    page.fill("#message-text", "Алина болеет, перенесите, пожалуйста, встречу.")
    page.click("button:has-text('Отправить')")
    page.wait_for_selector("text=Сообщение отправлено куратору")
    assert pair.tasks.get().done and pupil.consents.get().given_by == "Кузнецова Ольга Ивановна"

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    base = sign_in(world.school_curator)
    page.click("a:has-text('Алина болеет')")
    page.wait_for_selector("#cabinet")
    shoot("participant", "cabinet-curator-messages", "Куратор видит сообщение на «Моих задачах» и на карточке "
                                                     "ученика и отмечает его прочитанным.")
    page.click("button:has-text('Отметить прочитанными')")
    page.wait_for_selector("#cabinet")
    assert problems == []


def test_a_young_teacher_signs_in_and_marks_her_plan(page, sign_in, problems, shoot, world):
    account = UserFactory(username="vetrova", last_name="Ветрова", first_name="Дарья Сергеевна")
    today = timezone.localdate()
    teacher = person(world.school, "teacher", grade="", last_name="Ветрова", first_name="Дарья",
                     birth_date=date(today.year - 25, 5, 1), teaching_since=today - timedelta(days=300), user=account)
    pair = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade="",
                                                                         last_name="Ёлкин", first_name="Андрей"),
                               form=form("учитель – учитель"), status=PairStatus.ACTIVE,
                               start_date=today - timedelta(days=40), end_date=today + timedelta(days=200))
    pair.mentees.set([teacher])
    task = pair.tasks.create(title="Провести открытый урок", due=today + timedelta(days=10))
    sign_in(account)
    page.click("a:has-text('Открыть')")
    page.wait_for_selector("text=Ёлкин Андрей")
    shoot("participant", "cabinet-mentee", "Наставляемый с учётной записью видит на «Моих задачах» блок «Моё "
                                           "наставничество»: пару, план и встречи.")
    page.click("button[aria-label='Отметить выполненной: Провести открытый урок']")
    page.wait_for_selector("text=«Провести открытый урок»: выполнена")
    task.refresh_from_db()
    assert task.done and problems == []


def test_a_parent_answers_an_open_link_and_the_curator_takes_the_child_in(page, sign_in, problems, shoot, world,
                                                                           live_server):
    from participants.models import Person
    from participants.recruitment.models import RecruitmentForm

    record = RecruitmentForm.objects.create(organization=world.school, audience="parents",
                                            title="Родительское собрание 5 «Б»")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/join/{record.token}/")
    page.fill("#id_last_name", "Орлов")
    page.fill("#id_first_name", "Илья")
    page.fill("#id_birth_date", (timezone.localdate() - timedelta(days=365 * 10 + 40)).isoformat())
    page.fill("#id_grade", "5Б")
    page.fill("#id_about", "Подтянуть математику, интересуется шахматами")
    page.fill("#id_consent_by", "Орлова Анна Сергеевна")
    page.check("#id_consent")
    shoot("participant", "recruitment-phone", "Анкета набора по открытой ссылке — с телефона, без входа: родитель "
                                              "заполняет её за ребёнка и даёт согласие на то, что в ней указано.")
    page.click("button:has-text('Отправить анкету')")
    page.wait_for_selector("text=Спасибо, анкета принята")
    assert "Орлов" not in page.content()

    page.set_viewport_size({"width": 1280, "height": 900})
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/recruitment/")
    shoot("participant", "recruitment-candidates", "Ответы приходят кандидатами: куратор вносит кандидата в реестр "
                                                   "(вместе с согласием из анкеты) или отклоняет.")
    page.click("button:has-text('Внести в реестр')")
    page.wait_for_selector("text=внесён(а) в реестр")
    child = Person.objects.get(last_name="Орлов")
    assert child.consent_on(timezone.localdate()).given_by == "Орлова Анна Сергеевна" and problems == []
