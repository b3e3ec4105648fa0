"""Matching proposes mentors with reasons; nothing is paired until a person confirms."""

from datetime import date

from django.urls import reverse

from participants.models import MenteeRequest, MentorProfile, Pair
from participants.pairs.matching import MenteeNeed, MentorCandidate, rank, score, words
from tests.factories import person


def candidate(**fields):
    base = {"person_id": 1, "name": "Ёлкин А.В.", "competencies": "математика, олимпиады", "interests": "шахматы",
            "age_min": 10, "age_max": 14, "places_left": 2}
    return MentorCandidate(**{**base, **fields})


NEED = MenteeNeed(person_id=9, name="Белова Анна", help_wanted="Подтянуть математику к олимпиаде",
                  interests="шахматы, театр", age=12)


def test_words_meet_in_any_grammatical_form():
    assert words("математике, олимпиадах") == words("математика олимпиады")


def test_it_scores_competencies_interests_age_and_capacity_with_reasons():
    suggestion = score(candidate(), NEED)
    assert suggestion.score == 3 * 2 + 1 + 2 + 2
    assert suggestion.reasons[0].startswith("запрос и компетенции совпадают: математику, олимпиаде")
    assert "возраст 12 подходит наставнику (10–14) (+2)" in suggestion.reasons


def test_a_mentee_outside_the_preferred_ages_loses_points():
    assert score(candidate(age_min=15, age_max=18), NEED).score == 3 * 2 + 1 - 2 + 2


def test_a_mentor_without_places_is_not_proposed():
    assert score(candidate(places_left=0), NEED) is None


def test_candidates_are_ranked_best_first():
    best = candidate(person_id=2, name="Орлова О.О.")
    weaker = candidate(person_id=3, name="Алексеев А.А.", competencies="история", interests="")
    assert [s.mentor.name for s in rank([weaker, best], NEED)] == ["Орлова О.О.", "Алексеев А.А."]


def test_the_curator_sees_suggestions_and_confirms_through_the_pair_form(login, world):
    mentor = person(world.school, "teacher", last_name="Ёлкин", first_name="Андрей", grade="")
    MentorProfile.objects.create(person=mentor, competencies="математика", max_mentees=2)
    mentee = person(world.school, last_name="Белова", first_name="Анна", birth_date=date(2012, 1, 1))
    MenteeRequest.objects.create(person=mentee, help_wanted="Подтянуть математику")
    client = login(world.school_curator)
    page = client.get(reverse("participants:matching", args=[world.school.code]))
    rows = page.context["rows"]
    assert rows[0].suggestions[0].mentor.name == "Ёлкин Андрей Петровна"
    assert not Pair.objects.exists()  # nothing is paired by the suggestion itself
    form_page = client.get(reverse("participants:pair-create", args=[world.school.code]),
                           {"mentor": mentor.pk, "mentee": mentee.pk})
    assert f'<option value="{mentor.pk}" selected' in form_page.content.decode()


def test_a_rejected_request_leaves_the_suggestions(login, world):
    mentee = person(world.school)
    request = MenteeRequest.objects.create(person=mentee, help_wanted="Профориентация")
    client = login(world.school_curator)
    client.post(reverse("participants:request-close", args=[world.school.code, request.pk]))
    assert client.get(reverse("participants:matching", args=[world.school.code])).context["rows"] == []
