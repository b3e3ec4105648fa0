"""Issue #25: recruitment by an open link (seed 001: анкеты на педсовете, родительском собрании, классном часе,
встрече с партнёрами). Anyone with the link answers without signing in; a robot is held back; nothing typed is shown
back; the answers wait as candidates until the school's curator takes one into the registry — with the consent given
on the form, under the registry's own age rules."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from participants.models import Consent, MenteeRequest, MentorProfile, Person
from participants.recruitment.models import Audience, Candidate, CandidateStatus, RecruitmentForm, Wish
from participants.recruitment.rules import RECRUITMENT
from participants.recruitment.services import ANSWERS_AN_HOUR

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def born(years: int) -> date:
    return date(TODAY.year - years, TODAY.month, min(TODAY.day, 28))


def link(world, audience, title="Анкета") -> RecruitmentForm:
    return RecruitmentForm.objects.create(organization=world.school, audience=audience, title=title)


ROWS = [  # (case, audience, wish, age, consent_by, consent, allowed, source)
    ("a teacher at the council, to mentor", Audience.COUNCIL, Wish.MENTOR, None, "", True, True, "педсовет"),
    ("a parent for a child of 9", Audience.PARENTS, Wish.MENTEE, 9, "Орлова Анна", True, True, "ГК РФ ст. 28"),
    ("a parent without his name", Audience.PARENTS, Wish.MENTEE, 9, "", True, False, "152-ФЗ ст. 9 п. 6"),
    ("a parent for a child of 18", Audience.PARENTS, Wish.MENTEE, 18, "Орлова Анна", True, False, "ГК РФ ст. 21"),
    ("a pupil of 13 at a classroom hour", Audience.CLASS, Wish.MENTEE, 13, "Орлова Анна", True, False, "ГК РФ ст. 28"),
    ("a pupil of 14 at a classroom hour", Audience.CLASS, Wish.MENTOR, 14, "Орлова Анна", True, True, "ГК РФ ст. 26"),
    ("a pupil without a birth date", Audience.CLASS, Wish.MENTEE, None, "Орлова Анна", True, False, "возраст"),
    ("no consent", Audience.COUNCIL, Wish.MENTEE, None, "", False, False, "152-ФЗ ст. 9 п. 1"),
    ("a partner who wants a mentor", Audience.PARTNERS, Wish.MENTEE, None, "", True, False, "форма партнёров"),
]


@pytest.mark.parametrize("case, audience, wish, age, consent_by, consent, allowed, source", ROWS,
                         ids=[r[0] for r in ROWS])
def test_who_an_open_form_takes(case, audience, wish, age, consent_by, consent, allowed, source):
    assert RECRUITMENT.allows("submit", audience=audience, wish=wish, birth_date=born(age) if age else None,
                              consent=consent, consent_by=consent_by, last_name="Орлов", first_name="Илья",
                              today=TODAY) is allowed, source


def test_a_parent_answers_without_signing_in_and_sees_nothing_typed_back(client, world):
    record = link(world, Audience.PARENTS, "Родительское собрание 5 «Б»")
    url = reverse("participants:join", args=[record.token])
    page = client.get(url).content.decode()
    assert "Фамилия ребёнка" in page and "Я — родитель (законный представитель)" in page
    response = client.post(url, {"wish": "mentee", "last_name": "Орлов", "first_name": "Илья",
                                 "birth_date": born(10).isoformat(), "grade": "5Б", "phone": "+7 900 000-00-00",
                                 "about": "Подтянуть математику", "consent_by": "Орлова Анна Сергеевна",
                                 "consent": "on"}, follow=True)
    html = response.content.decode()
    assert "Спасибо, анкета принята" in html and "Орлов" not in html and "900" not in html
    candidate = Candidate.objects.get()
    assert (candidate.category, candidate.consent_giver, candidate.consent_by) == (
        "student", "representative", "Орлова Анна Сергеевна")
    assert not Person.objects.filter(last_name="Орлов").exists()  # nothing enters the registry by itself


def test_a_refused_answer_keeps_what_was_typed(client, world):
    record = link(world, Audience.CLASS)
    response = client.post(reverse("participants:join", args=[record.token]), {
        "wish": "mentee", "last_name": "Орлов", "first_name": "Илья", "birth_date": born(12).isoformat(),
        "about": "Хочу в робототехнику", "consent_by": "Орлова Анна", "consent": "on"})
    html = response.content.decode()
    assert response.status_code == 400 and "Тебе ещё нет 14 лет" in html and 'value="Орлов"' in html
    assert not Candidate.objects.exists()


def test_a_robot_is_thanked_and_forgotten_and_a_flood_is_stopped(client, world):
    record = link(world, Audience.COUNCIL)
    url = reverse("participants:join", args=[record.token])
    answer = {"wish": "mentor", "last_name": "Петров", "first_name": "Олег", "about": "Физика", "consent": "on"}
    assert "Спасибо" in client.post(url, {**answer, "website": "http://spam.example"}, follow=True).content.decode()
    assert not Candidate.objects.exists()
    for _ in range(ANSWERS_AN_HOUR):
        client.post(url, answer)
    refused = client.post(url, answer)
    assert refused.status_code == 400 and "слишком много анкет" in refused.content.decode()
    assert Candidate.objects.count() == ANSWERS_AN_HOUR


def test_a_closed_form_and_a_wrong_token(client, world):
    record = link(world, Audience.COUNCIL)
    record.is_open = False
    record.save()
    assert client.get(reverse("participants:join", args=[record.token])).status_code == 410
    assert client.get(reverse("participants:join", args=["nope"])).status_code == 404


def _candidate(world, **fields):
    record = link(world, fields.pop("audience", Audience.COUNCIL))
    defaults = {"wish": Wish.MENTOR, "category": "teacher", "last_name": "Петров", "first_name": "Олег",
                "position": "учитель физики", "about": "физика, олимпиады", "consent_by": "Петров Олег",
                "consent_giver": "self"}
    return Candidate.objects.create(form=record, **{**defaults, **fields})


def test_the_curator_takes_a_mentor_into_the_registry_with_the_forms_consent(login, world):
    candidate = _candidate(world)
    client = login(world.school_curator)
    page = client.get(reverse("participants:recruitment", args=[world.school.code])).content.decode()
    assert "Петров Олег" in page
    client.post(reverse("participants:candidate-take", args=[world.school.code, candidate.pk]))
    person = Person.objects.get(last_name="Петров")
    assert person.category == "teacher" and MentorProfile.objects.get(person=person).competencies == \
        "физика, олимпиады"
    consent = Consent.objects.get(person=person)
    assert consent.giver == "self" and consent.given_on == TODAY and "анкета набора" in consent.document
    again = client.post(reverse("participants:candidate-take", args=[world.school.code, candidate.pk]), follow=True)
    assert "уже рассмотрен" in again.content.decode() and Person.objects.filter(last_name="Петров").count() == 1


def test_a_childs_candidate_becomes_a_mentee_with_the_parents_consent(login, world):
    candidate = _candidate(world, audience=Audience.PARENTS, wish=Wish.MENTEE, category="student",
                           last_name="Орлов", first_name="Илья", birth_date=born(9), grade="3А", position="",
                           about="Подтянуть чтение", consent_by="Орлова Анна Сергеевна",
                           consent_giver="representative")
    login(world.school_curator).post(reverse("participants:candidate-take", args=[world.school.code, candidate.pk]))
    child = Person.objects.get(last_name="Орлов")
    assert MenteeRequest.objects.get(person=child).help_wanted == "Подтянуть чтение"
    assert child.consent_on(TODAY).given_by == "Орлова Анна Сергеевна"


def test_a_declined_candidates_data_is_removed(login, world):
    candidate = _candidate(world, phone="+7 900 111-22-33")
    login(world.school_curator).post(reverse("participants:candidate-decline", args=[world.school.code, candidate.pk]))
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.DECLINED and candidate.phone == "" and candidate.last_name == "—"


def test_another_school_sees_and_takes_nothing(login, world):
    candidate = _candidate(world)
    client = login(world.other_curator)
    assert "Петров Олег" not in client.get(reverse("participants:recruitment", args=[world.other_school.code])).content.decode()
    assert client.post(reverse("participants:candidate-take", args=[world.other_school.code, candidate.pk])
                       ).status_code == 404
    assert not Person.objects.filter(last_name="Петров").exists()


def test_the_navigation_counts_new_candidates(login, world):
    client = login(world.school_curator)
    client.get(reverse("participants:organization", args=[world.school.code]))
    _candidate(world)
    page = client.get(reverse("participants:organization", args=[world.school.code])).content.decode()
    assert "Набор по ссылке" in page and '<span class="visually-hidden">ждут: </span>1</span>' in page


def test_the_curator_makes_a_link_for_the_council(login, world):
    client = login(world.school_curator)
    client.post(reverse("participants:recruitment", args=[world.school.code]),
                {"audience": Audience.COUNCIL, "title": "Педсовет 28 августа"})
    record = RecruitmentForm.objects.get()
    page = client.get(reverse("participants:recruitment", args=[world.school.code])).content.decode()
    assert reverse("participants:join", args=[record.token]) in page and record.created_by == world.school_curator
    assert (timezone.now() - record.created_at) < timedelta(minutes=1)
