"""Writes to the registry: people, consents, mentor profiles and requests."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from participants.models import Consent, ConsentGiver, MenteeRequest, MentorProfile, Person, consent_problems


def consent_record(*, person: Person, giver: str, given_by: str, given_on: date, document: str = "",
                   today: date | None = None) -> Consent:
    """A consent as the law wants it for the person's age on that day (see models.registry.consent_problems)."""
    given_by = " ".join(given_by.split()) or (person.full_name if giver == ConsentGiver.SELF else "")
    problems = consent_problems(person, giver=giver, given_by=given_by, given_on=given_on,
                                today=today or timezone.localdate())
    if problems:
        raise ValidationError(problems)
    return Consent.objects.create(person=person, giver=giver, given_by=given_by, given_on=given_on, document=document)


def consent_withdraw(*, consent: Consent, on: date) -> Consent:
    if on < consent.given_on:
        raise ValidationError("Согласие не может быть отозвано раньше, чем дано.")
    consent.withdrawn_on = on
    consent.save(update_fields=["withdrawn_on"])
    return consent


def mentor_profile_save(*, person: Person, **fields) -> MentorProfile:
    profile, _ = MentorProfile.objects.update_or_create(person=person, defaults=fields)
    return profile


def request_add(*, person: Person, help_wanted: str, interests: str = "") -> MenteeRequest:
    return MenteeRequest.objects.create(person=person, help_wanted=help_wanted, interests=interests)


@transaction.atomic
def person_save(*, person: Person) -> Person:
    person.full_clean()
    person.save()
    return person
