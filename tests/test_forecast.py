"""Issue #26: where each school's indicator will stand on 20 May at this school year's pace, and what it takes to
reach the target — «чтобы выйти на 70 %, нужно ещё 12 обучающихся в парах до 20.05» — from the registry, the
contingent and the pairs."""

from datetime import date

import pytest
from django.urls import reverse

from monitoring.forecast import forecasts
from monitoring.models import Indicator, Target
from participants.models import Pair, PairStatus
from tests.factories import HeadCountFactory, form, person

TODAY = date(2026, 12, 1)  # 91 days into the school year 2026/27, 170 days before 20 May 2027


@pytest.fixture
def indicator(world):
    found = Indicator.objects.create(district=world.district, position=1, name="Обучающиеся в наставничестве",
                                     method="computed", formula="students_in_mentoring")
    HeadCountFactory(organization=world.school, school_year=2026, students=100, teachers=10, young_teachers=2)
    return found


def pairs(world, count: int, start: date):
    for number in range(count):
        pair = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade=""),
                                   form=form(), status=PairStatus.ACTIVE, start_date=start, end_date=date(2027, 5, 31))
        pair.mentees.set([person(world.school, last_name=f"Ученик{start:%m}{number}")])


def forecast_of(world, indicator):
    return next(f for f in forecasts([indicator], [world.school], TODAY) if f.indicator == indicator)


def test_the_pace_of_the_year_projects_to_may_and_says_what_it_takes(world, indicator):
    Target.objects.create(indicator=indicator, year=2027, value=70)
    pairs(world, 10, date(2026, 9, 1))  # working on 1 September: not this year's pace
    pairs(world, 13, date(2026, 10, 15))  # 13 more since: a pace of 13 in 91 days
    found = forecast_of(world, indicator)
    assert found.now == 23.0
    assert found.projected == pytest.approx(23 + 13 / 91 * 170, abs=0.1)  # 47.3 %
    assert found.on_track is False and found.needed == 47
    assert found.sentence == "чтобы выйти на 70 %, нужно ещё 47 обучающихся в парах до 20.05"


@pytest.mark.parametrize("target_year, value, sentence", [
    (2027, 10, "цель 10 % уже достигнута"),
    (2024, 70, "чтобы выйти на 70 %, нужно ещё 59 обучающихся в парах до 20.05"),  # the catalogue's last year holds
    (None, None, "плановое значение не задано"),
])
def test_the_target_of_the_year_or_the_last_one_set(world, indicator, target_year, value, sentence):
    if target_year:
        Target.objects.create(indicator=indicator, year=target_year, value=value)
    pairs(world, 11, date(2026, 9, 1))
    assert forecast_of(world, indicator).sentence == sentence


def test_one_needed_is_said_in_the_singular(world, indicator):
    Target.objects.create(indicator=indicator, year=2027, value=12)
    pairs(world, 11, date(2026, 9, 1))
    assert forecast_of(world, indicator).sentence == "чтобы выйти на 12 %, нужно ещё 1 обучающийся в паре до 20.05"


def test_after_the_may_monitoring_there_is_nothing_to_forecast(world, indicator):
    assert forecasts([indicator], [world.school], date(2027, 5, 20)) == []


def test_the_district_and_the_school_read_it(login, world, indicator):
    Target.objects.create(indicator=indicator, year=2026 + 1, value=70)
    for user, url in ((world.methodist, reverse("monitoring:district-forecast", args=[world.district.code])),
                      (world.school_curator, reverse("monitoring:school-forecast", args=[world.school.code]))):
        page = login(user).get(url)
        assert page.status_code == 200 and "Обучающиеся в наставничестве" in page.content.decode()


def test_a_district_plans_its_targets_up_to_2030(login, world, indicator):
    """The Concept of mentoring to 2030 (распоряжение Правительства РФ от 21.05.2025 № 1264-р): targets past 2024."""
    url = reverse("monitoring:indicator-edit", args=[world.district.code, indicator.pk])
    page = login(world.curator).get(url).content.decode()
    assert 'name="target_2030"' in page
