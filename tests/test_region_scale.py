"""A region at two sizes: the generator builds it, and every page of a district or a school costs the same number
of queries whether the region has one district or three (pages read their own district, never the region)."""

import io
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring_portal.generate.pages import region_pages
from mentoring_portal.generate.region import RegionBuilder
from participants.models import Organization, Person, Region

TODAY = date(2024, 11, 20)


def build(seed: int, districts: int, into=None):
    return RegionBuilder(scale=districts / 60, seed=seed, today=TODAY, schools=3, people=0.03).build(into)


def query_counts(client, seed: int) -> dict[str, int]:
    counts = {}
    for page in region_pages(seed):
        if page.username:
            client.force_login(get_user_model().objects.get(username=page.username))
        else:
            client.logout()
        client.get(page.url)  # the session and per-process caches settle
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200, page
        counts[str(page)] = len(queries)
    return counts


def test_the_generator_builds_every_part_of_a_region(db):
    figures = build(seed=5, districts=2)
    assert figures.districts == 2 and figures.organizations == 2 * 3 + 1
    assert Organization.objects.filter(district__isnull=True, region__code="region-5").count() == 1
    assert figures.rows["participants.Pair"] > 0 and figures.rows["roadmaps.Occurrence"] > 0
    assert Person.objects.filter(organization__region__code="region-5").exists()
    # issue #24: every table a page reads, not empty ones — the audit log (one entry per person and pair), events with
    # their invitations and attendance, training records, and every user's e-mail
    # (and, further, every place's documents, programmes, practices, public page with news, and the contests)
    for label in ("auditlog.LogEntry", "roadmaps.Event", "roadmaps.Attendance", "participants.TrainingRecord",
                  "participants.Document", "participants.Programme", "participants.Practice", "participants.PublicPage",
                  "participants.News", "roadmaps.Contest", "roadmaps.Application", "participants.Deficit",
                  "participants.RouteStep"):
        assert figures.rows[label] > 0, label
    assert figures.rows["auditlog.LogEntry"] == figures.rows["participants.Person"] + figures.rows["participants.Pair"]
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username__startswith="curator-5", email="").exists()


def test_the_command_prints_what_it_built(db):
    out = io.StringIO()
    call_command("generate_region", "--scale", "0.0001", "--seed", "9", stdout=out)
    assert "Регион 9: районов 1" in out.getvalue() and "participants.Person" in out.getvalue()


def test_no_page_reads_more_of_a_bigger_region(client, db, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    build(seed=1, districts=1)
    small = query_counts(client, 1)
    build(seed=2, districts=4, into=Region.objects.get(code="region-1"))  # the region grows fivefold
    assert query_counts(client, 1) == small
