"""Model constraints said once: «belongs to exactly one of» (a district or an organization, a district or a region…)."""

from django.db.models import CheckConstraint, Q


def exactly_one(name: str, *fields: str, message: str | None = None) -> CheckConstraint:
    """A check that exactly one of the foreign keys `fields` is set (the message is what a form shows)."""
    condition = Q()
    for chosen in fields:
        condition |= Q(**{f"{field}__isnull": field != chosen for field in fields})
    return CheckConstraint(name=name, condition=condition, violation_error_message=message)
