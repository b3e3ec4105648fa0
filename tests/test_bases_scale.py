"""Issue #13: a district of 40 schools lists each of its bases on one page, paginated, in a constant number of SQL
queries — the same for 4 schools as for 40, each with its curator, programme, practice, partner and document."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participants.models import Document, Partner, Practice, PracticeStatus, Programme, Role
from tests.factories import OrganizationFactory, member

BASES = ["participants:district-users", "participants:curators", "participants:experts", "participants:partners",
         "participants:district-programmes", "participants:district-practices", "participants:district-documents",
         "participants:district-training"]


def school_with_everything(world, n: int) -> None:
    school = OrganizationFactory(district=world.district, code=f"s{n}", short_name=f"МБОУ СОШ № {n}")
    member(Role.SCHOOL_CURATOR, school)
    member(Role.DISTRICT_EXPERT, world.district)
    Programme.objects.create(organization=school, title=f"Программа {n}")
    Practice.objects.create(organization=school, title=f"Практика {n}", level="basic", description="x", results="y",
                            status=PracticeStatus.PUBLISHED, published_on=date(2024, 3, 1))
    partner = Partner.objects.create(organization=school, name=f"Партнёр {n}")
    Partner.objects.create(district=world.district, name=f"Партнёр района {n}").schools.add(school)
    Document.objects.create(district=world.district, kind="order_other", title=f"Приказ {n}", date=date(2024, 1, n % 28 + 1))
    assert partner.pk


def queries(client, url) -> int:
    """The queries of the page as computed (the kept navigation and pages emptied: both sizes pay the same way)."""
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", BASES)
def test_a_base_costs_the_same_queries_for_4_and_40_schools(login, world, name):
    url = reverse(name, args=[world.district.code])
    for n in range(2):
        school_with_everything(world, n)
    client = login(world.curator)
    queries(client, url)  # the first request also fills what Django caches afterwards
    few = queries(client, url)
    for n in range(2, 40):
        school_with_everything(world, n)
    assert queries(client, url) == few


def test_the_event_list_and_a_contests_applications_cost_the_same_queries_for_4_and_40(login, world):
    from datetime import datetime, timedelta

    from django.utils import timezone

    from participants.models import Pair, PairStatus
    from roadmaps.contests.models import Application, Contest, Nomination
    from roadmaps.events.models import Attendance, Event
    from tests.factories import form, person

    contest = Contest.objects.create(district=world.district, title="Дуэт", year=2025, applications_until=date(2025, 3, 1),
                                     judging_until=date(2025, 4, 1), criteria="Актуальность")
    nomination = Nomination.objects.create(contest=contest, name="Педагоги")

    def grow(start: int, stop: int) -> None:
        for n in range(start, stop):
            school = OrganizationFactory(district=world.district, code=f"e{n}")
            event = Event.objects.create(district=world.district, title=f"Семинар {n}",
                                         starts_at=timezone.make_aware(datetime(2024, 1, 1, 10)) + timedelta(days=n))
            event.schools.add(school)
            Attendance.objects.create(event=event, name=f"Участник {n}", organization=school, attended=n % 2 == 0)
            pair = Pair.objects.create(organization=school, mentor=person(school, "teacher", grade=""),
                                       form=form("учитель – учитель"), status=PairStatus.ACTIVE,
                                       start_date=date(2024, 9, 1), end_date=date(2025, 5, 31))
            Application.objects.create(contest=contest, nomination=nomination, organization=school, pair=pair,
                                       title=f"Работа {n}")

    client = login(world.curator)
    urls = [reverse("roadmaps:district-events", args=[world.district.code]), contest.get_absolute_url()]
    grow(0, 2)
    for url in urls:
        queries(client, url)
    few = [queries(client, url) for url in urls]
    grow(2, 40)
    assert [queries(client, url) for url in urls] == few
