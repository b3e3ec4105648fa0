"""Each indicator formula against a count done by hand: people counted once, the right school year's head-count,
nothing to divide by shown as «нет данных»."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from mentoring_portal.lib.schoolyear import years_before
from monitoring.formulas import FORMULAS, Snapshot, percentage
from monitoring.models import Indicator, ManualValue, Target
from monitoring.selectors import Cell, last_complete_year, plan_versus_actual, schools_for_year, year_period
from participants.models import Pair, PairStatus
from tests.factories import HeadCountFactory, OrganizationFactory, form, person

TODAY = date(2024, 6, 1)
PERIOD = year_period(2024, TODAY)  # the 2023–2024 school year


def pair(org, mentor, mentees, name="ученик – ученик", start=date(2023, 10, 1), end=date(2024, 5, 31),
         status=PairStatus.COMPLETED):
    p = Pair.objects.create(organization=org, mentor=mentor, form=form(name), start_date=start, end_date=end,
                            status=status)
    p.mentees.set(mentees)
    return p


@pytest.fixture
def school(world):
    HeadCountFactory(organization=world.school, school_year=2023, students=10, teachers=5, young_teachers=2,
                     additional_students=0)
    HeadCountFactory(organization=world.school, school_year=2022, students=1000, teachers=1000, young_teachers=1000)
    return world.school


def ratio(key, orgs, ids=None):
    snapshot = Snapshot.take(orgs, PERIOD)
    return FORMULAS[key].compute(snapshot, ids or {o.pk for o in orgs})


def test_a_student_in_two_pairs_is_counted_once(world, school):
    anna, boris = person(school, last_name="Белова"), person(school, last_name="Белов")
    mentor = person(school, "teacher", grade="")
    pair(school, mentor, [anna, boris])
    pair(school, person(school, last_name="Старшая", grade="10А"), [anna], name="студент – ученик")
    # anna, boris and the 10th-grade mentor: three students of ten in the 2023–2024 head-count
    assert ratio("students_in_mentoring", [school]) == (3, 10)
    assert percentage((3, 10)) == 30.0


def test_the_head_count_is_the_school_year_of_the_period(world, school):
    assert Snapshot.take([school], PERIOD).head_count({school.pk}, "students") == 10  # not the 2022 one (1000)


def test_pairs_outside_the_period_or_still_forming_do_not_count(world, school):
    mentor = person(school, "teacher", grade="")
    pair(school, mentor, [person(school)], start=date(2022, 10, 1), end=date(2023, 5, 31))
    pair(school, mentor, [person(school)], status=PairStatus.FORMING)
    pair(school, mentor, [person(school)], status=PairStatus.TERMINATED)
    assert ratio("students_in_mentoring", [school]) == (0, 10)


def test_young_teachers_are_mentees_under_35_in_their_first_three_years(world, school):
    old = person(school, "teacher", grade="", birth_date=date(1970, 1, 1), teaching_since=date(1995, 9, 1))
    young = person(school, "teacher", grade="", birth_date=date(1999, 1, 1), teaching_since=date(2022, 9, 1))
    late_starter = person(school, "teacher", grade="", birth_date=date(1980, 1, 1), teaching_since=date(2022, 9, 1))
    pair(school, old, [young, late_starter], name="учитель – учитель")
    assert ratio("young_teachers_supported", [school]) == (1, 2)
    assert ratio("teacher_mentors", [school]) == (1, 5)
    assert ratio("teachers_supporting_young", [school]) == (1, 5)


def test_students_of_additional_education_count_against_its_head_count(world, school):
    centre = OrganizationFactory(district=world.district, kind="additional", code="ddt")
    HeadCountFactory(organization=centre, school_year=2023, students=0, additional_students=40)
    pair(centre, person(centre, "teacher", grade=""), [person(centre), person(centre)])
    pair(school, person(school, "teacher", grade=""), [person(school)])
    assert ratio("additional_students", [school, centre]) == (2, 40)
    assert ratio("students_in_mentoring", [school, centre]) == (1, 10)  # the centre's pupils are not counted here


def test_student_mentors_and_schools_with_teacher_mentoring(world, school):
    HeadCountFactory(organization=world.other_school, school_year=2023, students=20)
    pair(school, person(school, grade="10А"), [person(school)])
    pair(world.other_school, person(world.other_school, "teacher", grade=""),
         [person(world.other_school, "teacher", grade="")], name="учитель – учитель")
    assert ratio("student_mentors", [school, world.other_school]) == (1, 30)
    assert ratio("schools_with_teacher_mentoring", [school, world.other_school]) == (1, 2)


def test_nothing_to_divide_by_is_no_data_not_a_crash(world):
    assert ratio("students_in_mentoring", [world.other_school]) == (0, 0)
    assert percentage((0, 0)) is None
    assert Cell(Decimal(20), None).label == "нет данных"


def test_plan_versus_actual_and_the_school_target_fallback(world, school):
    indicator = Indicator.objects.create(district=world.district, position=1, name="Обучающиеся в наставничестве",
                                         formula="students_in_mentoring")
    Target.objects.create(indicator=indicator, year=2024, value=Decimal(50))
    Target.objects.create(indicator=indicator, organization=school, year=2024, value=Decimal(60))
    pair(school, person(school, "teacher", grade=""), [person(school) for _ in range(4)])
    [row] = plan_versus_actual([indicator], [school, world.other_school], [2023, 2024], TODAY)
    assert (row.cells[2024].actual, row.cells[2024].target, row.cells[2024].status) == (40.0, Decimal(50), "behind")
    assert row.cells[2023].ratio == (0, 1000)  # 2022–2023: that school year's head-count, and nobody in a pair
    _, schools = schools_for_year([indicator], [school, world.other_school], 2024, TODAY)
    by_code = {s.organization.code: s.cells[indicator.pk] for s in schools}
    assert (by_code["agin-1"].actual, by_code["agin-1"].target) == (40.0, Decimal(60))
    assert (by_code["tinskaya"].actual, by_code["tinskaya"].target) == (None, Decimal(50))


def test_a_school_year_just_begun_is_shown_in_progress_not_behind(world, school):
    """Three months into a school year, 6.4% against a 71% target is not a failure: the dashboard opens on the last
    year that can be judged, and the running one is shown as in progress, left out of the trend."""
    indicator = Indicator.objects.create(district=world.district, position=1, name="Обучающиеся в наставничестве",
                                         formula="students_in_mentoring")
    Target.objects.create(indicator=indicator, year=2025, value=Decimal(71))
    HeadCountFactory(organization=school, school_year=2024, students=10, teachers=5, young_teachers=2)
    pair(school, person(school, "teacher", grade=""), [person(school)], start=date(2024, 10, 1), end=date(2025, 5, 31),
         status=PairStatus.ACTIVE)
    december = date(2024, 12, 1)
    [row] = plan_versus_actual([indicator], [school], [2024, 2025], december)
    assert row.cells[2025].status == "in_progress" and row.cells[2025].label == "год идёт"
    assert row.latest_trend == ""
    assert last_complete_year(december) == 2024 and last_complete_year(date(2025, 5, 20)) == 2025


def test_a_manual_indicator_is_the_mean_of_the_typed_values(world, school):
    indicator = Indicator.objects.create(district=world.district, position=2, name="Конкурс «Педагогический дуэт»",
                                         method="manual")
    ManualValue.objects.create(indicator=indicator, organization=school, year=2024, value=Decimal(30))
    ManualValue.objects.create(indicator=indicator, organization=world.other_school, year=2024, value=Decimal(10))
    [row] = plan_versus_actual([indicator], [school, world.other_school], [2024], TODAY)
    assert row.cells[2024].actual == 20.0


def test_it_counts_a_district_in_a_fixed_number_of_queries(world, school, django_assert_max_num_queries):
    indicator = Indicator.objects.create(district=world.district, position=1, name="x", formula="students_in_mentoring")
    schools = [school] + [OrganizationFactory(district=world.district) for _ in range(15)]
    for org in schools[1:]:
        HeadCountFactory(organization=org, school_year=2023)
        pair(org, person(org, "teacher", grade=""), [person(org)])
    with django_assert_max_num_queries(8):
        schools_for_year([indicator], schools, 2024, TODAY)


def test_young_is_judged_on_the_periods_last_day_to_the_day(world, school):
    """The period ends on 31 May 2024 (TODAY is 1 June): 35 years old or 3 years of teaching on that day is no longer
    young; a day short of it still is."""
    end = PERIOD[1]
    mentor = person(school, "teacher", grade="", birth_date=date(1970, 1, 1), teaching_since=date(1995, 9, 1))
    just_35 = person(school, "teacher", grade="", birth_date=end.replace(year=end.year - 35),
                     teaching_since=date(2023, 9, 1))
    day_short_of_35 = person(school, "teacher", grade="", birth_date=end.replace(year=end.year - 35) + timedelta(days=1),
                             teaching_since=date(2023, 9, 1))
    three_years = person(school, "teacher", grade="", birth_date=date(2000, 1, 1),
                         teaching_since=end.replace(year=end.year - 3))
    pair(school, mentor, [just_35, day_short_of_35, three_years], name="учитель – учитель")
    assert ratio("young_teachers_supported", [school]) == (1, 2)


def test_the_29th_of_february_counts_back_to_the_28th():
    assert years_before(date(2024, 2, 29), 3) == date(2021, 2, 28)
    assert years_before(date(2024, 2, 29), 4) == date(2020, 2, 29)


def test_participants_of_a_target_group_are_its_mentors_and_mentees(world, school):
    """Seed 001: «Количество участников, охваченных системой наставничества, не менее 10% от общего количества членов
    каждой целевой группы» — mentors and mentees of the group, not its mentors only."""
    teacher, young = person(school, "teacher", grade=""), person(school, "teacher", grade="")
    pair(school, teacher, [young], name="учитель – учитель")
    pair(school, person(school, grade="10А"), [person(school), person(school)])
    assert ratio("student_participants", [school]) == (3, 10)  # the pupil mentor and his two mentees
    assert ratio("teacher_participants", [school]) == (2, 5)  # the mentor and the young teacher
    assert ratio("teacher_mentors", [school]) == (1, 5)  # what the demo computed before
