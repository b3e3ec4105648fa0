"""Issue #24: the district's page and every place's navigation are rendered once and kept until something they show
changes (participants/caches/place.py; roadmaps, monitoring and participants each bump it for their own records).
Every kind of change is on the page at the next view."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring_portal.lib.schoolyear import school_year_of
from monitoring.services import campaign_open
from participants.models import HeadCount, Membership, Practice, PracticeStatus
from roadmaps.models import RoadmapStatus
from tests.factories import SAYANSKY_SECTIONS, OrganizationFactory, make_roadmap


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def district_page(client, world) -> str:
    return client.get(reverse("participants:district", args=[world.district.code])).content.decode()


def nav_of(html: str) -> str:
    return re.search(r'<nav class="place-nav.*?</nav>', html, re.S).group(0)


def waiting(nav: str, label: str) -> int:
    found = re.search(rf"{label}\s*<span[^>]*><span class=\"visually-hidden\">ждут: </span>(\d+)</span>", nav)
    return int(found.group(1)) if found else 0


def test_a_kept_district_page_reads_neither_its_schools_nor_its_counts(login, world):
    client = login(world.curator)
    with CaptureQueriesContext(connection) as first:
        district_page(client, world)
    with CaptureQueriesContext(connection) as kept:
        assert "МБОУ Агинская СОШ № 1" in district_page(client, world)
    assert len(kept) <= 5 < len(first)  # the user, the roles, the district (the session is in the cache)


def _submit_roadmap(world):
    roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    roadmap.status = RoadmapStatus.SUBMITTED
    roadmap.save()


@pytest.mark.parametrize("change, seen", [
    (lambda world: OrganizationFactory(district=world.district, short_name="МБОУ Шалинская СОШ", code="shala"),
     lambda page: "МБОУ Шалинская СОШ" in page),
    (lambda world: HeadCount.objects.create(organization=world.school, school_year=school_year_of(timezone.localdate()),
                                            students=4321, teachers=77),
     lambda page: "4321" in page or "4 321" in page),
    (lambda world: Membership.objects.filter(user=world.other_curator).delete(),
     lambda page: "Без куратора" in page),
    (_submit_roadmap, lambda page: waiting(nav_of(page), "Дорожные карты") == 1),
    (lambda world: Practice.objects.create(organization=world.school, title="Равный — равному", level="basic",
                                           description="…", results="…", status=PracticeStatus.SUBMITTED),
     lambda page: waiting(nav_of(page), "Банк практик") == 1),
    (lambda world: campaign_open(district=world.district, title="Майский мониторинг", year=2025,
                                 due_on=date(2030, 5, 20)),
     lambda page: "Майский мониторинг" in page),
    (lambda world: _rename(world.district, "Саянский муниципальный округ"),
     lambda page: "Саянский муниципальный округ" in page),
], ids=["a school added", "a head-count", "a curator removed", "a roadmap to review", "a practice to review",
        "a campaign opened", "the district renamed"])
def test_every_change_of_what_the_district_page_shows_is_there_at_the_next_view(login, world, change, seen):
    client = login(world.curator)
    assert not seen(district_page(client, world))
    change(world)
    assert seen(district_page(client, world))


def _rename(place, name):
    place.name = name
    place.save()


def test_the_navigation_marks_the_page_it_is_on_though_kept(login, world):
    client = login(world.curator)
    district_page(client, world)
    programmes = client.get(reverse("participants:district-programmes", args=[world.district.code])).content.decode()
    assert re.findall(r'aria-current="page">\s*<i class="bi [^"]+"></i>\s*Программы', nav_of(programmes))
