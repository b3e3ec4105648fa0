"""The landing block «Что устаревает» of a school curator and a mentor; kept under the versions of what it reads."""

from __future__ import annotations

from participants.landing import LandingBlock
from participants.nudges.selectors import nudges, scope_of


def questionnaires_version(organization_id) -> str:
    """Bumped by the questionnaires' app when an invitation of the school changes (monitoring/cabinet_blocks.py)."""
    return f"questionnaires:{organization_id}"


def stale_block(user, today, place=None) -> list[LandingBlock]:
    todos = nudges(user, today)
    return [LandingBlock("Что устаревает", "", todos=todos, order=20)] if todos else []


def kept_by(user) -> list[str]:
    """Pairs, meetings, tasks, people and consents of the curator's schools (their registry's version), the mentor's
    own pairs, the schools' questionnaires; an account invitation accepted shows the next day (the key has the day)."""
    scope = scope_of(user)
    names = [f"school-registry:{o.pk}" for o in scope.organizations]
    names += [questionnaires_version(o.pk) for o in scope.organizations]
    if scope.mentor_user is not None:
        names.append(f"mentor:{user.pk}")
    return names
