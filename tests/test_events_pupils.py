"""Issue #25: a school invites its pupils by class, their parents and every participant of its pairs; attendance is
counted against the invited and against the pairs (seed 001: classroom hours ≥ 90 % of pupils, the final деловая
игра ≥ 90 % of all the pairs' participants, at least two parents' meetings a school year). A district's event never
lists children: they are invited to a school's own events only."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from participants.models import Pair, PairStatus
from roadmaps.events.models import Event
from roadmaps.events.services import attendance_against_target, event_invite, grade_matches, parents_meetings_held
from tests.factories import form, person

TODAY = timezone.localdate()


def event(owner, kind, **fields):
    place = {"organization": owner} if hasattr(owner, "district_id") else {"district": owner}
    return Event.objects.create(title="Классный час «Кто такой наставник»", kind=kind,
                                starts_at=timezone.make_aware(datetime.combine(TODAY, datetime.min.time())),
                                **place, **fields)


@pytest.mark.parametrize("grade, wanted, taken", [("5А", ["5А"], True), ("5б", ["5Б"], True), ("5Б", ["5А"], False),
                                                  ("5А", ["5"], True), ("15А", ["5"], False), ("10А", ["1"], False)])
def test_classes_are_matched_by_name_or_by_year(grade, wanted, taken):
    assert grade_matches(grade, wanted) is taken


def test_pupils_of_the_classes_named_and_parents_are_invited(world):
    for name, grade in (("Орлов", "5А"), ("Белкина", "5Б"), ("Зайцев", "6А")):
        person(world.school, last_name=name, grade=grade)
    person(world.school, "parent", grade="", last_name="Орлова")
    hour = event(world.school, "class_hour")
    assert event_invite(event=hour, groups={"pupils", "parents"}, grades="5") == 3
    assert set(hour.attendances.values_list("name", flat=True)) == {
        "Орлов Мария Петровна", "Белкина Мария Петровна", "Орлова Мария Петровна"}
    assert event_invite(event=hour, groups={"pupils"}, grades="5А, 6А") == 1  # only Зайцев is new


def test_a_district_event_invites_no_children(login, world):
    seminar = event(world.district, "seminar")
    with pytest.raises(ValidationError, match="приглашает школа"):
        event_invite(event=seminar, groups={"pupils"}, grades="5")
    page = login(world.curator).get(seminar.get_absolute_url()).content.decode()
    assert 'value="pupils"' not in page and 'value="curators"' in page


def test_the_district_reads_a_school_events_pupils_by_their_role_not_their_name(login, world):
    person(world.school, last_name="Орлов", first_name="Илья", grade="5А")
    hour = event(world.school, "class_hour")
    event_invite(event=hour, groups={"pupils"}, grades="5А")
    assert "Орлов Илья" in login(world.school_curator).get(hour.get_absolute_url()).content.decode()
    district = login(world.curator).get(hour.get_absolute_url())
    assert district.status_code == 200 and "Орлов" not in district.content.decode()
    assert "Обучающийся 5А" in district.content.decode()


def test_pupils_need_their_classes(login, world):
    hour = event(world.school, "class_hour")
    response = login(world.school_curator).post(reverse("roadmaps:event-invite", args=[hour.pk]),
                                                {"groups": ["pupils"]})
    assert response.status_code == 400 and "Укажите классы" in response.content.decode()


@pytest.mark.parametrize("came, met", [(9, True), (8, False)])
def test_a_classroom_hour_needs_nine_in_ten(world, came, met):
    for number in range(10):
        person(world.school, last_name=f"Ученик{number}", grade="7А")
    hour = event(world.school, "class_hour")
    event_invite(event=hour, groups={"pupils"}, grades="7А")
    hour.attendances.filter(pk__in=list(hour.attendances.values_list("pk", flat=True)[:came])).update(attended=True)
    target, whole, share, ok = attendance_against_target(hour, came, 10)
    assert (whole, share, ok) == (10, came * 10, met), target.source


def test_the_business_game_counts_against_every_pair(world):
    pairs = []
    for number in range(5):
        pair = Pair.objects.create(organization=world.school, mentor=person(world.school, last_name=f"Наставник{number}",
                                                                             grade="10А"),
                                   form=form(), status=PairStatus.ACTIVE, start_date=date(2025, 9, 1),
                                   end_date=date(2030, 5, 31))
        pair.mentees.set([person(world.school, last_name=f"Наставляемый{number}", grade="5А")])
        pairs.append(pair)
    game = event(world.school, "business_game")
    event_invite(event=game, groups={"pairs"})
    game.attendances.filter(name__startswith="Наставник").update(attended=True)  # 5 of the 10
    target, whole, share, met = attendance_against_target(game, 5, game.attendances.count())
    assert (whole, share, met) == (10, 50, False), target.source


def test_parents_meetings_are_counted_in_the_school_year(login, world):
    start = date(TODAY.year if TODAY.month >= 9 else TODAY.year - 1, 9, 1)
    event(world.school, "parents_meeting", held_on=start)
    event(world.school, "parents_meeting", held_on=start - timedelta(days=1))  # the year before
    assert parents_meetings_held(world.school, start, TODAY) == 1
    page = login(world.school_curator).get(reverse("roadmaps:organization-events", args=[world.school.code]))
    assert "Родительских собраний о наставничестве в этом учебном году проведено: 1 из" in page.content.decode()
