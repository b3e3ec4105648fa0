"""A workflow written as its rules: each rule names the action it governs, quotes the document or the rule it comes
from, and says — for the object, the day and who acts — why the action is refused, or nothing. One table per
workflow (`<app>/<workflow>/rules.py`); services ask it before they act, pages ask it what to offer, and the tests
run through it row by row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Rule:
    action: str
    source: str  # the document or rule it comes from, as quoted in the tests
    refusal: Callable[..., str | None]  # (**context) → the Russian refusal, or None when the rule allows


class Rules:
    def __init__(self, name: str, *rules: Rule):
        self.name, self.rules = name, rules
        self.actions = {rule.action for rule in rules}

    def problems(self, action: str, **context) -> list[str]:
        if action not in self.actions:
            raise ValueError(f"{self.name}: no rule governs «{action}»")
        return [found for rule in self.rules if rule.action == action if (found := rule.refusal(**context))]

    def allows(self, action: str, **context) -> bool:
        return not self.problems(action, **context)

    def check(self, action: str, **context) -> None:
        problems = self.problems(action, **context)
        if problems:
            raise ValidationError(problems)


UNKNOWN_DECISION = "Выберите решение кнопкой на странице: неизвестное решение не принимается."


def decision(post, choices: dict[str, object], *, field: str | None = None):
    """A reviewer's decision from the form: `field`'s value, or the one button among `choices` that was pressed.
    Anything else — none, two, a value the page does not offer — is refused, never read as «no»."""
    if field is not None:
        pressed = [post.get(field)] if post.get(field) in choices else []
    else:
        pressed = [name for name in choices if name in post]
    if len(pressed) != 1:
        raise ValidationError(UNKNOWN_DECISION)
    return choices[pressed[0]]
