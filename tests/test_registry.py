"""The registry: people and what is computed about them, consent, profiles and requests, who sees whom."""

from datetime import date

import pytest
from django.urls import reverse

from participants.models import MenteeRequest, MentorProfile, Pair, Person, consent_problems
from participants.pairs.services import pair_create
from tests.factories import form, person


def test_it_computes_young_specialists_and_young_teachers(world):
    today = date(2024, 10, 1)
    young = person(world.school, "teacher", birth_date=date(1998, 5, 1), teaching_since=date(2023, 9, 1), grade="")
    older_start = person(world.school, "teacher", birth_date=date(1985, 5, 1), teaching_since=date(2023, 9, 1),
                         grade="")
    veteran = person(world.school, "teacher", birth_date=date(1970, 1, 1), teaching_since=date(1993, 9, 1), grade="")
    assert young.is_young_specialist(today) and young.is_young_teacher(today)
    assert older_start.is_young_specialist(today) and not older_start.is_young_teacher(today)  # 39 years old
    assert not veteran.is_young_specialist(today)


def test_a_student_is_a_minor_unless_the_birth_date_says_otherwise(world):
    today = date(2024, 10, 1)
    assert person(world.school).is_minor(today)
    assert not person(world.school, birth_date=date(2005, 1, 1)).is_minor(today)


def test_a_school_curator_adds_a_person_and_their_consent(login, world):
    client = login(world.school_curator)
    response = client.post(reverse("participants:person-create", args=[world.school.code]), {
        "last_name": " Смирнова ", "first_name": "Дарья", "patronymic": "Игоревна", "category": "student",
        "grade": "6А", "birth_date": "2013-02-03"})
    created = Person.objects.get()
    assert response.status_code == 302 and created.last_name == "Смирнова"
    client.post(reverse("participants:person-consent", args=[world.school.code, created.pk]),
                {"giver": "representative", "given_by": "Смирнова Ольга Петровна (мать)", "given_on": "2024-09-02",
                 "document": "№ 7"})
    assert created.consents.get().given_by == "Смирнова Ольга Петровна (мать)"
    client.post(reverse("participants:person-request", args=[world.school.code, created.pk]),
                {"help_wanted": "Подтянуть математику", "interests": "шахматы"})
    assert MenteeRequest.objects.get().person == created


def test_the_person_form_explains_mistakes_and_keeps_the_input(login, world):
    response = login(world.school_curator).post(reverse("participants:person-create", args=[world.school.code]), {
        "last_name": "Смирнова", "first_name": "", "category": "student", "teaching_since": "2020-09-01"})
    content = response.content.decode()
    assert "Обязательное поле" in content and "только для педагогов" in content and 'value="Смирнова"' in content
    assert not Person.objects.exists()


def test_a_mentor_profile_is_saved_and_checked(login, world):
    teacher = person(world.school, "teacher", grade="")
    url = reverse("participants:person-profile", args=[world.school.code, teacher.pk])
    client = login(world.school_curator)
    client.post(url, {"competencies": "математика", "max_mentees": 0, "preferred_age_min": 14, "preferred_age_max": 10})
    assert not MentorProfile.objects.exists()
    client.post(url, {"competencies": "математика, олимпиады", "max_mentees": 3})
    assert teacher.mentor_profile.max_mentees == 3


def test_the_registry_is_searched_regardless_of_case_and_yo(login, world):
    person(world.school, last_name="Ёлкина", first_name="Алёна")
    person(world.school, last_name="Петрова", first_name="Анна")
    rows = login(world.school_curator).get(reverse("participants:people", args=[world.school.code]),
                                           {"q": "елкина"}).context["rows"]
    assert [p.last_name for p, _ in rows] == ["Ёлкина"]


