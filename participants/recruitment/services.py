"""An open form's answer checked by the rules (recruitment/rules.py), held back from robots, and a candidate taken
into the registry by the curator — the consent given on the form goes with him, through the registry's own rule."""

from __future__ import annotations

from datetime import date

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib import versions
from participants.caches import place as place_cache
from participants.models import MenteeRequest, MentorProfile, Person
from participants.recruitment.models import Candidate, CandidateStatus, RecruitmentForm, Wish
from participants.recruitment.rules import AUDIENCES, RECRUITMENT, consent_giver_for
from participants.registry.services import consent_record

ANSWERS_AN_HOUR = 20  # from one address to one form: a classroom shares one address, a robot sends thousands


def _budget_key(form: RecruitmentForm, address: str) -> str:
    return f"recruitment:{form.pk}:{address}"


def candidate_submit(*, form: RecruitmentForm, data: dict, address: str, today: date) -> Candidate | None:
    """Saves the answer; None for a robot (the trap filled in: it is told «спасибо» and nothing is kept)."""
    if not form.is_open:
        raise ValidationError("Анкета больше не принимает ответы.")
    if data.get("website"):
        return None
    key = _budget_key(form, address)
    cache.add(key, 0, 3600)
    if cache.incr(key) > ANSWERS_AN_HOUR:
        raise ValidationError("С этого адреса за час отправлено слишком много анкет: попробуйте позже.")
    RECRUITMENT.check("submit", audience=form.audience, today=today, **{
        k: data.get(k) for k in ("wish", "birth_date", "consent", "last_name", "first_name")},
        consent_by=data.get("consent_by", ""))
    category = AUDIENCES[form.audience][0]
    giver = consent_giver_for(form.audience, data.get("birth_date"), today)
    fields = {k: data.get(k) or "" for k in ("last_name", "first_name", "patronymic", "grade", "position", "phone",
                                              "email", "about")}
    consent_by = data.get("consent_by") or " ".join(p for p in (fields["last_name"], fields["first_name"],
                                                                 fields["patronymic"]) if p)
    return Candidate.objects.create(form=form, wish=data["wish"], category=category, birth_date=data.get("birth_date"),
                                    consent_by=consent_by.strip(), consent_giver=giver, **fields)


@transaction.atomic
def candidate_take(*, candidate: Candidate, actor, today: date) -> Person:
    """Into the registry: the person (an existing one of the same name and birth date is not made twice), the
    consent given on the form on its day, and the wish as a mentor profile or a mentee's request."""
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if locked.status != CandidateStatus.NEW:
        raise ValidationError("Этот кандидат уже рассмотрен.")
    organization = locked.form.organization
    person = Person.objects.filter(organization=organization, last_name__iexact=locked.last_name,
                                   first_name__iexact=locked.first_name, birth_date=locked.birth_date,
                                   anonymised_on__isnull=True).first()
    if person is None:
        person = Person(organization=organization, last_name=locked.last_name, first_name=locked.first_name,
                        patronymic=locked.patronymic, category=locked.category, grade=locked.grade,
                        birth_date=locked.birth_date, position=locked.position, phone=locked.phone,
                        email=locked.email)
        person.full_clean()
        person.save()
    consent_record(person=person, giver=locked.consent_giver, given_by=locked.consent_by,
                   given_on=timezone.localdate(locked.submitted_at),
                   document=f"анкета набора «{locked.form.title}»", today=today)
    if locked.wish == Wish.MENTOR:
        profile, _ = MentorProfile.objects.get_or_create(person=person)
        profile.competencies = ", ".join(p for p in (profile.competencies, locked.about) if p)[:2000]
        profile.save()
    else:
        MenteeRequest.objects.create(person=person, help_wanted=locked.about)
    locked.status, locked.person, locked.decided_by, locked.decided_at = (CandidateStatus.TAKEN, person, actor,
                                                                          timezone.now())
    locked.save(update_fields=["status", "person", "decided_by", "decided_at"])
    return person


def candidate_decline(*, candidate: Candidate, actor) -> Candidate:
    """Declined: what he typed is removed (no reason to keep it), the line stays for the count."""
    updated = Candidate.objects.filter(pk=candidate.pk, status=CandidateStatus.NEW).update(
        status=CandidateStatus.DECLINED, decided_by=actor, decided_at=timezone.now(), last_name="—", first_name="",
        patronymic="", phone="", email="", about="", consent_by="", birth_date=None, position="", grade="")
    if not updated:
        raise ValidationError("Этот кандидат уже рассмотрен.")
    candidate.refresh_from_db()
    versions.touch(candidate)  # the navigation's count (an update sends no signal)
    return candidate


def _names_of(instance, created: bool = False) -> list[str]:
    """A candidate (or a form) moves its school's navigation («Набор по ссылке» counts the new ones)."""

    organization_id = instance.organization_id if isinstance(instance, RecruitmentForm) else \
        RecruitmentForm.objects.filter(pk=instance.form_id).values_list("organization_id", flat=True).first()
    return [place_cache.version_of("organization", organization_id)] if organization_id else []


def connect() -> None:
    versions.watch("recruitment", _names_of, models=(RecruitmentForm, Candidate))
