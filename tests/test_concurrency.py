"""Two people doing the same thing at once: an import confirmed twice creates everyone once, and on SQLite — the
default database — two writers wait for each other instead of one failing with «database is locked»."""

import subprocess
import sys
import textwrap
import threading

import pytest
from django.db import connection, connections

from participants.models import Person
from participants.registry.io import parse_registry, registry_import
from tests.test_registry_io import row, workbook
from tests.threads import at_once

FILE = workbook(row(), row(last="Орлова", first="Анна", born=None), row(last="Ким", first="Олег"))


def test_importing_the_same_parsed_file_twice_creates_each_person_once(world):
    first = parse_registry("reestr.xlsx", FILE, world.school)
    second = parse_registry("reestr.xlsx", FILE, world.school)  # previewed before the first was confirmed
    registry_import(organization=world.school, parsed=first)
    assert registry_import(organization=world.school, parsed=second) == []
    assert Person.objects.filter(organization=world.school).count() == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite runs one writer")
@pytest.mark.django_db(transaction=True)
def test_two_confirmations_at_once_create_each_person_once(reference_data, world):
    parsed = [parse_registry("reestr.xlsx", FILE, world.school) for _ in range(2)]
    start, failures = threading.Barrier(2), []

    def confirm(one):
        try:
            start.wait()
            registry_import(organization=world.school, parsed=one)
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(p,)) for p in parsed]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert Person.objects.filter(organization=world.school).count() == 3


SQLITE_WRITERS = textwrap.dedent("""
    import os, sys, threading, time
    sys.path.insert(0, os.getcwd())
    os.environ["DATABASE_URL"] = "sqlite:///" + sys.argv[1]
    os.environ["DJANGO_SETTINGS_MODULE"] = "mentoring_portal.settings_test"
    import django
    django.setup()
    from django.db import connection, connections, transaction
    with connection.cursor() as c:
        c.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, version INTEGER)")
        c.execute("INSERT INTO item VALUES (1, 0)")
        c.execute("PRAGMA journal_mode")
        print(c.fetchone()[0])
    connections.close_all()
    start, errors = threading.Barrier(2), []

    def save():
        try:
            start.wait()
            with transaction.atomic(), connection.cursor() as c:
                c.execute("SELECT version FROM item WHERE id = 1")  # read, as optimistic locking does
                (version,) = c.fetchone()
                time.sleep(0.3)
                c.execute("UPDATE item SET version = %s WHERE id = 1 AND version = %s", [version + 1, version])
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save) for _ in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(errors or "ok")
""")


@pytest.mark.slow
def test_two_sqlite_writers_wait_for_each_other_instead_of_failing(tmp_path):
    script = tmp_path / "writers.py"
    script.write_text(SQLITE_WRITERS)
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "portal.sqlite3")], capture_output=True,
                          text=True, timeout=60, cwd=str(__import__("pathlib").Path(__file__).parent.parent))
    assert done.stdout.strip().splitlines() == ["wal", "ok"], done.stdout + done.stderr


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite runs one writer")
@pytest.mark.django_db(transaction=True)
def test_two_curators_opening_the_same_campaign_at_once_open_one(reference_data, world):
    """Past the form guard (two different users, or two tabs with other fields): the district's row is held and the
    title re-checked, so the second is told the campaign exists."""
    from datetime import date

    from django.core.exceptions import ValidationError

    from monitoring.models import Campaign
    from monitoring.services import campaign_open

    def open_one():
        campaign_open(district=world.district, title="Мониторинг, декабрь", year=2026, due_on=date(2026, 12, 20))

    raised = at_once(open_one, open_one)
    assert sorted(type(e).__name__ for e in raised if e) == [ValidationError.__name__]
    assert Campaign.objects.filter(district=world.district).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite runs one writer")
@pytest.mark.django_db(transaction=True)
def test_copying_to_schools_twice_at_once_makes_one_draft_each(reference_data, world):
    from django.utils import timezone

    from roadmaps.models import Item, Roadmap
    from roadmaps.services import items_copy_to_schools
    from tests.factories import make_roadmap

    year = timezone.localdate().year
    source = make_roadmap(world.district, period=(year, year + 1),
                          sections={"Организация": [("Семинар кураторов", f"Декабрь {year + 1}", "Рябцева Е.В.")]})
    items, schools = list(source.items.all()), [world.school, world.other_school]

    def copy():
        items_copy_to_schools(items=items, schools=schools, user=world.curator)

    assert at_once(copy, copy) == [None, None]
    assert Roadmap.objects.filter(organization__in=schools).count() == 2
    assert Item.objects.filter(source_item__in=items).count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="unique violations at the same instant need two writers")
@pytest.mark.django_db(transaction=True)
def test_the_same_invitation_sent_twice_at_once_makes_one_account(reference_data, world):
    from django.contrib.auth import get_user_model

    from participants.accounts.services import invite
    from participants.models import Membership, Role

    def send():
        invite(actor=world.curator, email="new@school.example", last_name="Новикова", first_name="Анна",
               role=Role.DISTRICT_METHODIST, place=world.district, site_url="http://testserver")

    assert at_once(send, send) == [None, None]
    assert get_user_model().objects.filter(email="new@school.example").count() == 1
    assert Membership.objects.filter(user__email="new@school.example").count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite runs one writer")
@pytest.mark.django_db(transaction=True)
def test_an_approval_and_a_return_at_the_same_instant_are_one_after_the_other(reference_data, world):
    """Two district curators decide the same roadmap at once: one decision stands, the other is refused."""
    from roadmaps.models import Roadmap, RoadmapStatus
    from roadmaps.services import roadmap_approve, roadmap_return, roadmap_submit
    from tests.factories import make_roadmap

    roadmap = make_roadmap(world.school, sections={"Организация": [("Совет", "Май 2025", "Директор")]})
    roadmap_submit(roadmap=roadmap, user=world.school_curator)
    raised = at_once(lambda: roadmap_approve(roadmap=Roadmap.objects.get(pk=roadmap.pk), user=world.curator),
                     lambda: roadmap_return(roadmap=Roadmap.objects.get(pk=roadmap.pk), user=world.curator,
                                            comment="Добавьте сроки"))
    assert sum(e is not None for e in raised) == 1
    roadmap.refresh_from_db()
    approved = raised[1] is not None
    assert roadmap.status == (RoadmapStatus.APPROVED if approved else RoadmapStatus.RETURNED)
    assert bool(roadmap.review_comment) is not approved
