"""A school's registry and pairs lists kept between changes (issue #24): rendering a page of 50 rows cost a school
curator's browser 30–50 ms of the server each time, a seventh of the rate of the sign-in page under load. A version
per school, bumped by any change of its people, their consents, mentor profiles and requests, its pairs, their
mentees, meetings and plan tasks, keys the rendered rows; a version of the forms' catalogue keys the forms' names."""

from __future__ import annotations

from django.db.models import Q

from mentoring_portal.lib import versions
from participants.caches import place as place_cache
from participants.models import Pair, Person

CATALOGUE = "forms-catalogue"


def _school(organization_id) -> list[str]:
    return [f"school-registry:{organization_id}"] if organization_id else []


def _of_person(person_id) -> list[str]:
    return _school(Person.objects.filter(pk=person_id).values_list("organization_id", flat=True).first())


def _of_pair(pair_id) -> list[str]:
    return _school(Pair.objects.filter(pk=pair_id).values_list("organization_id", flat=True).first())


def names_of(instance, created: bool = False) -> list[str]:
    """The versions a change of this record moves: its school's (a person, a pair; their records), or the catalogue."""
    from participants.models import FormVariant, MentoringForm, Pair, Person

    if isinstance(instance, (MentoringForm, FormVariant)):
        return [CATALOGUE]
    if isinstance(instance, Person):  # and the schools whose pairs show the name (a partner's engineer mentors there)
        schools = {instance.organization_id}
        if not created and instance.pk:
            schools.update(Pair.objects.filter(Q(mentor_id=instance.pk) | Q(mentees=instance.pk))
                           .values_list("organization_id", flat=True).distinct())
        return [name for school in schools for name in _school(school)]
    if hasattr(instance, "mentor_id"):  # a pair
        return _school(instance.organization_id)
    if hasattr(instance, "pair_id"):  # a meeting, a plan task
        return _of_pair(instance.pair_id)
    return _of_person(instance.person_id)  # a consent, a mentor profile, a request


def list_key(organization, user, today, kind: str, params) -> str:
    """What a list's rendered rows are keyed by: the school's and the catalogue's versions, the reader (what they may
    see follows their roles), the day (ages and consents are as of today) and the address's parameters (the filters,
    the page; the pagination's links repeat them all)."""
    filters = kind + "?" + "&".join(f"{k}={v}" for k in sorted(params) for v in params.getlist(k))
    digest = place_cache.reader(user, filters)
    return (f"{versions.version(f'school-registry:{organization.pk}')}.{versions.version(CATALOGUE)}."
            f"{today.isoformat()}.{digest}")


def connect() -> None:
    from participants.models import (
        Consent,
        FormVariant,
        Meeting,
        MenteeRequest,
        MentoringForm,
        MentorProfile,
        Pair,
        Person,
        PlanTask,
    )

    versions.watch("school-registry", names_of,
                   models=(Person, Consent, MentorProfile, MenteeRequest, Pair, Meeting, PlanTask, MentoringForm,
                           FormVariant),
                   m2m=(Pair.mentees.through,))
