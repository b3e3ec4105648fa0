"""Issue #25: what goes stale is computed from the data and shown on the school curator's and the mentor's landing
and in the weekly digest — each threshold tested the day on either side of it, with the rule it quotes
(participants/nudges/rules.py)."""

from datetime import datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Invitation, Questionnaire
from monitoring.nudges import final_missing, unanswered
from participants.models import Pair, PairStatus, RoleAction, RoleChange
from participants.nudges.rules import (
    ACCOUNT_NOT_ACCEPTED,
    CONSENT_MISSING,
    FINAL_QUESTIONNAIRE,
    NO_MEETING,
    PLAN_BEHIND,
    QUESTIONNAIRE_UNANSWERED,
)
from participants.nudges.selectors import (
    Scope,
    account_not_accepted,
    consent_missing,
    no_meeting,
    plan_behind,
    scope_of,
)
from roadmaps.digest import digest_for
from tests.factories import UserFactory, form, person

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def a_pair(world, *, started=200, ends=200, status=PairStatus.ACTIVE, mentor_user=None, consent=True):
    mentor = person(world.school, "teacher", grade="", last_name="Громова", user=mentor_user)
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form(), status=status,
                               start_date=TODAY - timedelta(days=started), end_date=TODAY + timedelta(days=ends))
    pair.mentees.set([person(world.school, last_name="Зайцев", first_name="Илья", consent=consent)])
    return pair


def curator(world) -> Scope:
    return scope_of(world.school_curator)


@pytest.mark.parametrize("held_days_ago, nudged", [(NO_MEETING.days + 1, True), (NO_MEETING.days, False),
                                                   (None, True)])
def test_a_pair_without_a_meeting_for_a_month(world, held_days_ago, nudged):
    pair = a_pair(world)
    if held_days_ago is not None:
        pair.meetings.create(kind="work", held_on=TODAY - timedelta(days=held_days_ago))
    assert bool(no_meeting(curator(world), TODAY)) is nudged, NO_MEETING.source


def test_a_new_or_forming_pair_is_not_stale_yet(world):
    a_pair(world, started=NO_MEETING.days - 1)
    a_pair(world, status=PairStatus.FORMING)
    assert no_meeting(curator(world), TODAY) == []


@pytest.mark.parametrize("ends, done, nudged", [(PLAN_BEHIND.days, 3, True), (PLAN_BEHIND.days + 1, 3, False),
                                                (PLAN_BEHIND.days, 9, False), (-1, 3, True)])
def test_a_plan_behind_near_the_end(world, ends, done, nudged):
    pair = a_pair(world, ends=ends)
    for number in range(10):
        pair.tasks.create(title=f"Задача {number}", done=number < done)
    found = plan_behind(curator(world), TODAY)
    assert bool(found) is nudged, PLAN_BEHIND.source
    if found:
        assert "План выполнен на 30 %" in found[0].text


def test_an_active_pair_missing_a_consent_is_the_curators_not_the_mentors(world):
    pair = a_pair(world, consent=False, mentor_user=world.mentor)
    found = consent_missing(curator(world), TODAY)
    assert len(found) == 1 and found[0].urgent and "Зайцев И." in found[0].text, CONSENT_MISSING.source
    assert consent_missing(scope_of(world.mentor), TODAY) == []
    pair.mentees.get().consents.create(giver="representative", given_by="Зайцева Анна (мать)", given_on=TODAY)
    assert consent_missing(curator(world), TODAY) == []


@pytest.mark.parametrize("days_ago, accepted, nudged", [(ACCOUNT_NOT_ACCEPTED.days, False, True),
                                                        (ACCOUNT_NOT_ACCEPTED.days - 1, False, False),
                                                        (ACCOUNT_NOT_ACCEPTED.days + 5, True, False)])
