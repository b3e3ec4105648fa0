"""A person's data removed on request: the name is gone from every page, export and the audit trail, and the
indicators counted from the registry don't change."""

import io
import json
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from monitoring.formulas import FORMULAS, Snapshot
from monitoring.selectors import year_period
from participants.models import Person
from tests.factories import HeadCountFactory, person
from tests.test_monitoring_formulas import pair

PERIOD = year_period(2024, date(2024, 6, 1))


@pytest.fixture
def school(world, login):
    HeadCountFactory(organization=world.school, school_year=2023, students=10, teachers=5, young_teachers=2)
    client = login(world.school_curator)
    mentor = person(world.school, "teacher", last_name="Наставникова", grade="", birth_date=date(1980, 1, 1),
                    teaching_since=date(2000, 9, 1))
    pupil = person(world.school, last_name="Ёлкина", first_name="Алёна", patronymic="Игоревна",
                   birth_date=date(2012, 4, 5))
    young = person(world.school, "teacher", last_name="Молодцова", grade="", birth_date=date(1999, 1, 1),
                   teaching_since=date(2022, 9, 1))
    older = person(world.school, "student", last_name="Старшеклассник", grade="10А")
    pair(world.school, older, [pupil])
    pair(world.school, mentor, [young], name="учитель – учитель")
    # An edit through the page, so the trail holds the name as «before» and «after»
    client.post(reverse("participants:person-edit", args=[world.school.code, pupil.pk]),
                {"last_name": "Ёлкина", "first_name": "Алёна", "patronymic": "Игоревна", "category": "student",
                 "grade": "6Б", "birth_date": "2012-04-05"})
    return {"client": client, "pupil": pupil, "young": young}


def indicators(world) -> dict:
    snapshot = Snapshot.take([world.school], PERIOD)
    return {key: formula.compute(snapshot, {world.school.pk}) for key, formula in FORMULAS.items()}


def everything_the_school_sees(world, client) -> str:
    code = world.school.code
    pages = [reverse(name, args=[code]) for name in ("participants:people", "participants:pairs",
                                                     "participants:organization-audit")]
    text = "".join(client.get(url).content.decode() for url in pages)
    for name in ("participants:people-export", "participants:pairs-export"):
        response = client.get(reverse(name, args=[code]))
        data = b"".join(response.streaming_content) if response.streaming else response.content
        book = load_workbook(io.BytesIO(data))
        text += " ".join(str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row)
    text += " ".join(f"{e.object_repr} {e.changes} {e.changes_text}" for e in LogEntry.objects.all())
    return text


def test_the_name_is_gone_everywhere_and_the_indicators_stay(world, school):
    before = indicators(world)
    assert "Ёлкина" in everything_the_school_sees(world, school["client"])
    for who in ("pupil", "young"):
        response = school["client"].post(reverse("participants:person-anonymise",
                                                 args=[world.school.code, school[who].pk]), {"confirm": "yes"})
        assert response.status_code == 302
    seen = everything_the_school_sees(world, school["client"])
    for text in ("Ёлкина", "Алёна", "Игоревна", "Молодцова", "2012"):
        assert text not in seen, text
    assert indicators(world) == before
    pupil = Person.objects.get(pk=school["pupil"].pk)
    assert pupil.anonymised_on and pupil.category == "student" and pupil.mentored_in.count() == 1


def test_erasure_needs_the_confirmation(world, school):
    school["client"].post(reverse("participants:person-anonymise", args=[world.school.code, school["pupil"].pk]))
    assert Person.objects.get(pk=school["pupil"].pk).last_name == "Ёлкина"


def test_only_the_schools_curator_erases(login, world, school):
    url = reverse("participants:person-anonymise", args=[world.school.code, school["pupil"].pk])
    assert login(world.curator).post(url, {"confirm": "yes"}).status_code == 403
    assert login(world.other_curator).post(url, {"confirm": "yes"}).status_code == 404


# Every copy of a name: what keeps one (seeded below), then every text column of every model scanned after erasure.
COPIES = [
    "participants: the person, consents, requests, mentor profile, meetings' notes, the audit trail",
    "roadmaps.events.Attendance.name (an event's attendance list)",
    "mentoring_portal.Job.result (a file read for the school: the registry preview) and the export files waiting",
    "the cache: the school's and the district's public pages and their embeds (mentors who agreed to be named)",
]


def _text_columns():
    from django.apps import apps
    from django.db import models

    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields
                  if isinstance(f, (models.CharField, models.TextField, models.JSONField))]
        if fields:
            yield model, fields


def test_erasure_reaches_every_copy_of_the_name(world, login, django_capture_on_commit_callbacks):

    from mentoring_portal.jobs.models import Job, JobStatus
    from participants.models import MentorProfile, PublicPage
    from participants.services.erasure import person_anonymise
    from roadmaps.events.models import Event
    from roadmaps.events.services import event_invite
    from tests.factories import form

    teacher = person(world.school, "teacher", last_name="Громова", first_name="Вера", patronymic="Павловна", grade="",
                     birth_date=date(1985, 3, 1), position="учитель физики")
    MentorProfile.objects.create(person=teacher, competencies="физика", public_name_consent=True)
    from participants.models import Pair, PairStatus

    live = Pair.objects.create(organization=world.school, mentor=teacher, form=form("учитель – учитель"),
                               status=PairStatus.ACTIVE, start_date=date(2024, 9, 1), end_date=date(2030, 5, 31))
    live.mentees.set([person(world.school, "teacher", grade="", last_name="Новенькая")])
    event = Event.objects.create(organization=world.school, title="Педсовет", kind="council",
                                 starts_at="2030-01-15T10:00Z")
    event_invite(event=event, groups={"mentors"})
    assert event.attendances.filter(name__contains="Громова").exists()
    Job.objects.create(kind="participants.registry-import", owner=f"organization:{world.school.pk}",
                       user=world.school_curator, status=JobStatus.DONE,
                       result={"people": [{"row": 2, "values": {"last_name": "Громова", "first_name": "Вера"}}]})
    for place in ({"organization": world.school}, {"district": world.district}):
        PublicPage.objects.create(**place, is_published=True, blocks=["mentors", "contact"], contact="куратор")
    client = login(world.school_curator)
    public = [reverse(name, args=[kind, code]) for name in ("public-page", "public-embed")
              for kind, code in (("o", world.school.code), ("d", world.district.code))]
    assert all("Громова" in client.get(url).content.decode() for url in public)  # cached now

    with django_capture_on_commit_callbacks(execute=True):
        person_anonymise(person=Person.objects.get(pk=teacher.pk), user=world.school_curator)

    for url in public:  # at once, not when the cache expires
        assert "Громова" not in client.get(url).content.decode(), url
    found = []
    for model, fields in _text_columns():  # read in Python: SQLite keeps JSON with its Cyrillic escaped
        for values in model.objects.values_list(*fields):
            if any("Громова" in json.dumps(value, ensure_ascii=False, default=str) for value in values):
                found.append(model._meta.label)
                break
    assert found == [], f"a copy of the name is left in {found}; kept copies are listed in COPIES"
