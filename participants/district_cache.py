"""A district's «Наставничество в цифрах» kept between changes: a version per district, bumped by signals on pairs
(and their mentees), meetings, plan tasks and people of its schools, keys the figures and the rendered page body."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from mentoring_portal.lib import versions


def version(district_id: int) -> int:
    return versions.version(f"district-mentoring:{district_id}")


def lazy_figures(district, compute) -> dict:
    key = f"participants:district-mentoring:{district.pk}:{version(district.pk)}"
    return versions.lazy_cached(key, compute, ("figures", "forms", "mentors", "totals"))


def _bump_organization(organization_id: int | None) -> None:
    from participants.models import Organization

    if organization_id is None:
        return
    district_id = Organization.objects.filter(pk=organization_id).values_list("district_id", flat=True).first()
    if district_id is not None:
        versions.bump(f"district-mentoring:{district_id}")


def _changed(sender, instance, **kwargs) -> None:
    from participants.models import Pair

    if hasattr(instance, "organization_id"):  # a pair or a person
        _bump_organization(instance.organization_id)
    else:  # a meeting or a plan task
        _bump_organization(Pair.objects.filter(pk=instance.pair_id).values_list("organization_id", flat=True).first())


def _mentees_changed(sender, instance, action, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if hasattr(instance, "mentor_id"):  # from the pair's side
        _bump_organization(instance.organization_id)
    else:
        for organization_id in instance.mentored_in.values_list("organization_id", flat=True).distinct():
            _bump_organization(organization_id)


def connect() -> None:
    from participants.models import Meeting, Pair, Person, PlanTask

    for model in (Pair, Person, Meeting, PlanTask):
        post_save.connect(_changed, sender=model, dispatch_uid=f"district-mentoring-{model.__name__}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"district-mentoring-{model.__name__}-delete")
    m2m_changed.connect(_mentees_changed, sender=Pair.mentees.through, dispatch_uid="district-mentoring-mentees")
