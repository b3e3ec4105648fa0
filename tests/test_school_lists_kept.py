"""Issue #24: a school's registry and pairs lists are rendered once and kept until something they show changes
(participants/caches/school.py) — every kind of change is on the page at once, and the reader's roles key the rows."""

from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from participants.models import Consent, MentoringForm, MentorProfile, Pair, PairStatus
from tests.factories import form, person


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def pair(world):
    mentor = person(world.school, "teacher", last_name="Петрова", first_name="Анна", grade="")
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form("учитель – учитель"),
                               status=PairStatus.ACTIVE, start_date=date(2024, 9, 1), end_date=date(2025, 5, 31))
    pair.mentees.set([person(world.school, "teacher", last_name="Сидорова", first_name="Юлия", grade="")])
    return pair


def pairs_page(client, world) -> str:
    return client.get(reverse("participants:pairs", args=[world.school.code])).content.decode()


def people_page(client, world, **params) -> str:
    return client.get(reverse("participants:people", args=[world.school.code]), params).content.decode()


def test_a_kept_page_of_pairs_reads_no_rows_again(login, world, pair, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.school_curator)
    with CaptureQueriesContext(connection) as first:
        pairs_page(client, world)
    with CaptureQueriesContext(connection) as second:
        assert "Петрова" in pairs_page(client, world)
    assert len(second) <= len(first) - 4  # the pairs, their count, their mentees, their plan


@pytest.mark.parametrize("change, shown", [
    (lambda pair: pair.meetings.create(kind="acquaintance", held_on=date(2024, 9, 10)), "100%"),
    (lambda pair: Pair.objects.create(organization=pair.organization, form=pair.form, start_date=date(2024, 10, 1),
                                      end_date=date(2025, 5, 31), mentor=person(pair.organization, "teacher",
                                                                                last_name="Новикова", grade="")),
     "Новикова"),
    (lambda pair: pair.mentees.add(person(pair.organization, "teacher", last_name="Ёжикова", grade="")), "Ёжикова"),
    (lambda pair: _save_mentor(pair, "Петрова-Лис"), "Петрова-Лис"),
    (lambda pair: _rename_form(pair.form_id, "учитель – молодой учитель"), "учитель – молодой учитель"),
    (lambda pair: pair.tasks.create(title="Открытый урок", done=True), "100%"),
], ids=["meeting held", "new pair", "mentee added", "mentor renamed", "form renamed", "task done"])
def test_every_change_of_what_a_pair_row_shows_is_on_the_page_at_once(login, world, pair, change, shown):
    client = login(world.school_curator)
    assert shown not in pairs_page(client, world)
    change(pair)
    assert shown in pairs_page(client, world)


def _save_mentor(pair, last_name):
    mentor = pair.mentor
    mentor.last_name = last_name
    mentor.save()


def _rename_form(form_id, name):
    found = MentoringForm.objects.get(pk=form_id)
    found.name = name
    found.save()


def test_a_mentee_deleted_leaves_the_pairs_row(login, world, pair):
    client = login(world.school_curator)
    assert "Сидорова" in pairs_page(client, world)
    pair.mentees.get().delete()
    assert "Сидорова" not in pairs_page(client, world)


def test_the_registry_shows_a_consent_and_a_mentor_profile_as_soon_as_they_are_saved(login, world):
    pupil = person(world.school, consent=False, last_name="Ёлкин", first_name="Андрей")
    client = login(world.school_curator)
    assert "нет</span>" in people_page(client, world, q="Ёлкин")
    Consent.objects.create(person=pupil, giver="representative", given_by="Ёлкина Е.С. (мать)",
                           given_on=date(2024, 9, 2))
    assert "есть, 02.09.2024" in people_page(client, world, q="Ёлкин")
    assert "профиль наставника" not in people_page(client, world, q="Ёлкин")
    MentorProfile.objects.create(person=pupil, competencies="математика")
    assert "профиль наставника" in people_page(client, world, q="Ёлкин")


def test_the_rows_of_one_reader_are_never_shown_to_another(world, rf):
    """What a reader may see follows their roles: the rows are keyed by the reader and their roles."""
    from django.utils import timezone

    from participants.caches.school import list_key
    from participants.models import Membership, Role

    today, params = timezone.localdate(), rf.get("/?page=2").GET
    mine = list_key(world.school, world.school_curator, today, "people", params)
    assert list_key(world.school, world.other_curator, today, "people", params) != mine
    Membership.objects.create(user=world.school_curator, role=Role.MENTOR, organization=world.school)
    world.school_curator = type(world.school_curator).objects.get(pk=world.school_curator.pk)  # roles read again
    assert list_key(world.school, world.school_curator, today, "people", params) != mine


def test_filters_and_pages_are_kept_apart(login, world):
    for n in range(55):
        person(world.school, "teacher", last_name=f"Учитель{n:02d}", grade="", consent=False)
    client = login(world.school_curator)
    first, second = people_page(client, world), people_page(client, world, page=2)
    assert "Учитель00" in first and "Учитель00" not in second and "Учитель54" in second
    assert "Никого не найдено" in people_page(client, world, q="нет-такого")