def test_a_person_shows_the_history_of_pairs(login, world):
    mentor = person(world.school, "student", last_name="Ёлкин", first_name="Андрей", grade="11А")
    mentee = person(world.school, last_name="Белова", first_name="Анна")
    pair_create(organization=world.school, mentor=mentor, mentees=[mentee], form=form(), start_date=date(2024, 10, 1),
                end_date=date(2025, 5, 31), today=date(2024, 10, 1))
    content = login(world.school_curator).get(reverse("participants:person", args=[world.school.code, mentee.pk]))
    assert "Наставляемый: " in content.content.decode() and "Ёлкин А." in content.content.decode()


# Who sees whom ------------------------------------------------------------------------------------------------------
@pytest.fixture
def registry(world):
    mentor = person(world.school, "university_student", last_name="Ёлкин", first_name="Андрей", grade="",
                    user=world.mentor)
    child = person(world.school, last_name="Белова", first_name="Анна")
    other_child = person(world.school, last_name="Белов", first_name="Борис")
    pair_create(organization=world.school, mentor=mentor, mentees=[child], form=form("студент – ученик"),
                start_date=date(2024, 10, 1),
                end_date=date(2025, 5, 31), today=date(2024, 10, 1))
    return {"mentor": mentor, "child": child, "other_child": other_child}


def names(user):
    from mentoring_portal.lib.collation import sort_key

    return sorted((p.last_name for p in Person.objects.visible_to(user)), key=sort_key)


def test_a_school_curator_sees_the_whole_registry_of_the_school(world, registry):
    assert names(world.school_curator) == ["Белов", "Белова", "Ёлкин"]
    assert names(world.other_curator) == []


def test_a_mentor_sees_only_their_own_mentees_among_children(world, registry):
    assert names(world.mentor) == ["Белова", "Ёлкин"]


@pytest.mark.parametrize("who", ["curator", "methodist", "coordinator"])
def test_the_district_and_region_see_mentors_but_never_a_childs_name(login, world, registry, who):
    user = getattr(world, who)
    assert names(user) == ["Ёлкин"]
    client = login(user)
    page = client.get(reverse("participants:district-mentoring", args=["sayansky"])).content.decode()
    assert "Ёлкин Андрей" in page and "Белова" not in page and "Белов " not in page
    figures = {f.organization.code: f for f in client.get(
        reverse("participants:district-mentoring", args=["sayansky"])).context["figures"]}
    assert (figures["agin-1"].pairs, figures["agin-1"].mentees) == (1, 1)
    assert client.get(reverse("participants:people", args=[world.school.code])).status_code == 403


def test_district_figures_follow_a_new_pair_and_a_new_mentee(login, world, registry):
    client = login(world.methodist)
    url = reverse("participants:district-mentoring", args=["sayansky"])

    def agin():
        return next(f for f in client.get(url).context["figures"] if f.organization.code == "agin-1")

    assert (agin().pairs, agin().mentees) == (1, 1)  # the second read comes from the cache
    Pair.objects.get().mentees.add(registry["other_child"])
    assert agin().mentees == 2
    teacher = person(world.school, "teacher", last_name="Новикова", grade="")
    young = person(world.school, "teacher", last_name="Жукова", first_name="Вера", grade="")
    pair_create(organization=world.school, mentor=teacher, mentees=[young], form=form("учитель – учитель"),
                start_date=date(2024, 10, 1), end_date=date(2025, 5, 31), today=date(2024, 10, 1))
    assert agin().pairs == 2 and "Новикова" in client.get(url).content.decode()


def test_district_figures_are_for_the_district_roles_only(login, world, registry):
    url = reverse("participants:district-mentoring", args=["sayansky"])
    assert login(world.school_curator).get(url).status_code == 404
    assert login(world.outsider_curator).get(url).status_code == 404


def test_a_child_card_is_not_found_by_others(login, world, registry):
    url = reverse("participants:person", args=[world.school.code, registry["child"].pk])
    assert login(world.other_curator).get(url).status_code == 404
    assert login(world.methodist).get(url).status_code == 403


# Consent as 152-ФЗ wants it for the person's age ----------------------------------------------------------------------
CONSENT_DAY = date(2024, 9, 2)


