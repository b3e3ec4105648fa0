"""Issue #24: a district's analytical report (справка) reads the district's whole work in ~30 queries; it is kept
until something it shows changes (monitoring/report_cache.py) — every kind of change, also those made in bulk, is on
the page at the next view."""

import re
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Invitation, Questionnaire
from monitoring.selectors import current_year
from monitoring.services import answers_record
from participants.models import Pair, PairStatus
from participants.training.importing import TrainingImport, save_training
from participants.training.models import TrainingRecord
from roadmaps.events.models import Attendance, Event
from roadmaps.events.services import attendance_mark
from tests.factories import form, person


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def pair(world):
    mentor = person(world.school, "teacher", grade="", last_name="Соколова")
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form("учитель – учитель"),
                               status=PairStatus.ACTIVE, start_date=date(2024, 9, 1), end_date=date(2030, 5, 31))
    pair.mentees.set([person(world.school, "teacher", grade="")])
    return pair


@pytest.fixture
def seminar(world):
    held = timezone.localdate() - timedelta(days=3)
    event = Event.objects.create(district=world.district, title="Семинар кураторов ОО", kind="seminar",
                                 starts_at=timezone.make_aware(timezone.datetime(held.year, held.month, held.day, 10)),
                                 held_on=held)
    Attendance.objects.create(event=event, name="Белова Анна", organization=world.school)
    return event


def report(client, world) -> str:
    url = reverse("monitoring:district-report", args=[world.district.code])
    return client.get(url, {"year": current_year(timezone.localdate())}).content.decode()


def came(page: str) -> str:
    """The seminar's row: invited and came."""
    row = re.search(r"Семинар кураторов ОО</td>.*?</tr>", page, re.S).group(0)
    return "/".join(re.findall(r'class="text-end">(\d+)</td>', row))


def trained(page: str) -> str:
    return re.search(r"Наставников в действующих парах: (\d+), из них обучены за последние три года: (\d+)",
                     page).group(0)


def test_a_kept_report_reads_nothing_of_the_district(login, world, pair, seminar):
    client = login(world.curator)
    with CaptureQueriesContext(connection) as first:
        report(client, world)
    with CaptureQueriesContext(connection) as kept:
        assert "Семинар кураторов ОО" in report(client, world)
    assert len(first) > 20 and len(kept) <= 4  # the user, the roles, the district


def test_another_year_and_another_reader_are_kept_apart(login, world, pair, seminar):
    this_year = report(login(world.curator), world)
    last = login(world.curator).get(reverse("monitoring:district-report", args=[world.district.code]),
                                    {"year": current_year(timezone.localdate()) - 1}).content.decode()
    assert "Семинар кураторов ОО" in this_year and "Семинар кураторов ОО" not in last
    assert "Семинар кураторов ОО" in report(login(world.methodist), world)


def _answer(world, pair, seminar):
    invitation = Invitation.objects.create(questionnaire=Questionnaire.objects.get(kind="mentor_entry"),
                                           organization=world.school, person=pair.mentor, form=pair.form)
    answers_record(invitation=invitation, texts={},
                   scores={q.pk: 7 for q in invitation.questionnaire.questions.filter(is_scale=True)})


@pytest.mark.parametrize("change, seen", [
    (lambda world, pair, seminar: attendance_mark(event=seminar, present=set(seminar.attendances.values_list(
        "pk", flat=True))), lambda page: came(page) == "1/1"),
    (lambda world, pair, seminar: Attendance.objects.create(event=seminar, name="Орлов Борис",
                                                            organization=world.school),
     lambda page: came(page) == "2/0"),
    (lambda world, pair, seminar: save_training(TrainingImport(rows=[TrainingRecord(
        person=pair.mentor, programme="Наставничество в ОО", end_date=timezone.localdate() - timedelta(days=30))]),
        organization=world.school, user=world.school_curator),
     lambda page: trained(page).endswith("три года: 1")),
    (_answer, lambda page: "Анкет пока не заполнено" not in page),
    (lambda world, pair, seminar: Pair.objects.filter(pk=pair.pk).first().delete(),
     lambda page: "Наставников в действующих парах: 0" in page),
    (lambda world, pair, seminar: _rename(world.school, "МБОУ Агинская гимназия"),
     lambda page: "МБОУ Агинская гимназия" in page),
], ids=["attendance marked in bulk", "someone invited", "training imported in bulk", "a questionnaire answered",
        "a pair removed", "a school renamed"])
def test_every_change_of_what_the_report_shows_is_there_at_the_next_view(login, world, pair, seminar, change, seen):
    client = login(world.curator)
    assert not seen(report(client, world))
    change(world, pair, seminar)
    assert seen(report(client, world))


def _rename(school, name):
    school.short_name = name
    school.save()
