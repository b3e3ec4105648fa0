"""The contest's rules (the contest's own положение, as the district announces it): applications until their date,
then the jury's scores, then the results — never before the applications close, never with an application no juror
scored, and nothing taken after they are out."""

from __future__ import annotations

from mentoring_portal.lib.rules import Rule, Rules

POLOZHENIE = "Положение о конкурсе: «заявки принимаются до …», «жюри оценивает заявки по критериям», «итоги …»"


def _published(contest, **_) -> str | None:
    return "Итоги уже опубликованы." if contest.results_published_on else None


def _applications_open(contest, today, **_) -> str | None:
    if today > contest.applications_until:
        return f"Заявки принимались до {contest.applications_until:%d.%m.%Y}."
    return None


def _applications_closed(contest, today, **_) -> str | None:
    if today <= contest.applications_until:
        return (f"Заявки принимаются до {contest.applications_until:%d.%m.%Y}: итоги — после окончания приёма "
                "заявок.")
    return None


def _jury_only(contest, juror, **_) -> str | None:
    return None if contest.jury.filter(pk=juror.pk).exists() else "Оценивают только члены жюри."


def _every_application_scored(contest, **_) -> str | None:
    if not contest.applications.exists():
        return "Заявок нет: публиковать нечего."
    unscored = contest.applications.filter(scores__isnull=True)
    count = unscored.count()
    if count:  # three queries whatever the number of applications (the contest's page asks on every view)
        names = "; ".join(f"«{a.title}» ({a.organization.short_name})"
                          for a in unscored.select_related("organization").order_by("pk")[:5])
        return (f"Не оценены заявки ({count}): {names}. Итоги — когда у каждой заявки есть оценка жюри: "
                "заявка без оценок не может занять место.")
    return None


CONTEST = Rules(
    "конкурс",
    Rule("apply", POLOZHENIE + " — приём заявок до даты", _applications_open),
    Rule("apply", "итоги подведены: приём закончен", _published),
    Rule("score", "оценивает жюри", _jury_only),
    Rule("score", "оценки после итогов не меняются", _published),
    Rule("publish", "итоги — после окончания приёма заявок", _applications_closed),
    Rule("publish", "каждая заявка оценена жюри (иначе 0 баллов дают место)", _every_application_scored),
    Rule("publish", "итоги публикуются один раз", _published),
)
