"""Who is trained: each mentor (a person mentoring in a live pair) of a district's schools and whether he has a
training record that ended within the last three years."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from mentoring_portal.lib.schoolyear import years_before
from participants.models import Organization, Pair, Person, TrainingRecord
from participants.training.models import TRAINED_WITHIN_YEARS


@dataclass
class SchoolTraining:
    organization: Organization
    mentors: int
    trained: int

    @property
    def share(self) -> int | None:
        return round(100 * self.trained / self.mentors) if self.mentors else None


def trained_since(today: date) -> date:
    return years_before(today, TRAINED_WITHIN_YEARS)


def mentors_with_training(organizations, today: date):
    """The mentors of live pairs of these organizations, each annotated `trained` (in the last three years). The
    pairs are these organizations' too: «mentor of any live pair» hashed every pair of the installation (issue #24).
    The organizations' ids are read first: given as a subquery twice, PostgreSQL joined every mentor to every school
    of the district and looked each up 55,000 times (144 ms on a district of 25 schools)."""
    ids = list(organizations.values_list("pk", flat=True)) if hasattr(organizations, "values_list") else [
        o.pk for o in organizations]
    recent = TrainingRecord.objects.filter(person=OuterRef("pk"), end_date__gt=trained_since(today))
    return (Person.objects.filter(organization_id__in=ids,
                                  pk__in=Pair.objects.live().filter(organization_id__in=ids).values("mentor_id"))
            .annotate(trained=Exists(recent)).select_related("organization")
            .order_by("organization__short_name", "last_name", "first_name", "pk"))


def training_by_school(schools, today: date) -> list[SchoolTraining]:
    """Each school's mentors and how many are trained, counted by the database (a district has thousands)."""
    counts = {row["organization_id"]: row for row in mentors_with_training(schools, today).order_by()
              .values("organization_id").annotate(mentors=Count("pk"), trained_n=Count("pk", filter=Q(trained=True)))}
    return [SchoolTraining(school, counts.get(school.pk, {}).get("mentors", 0),
                           counts.get(school.pk, {}).get("trained_n", 0)) for school in schools]
