"""Which models are audited, where each change belongs, and which fields are personal data.

django-auditlog stores what `get_additional_data()` returns with every entry; `audit()` gives each registered model
that method from a `place` function, so the trail is filtered by district and organization without joins to tables
whose rows may be gone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from auditlog.registry import auditlog

from mentoring_portal.lib.plugins import Plugins


@dataclass(frozen=True)
class Place:
    region: int | None = None
    district: int | None = None
    organization: int | None = None


def of_organization(organization) -> Place:
    if organization is None:
        return Place()
    return Place(region=organization.region_id, district=organization.district_id, organization=organization.pk)


@dataclass(frozen=True)
class Logged:
    label: str  # "app_label.model"
    personal: frozenset[str]  # fields a district-level reader never sees
    # Its entries name people (their text, many-to-many lists of people): a district-level reader sees «запись № N»
    # instead — a pair's text names its mentor, who may be a pupil, and its mentees.
    names_people: bool


LOGGED: Plugins[Logged] = Plugins("audit: models whose changes the journal keeps", unique=True, key_of=lambda m: m.label)


def personal_fields(label: str) -> frozenset[str]:
    found = LOGGED.find(label)
    return found.personal if found else frozenset()


def names_people(label: str) -> bool:
    found = LOGGED.find(label)
    return found.names_people if found else False


def audit(model, *, place: Callable[[Any], Place], personal: set[str] = frozenset(), m2m: set[str] = frozenset(),
          exclude: set[str] = frozenset(), names_people: bool = False) -> None:
    def get_additional_data(instance) -> dict:
        where = place(instance)
        return {"region": where.region, "district": where.district, "organization": where.organization}

    model.get_additional_data = get_additional_data
    # Only the model's own columns: on creation auditlog would otherwise read reverse one-to-one relations, and a
    # missing one (a person without a mentor profile yet) is then cached as absent on the instance.
    columns = [field.name for field in model._meta.fields if field.name not in exclude]
    auditlog.register(model, include_fields=columns, m2m_fields=set(m2m))
    LOGGED.add(Logged(model._meta.label_lower, frozenset(personal), bool(personal or names_people)))
