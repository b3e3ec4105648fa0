"""The dashboard's figures kept between changes: computing a district's plan versus actual takes ~0.2 s and the
figures change only when someone edits pairs, people, head-counts, indicators, targets or typed values.

Each district has a version number in the cache; any such change bumps the version of its district (signals, so no
service can forget), and the figures are cached under (district, year, today, version). The cache must be shared by
all the app's processes (CACHES: a file cache on one machine, Redis on several — mentoring_portal/settings.py)."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from mentoring_portal.lib import versions

TIMEOUT = 6 * 3600


def version(district_id: int) -> int:
    return versions.version(f"district-figures:{district_id}")


def bump(district_id: int | None) -> None:
    if district_id is not None:
        versions.bump(f"district-figures:{district_id}")


def lazy_figures(district, year: int, today, compute) -> dict:
    """The dashboard's figures as template variables, computed (or read from the cache) only when drawn."""
    key = f"monitoring:dashboard:{district.pk}:{year}:{today.isoformat()}:{version(district.pk)}"
    return versions.lazy_cached(key, compute, ("rows", "school_rows", "school_charts"), TIMEOUT)


def _organization_district(organization_id: int | None) -> int | None:
    from participants.models import Organization

    if organization_id is None:
        return None
    return Organization.objects.filter(pk=organization_id).values_list("district_id", flat=True).first()


def _changed(sender, instance, **kwargs) -> None:
    from monitoring.models import Indicator, Target

    if isinstance(instance, Indicator):
        bump(instance.district_id)
    elif isinstance(instance, Target):
        bump(_organization_district(instance.organization_id) if instance.organization_id
             else Indicator.objects.filter(pk=instance.indicator_id).values_list("district_id", flat=True).first())
    elif hasattr(instance, "organization_id"):
        bump(_organization_district(instance.organization_id))


def _mentees_changed(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        organization_id = getattr(instance, "organization_id", None)
        if organization_id is not None:  # a pair; from the person's side, each of their pairs' schools
            bump(_organization_district(organization_id))
        else:
            for organization_id in instance.mentored_in.values_list("organization_id", flat=True).distinct():
                bump(_organization_district(organization_id))


def connect() -> None:
    from monitoring.models import Indicator, ManualValue, Target
    from participants.models import HeadCount, Pair, Person

    for model in (Pair, Person, HeadCount, Indicator, Target, ManualValue):
        post_save.connect(_changed, sender=model, dispatch_uid=f"figures-{model.__name__}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"figures-{model.__name__}-delete")
    m2m_changed.connect(_mentees_changed, sender=Pair.mentees.through, dispatch_uid="figures-mentees")