@pytest.mark.parametrize("born, giver, refused", [
    (date(2013, 2, 3), "self", "младше 14 лет согласие даёт родитель"),
    (date(2013, 2, 3), "self_with_consent", "младше 14 лет согласие даёт родитель"),
    (date(2013, 2, 3), "representative", None),
    (date(2009, 2, 3), "self", "с 14 до 18 лет согласие даёт родитель"),
    (date(2009, 2, 3), "self_with_consent", None),
    (date(2009, 2, 3), "representative", None),
    (date(2005, 2, 3), "self", None),
    (None, "self", "Возраст обучающегося не известен"),
])
def test_who_may_give_a_pupils_consent_depends_on_age(world, born, giver, refused):
    pupil = person(world.school, birth_date=born, consent=False, last_name="Смирнова", first_name="Дарья")
    given_by = "" if giver == "self" else "Смирнова Ольга Петровна"
    problems = consent_problems(pupil, giver=giver, given_by=given_by, given_on=CONSENT_DAY, today=CONSENT_DAY)
    assert (refused in " ".join(problems)) if refused else problems == []


def test_a_parent_is_named_and_is_not_the_child(world):
    pupil = person(world.school, birth_date=date(2013, 2, 3), consent=False, last_name="Смирнова", first_name="Дарья")
    assert "Укажите ФИО родителя" in consent_problems(pupil, giver="representative", given_by=" ",
                                                    given_on=CONSENT_DAY, today=CONSENT_DAY)[0]
    assert "другой человек" in consent_problems(pupil, giver="representative", given_by=pupil.full_name,
                                                given_on=CONSENT_DAY, today=CONSENT_DAY)[0]
    assert "ещё не наступила" in consent_problems(pupil, giver="representative", given_by="Смирнова О. П.",
                                                  given_on=date(2024, 9, 3), today=CONSENT_DAY)[0]


def test_a_consent_refused_on_the_page_keeps_what_was_typed(login, world):
    pupil = person(world.school, birth_date=date(2015, 5, 5), consent=False, last_name="Смирнова", first_name="Дарья")
    response = login(world.school_curator).post(
        reverse("participants:person-consent", args=[world.school.code, pupil.pk]),
        {"giver": "self", "given_by": "Смирнова Дарья", "given_on": "2024-09-02", "document": "Согласие № 7"})
    content = response.content.decode()
    assert response.status_code == 400 and "младше 14 лет согласие даёт родитель" in content
    assert 'value="Согласие № 7"' in content and not pupil.consents.exists()


def test_an_adult_gives_consent_themselves_and_the_name_is_filled_in(login, world):
    teacher = person(world.school, "teacher", consent=False, last_name="Орлова", first_name="Ольга", grade="")
    login(world.school_curator).post(reverse("participants:person-consent", args=[world.school.code, teacher.pk]),
                                     {"giver": "self", "given_by": "", "given_on": "2024-09-02"})
    assert teacher.consents.get().given_by == "Орлова Ольга Петровна"


def test_the_consent_form_starts_on_the_parent_for_a_child(login, world):
    pupil = person(world.school, birth_date=date(2015, 5, 5), consent=False)
    page = login(world.school_curator).get(reverse("participants:person", args=[world.school.code, pupil.pk]))
    assert page.context["consent_form"].initial["giver"] == "representative"


@pytest.mark.parametrize("field, value, message", [
    ("birth_date", "2099-01-01", "Дата рождения ещё не наступила"),
    ("birth_date", "1812-01-01", "Проверьте год рождения"),
])
def test_a_birth_date_in_the_future_is_refused(login, world, field, value, message):
    response = login(world.school_curator).post(reverse("participants:person-create", args=[world.school.code]), {
        "last_name": "Смирнова", "first_name": "Дарья", "category": "student", "grade": "6А", field: value})
    assert response.status_code == 200 and message in response.content.decode() and not Person.objects.exists()
