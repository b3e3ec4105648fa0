"""The region's passport kept until something it reads changes: it computes the passport of every school of the
region (1,530 schools: 2 s on the generated region), so after a change the page shows the summary before it while the
worker builds the new one — as the region overview does (monitoring/region/overview.py).

A version per region is bumped on every save or delete of what the passport and the coverage of target groups read:
roles, the register's documents, pairs and their mentees, programmes, public pages and news, consents, people and
their marks, mentors' profiles and mentees' requests, meetings, training, the district's orders, school reports;
the roadmaps' version of the region's deadlines covers roadmaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from mentoring_portal.lib import versions, warming
from monitoring.models import SchoolReport
from monitoring.passport.marks import MARKS, passports
from participants.caches.where import where
from participants.models import District, Organization, Region
from participants.target_groups.coverage import coverage
from roadmaps.models import Order
from roadmaps.page_cache import REGION_DEADLINES, deadlines

PASSPORT = "region-passport"
KEPT_SECONDS = 6 * 3600


@dataclass
class Summary:
    lines: list  # (the district's name, its schools, [(met, checked) per mark])
    groups: object  # the coverage of target groups (counts only)
    built_at: datetime


def build(region, today: date) -> Summary:
    schools = list(Organization.objects.filter(region=region).select_related("district").in_russian_order())
    by_place: dict = {}
    for passport in passports(schools, today):
        district = passport.organization.district
        by_place.setdefault(district.pk if district else None, []).append(passport)
    districts = {d.pk: d.name for d in District.objects.filter(region=region)}
    lines = []
    for key, found in sorted(by_place.items(), key=lambda item: (item[0] is None, districts.get(item[0], ""))):
        counts = [(sum(1 for p in found if p.marks[k].ok), sum(1 for p in found if p.marks[k].ok is not None))
                  for k in MARKS]
        lines.append((districts.get(key, "Организации регионального подчинения"), len(found), counts))
    return Summary(lines, coverage(schools), timezone.now())


def summary(region, today: date) -> tuple[Summary, bool]:
    """The summary and whether a newer one is being built."""
    return versions.kept_or_previous(_key(region.pk, today), _latest_key(region.pk, today),
                                     lambda: build(region, today), f"{PASSPORT}:{region.pk}", KEPT_SECONDS)


def _key(region_id: int, today: date) -> str:
    stamp = f"{versions.version(f'{PASSPORT}:{region_id}')}.{versions.version(deadlines('region', region_id))}"
    return f"{PASSPORT}:{region_id}:{today.isoformat()}:{stamp}"


def _latest_key(region_id: int, today: date) -> str:
    return f"{PASSPORT}-latest:{region_id}:{today.isoformat()}"


def warm(region_id: str) -> None:
    region = Region.objects.filter(pk=region_id).first()
    if region is not None:
        today = timezone.localdate()
        versions.keep(_key(region.pk, today), _latest_key(region.pk, today), build(region, today), KEPT_SECONDS)


def _names_of(instance, created: bool = False) -> list[str]:
    region_id = where(instance).region_id
    return [f"{PASSPORT}:{region_id}"] if region_id is not None else []


def connect() -> None:
    from participants.models import (
        Consent,
        Document,
        GroupMark,
        Meeting,
        Membership,
        MenteeRequest,
        MentorProfile,
        News,
        Pair,
        Person,
        Programme,
        PublicPage,
        TrainingRecord,
    )

    versions.watch(PASSPORT, _names_of, models=(
        Consent, Document, GroupMark, Meeting, MenteeRequest, Membership, MentorProfile, News, Pair, Person, Programme,
        PublicPage, TrainingRecord, Order, SchoolReport), m2m=(Pair.mentees.through,))
    warming.WARMERS.add(warm, key=PASSPORT)
    warming.WARMERS.add(warm, key=REGION_DEADLINES)
