"""A district's «Наставничество в цифрах» kept between changes: a version per district, bumped by signals on pairs
(and their mentees), meetings, plan tasks and people of its schools, keys the figures and the rendered page body."""

from __future__ import annotations

from mentoring_portal.lib import versions
from participants.models import Organization, Pair, Person


def version(district_id: int) -> int:
    return versions.version(f"district-mentoring:{district_id}")


def lazy_figures(district, stamp: int, compute) -> dict:
    """The page's figures under the district's version `stamp` (read once by the view, also keying the fragment)."""
    key = f"participants:district-mentoring:{district.pk}:{stamp}"
    return versions.lazy_cached(key, compute, ("figures", "forms", "mentors", "totals", "groups"))


def district_of(organization_id: int | None) -> int | None:
    """The district of an organization (None for one under the region directly), for caches keyed by district."""

    if organization_id is None:
        return None
    return Organization.objects.filter(pk=organization_id).values_list("district_id", flat=True).first()


def districts_of(instance, created: bool = False) -> set[int]:
    """The districts whose figures move when this record changes: a pair's (also when its mentees change), a
    person's — their school's and, once they exist, their pairs' (either side of the mentees relation sends the
    change) —, a meeting's or a plan task's through its pair."""

    if isinstance(instance, Person):
        organization_ids = {instance.organization_id}
        if not created and instance.pk:
            organization_ids.update(instance.mentored_in.values_list("organization_id", flat=True).distinct())
    elif isinstance(instance, Pair):
        organization_ids = {instance.organization_id}
    else:  # a meeting or a plan task
        organization_ids = {Pair.objects.filter(pk=instance.pair_id).values_list("organization_id", flat=True).first()}
    return {d for d in map(district_of, organization_ids) if d is not None}


def connect() -> None:
    from participants.models import Meeting, Pair, Person, PlanTask

    versions.watch("district-mentoring",
                   lambda instance, created=False: [f"district-mentoring:{d}" for d in districts_of(instance, created)],
                   models=(Pair, Person, Meeting, PlanTask), m2m=(Pair.mentees.through,))
