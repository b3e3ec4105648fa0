"""Pairs and groups: the rules of the methodology, each with a Russian message, checked in one place."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from participants.models import (
    Meeting,
    MeetingKind,
    MentoringForm,
    Organization,
    Pair,
    PairStatus,
    Person,
    PlanTask,
)
from participants.models.pairs import LIVE_STATUSES

DEFAULT_MAX_MENTEES = 3


def pair_problems(*, organization: Organization, mentor: Person, mentees: list[Person], form: MentoringForm,
                  start_date: date, end_date: date, activating: bool, today: date,
                  pair: Pair | None = None) -> list[str]:
    """Every rule a pair breaks, as the curator should read it. Empty when the pair may be saved."""
    problems = []
    if not mentees:
        problems.append("Добавьте хотя бы одного наставляемого.")
    if mentor in mentees:
        problems.append(f"{mentor.full_name} не может быть наставником самому себе.")
    if start_date and end_date and end_date < start_date:
        problems.append("Дата окончания раньше даты начала.")
    problems += form.role_problems(mentor, mentees)
    for person in [mentor, *mentees]:
        belongs = person.organization_id == organization.pk or (
            person.partner_id and person.partner.organization_id == organization.pk
        )
        if not belongs:
            problems.append(f"{person.full_name} не состоит в {organization.short_name} и не представляет её партнёра.")

    others = Pair.objects.live().exclude(pk=pair.pk if pair else None)
    profile = getattr(mentor, "mentor_profile", None)
    limit = profile.max_mentees if profile else DEFAULT_MAX_MENTEES
    already = sum(p.mentees.count() for p in others.filter(mentor=mentor))
    if already + len(mentees) > limit:
        problems.append(f"У наставника {mentor.full_name} будет {already + len(mentees)} наставляемых "
                        f"при ограничении {limit} (профиль наставника).")
    for mentee in mentees:
        clash = others.filter(mentees=mentee, form=form).first()
        if clash:
            state = "формирующейся" if clash.status == PairStatus.FORMING else "работающей"
            problems.append(f"{mentee.full_name} уже в {state} паре формы «{form}» (наставник "
                            f"{clash.mentor.full_name}).")
    if activating:
        without = [p.full_name for p in [mentor, *mentees] if p.consent_on(today) is None]
        if without:
            problems.append("Нет действующего согласия на обработку персональных данных: " + ", ".join(without)
                            + ". Без согласия пару нельзя запустить.")
    return problems


def _raise_if(problems: list[str]) -> None:
    if problems:
        raise ValidationError(problems)


def _plan_meetings(pair: Pair) -> None:
    """The methodology's sequence of meetings, to be moved and filled in by the mentor."""
    start = pair.start_date
    Meeting.objects.bulk_create([
        Meeting(pair=pair, kind=MeetingKind.ACQUAINTANCE, planned_on=start),
        Meeting(pair=pair, kind=MeetingKind.TRIAL, planned_on=start + timedelta(days=7)),
        Meeting(pair=pair, kind=MeetingKind.PLANNING, planned_on=start + timedelta(days=14)),
        Meeting(pair=pair, kind=MeetingKind.WORK, planned_on=start + timedelta(days=28)),
        Meeting(pair=pair, kind=MeetingKind.FINAL, planned_on=pair.end_date),
    ])


@transaction.atomic
def pair_create(*, organization: Organization, mentor: Person, mentees: list[Person], form: MentoringForm,
                start_date: date, end_date: date, today: date, **fields) -> Pair:
    _raise_if(pair_problems(organization=organization, mentor=mentor, mentees=mentees, form=form,
                            start_date=start_date, end_date=end_date, activating=False, today=today))
    pair = Pair.objects.create(organization=organization, mentor=mentor, form=form, start_date=start_date,
                               end_date=end_date, **fields)
    pair.mentees.set(mentees)
    _plan_meetings(pair)
    return pair


@transaction.atomic
def pair_update(*, pair: Pair, mentor: Person, mentees: list[Person], form: MentoringForm, start_date: date,
                end_date: date, today: date, **fields) -> Pair:
    _raise_if(pair_problems(organization=pair.organization, mentor=mentor, mentees=mentees, form=form,
                            start_date=start_date, end_date=end_date, today=today, pair=pair,
                            activating=pair.status == PairStatus.ACTIVE))
    pair.mentor, pair.form, pair.start_date, pair.end_date = mentor, form, start_date, end_date
    for name, value in fields.items():
        setattr(pair, name, value)
    pair.save()
    pair.mentees.set(mentees)
    return pair


@transaction.atomic
def pair_activate(*, pair: Pair, today: date) -> Pair:
    if pair.status != PairStatus.FORMING:
        raise ValidationError("Запустить можно только формирующуюся пару.")
    _raise_if(pair_problems(organization=pair.organization, mentor=pair.mentor, mentees=list(pair.mentees.all()),
                            form=pair.form, start_date=pair.start_date, end_date=pair.end_date, activating=True,
                            today=today, pair=pair))
    pair.status = PairStatus.ACTIVE
    pair.save(update_fields=["status"])
    return pair


@transaction.atomic
def pair_finish(*, pair: Pair, status: str, reason: str = "", result: str = "") -> Pair:
    if pair.status not in LIVE_STATUSES:
        raise ValidationError("Пара уже завершена.")
    if status == PairStatus.TERMINATED and not reason.strip():
        raise ValidationError("Укажите причину досрочного прекращения.")
    pair.status, pair.termination_reason, pair.result = status, reason.strip(), result.strip()
    pair.save(update_fields=["status", "termination_reason", "result"])
    return pair


def meeting_save(*, pair: Pair, meeting: Meeting | None = None, today: date | None = None, **fields) -> Meeting:
    meeting = meeting or Meeting(pair=pair)
    for name, value in fields.items():
        setattr(meeting, name, value)
    if meeting.held_on and meeting.held_on < pair.start_date:
        raise ValidationError("Встреча не может пройти раньше начала работы пары.")
    if meeting.held_on and meeting.held_on > (today or timezone.localdate()):
        raise ValidationError("Встреча ещё не прошла: отметьте её проведённой в день встречи или позже, а пока "
                              "укажите дату в поле «запланирована на».")
    meeting.save()
    return meeting


def task_add(*, pair: Pair, title: str, due: date | None = None) -> PlanTask:
    return PlanTask.objects.create(pair=pair, title=title, due=due)


def task_toggle(*, task: PlanTask) -> PlanTask:
    task.done = not task.done
    task.save(update_fields=["done"])
    return task
