"""Who is trained: each mentor (a person mentoring in a live pair) of a district's schools and whether he has a
training record that ended within the last three years."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef

from mentoring_portal.lib.schoolyear import years_before
from participants.models import Organization, Pair, Person, TrainingRecord
from participants.training.models import TRAINED_WITHIN_YEARS


def trained_since(today: date) -> date:
    return years_before(today, TRAINED_WITHIN_YEARS)


def mentors_with_training(organizations, today: date):
    """The mentors of live pairs of these organizations, each annotated `trained` (in the last three years). The
    pairs are these organizations' too: «mentor of any live pair» hashed every pair of the installation (issue #24)."""
    recent = TrainingRecord.objects.filter(person=OuterRef("pk"), end_date__gt=trained_since(today))
    return (Person.objects.filter(organization__in=organizations,
                                  pk__in=Pair.objects.live().filter(organization__in=organizations).values("mentor_id"))
            .annotate(trained=Exists(recent)).select_related("organization")
            .order_by("organization__short_name", "last_name", "first_name", "pk"))


@dataclass
class SchoolTraining:
    organization: Organization
    mentors: int
    trained: int

    @property
    def share(self) -> int | None:
        return round(100 * self.trained / self.mentors) if self.mentors else None
