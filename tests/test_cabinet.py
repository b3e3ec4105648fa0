"""Issue #25: a mentee or a pupil's parent takes part himself — by a personal link the school's curator gives (or a
mentee's own account): sees his pair or group, its plan and meetings, marks a task, writes to the curator; a parent
gives or withdraws the consent to the processing of the child's data. Each sees his own, and nothing else."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from monitoring.models import Invitation, Questionnaire
from participants.cabinet import services
from participants.cabinet.models import LinkKind, ParticipantMessage, PersonalLink
from participants.cabinet.rules import CABINET, MESSAGES_A_DAY, Viewer
from participants.models import Pair, PairStatus
from participants.services.erasure import person_anonymise
from tests.factories import form, person

TODAY = timezone.localdate()


def born(years: int, days: int = 0) -> date:
    """A birth date that makes someone `years` old today (plus `days` more)."""
    return date(TODAY.year - years, TODAY.month, min(TODAY.day, 28)) - timedelta(days=days)


@pytest.fixture
def pupil(world):
    return person(world.school, last_name="Кузнецова", first_name="Алина", birth_date=born(10), consent=False)


@pytest.fixture
def pair(world, pupil):
    mentor = person(world.school, "student", last_name="Соколов", first_name="Пётр", grade="10А",
                    birth_date=born(16))
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form(), status=PairStatus.ACTIVE,
                               start_date=TODAY - timedelta(days=60), end_date=TODAY + timedelta(days=120))
    pair.mentees.set([pupil, person(world.school, last_name="Захарова", first_name="Ника", birth_date=born(10))])
    pair.tasks.create(title="Прочитать «Уроки французского»", due=TODAY + timedelta(days=7))
    pair.meetings.create(kind="acquaintance", planned_on=TODAY - timedelta(days=50), held_on=TODAY - timedelta(days=50))
    pair.meetings.create(kind="work", planned_on=TODAY + timedelta(days=3), topic="Подготовка к олимпиаде")
    return pair


@pytest.fixture
def other_pair(world):
    """Another pupil's pair in the same school: never on the first pupil's page."""
    mentee = person(world.school, last_name="Орлова", first_name="Вера", birth_date=born(11))
    other = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade="",
                                                                          last_name="Белова"),
                                form=form(), status=PairStatus.ACTIVE, start_date=TODAY - timedelta(days=30),
                                end_date=TODAY + timedelta(days=90))
    other.mentees.set([mentee])
    other.tasks.create(title="Секретная задача другой пары")
    return other


def issue(login, world, someone, kind) -> str:
    """The curator gives a link on the card; returns its address as shown (once)."""
    client = login(world.school_curator)
    card = client.post(reverse("participants:person-link", args=[world.school.code, someone.pk]), {"kind": kind},
                       follow=True).content.decode()
    marker = 'id="shown-link" readonly value="'
    assert marker in card, card
    url = card.split(marker)[1].split('"')[0]
    return url.replace("http://testserver", "")


# The rules, row by row --------------------------------------------------------------------------------------------
ISSUE_ROWS = [
    ("a parent's link for a child of 10", 10, "student", LinkKind.PARENT, True, "ГК РФ ст. 28"),
    ("the child's own link at 10", 10, "student", LinkKind.MENTEE, False, "ГК РФ ст. 28: до 14 — родитель"),
    ("the own link at 14", 14, "student", LinkKind.MENTEE, True, "ГК РФ ст. 26: с 14 лет сам"),
    ("the own link the day before 14", 13, "student", LinkKind.MENTEE, False, "ГК РФ ст. 28"),
    ("a parent's link at 17", 17, "student", LinkKind.PARENT, True, "ГК РФ ст. 26: несовершеннолетний"),
    ("a parent's link for an adult", 25, "teacher", LinkKind.PARENT, False, "совершеннолетний действует сам"),
    ("an adult's own link", 25, "teacher", LinkKind.MENTEE, True, "совершеннолетний действует сам"),
    ("a pupil without a birth date: own link", None, "student", LinkKind.MENTEE, False, "возраст не известен"),
    ("a pupil without a birth date: a parent's", None, "student", LinkKind.PARENT, True, "ученик — несовершеннолетний"),
]


@pytest.mark.parametrize("case, years, category, kind, allowed, source", ISSUE_ROWS, ids=[r[0] for r in ISSUE_ROWS])
def test_who_gets_a_link(world, case, years, category, kind, allowed, source):
    someone = person(world.school, category, birth_date=born(years, days=-1 if "day before" in case else 0)
                     if years is not None else None, consent=False)
    assert CABINET.allows("issue", person=someone, kind=kind, today=TODAY) is allowed, source


def test_an_erased_person_gets_no_link(world):
    someone = person(world.school, birth_date=born(10))
    person_anonymise(person=someone, user=world.school_curator)
    someone.refresh_from_db()
    assert CABINET.problems("issue", person=someone, kind=LinkKind.PARENT, today=TODAY) == [
        "Данные участника удалены по запросу: ссылку выдать нельзя."]


MARK_ROWS = [
    ("a parent of a child of 10", 10, LinkKind.PARENT, PairStatus.ACTIVE, True, "до 14 — родитель"),
    ("a parent of a teenager of 15", 15, LinkKind.PARENT, PairStatus.ACTIVE, False, "с 14 — сам"),
    ("the teenager himself", 15, LinkKind.MENTEE, PairStatus.ACTIVE, True, "с 14 — сам"),
    ("a forming pair", 15, LinkKind.MENTEE, PairStatus.FORMING, True, "план ведётся, пока пара работает"),
    ("a completed pair", 15, LinkKind.MENTEE, PairStatus.COMPLETED, False, "план ведётся, пока пара работает"),
]


@pytest.mark.parametrize("case, years, kind, status, allowed, source", MARK_ROWS, ids=[r[0] for r in MARK_ROWS])
def test_who_marks_the_plan(world, case, years, kind, status, allowed, source):
    viewer = Viewer(person(world.school, birth_date=born(years)), kind)
    assert CABINET.allows("mark_task", viewer=viewer, pair=Pair(status=status), today=TODAY) is allowed, source


@pytest.mark.parametrize("text, sent_today, allowed", [
    ("Можно перенести встречу?", 0, True), ("   ", 0, False), ("а" * 2001, 0, False),
    ("Ещё вопрос", MESSAGES_A_DAY - 1, True), ("Ещё вопрос", MESSAGES_A_DAY, False)])
def test_what_may_be_written(world, text, sent_today, allowed):
    viewer = Viewer(person(world.school, birth_date=born(15)), LinkKind.MENTEE)
    assert CABINET.allows("write", viewer=viewer, text=text, sent_today=sent_today, today=TODAY) is allowed


def test_who_gives_and_withdraws_the_consent(world, pupil):
    teenager = person(world.school, birth_date=born(15), consent=False)
    adult = person(world.school, "teacher", birth_date=born(25), consent=False)
    consent = teenager.consents.first()
    assert CABINET.allows("give_consent", viewer=Viewer(pupil, LinkKind.PARENT), consent=None, confirmed=True,
                          today=TODAY)
    assert not CABINET.allows("give_consent", viewer=Viewer(teenager, LinkKind.MENTEE), consent=None,
                              confirmed=True, today=TODAY)  # a minor's consent is his parent's
    assert CABINET.allows("give_consent", viewer=Viewer(adult, LinkKind.MENTEE), consent=None, confirmed=True,
                          today=TODAY)
    assert not CABINET.allows("give_consent", viewer=Viewer(pupil, LinkKind.PARENT), consent=None,
                              confirmed=False, today=TODAY)
    assert consent is None and not CABINET.allows("withdraw_consent", viewer=Viewer(pupil, LinkKind.PARENT),
                                                  consent=None, today=TODAY)


CHOOSE_ROWS = [  # (case, age, kind, live pair, chosen, allowed, source)
    ("a parent for a child of 10", 10, LinkKind.PARENT, False, [1, 2], True, "до 14 — родитель"),
    ("a parent for a teenager of 15", 15, LinkKind.PARENT, False, [1], False, "с 14 — сам"),
    ("the teenager himself", 15, LinkKind.MENTEE, False, [1, 2, 3], True, "с 14 — сам"),
    ("already in a live pair", 15, LinkKind.MENTEE, True, [1], False, "этап 5: до формирования пары"),
    ("four mentors", 15, LinkKind.MENTEE, False, [1, 2, 3, 4], False, "до трёх"),
    ("the same mentor twice", 15, LinkKind.MENTEE, False, [1, 1], False, "до трёх разных"),
    ("nobody", 15, LinkKind.MENTEE, False, [], False, "хотя бы один"),
    ("a mentor the school did not offer", 15, LinkKind.MENTEE, False, [9], False, "из наставников школы"),
]


@pytest.mark.parametrize("case, age, kind, live_pair, chosen, allowed, source", CHOOSE_ROWS,
                         ids=[r[0] for r in CHOOSE_ROWS])
def test_who_chooses_a_mentor(world, case, age, kind, live_pair, chosen, allowed, source):
    viewer = Viewer(person(world.school, birth_date=born(age)), kind)
    assert CABINET.allows("choose_mentors", viewer=viewer, live_pair=live_pair, chosen=chosen, offered={1, 2, 3, 4},
                          today=TODAY) is allowed, source


def test_a_parent_chooses_mentors_after_the_group_meeting_and_matching_shows_it(login, client, world):
    from participants.models import MenteeRequest, MentorProfile

    child = person(world.school, last_name="Белкина", first_name="Ира", birth_date=born(11), grade="5А")
    MenteeRequest.objects.create(person=child, help_wanted="математика")
    pupil_mentor = person(world.school, last_name="Соколов", first_name="Пётр", grade="10А", birth_date=born(16))
    teacher = person(world.school, "teacher", grade="", last_name="Громова", first_name="Нина",
                     position="учитель математики", birth_date=born(45))
    for mentor, competencies in ((pupil_mentor, "олимпиады"), (teacher, "математика")):
        MentorProfile.objects.create(person=mentor, competencies=competencies, max_mentees=2)
    url = issue(login, world, child, LinkKind.PARENT)
    client.logout()
    page = client.get(url).content.decode()
    assert "Выбор наставника" in page and "Пётр С., 10А" in page and "Соколов" not in page  # a pupil mentor: no surname
    assert "Громова Нина" in page
    refused = client.post(f"{url}mentors/", {"choice_1": pupil_mentor.pk, "choice_2": pupil_mentor.pk})
    assert refused.status_code == 400 and "выбран дважды" in refused.content.decode()
    client.post(f"{url}mentors/", {"choice_1": pupil_mentor.pk, "choice_2": teacher.pk})
    assert list(child.mentor_choices.values_list("mentor_id", "rank", "author")) == [
        (pupil_mentor.pk, 1, "parent"), (teacher.pk, 2, "parent")]
    matching = login(world.school_curator).get(reverse("participants:matching", args=[world.school.code]))
    html = matching.content.decode()
    assert "Выбор наставляемого после встречи с наставниками: 1. Соколов Пётр" in html
    assert "выбор наставляемого: 1" in html and "выбор наставляемого: 2" in html


# A parent's journey -----------------------------------------------------------------------------------------------
def test_a_parent_sees_the_plan_marks_a_task_gives_the_consent_and_writes(login, client, world, pair, pupil,
                                                                          other_pair):
    url = issue(login, world, pupil, LinkKind.PARENT)
    again = login(world.school_curator).get(reverse("participants:person", args=[world.school.code, pupil.pk]))
    assert url not in again.content.decode()  # shown once
    client.logout()
    page = client.get(url)
    html = page.content.decode()
    assert "Наставник: <strong>Пётр С., 10А" in html and "Соколов" not in html  # a pupil mentor: no full name
    assert "Прочитать «Уроки французского»" in html
    assert "Подготовка к олимпиаде" in html  # the next meeting
    assert "В группе ещё 1 участник" in html and "Захарова" not in html  # no other child's name
    assert "Секретная задача" not in html and "Орлова" not in html and "Белова" not in html
    assert page["Cache-Control"].startswith("max-age=0") and "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin" and "noindex" in page["X-Robots-Tag"]

    task = pair.tasks.get()
    client.post(f"{url}tasks/{task.pk}/", {"done": "1"})
    task.refresh_from_db()
    assert task.done
    assert client.post(f"{url}tasks/{other_pair.tasks.get().pk}/", {"done": "1"}).status_code == 404
    assert not other_pair.tasks.get().done

    refused = client.post(f"{url}consent/", {"given_by": "Кузнецова Алина"})  # the child's name, unconfirmed
    assert refused.status_code == 400 and 'value="Кузнецова Алина"' in refused.content.decode()
    assert "Подтвердите, что вы — родитель" in refused.content.decode()
    client.post(f"{url}consent/", {"given_by": "Кузнецова Ольга Ивановна", "confirm": "yes"})
    consent = pupil.consents.get()
    assert (consent.giver, consent.given_by, consent.given_on) == ("representative", "Кузнецова Ольга Ивановна",
                                                                   TODAY)
    client.post(f"{url}write/", {"text": "Алина болеет, перенесите встречу, пожалуйста."})

    curator = login(world.school_curator)
    landing = curator.get(reverse("participants:home")).content.decode()
    assert "Алина болеет" in landing
    card = curator.get(reverse("participants:person", args=[world.school.code, pupil.pk])).content.decode()
    assert "Алина болеет" in card and "Дано согласие" in card
    curator.post(reverse("participants:person-messages-read", args=[world.school.code, pupil.pk]))
    assert "Алина болеет" not in curator.get(reverse("participants:home")).content.decode()

    client.logout()
    client.post(f"{url}consent/withdraw/")
    consent.refresh_from_db()
    assert consent.withdrawn_on == TODAY and pupil.consent_on(TODAY) is None
    assert ParticipantMessage.objects.filter(person=pupil, text__contains="отозвано").exists()


def test_a_new_link_ends_the_old_one_and_erasure_ends_them_all(login, client, world, pupil, pair):
    first = issue(login, world, pupil, LinkKind.PARENT)
    second = issue(login, world, pupil, LinkKind.PARENT)
    client.logout()
    assert client.get(first).status_code == 404 and client.get(second).status_code == 200
    login(world.school_curator).post(reverse("participants:person-link-revoke", args=[world.school.code, pupil.pk]),
                                     {"kind": LinkKind.PARENT})
    client.logout()
    assert client.get(second).status_code == 404
    third = issue(login, world, pupil, LinkKind.PARENT)
    ParticipantMessage.objects.create(person=pupil, author=LinkKind.PARENT, text="Мама Алины Кузнецовой, тел. 8-900")
    person_anonymise(person=pupil, user=world.school_curator)
    assert "Кузнецов" not in ParticipantMessage.objects.get(person=pupil).text
    client.logout()
    assert client.get(third).status_code == 404
    assert PersonalLink.objects.filter(person=pupil).count() == 3  # only hashes are kept
    assert not PersonalLink.objects.filter(token_hash__in=[first[3:-1], third[3:-1]]).exists()


def test_the_card_refuses_a_link_the_rules_refuse(login, world, pupil):
    response = login(world.school_curator).post(
        reverse("participants:person-link", args=[world.school.code, pupil.pk]), {"kind": LinkKind.MENTEE},
        follow=True)
    assert "младше 14 лет" in response.content.decode() and not PersonalLink.objects.exists()


def test_another_schools_curator_gives_no_link(login, world, pupil):
    response = login(world.other_curator).post(reverse("participants:person-link", args=[world.school.code, pupil.pk]),
                                               {"kind": LinkKind.PARENT})
    assert response.status_code == 404 and not PersonalLink.objects.exists()


# A mentee signed in ------------------------------------------------------------------------------------------------
def test_a_young_teacher_signs_in_and_sees_his_own_pair_only(login, world, other_pair):
    account = get_user_model().objects.create_user("kozlov", password="x")
    teacher = person(world.school, "teacher", grade="", last_name="Козлов", first_name="Артём",
                     birth_date=born(24), teaching_since=TODAY - timedelta(days=400), user=account, consent=False)
    own = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade="",
                                                                        last_name="Громова"),
                              form=form("учитель – учитель"), status=PairStatus.ACTIVE,
                              start_date=TODAY - timedelta(days=10), end_date=TODAY + timedelta(days=200))
    own.mentees.set([teacher])
    task = own.tasks.create(title="Посетить урок наставника")
    Invitation.objects.create(questionnaire=Questionnaire.objects.get(kind="mentee_entry"), organization=world.school,
                              person=teacher, pair=own)
    client = login(account)
    landing = client.get(reverse("participants:home")).content.decode()
    mine = reverse("participants:my-mentoring", args=[teacher.pk])
    assert mine in landing
    html = client.get(mine).content.decode()
    assert "Громова" in html and "Посетить урок наставника" in html and "Ответить на анкету" in html
    assert "Секретная задача" not in html
    other_mentee = other_pair.mentees.get()
    assert client.get(reverse("participants:my-mentoring", args=[other_mentee.pk])).status_code == 404
    client.post(reverse("participants:my-mentoring-task", args=[teacher.pk, task.pk]), {"done": "1"})
    task.refresh_from_db()
    assert task.done
    given = client.post(reverse("participants:my-mentoring-consent", args=[teacher.pk]),
                        {"given_by": "Козлов Артём", "confirm": "yes"}, follow=True)
    assert "Согласие на обработку персональных данных дано" in given.content.decode()
    assert teacher.consents.get().giver == "self"


def test_an_account_without_a_pair_has_no_mentee_page(login, world):
    client = login(world.school_curator)
    assert "Моё наставничество" not in client.get(reverse("participants:home")).content.decode()
    assert "не назначено участие" in client.get(reverse("participants:my-mentoring-choose")).content.decode()


def test_the_demo_has_a_mentee_login_and_a_parents_link(client, db):
    from django.core.management import call_command

    from participants.cabinet.demo import MENTEE_LOGIN, PARENT_PATH

    call_command("load_demo")
    client.post(reverse("login"), {"username": MENTEE_LOGIN, "password": "demo-nastavnik"})
    landing = client.get(reverse("participants:home")).content.decode()
    assert "Моё наставничество" in landing and "ни одна роль" not in landing
    page = client.get(reverse("participants:my-mentoring-choose"), follow=True).content.decode()
    assert "Ёлкин Андрей Васильевич" in page and "Задачи плана" in page
    client.logout()
    parent = client.get(PARENT_PATH).content.decode()
    assert "Страница для родителя" in parent and "Наставник:" in parent


# Links as a state machine -----------------------------------------------------------------------------------------
WORLD: dict = {}


class LinkMachine(RuleBasedStateMachine):
    """Links given, given again and ended in any order: one live link per person and kind, and only the newest
    address of each kind opens the page."""

    @initialize()
    def start(self):
        PersonalLink.objects.all().delete()
        self.pupil = WORLD["pupil"]
        self.tokens: dict[str, list[str]] = {LinkKind.PARENT: [], LinkKind.MENTEE: []}
        self.ended: set[str] = set()

    @rule(kind=st.sampled_from([LinkKind.PARENT, LinkKind.MENTEE]))
    def the_curator_gives_one(self, kind):
        try:
            self.tokens[kind].append(services.link_issue(person=self.pupil, kind=kind, actor=None, today=TODAY))
        except ValidationError:
            assert kind == LinkKind.MENTEE  # a child of 10 has no link of his own

    @rule(kind=st.sampled_from([LinkKind.PARENT, LinkKind.MENTEE]))
    def the_curator_ends_it(self, kind):
        services.link_revoke(person=self.pupil, kind=kind)
        self.ended.update(self.tokens[kind])

    @invariant()
    def one_live_link_a_kind(self):
        for kind in LinkKind.values:
            assert PersonalLink.objects.filter(person=self.pupil, kind=kind, revoked_at__isnull=True).count() <= 1

    @invariant()
    def only_the_newest_opens(self):
        for tokens in self.tokens.values():
            for token in tokens[:-1]:
                assert services.viewer_of_token(token) is None
            if tokens:
                assert (services.viewer_of_token(tokens[-1]) is None) is (tokens[-1] in self.ended)


def test_link_invariants_hold_for_random_sequences(world, pupil):
    WORLD.update(pupil=pupil)
    LinkMachine.TestCase.settings = settings(max_examples=20, stateful_step_count=10, deadline=None,
                                             suppress_health_check=list(HealthCheck))
    LinkMachine.TestCase().runTest()
