"""Changes of deficits and route steps: each asks `rules.py` and raises every problem together."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from participants.routes.models import Deficit, RouteStep
from participants.routes.rules import closing_problems, deficit_problems, step_problems


def _refuse(problems: list[str]) -> None:
    if problems:
        raise ValidationError(problems)


def deficit_add(deficit: Deficit, *, user, today: date) -> Deficit:
    _refuse(deficit_problems(deficit.person, deficit.found_on, today))
    deficit.added_by = user
    deficit.save()
    return deficit


@transaction.atomic
def deficit_close(deficit: Deficit, *, closed_on: date | None, closed_how: str, today: date) -> Deficit:
    deficit = Deficit.objects.select_for_update().get(pk=deficit.pk)  # two clicks: the second finds it closed
    _refuse(closing_problems(deficit, closed_on, closed_how, today))
    deficit.closed_on, deficit.closed_how = closed_on, closed_how.strip()
    deficit.save(update_fields=["closed_on", "closed_how"])
    return deficit


def deficit_reopen(deficit: Deficit) -> Deficit:
    """A closing entered by mistake is taken back (the date and the confirmation are cleared)."""
    deficit.closed_on, deficit.closed_how = None, ""
    deficit.save(update_fields=["closed_on", "closed_how"])
    return deficit


def step_add(step: RouteStep, *, today: date) -> RouteStep:
    _refuse(step_problems(step.person, step.deficit, step.done_on, today))
    step.save()
    return step


def step_mark(step: RouteStep, *, done: bool, today: date) -> RouteStep:
    """Done today, or not done; a step of a deficit already closed stays done."""
    if not done and step.deficit_id and not step.deficit.is_open:
        raise ValidationError("Дефицит по этому шагу уже ликвидирован: сначала верните дефицит в работу.")
    step.done_on = today if done else None
    step.save(update_fields=["done_on"])
    return step
