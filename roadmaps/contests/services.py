"""A contest's rules: applications until their date, from the school's own pairs, mentors and practices; scores by
the jury only, 0–10 for each criterion; results ranked by the mean score in each nomination (1st — winner, 2nd and
3rd — laureates); the results as a draft order."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from participants.documents.drafts import LEGAL_BASIS, DraftOrder, numbered
from roadmaps.contests.models import Application, Contest, ContestResult, Score
from roadmaps.contests.rules import CONTEST

LAUREATE_PLACES = 3
MAX_POINTS = 10


def application_problems(contest: Contest, application: Application, today: date) -> list[str]:
    problems = CONTEST.problems("apply", contest=contest, today=today)
    if not (application.pair_id or application.mentor_id or application.practice_id):
        problems.append("Укажите пару, наставника или практику, с которой школа участвует.")
    school = application.organization_id
    for owner, label in ((application.pair and application.pair.organization_id, "Пара"),
                         (application.mentor and application.mentor.organization_id, "Наставник"),
                         (application.practice and application.practice.organization_id, "Практика")):
        if owner and owner != school:
            problems.append(f"{label} — не из этой организации.")
    if not contest.is_open_to(application.organization):
        problems.append("Конкурс проводит другой муниципалитет или регион.")
    return problems


@transaction.atomic
def contest_apply(*, contest: Contest, application: Application, today: date) -> Application:
    problems = application_problems(contest, application, today)
    if problems:
        raise ValidationError(problems)
    application.contest = contest
    application.save()
    return application


@transaction.atomic
def contest_score(*, application: Application, juror, points: list[int]) -> Score:
    contest = application.contest
    CONTEST.check("score", contest=contest, juror=juror)
    if len(points) != len(contest.criteria_list) or any(not 0 <= p <= MAX_POINTS for p in points):
        raise ValidationError(f"Поставьте по каждому критерию от 0 до {MAX_POINTS} баллов.")
    score, _ = Score.objects.update_or_create(application=application, juror=juror,
                                              defaults={"points": points, "total": sum(points)})
    return score


def mean_score(application: Application) -> float:
    totals = [s.total for s in application.scores.all()]
    return sum(totals) / len(totals) if totals else 0.0


@transaction.atomic
def contest_publish(*, contest: Contest, today: date) -> Contest:
    Contest.objects.select_for_update().filter(pk=contest.pk).first()  # one publication, even at once
    contest.refresh_from_db(fields=["results_published_on"])
    CONTEST.check("publish", contest=contest, today=today)
    applications = list(contest.applications.prefetch_related("scores"))
    for nomination in contest.nominations.all():
        ranked = sorted((a for a in applications if a.nomination_id == nomination.pk), key=mean_score, reverse=True)
        for place, application in enumerate(ranked, start=1):
            application.place = place
            application.result = (ContestResult.WINNER if place == 1 else ContestResult.LAUREATE
                                  if place <= LAUREATE_PLACES else ContestResult.PARTICIPANT)
    Application.objects.bulk_update(applications, ["place", "result"])
    contest.results_published_on = today
    contest.save(update_fields=["results_published_on"])
    return contest


def results_order(contest: Contest) -> DraftOrder:
    applications = contest.applications.select_related("nomination", "organization", "pair__mentor", "mentor",
                                                       "practice").exclude(result=ContestResult.PARTICIPANT)
    owner = contest.owner
    return DraftOrder(
        issuer=getattr(owner, "administration_name", "") or owner.name, title=f"Об итогах конкурса «{contest.title}»",
        basis=LEGAL_BASIS + f" и положением о конкурсе «{contest.title}»",
        lead="1. Утвердить итоги конкурса и наградить дипломами:",
        columns=[("№", 1.0), ("Номинация", 4.0), ("Место", 1.5), ("Участник", 6.0), ("Организация", 4.5), ("Итог", 2.5)],
        rows=numbered([a.nomination.name, str(a.place), a.entrant, a.organization.short_name, a.get_result_display()]
                      for a in applications.order_by("nomination", "place")),
        clauses=["2. Руководителям образовательных организаций рассмотреть вопрос о поощрении победителей и призёров.",
                 "3. Контроль за исполнением приказа оставляю за собой."],
        signer="Руководитель управления образования" if contest.district_id else "Руководитель")
