"""Issue #25: quarterly rounds of a questionnaire (seed 001: диагностика «1 раз в квартал … сравнительные
таблицы»). A school opens a round for all its live pairs; answers compare round by round, by pair and form for the
school and by school and form for the district, in HTML, Excel and PDF."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from monitoring.models import Invitation, Round
from monitoring.rounds.selectors import district_comparison, school_comparison
from monitoring.rounds.services import quarter_of, round_open
from monitoring.services import answers_record
from participants.models import Pair, PairStatus
from tests.documents import pdf_text
from tests.factories import form, person


@pytest.fixture
def pairs(world):
    made = []
    for mentor_name, form_name in (("Громова", "учитель – учитель"), ("Соколов", "ученик – ученик")):
        category = "teacher" if form_name == "учитель – учитель" else "student"
        pair = Pair.objects.create(organization=world.school, mentor=person(world.school, category, grade="",
                                                                             last_name=mentor_name),
                                   form=form(form_name), status=PairStatus.ACTIVE, start_date=date(2025, 9, 1),
                                   end_date=date(2030, 5, 31))
        pair.mentees.set([person(world.school, category, grade="")])
        made.append(pair)
    return made


def answer_round(opened: Round, score: int) -> None:
    for invitation in opened.invitations.all():
        answers_record(invitation=invitation, texts={},
                       scores={q.pk: score for q in invitation.questionnaire.questions.filter(is_scale=True)})


def test_a_round_invites_every_participant_of_the_live_pairs_once_a_quarter(world, pairs):
    opened, links = round_open(organization=world.school, stage="entry", today=date(2026, 4, 10), user=None)
    assert links == 4 and (opened.year, opened.quarter, opened.period) == (2026, 2, "II кв. 2026")
    kinds = set(Invitation.objects.filter(round=opened).values_list("person__category", "questionnaire__kind"))
    assert ("teacher", "mentor_entry") in kinds and ("student", "mentee_entry") in kinds
    with pytest.raises(ValidationError, match="этого квартала уже открыт"):
        round_open(organization=world.school, stage="entry", today=date(2026, 6, 30), user=None)
    later, _ = round_open(organization=world.school, stage="entry", today=date(2026, 7, 1), user=None)
    assert later.quarter == 3  # the next quarter: a new round, the same people invited again


@pytest.mark.parametrize("day, quarter", [(date(2026, 3, 31), (2026, 1)), (date(2026, 4, 1), (2026, 2)),
                                          (date(2026, 12, 31), (2026, 4)), (date(2027, 1, 1), (2027, 1))])
def test_quarters_turn_on_their_first_day(day, quarter):
    assert quarter_of(day) == quarter


def test_a_school_without_live_pairs_has_nobody_to_ask(world):
    with pytest.raises(ValidationError, match="анкетировать некого"):
        round_open(organization=world.school, stage="entry", today=date(2026, 4, 10), user=None)
    assert not Round.objects.exists()  # all or nothing


def test_the_comparison_goes_round_by_round(world, pairs):
    first, _ = round_open(organization=world.school, stage="entry", today=date(2026, 2, 1), user=None)
    answer_round(first, 5)
    second, _ = round_open(organization=world.school, stage="entry", today=date(2026, 5, 1), user=None)
    answer_round(second, 8)
    comparison = school_comparison(world.school, "entry")
    assert comparison.headings == ["I кв. 2026", "II кв. 2026"]
    rows = {line.label: (cells, change) for line, cells, change in comparison.rows}
    assert rows["учитель – учитель: наставник Громова М."] == ([5.0, 8.0], 3.0)
    assert rows["Форма «ученик – ученик»"] == ([5.0, 8.0], 3.0)
    assert rows["МБОУ Агинская СОШ № 1"] == ([5.0, 8.0], 3.0)
    district = district_comparison([world.school, world.other_school], "entry")
    assert [line.label for line in district.lines][0] == "МБОУ Агинская СОШ № 1"
    assert "Все школы" in [line.label for line in district.lines]


def test_the_curator_opens_a_round_and_downloads_the_table(login, world, pairs, tmp_path):
    client = login(world.school_curator)
    client.post(reverse("monitoring:rounds", args=[world.school.code]), {"stage": "entry"})
    opened = Round.objects.get()
    answer_round(opened, 7)
    page = client.get(reverse("monitoring:rounds", args=[world.school.code])).content.decode()
    assert "ответили 4 из 4" in page and ">7,0<" in page
    workbook = load_workbook(io.BytesIO(client.get(
        reverse("monitoring:rounds-export", args=[world.school.code, "xlsx"])).content))
    values = [c for row in workbook.active.iter_rows(values_only=True) for c in row]
    assert 7.0 in values and "МБОУ Агинская СОШ № 1" in values
    pdf = client.get(reverse("monitoring:rounds-export", args=[world.school.code, "pdf"])).content
    assert "Входная диагностика" in pdf_text(pdf, tmp_path)


def test_the_district_compares_its_schools_and_a_mentor_opens_no_round(login, world, pairs):
    round_open(organization=world.school, stage="entry", today=date(2026, 2, 1), user=None)
    page = login(world.methodist).get(reverse("monitoring:district-rounds", args=[world.district.code]))
    assert page.status_code == 200 and "Раунды анкетирования школ" in page.content.decode()
    assert login(world.methodist).post(reverse("monitoring:rounds", args=[world.school.code]),
                                       {"stage": "final"}).status_code == 403
    assert Round.objects.count() == 1


def test_the_analytical_report_reads_the_rounds(login, world, pairs):
    from monitoring.selectors import current_year

    first, _ = round_open(organization=world.school, stage="entry", today=date(2026, 2, 1), user=None)
    answer_round(first, 5)
    second, _ = round_open(organization=world.school, stage="entry", today=date(2026, 5, 1), user=None)
    answer_round(second, 8)
    client = login(world.curator)
    url = reverse("monitoring:district-report", args=[world.district.code])
    page = client.get(url, {"year": current_year(date(2026, 5, 1))}).content.decode()
    assert "Входная диагностика: средний балл по квартальным раундам" in page and "+3,0" in page
    from monitoring.exports import ReportXlsx
    from monitoring.reports import analytical_report

    report = analytical_report(world.district, world.curator, 2026, date(2026, 6, 1))
    workbook = load_workbook(io.BytesIO(ReportXlsx().render(report)))
    rows = list(workbook["Раунды анкетирования"].iter_rows(values_only=True))
    assert ("Входная диагностика", "Все школы", "II кв. 2026", 8.0) in rows


def test_a_pupil_mentor_is_not_named_in_the_comparison(login, world, pairs):
    """A district role reads a school's rounds: a pupil mentor's line says «наставник-обучающийся», not his name."""
    opened, _ = round_open(organization=world.school, stage="entry", today=date(2026, 2, 1), user=None)
    answer_round(opened, 6)
    labels = [line.label for line in school_comparison(world.school, "entry").lines]
    pupil_pair = next(p for p in pairs if p.mentor.category == "student")
    assert f"ученик – ученик: наставник-обучающийся, пара № {pupil_pair.pk}" in labels
    page = login(world.curator).get(reverse("monitoring:rounds", args=[world.school.code])).content.decode()
    assert "Соколов" not in page
