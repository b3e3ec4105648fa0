"""Contests: the district announces one (nominations, dates, criteria, jury); a school applies with its pair, mentor
or practice before the date; the jury scores 0–10 by criteria; the results rank each nomination, are published to
the schools, recorded on the pair's and the mentor's pages and drafted as an order; the share of pairs in the year's
contests is a computed indicator (Клин's item 3)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.formulas import FORMULAS, Snapshot
from monitoring.selectors import year_period
from participants.models import Pair, PairStatus, Role
from roadmaps.contests.models import Application, Contest, Nomination, Score
from tests.documents import pdf_text
from tests.factories import form, member, person


@pytest.fixture
def expert(world):
    return member(Role.DISTRICT_EXPERT, world.district, username="expert")


@pytest.fixture
def duet(world, expert):
    today = timezone.localdate()
    contest = Contest.objects.create(district=world.district, title="Педагогический дуэт", year=today.year,
                                     applications_until=today + timedelta(days=10),
                                     judging_until=today + timedelta(days=20),
                                     criteria="Актуальность\nРезультативность")
    Nomination.objects.create(contest=contest, name="Наставник и молодой педагог")
    contest.jury.set([expert])
    return contest


def teacher_pair(school, name):
    pair = Pair.objects.create(organization=school, mentor=person(school, "teacher", grade="", last_name=name),
                               form=form("учитель – учитель"), status=PairStatus.ACTIVE, start_date=date(2024, 9, 1),
                               end_date=date(2030, 5, 31))
    pair.mentees.set([person(school, "teacher", grade="")])
    return pair


def test_the_district_announces_a_contest(login, world, expert):
    client = login(world.curator)
    url = reverse("roadmaps:contest-create", args=[world.district.code])
    bad = client.post(url, {"title": "Лучший наставник", "year": 2030, "applications_until": "2030-03-01",
                            "judging_until": "2030-02-01", "criteria": "Актуальность", "nominations": ""})
    page = bad.content.decode()
    assert bad.status_code == 400 and "Нужна хотя бы одна номинация" in page and "раньше приёма заявок" in page
    assert 'value="Лучший наставник"' in page
    client.post(url, {"title": "Лучший наставник", "year": 2030, "applications_until": "2030-03-01",
                      "judging_until": "2030-04-01", "criteria": "Актуальность", "nominations": "Педагоги\nОбучающиеся",
                      "jury": [expert.pk]})
    contest = Contest.objects.get()
    assert list(contest.nominations.values_list("name", flat=True)) == ["Педагоги", "Обучающиеся"]
    assert list(contest.jury.all()) == [expert]
    school = login(world.school_curator).get(reverse("roadmaps:school-contests", args=[world.school.code]))
    assert "Лучший наставник" in school.content.decode() and "Подать заявку" in school.content.decode()


def test_a_school_applies_with_its_own_pair_before_the_date(login, world, duet):
    own, other = teacher_pair(world.school, "Соколова"), teacher_pair(world.other_school, "Чужой")
    client = login(world.school_curator)
    url = reverse("roadmaps:contest-apply", args=[world.school.code, duet.pk])
    nomination = duet.nominations.get().pk
    refused = client.post(url, {"nomination": nomination, "title": "Дуэт", "pair": other.pk})
    assert refused.status_code == 400 and "Выберите корректный вариант" in refused.content.decode()
    client.post(url, {"nomination": nomination, "title": "Урок вдвоём", "pair": own.pk})
    assert Application.objects.get().pair == own
    Contest.objects.filter(pk=duet.pk).update(applications_until=timezone.localdate() - timedelta(days=1))
    late = client.post(url, {"nomination": nomination, "title": "Опоздали", "pair": own.pk})
    assert late.status_code == 400 and "Заявки принимались до" in late.content.decode()
    assert Application.objects.count() == 1


def test_the_jury_scores_and_the_results_are_published_with_an_order(login, world, duet, expert, tmp_path):
    nomination = duet.nominations.get()
    first = Application.objects.create(contest=duet, nomination=nomination, organization=world.school,
                                       pair=teacher_pair(world.school, "Соколова"), title="Урок вдвоём")
    second = Application.objects.create(contest=duet, nomination=nomination, organization=world.other_school,
                                        pair=teacher_pair(world.other_school, "Петров"), title="Проект")
    juror = login(expert)
    juror.post(reverse("roadmaps:contest-score", args=[duet.pk, first.pk]), {f"a{first.pk}-c0": 9, f"a{first.pk}-c1": 8})
    juror.post(reverse("roadmaps:contest-score", args=[duet.pk, second.pk]), {f"a{second.pk}-c0": 5, f"a{second.pk}-c1": 6})
    bad = juror.post(reverse("roadmaps:contest-score", args=[duet.pk, first.pk]), {f"a{first.pk}-c0": 11}, follow=True)
    assert "от 0 до 10 баллов" in bad.content.decode()
    assert Score.objects.get(application=first).total == 17
    # Only the jury scores; only the district publishes
    assert login(world.curator).post(reverse("roadmaps:contest-score", args=[duet.pk, first.pk]),
                                     {f"a{first.pk}-c0": 1, f"a{first.pk}-c1": 1}).status_code == 403
    assert Score.objects.filter(juror=world.curator).count() == 0
    assert login(expert).post(reverse("roadmaps:contest-publish", args=[duet.pk])).status_code == 403
    early = login(world.curator).post(reverse("roadmaps:contest-publish", args=[duet.pk]), follow=True)
    assert "итоги — после окончания приёма заявок" in early.content.decode()  # applications are still open
    Contest.objects.filter(pk=duet.pk).update(applications_until=timezone.localdate() - timedelta(days=1))
    login(world.curator).post(reverse("roadmaps:contest-publish", args=[duet.pk]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.place, first.result, second.place, second.result) == (1, "winner", 2, "laureate")
    pair_page = login(world.school_curator).get(
        reverse("participants:pair", args=[world.school.code, first.pair_id])).content.decode()
    assert "Победитель (1 место): Педагогический дуэт" in pair_page
    mentor_page = login(world.school_curator).get(
        reverse("participants:person", args=[world.school.code, first.pair.mentor_id])).content.decode()
    assert "Победитель (1 место): Педагогический дуэт" in mentor_page
    order = pdf_text(login(world.curator).get(reverse("roadmaps:contest-order", args=[duet.pk, "pdf"])).content,
                     tmp_path)
    assert "Об итогах конкурса «Педагогический дуэт»" in order and "Победитель" in order
    # A school sees its own application on the contest's page, not the others'
    page = login(world.school_curator).get(duet.get_absolute_url()).content.decode()
    assert "Урок вдвоём" in page and "Проект" not in page


def test_the_share_of_pairs_in_the_years_contests_is_computed(world, duet):
    today = timezone.localdate()
    in_contest, not_in = teacher_pair(world.school, "Соколова"), teacher_pair(world.school, "Петров")
    Application.objects.create(contest=duet, nomination=duet.nominations.get(), organization=world.school,
                               pair=in_contest, title="Урок")
    period = (duet.applications_until - timedelta(days=300), duet.applications_until + timedelta(days=1))
    snapshot = Snapshot.take([world.school], period)
    assert FORMULAS["pairs_in_contests"].compute(snapshot, {world.school.pk}) == (1, 2)
    assert not_in.pk and year_period(today.year, today)


def test_the_region_announces_a_contest_open_to_every_school_of_the_region(login, world, expert):
    client = login(world.coordinator)
    client.post(reverse("roadmaps:region-contest-create", args=[world.region.code]), {
        "title": "Наставник года", "year": 2030, "applications_until": "2030-03-01", "judging_until": "2030-04-01",
        "criteria": "Актуальность", "nominations": "Педагоги", "jury": [expert.pk]})
    contest = Contest.objects.get()
    assert contest.region == world.region and contest.district is None
    assert login(world.curator).post(reverse("roadmaps:region-contest-create", args=[world.region.code]),
                                     {"title": "x"}).status_code == 404
    school = login(world.school_curator).get(reverse("roadmaps:school-contests", args=[world.school.code]))
    assert "Наставник года" in school.content.decode() and "региональный" in school.content.decode()
    pair = teacher_pair(world.school, "Соколова")
    login(world.school_curator).post(reverse("roadmaps:contest-apply", args=[world.school.code, contest.pk]),
                                     {"nomination": contest.nominations.get().pk, "title": "Урок", "pair": pair.pk})
    application = Application.objects.get()
    # The district's expert on the jury scores the region's contest; the region publishes
    login(expert).post(reverse("roadmaps:contest-score", args=[contest.pk, application.pk]),
                       {f"a{application.pk}-c0": 7})
    assert Score.objects.get().total == 7
    Contest.objects.filter(pk=contest.pk).update(applications_until=timezone.localdate() - timedelta(days=1))
    login(world.coordinator).post(reverse("roadmaps:contest-publish", args=[contest.pk]))
    application.refresh_from_db()
    assert application.result == "winner"
    # A school of another region sees nothing of it
    assert login(world.outsider_curator).get(contest.get_absolute_url()).status_code == 404
