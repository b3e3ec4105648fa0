"""Coverage by target group for a set of schools: how many of the registry's people are in each group and how many of
them take part in a live pair — counts only, a count under five shown as «менее 5» (SMALL)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from participants.models.pairs import LIVE_STATUSES
from participants.target_groups.models import GroupMark, TargetGroup

SMALL = 5


def shown(count: int) -> str:
    """A count as anyone but the school's curator may read it."""
    return "менее 5" if 0 < count < SMALL else str(count)


@dataclass
class GroupCoverage:
    group: str
    label: str
    people: int
    in_pairs: int

    @property
    def people_shown(self) -> str:
        return shown(self.people)

    @property
    def in_pairs_shown(self) -> str:
        return shown(self.in_pairs)

    @property
    def share(self) -> int | None:
        """The share in pairs, only when both counts are large enough to say it (a share of 3 reveals 3)."""
        if self.people < SMALL or (0 < self.in_pairs < SMALL):
            return None
        return round(100 * self.in_pairs / self.people)


def coverage(organizations) -> list[GroupCoverage]:
    """One row per target group with anyone in it, in the list's order; two grouped queries."""
    marks = GroupMark.objects.filter(person__organization__in=organizations, person__anonymised_on__isnull=True)
    live = Q(person__mentored_in__status__in=LIVE_STATUSES) | Q(person__mentoring__status__in=LIVE_STATUSES)
    counts = {row["group"]: (row["people"], row["in_pairs"]) for row in marks.values("group").annotate(
        people=Count("person", distinct=True), in_pairs=Count("person", filter=live, distinct=True))}
    return [GroupCoverage(key, label, *counts[key]) for key, label in TargetGroup.choices if key in counts]
