"""Issue #24: the landing page («Мои задачи») is rendered once and kept until something it shows changes — the
places of the user's roles (participants/caches/place.py), their deadlines, a mentor's own meetings — so every change
is there at the next view, and a kept view reads none of the blocks' records."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring_portal.lib.schoolyear import school_year_of
from monitoring.services import campaign_open
from participants.models import HeadCount, Pair, PairStatus
from roadmaps.models import RoadmapStatus
from tests.factories import SAYANSKY_SECTIONS, form, make_roadmap, person


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def landing(client) -> str:
    return client.get(reverse("participants:home")).content.decode()


def test_a_kept_landing_reads_none_of_its_blocks(login, world):
    make_roadmap(world.district, sections=SAYANSKY_SECTIONS)
    client = login(world.curator)
    with CaptureQueriesContext(connection) as first:
        landing(client)
    with CaptureQueriesContext(connection) as kept:
        assert "Саянский район" in landing(client)
    assert len(kept) <= 3 < len(first)  # the user and their roles (the session is in the cache)


def _submit_school_roadmap(world):
    roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    roadmap.status = RoadmapStatus.SUBMITTED
    roadmap.save()


def _meeting_planned(world):
    mentor = person(world.school, "teacher", grade="", user=world.mentor)
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form("учитель – учитель"),
                               start_date=date(2024, 9, 1), end_date=date(2035, 5, 31), status=PairStatus.ACTIVE)
    return pair


def _meeting_added(world):
    Pair.objects.get(mentor__user=world.mentor).meetings.create(kind="trial",
                                                               planned_on=timezone.localdate().replace(day=1))


@pytest.mark.parametrize("who, before, change, seen, unseen", [
    ("curator", None, _submit_school_roadmap, "Рассмотреть дорожную карту", None),
    ("school_curator", None, lambda world: campaign_open(district=world.district, title="Майский мониторинг",
                                                          year=2025, due_on=date(2035, 5, 20)),
     "Майский мониторинг", None),
    ("school_curator", None, lambda world: HeadCount.objects.create(
        organization=world.school, school_year=school_year_of(timezone.localdate()), students=500, teachers=50),
     None, "Внести контингент МБОУ Агинская СОШ № 1"),
    ("mentor", _meeting_planned, _meeting_added, "Мои встречи", None),
    ("coordinator", None, lambda world: _rename(world.district, "Саянский муниципальный округ"),
     "Саянский муниципальный округ", None),
], ids=["a school's roadmap to review", "a report to hand in", "a head-count entered", "a mentor's meeting",
        "a district renamed, on the coordinator's"])
def test_every_change_of_what_a_landing_shows_is_there_at_the_next_view(login, world, who, before, change, seen,
                                                                          unseen):
    if before:
        before(world)
    client = login(getattr(world, who))
    page = landing(client)
    assert (seen is None or seen not in page) and (unseen is None or unseen in page)
    change(world)
    page = landing(client)
    assert (seen is None or seen in page) and (unseen is None or unseen not in page)


def _rename(place, name):
    place.name = name
    place.save()


def test_the_workplace_chosen_keys_the_page(login, world):
    from participants.models import Membership, Role

    Membership.objects.create(user=world.curator, role=Role.SCHOOL_CURATOR, organization=world.school)
    client = login(world.curator)
    both = landing(client)
    assert "Моя организация" in both
    school_only = Membership.objects.get(user=world.curator, role=Role.DISTRICT_CURATOR)
    client.post(reverse("participants:workplace"), {"workplace": school_only.pk})
    assert "Моя организация" not in landing(client)
