"""Writes to the registry: people, consents, mentor profiles and requests."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from participants.models import Consent, MenteeRequest, MentorProfile, Person


def consent_record(*, person: Person, given_by: str, given_on: date, document: str = "") -> Consent:
    if given_on > date.today():
        raise ValidationError("Дата согласия ещё не наступила.")
    return Consent.objects.create(person=person, given_by=given_by, given_on=given_on, document=document)


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
