"""Every change leaves a trace: who, when, before and after. The district curator reads the district's trail
without the people's data; the school curator reads the school's in full; others read none."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from monitoring.models import Indicator, Target
from participants.models import Membership, Role
from tests.factories import SAYANSKY_SECTIONS, make_roadmap, person


def trail(client, url_name, code) -> str:
    response = client.get(reverse(url_name, args=[code]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_change_to_a_person_is_recorded_with_who_before_and_after(login, world):
    client = login(world.school_curator)
    mentee = person(world.school, last_name="Смирнова")
    client.post(reverse("participants:person-edit", args=[world.school.code, mentee.pk]),
                {"last_name": "Смирнова-Орлова", "first_name": "Мария", "patronymic": "Петровна",
                 "category": "student", "grade": "7Б", "birth_date": "2011-03-14"})
    entry = LogEntry.objects.get_for_object(mentee).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == world.school_curator
    assert entry.changes_dict["last_name"] == ["Смирнова", "Смирнова-Орлова"]
    page = trail(client, "participants:organization-audit", world.school.code)
    assert "Смирнова → Смирнова-Орлова" in page


def test_the_district_reads_that_a_record_changed_but_not_whose(login, world):
    person(world.school, last_name="Смирнова", birth_date=date(2012, 1, 1))
    page = trail(login(world.curator), "participants:district-audit", world.district.code)
    assert "участник" in page and "запись №" in page
    assert "Смирнова" not in page and "2012" not in page
    school_page = trail(login(world.curator), "participants:organization-audit", world.school.code)
    assert "Смирнова" not in school_page


def test_the_district_reads_a_pairs_changes_without_its_mentor_or_mentees_names(login, world):
    from participants.models import Pair, PairStatus
    from tests.factories import form

    pupil_mentor = person(world.school, last_name="Гаврилов", first_name="Пётр", birth_date=date(2009, 5, 1))
    mentee = person(world.school, last_name="Лебедева", first_name="Анна", birth_date=date(2014, 2, 1))
    client = login(world.school_curator)
    pair = Pair.objects.create(organization=world.school, mentor=pupil_mentor, form=form("ученик – ученик"),
                               status=PairStatus.ACTIVE, start_date=date(2024, 9, 1),
                               end_date=date(2025, 5, 31))
    pair.mentees.set([mentee])
    assert "Лебедева" in trail(client, "participants:organization-audit", world.school.code)  # the school reads all
    for url_name, code in (("participants:organization-audit", world.school.code),
                           ("participants:district-audit", world.district.code)):
        page = trail(login(world.curator), url_name, code)
        assert "наставническая пара" in page.lower() or "пара" in page
        assert "Гаврилов" not in page and "Лебедева" not in page and "скрыто (1)" in page


@pytest.mark.parametrize("who", ["methodist", "mentor", "other_curator"])
def test_readers_and_other_schools_read_no_trail(login, world, who):
    client = login(getattr(world, who))
    assert client.get(reverse("participants:organization-audit", args=[world.school.code])).status_code in (403, 404)


def test_roadmaps_indicators_targets_and_roles_are_in_the_district_trail(login, world):
    roadmap = make_roadmap(world.district, sections=SAYANSKY_SECTIONS)
    roadmap.items.update(name="bulk")  # a bulk update writes no model save: the services save items one by one
    item = roadmap.items.first()
    item.name = "Назначить куратора"
    item.save()
    indicator = Indicator.objects.create(district=world.district, position=1, name="Доля обучающихся", method="manual")
    Target.objects.create(indicator=indicator, year=2024, value=70)
    Membership.objects.create(user=world.methodist, role=Role.DISTRICT_CURATOR, district=world.district)
    make_roadmap(world.other_district, title="Дорожная карта Клина")
    page = trail(login(world.curator), "participants:district-audit", world.district.code)
    for text in ("Назначить куратора", "Доля обучающихся", "плановое значение", "роль пользователя"):
        assert text.lower() in page.lower(), text
    assert "Дорожная карта Клина" not in page


@pytest.mark.django_db
def test_a_places_trail_is_read_through_its_own_index_on_postgresql(world):
    """Issue #24: the trail filtered on a key of auditlog's JSON with no index, so a school's trail read the whole
    installation's log (0.6 s on a million entries). The query the page makes must be the one the index serves."""
    from django.db import connection

    from participants.audit_trail.selectors import audit_trail

    if connection.vendor != "postgresql":
        pytest.skip("the index is PostgreSQL's (the production database; CI runs on it)")
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        audit_trail(organization=world.school, show_personal=True)
    page = next(q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + page)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "auditlog_logentry_organization_time" in plan, plan