def test_an_account_invitation_not_accepted(world, days_ago, accepted, nudged):
    invited = UserFactory(username="novikova", last_name="Новикова", first_name="Елена")
    if not accepted:
        invited.set_unusable_password()
        invited.save()
    world.school.memberships.create(user=invited, role="mentor")
    change = RoleChange.objects.create(actor=world.school_curator, actor_name="Белова", user=invited,
                                       user_name="Новикова", action=RoleAction.INVITED, role="mentor",
                                       organization=world.school)
    RoleChange.objects.filter(pk=change.pk).update(at=timezone.now() - timedelta(days=days_ago))
    found = account_not_accepted(curator(world), TODAY)
    assert bool(found) is nudged, ACCOUNT_NOT_ACCEPTED.source
    if found:
        assert "Новикова Елена" in found[0].text


def _invitation(world, pair, kind, days_ago, answered=False):
    invitation = Invitation.objects.create(questionnaire=Questionnaire.objects.get(kind=kind),
                                           organization=world.school, person=pair.mentees.get(), pair=pair)
    made = timezone.make_aware(datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()))
    Invitation.objects.filter(pk=invitation.pk).update(created_at=made,
                                                       answered_at=timezone.now() if answered else None)
    return invitation


@pytest.mark.parametrize("days_ago, answered, nudged", [(QUESTIONNAIRE_UNANSWERED.days, False, True),
                                                        (QUESTIONNAIRE_UNANSWERED.days - 1, False, False),
                                                        (QUESTIONNAIRE_UNANSWERED.days + 9, True, False)])
def test_a_questionnaire_not_answered(world, days_ago, answered, nudged):
    _invitation(world, a_pair(world), "mentee_entry", days_ago, answered)
    assert bool(unanswered(curator(world), TODAY)) is nudged, QUESTIONNAIRE_UNANSWERED.source


@pytest.mark.parametrize("ends, status, answered, nudged", [
    (FINAL_QUESTIONNAIRE.days, PairStatus.ACTIVE, False, True),
    (FINAL_QUESTIONNAIRE.days + 1, PairStatus.ACTIVE, False, False),
    (FINAL_QUESTIONNAIRE.days, PairStatus.ACTIVE, True, False),
    (-FINAL_QUESTIONNAIRE.days, PairStatus.COMPLETED, False, True),
    (-FINAL_QUESTIONNAIRE.days - 1, PairStatus.COMPLETED, False, False),
])
def test_a_pair_ending_without_its_final_questionnaire(world, ends, status, answered, nudged):
    pair = a_pair(world, ends=ends, status=status)
    if answered:
        _invitation(world, pair, "mentee_final", 1, answered=True)
    assert bool(final_missing(curator(world), TODAY)) is nudged, FINAL_QUESTIONNAIRE.source


def test_the_landing_shows_what_goes_stale_until_it_is_fixed(login, world):
    pair = a_pair(world)
    client = login(world.school_curator)
    assert "Нет встреч больше 30 дней" in client.get(reverse("participants:home")).content.decode()
    pair.meetings.create(kind="work", held_on=TODAY)
    assert "Нет встреч больше 30 дней" not in client.get(reverse("participants:home")).content.decode()
    _invitation(world, pair, "mentee_entry", 5)
    assert "не заполнена" in client.get(reverse("participants:home")).content.decode()


def test_a_mentor_is_told_of_his_own_pairs_only(login, world):
    a_pair(world, mentor_user=world.mentor)
    other = a_pair(world)
    page = login(world.mentor).get(reverse("participants:home")).content.decode()
    assert page.count("Нет встреч больше 30 дней") == 1 and reverse("participants:pair", args=[
        world.school.code, other.pk]) not in page


def test_the_weekly_digest_carries_them(world):
    a_pair(world)
    digest = digest_for(world.school_curator, TODAY)
    assert digest is not None and any("Нет встреч больше 30 дней" in todo.text for todo in digest.todos)


def test_a_long_list_is_capped_with_a_line_to_the_list(world):
    for _ in range(7):
        a_pair(world)
    found = no_meeting(curator(world), TODAY)
    assert len(found) == 6 and found[-1].text == "Пары без встреч больше месяца: ещё 2"
