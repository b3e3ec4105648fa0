"""Issue #24: the first view after a change computed the page in the request — the dashboard 0.3 s, the
coordinator's landing 0.5 s, the region overview 1.5–2.2 s on a full region. The worker now makes them ready when the
change commits (mentoring_portal/lib/warming.py), and the district curators' deadlines follow their own district, not
every roadmap of the region."""

from datetime import date

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from mentoring_portal.lib import versions, warming
from monitoring import figures_cache
from monitoring.passport import kept as passport_kept
from participants.models import Document, Pair, PairStatus
from roadmaps import agenda, page_cache
from roadmaps.models import RoadmapStatus
from roadmaps.views import table as views_table
from tests.factories import form, make_roadmap, person

pytestmark = pytest.mark.usefixtures("fresh_cache")


@pytest.fixture
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def live_pair(school):
    pair = Pair.objects.create(organization=school, mentor=person(school, "teacher"), form=form(),
                               status=PairStatus.ACTIVE, start_date=date(2020, 9, 1), end_date=date(2035, 5, 31))
    pair.mentees.set([person(school)])
    return pair


def forbid(monkeypatch, module, name: str) -> None:
    """The view may not compute this any more: it must find it ready."""
    def computed(*args, **kwargs):
        raise AssertionError(f"{name} computed in the request")

    monkeypatch.setattr(module, name, computed)


def overdue_item(owner):
    """An approved roadmap of `owner` whose one item was due in October 2021 and is not done."""
    roadmap = make_roadmap(owner, period=(2021, 2030), sections={"Организационная работа": [
        (f"Совещание кураторов ({owner.code})", "Октябрь 2021г", "Куратор ЦМН")]})
    roadmap.status = RoadmapStatus.APPROVED
    roadmap.save()
    return roadmap, roadmap.items.get()


def test_every_kind_of_warmer_is_a_version_the_portal_bumps():
    assert set(warming.WARMERS.keys()) == {"district-figures", "deadlines:region", "region-overview", "roadmap-table",
                                         "region-passport"}
    assert warming.warm.call("no-such-kind:1") == "unknown"


@override_settings(WARM_CACHES=True)
def test_after_a_pair_is_saved_the_dashboard_finds_its_figures_ready(login, world, monkeypatch,
                                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        live_pair(world.school)
    forbid(monkeypatch, figures_cache, "figures")
    page = login(world.curator).get(reverse("monitoring:dashboard", args=[world.district.code]))
    assert page.status_code == 200


@override_settings(WARM_CACHES=True)
def test_after_an_item_is_saved_its_roadmap_finds_its_rows_ready(login, world, monkeypatch,
                                                                  django_capture_on_commit_callbacks):
    roadmap, item = overdue_item(world.school)
    client = login(world.school_curator)
    client.get(roadmap.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        item.name = "Совещание кураторов по итогам года"
        item.save()
    forbid(monkeypatch, views_table, "roadmap_table")
    assert "Совещание кураторов по итогам года" in client.get(roadmap.get_absolute_url()).content.decode()


@override_settings(WARM_CACHES=True)
def test_after_a_roadmap_changes_the_coordinators_deadlines_are_ready(login, world, monkeypatch,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _, item = overdue_item(world.school)
    forbid(monkeypatch, agenda, "user_agenda")
    forbid(monkeypatch, agenda, "user_deadline_rows")
    client = login(world.coordinator)
    assert item.name in client.get(reverse("participants:home")).content.decode()
    assert item.name in client.get(reverse("roadmaps:deadlines")).content.decode()


@override_settings(WARM_CACHES=True)
def test_a_burst_of_changes_queues_one_warm_task(world, monkeypatch, django_capture_on_commit_callbacks):
    queued = []

    class Queue:  # a worker that has not run yet
        @staticmethod
        def enqueue(name):
            queued.append(name)

    monkeypatch.setattr(warming, "warm", Queue)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(20):
            live_pair(world.school)
    assert queued.count(f"district-figures:{world.district.pk}") == 1


def test_a_queue_that_is_down_leaves_the_view_to_compute(world, monkeypatch):
    class Down:
        @staticmethod
        def enqueue(name):
            raise ConnectionError("redis is down")

    monkeypatch.setattr(warming, "warm", Down)
    assert warming.queue(f"district-figures:{world.district.pk}") is False
    assert cache.get(f"warming:district-figures:{world.district.pk}") is None  # the next change tries again


def test_a_school_elsewhere_in_the_region_does_not_make_a_district_curator_count_again(world, monkeypatch):
    """Before, every district curator's deadlines were kept under the region's version: a school of another district
    editing its roadmap made all of them computed again."""
    from tests.factories import DistrictFactory, OrganizationFactory

    today = timezone.localdate()
    overdue_item(world.district)
    first = page_cache.cached_agenda(world.curator, today)
    elsewhere = OrganizationFactory(district=DistrictFactory(region=world.region, code="partizansky"), code="far")
    overdue_item(elsewhere)
    forbid(monkeypatch, agenda, "user_agenda")
    assert page_cache.cached_agenda(world.curator, today).overdue_count == first.overdue_count
    # ...while the coordinator's, over the whole region, is computed again
    with pytest.raises(AssertionError, match="computed in the request"):
        page_cache.cached_agenda(world.coordinator, today)


def test_a_change_in_the_districts_own_schools_is_in_its_curators_deadlines(world):
    today = timezone.localdate()
    before = page_cache.cached_agenda(world.curator, today).overdue_count
    overdue_item(world.school)
    assert page_cache.cached_agenda(world.curator, today).overdue_count == before + 1
    overdue_item(world.direct_school)  # a school under the region: the coordinator's, not the district's
    assert page_cache.cached_agenda(world.curator, today).overdue_count == before + 1


def test_the_version_names_a_roadmap_bumps(world):
    roadmap = make_roadmap(world.direct_school)
    names = {page_cache.deadlines("region", world.region.pk), page_cache.deadlines("organization", world.direct_school.pk)}
    before = {name: versions.version(name) for name in names}
    page_cache.bump(roadmap.pk)
    assert all(versions.version(name) > before[name] for name in names)


@override_settings(WARM_CACHES=True)
def test_after_a_document_is_saved_the_regions_passport_finds_its_summary_ready(login, world, monkeypatch,
                                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Document.objects.create(organization=world.school, kind="regulation", title="Положение", number="3",
                                date=date(2021, 9, 1))
    forbid(monkeypatch, passport_kept, "build")
    page = login(world.coordinator).get(reverse("monitoring:region-passport", args=[world.region.code]))
    assert page.status_code == 200 and ">1 из 2<" in page.content.decode()
