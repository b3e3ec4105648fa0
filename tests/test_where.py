"""Where a changed record belongs (participants/caches/where.py), the one resolver the kept pages' wiring asks: each
kind of record of the standing cast, by its own place or by the record it leads to."""

import pytest

from monitoring.models import Target
from participants.caches.where import Where, where
from roadmaps.events.models import Attendance

pytestmark = pytest.mark.django_db


def test_a_record_of_a_school_belongs_to_its_school_district_and_region(world, objects):
    school = Where(world.region.pk, world.district.pk, world.school.pk)
    for key in ("pair", "mentor", "programme", "practice", "report", "school_document"):
        assert where(objects[key]) == school, key


def test_a_record_without_a_place_leads_to_the_record_that_has_one(world, objects):
    school = Where(world.region.pk, world.district.pk, world.school.pk)
    for key in ("consent", "request", "training", "deficit", "meeting", "task"):  # a person's, a pair's
        assert where(objects[key]) == school, key
    assert where(objects["school_news"]) == school  # through its page


def test_a_district_record_and_those_registered_by_the_apps_to_the_right(world, objects):
    district = Where(world.region.pk, world.district.pk)
    for key in ("event", "campaign", "indicator", "district_document", "contest", "application"):
        assert where(objects[key]) == district, key
    attendance = Attendance.objects.create(event=objects["event"], person=objects["mentor"])
    assert where(attendance) == district
    target = Target.objects.create(indicator=objects["indicator"], year=2025, value=50)
    assert where(target) == district
    target.organization = world.school
    assert where(target).organization_id == world.school.pk


def test_a_record_whose_owner_is_gone_belongs_nowhere(world, objects):
    meeting = objects["meeting"]
    meeting.pair_id = 10**9
    assert where(meeting) == Where()
