"""A district's «Наставничество в цифрах» kept between changes: a version per district, bumped by signals on pairs
(and their mentees), meetings, plan tasks and people of its schools, keys the figures and the rendered page body."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from mentoring_portal.lib import versions


def version(district_id: int) -> int:
    return versions.version(f"district-mentoring:{district_id}")


def lazy_figures(district, stamp: int, compute) -> dict:
    """The page's figures under the district's version `stamp` (read once by the view, also keying the fragment)."""
    key = f"participants:district-mentoring:{district.pk}:{stamp}"
    return versions.lazy_cached(key, compute, ("figures", "forms", "mentors", "totals"))


def district_of(organization_id: int | None) -> int | None:
    """The district of an organization (None for one under the region directly), for caches keyed by district."""
    from participants.models import Organization

    if organization_id is None:
        return None
    return Organization.objects.filter(pk=organization_id).values_list("district_id", flat=True).first()


def districts_of_mentees_change(instance) -> set[int]:
    """The districts whose figures move when mentees are added to a pair or a person joins pairs (either side of
    the relation sends the signal)."""
    if hasattr(instance, "mentor_id"):  # a pair
        organization_ids = [instance.organization_id]
    else:  # a person: each of their pairs' schools
        organization_ids = instance.mentored_in.values_list("organization_id", flat=True).distinct()
    return {d for d in map(district_of, organization_ids) if d is not None}


def _bump(district_id: int | None) -> None:
    if district_id is not None:
        versions.bump(f"district-mentoring:{district_id}")


def _changed(sender, instance, **kwargs) -> None:
    from participants.models import Pair

    if hasattr(instance, "organization_id"):  # a pair or a person
        _bump(district_of(instance.organization_id))
    else:  # a meeting or a plan task
        _bump(district_of(Pair.objects.filter(pk=instance.pair_id).values_list("organization_id", flat=True).first()))


def _mentees_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        for district_id in districts_of_mentees_change(instance):
            _bump(district_id)


def connect() -> None:
    from participants.models import Meeting, Pair, Person, PlanTask

    for model in (Pair, Person, Meeting, PlanTask):
        post_save.connect(_changed, sender=model, dispatch_uid=f"district-mentoring-{model.__name__}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"district-mentoring-{model.__name__}-delete")
    m2m_changed.connect(_mentees_changed, sender=Pair.mentees.through, dispatch_uid="district-mentoring-mentees")
