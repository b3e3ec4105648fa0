"""Issue #26: participants marked by target group (ОВЗ, одарённые, сироты …). The marker is sensitive: the school's
curator sets and sees it on the person; everyone else reads counts only, a count under five as «менее 5» — on the
district's page, in the справка (page and Excel) and on the region's passport."""

import io
from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook

from participants.models import GroupMark, Pair, PairStatus
from participants.services.erasure import person_anonymise
from participants.target_groups.coverage import coverage, shown
from tests.factories import form, person


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def orphans(world):
    """Three orphans of the school, one of them in a live pair; marked by the curator on their cards."""
    found = [person(world.school, last_name=name, first_name="Сирота") for name in ("Ветров", "Дождев", "Снегов")]
    pair = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade=""),
                               form=form(), status=PairStatus.ACTIVE, start_date=date(2025, 9, 1),
                               end_date=date(2030, 5, 31))
    pair.mentees.set([found[0]])
    return found


def mark_all(login, world, people, groups=("orphans",)):
    client = login(world.school_curator)
    for someone in people:
        client.post(reverse("participants:person-groups", args=[world.school.code, someone.pk]),
                    {"groups": list(groups)})
    return client


@pytest.mark.parametrize("count, text", [(0, "0"), (1, "менее 5"), (4, "менее 5"), (5, "5"), (40, "40")])
def test_a_small_count_is_never_said(count, text):
    assert shown(count) == text


def test_the_curator_marks_on_the_card_and_the_district_reads_a_count(login, world, orphans):
    curator = mark_all(login, world, orphans)
    card = curator.get(reverse("participants:person", args=[world.school.code, orphans[0].pk])).content.decode()
    assert 'value="orphans" id="group-orphans" checked' in card
    rows = coverage([world.school])
    assert [(g.group, g.people, g.in_pairs, g.share) for g in rows] == [("orphans", 3, 1, None)]
    for user in (world.curator, world.methodist):
        page = login(user).get(reverse("participants:district-mentoring", args=[world.district.code]))
        html = page.content.decode()
        assert "Дети-сироты" in html and "менее 5" in html and "Ветров" not in html and ">3<" not in html


def test_the_marker_never_leaves_the_school_except_as_a_count(login, world, orphans):
    mark_all(login, world, orphans)
    names = [p.last_name for p in orphans]
    pages = [
        (world.curator, reverse("monitoring:district-report", args=[world.district.code])),
        (world.methodist, reverse("monitoring:district-report", args=[world.district.code])),
        (world.coordinator, reverse("monitoring:region-passport", args=[world.region.code])),
        (world.other_curator, reverse("participants:organization", args=[world.other_school.code])),
    ]
    for user, url in pages:
        html = login(user).get(url).content.decode()
        assert not any(name in html for name in names), url
        assert "group-orphans" not in html
    assert login(world.curator).get(reverse("participants:person", args=[world.school.code, orphans[0].pk])
                                    ).status_code == 403  # the district does not open a school's registry
    assert login(world.other_curator).post(reverse("participants:person-groups", args=[
        world.school.code, orphans[1].pk]), {"groups": ["gifted"]}).status_code == 404
    report = login(world.curator).get(reverse("monitoring:district-report", args=[world.district.code]))
    assert "менее 5" in report.content.decode()
    from monitoring.exports import ReportXlsx
    from monitoring.reports import analytical_report

    workbook = load_workbook(io.BytesIO(ReportXlsx().render(analytical_report(
        world.district, world.curator, 2026, date(2026, 6, 1)))))
    assert list(workbook["Целевые группы"].iter_rows(values_only=True))[-1] == (
        "Дети-сироты и оставшиеся без попечения родителей", "менее 5", "менее 5")


def test_a_mark_is_taken_off_and_erasure_removes_it(login, world, orphans):
    curator = mark_all(login, world, orphans[:1], groups=("orphans", "gifted"))
    curator.post(reverse("participants:person-groups", args=[world.school.code, orphans[0].pk]),
                 {"groups": ["gifted"]})
    assert list(GroupMark.objects.values_list("group", flat=True)) == ["gifted"]
    person_anonymise(person=orphans[0], user=world.school_curator)
    assert not GroupMark.objects.exists()
