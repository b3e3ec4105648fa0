"""A person's data removed on request (152-ФЗ, ст. 21): the record is anonymised, not deleted, so that pairs and the
counts behind indicators stay right; the name leaves every place it was written, the audit trail included.

Copies of the name outside participants' own tables (an event's attendance list, a job's parsed result) are erased
by the apps that keep them: each registers a function with `ERASURE_COPIES.add` (participants imports none of
them). The public pages that could show the name are re-rendered at once, not when their cache expires.
tests/test_erasure.py scans every text column of every model after an erasure."""

from __future__ import annotations

import json
from collections.abc import Callable

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.lib import versions
from mentoring_portal.lib.plugins import Plugins
from participants.audit_trail.logged import personal_fields
from participants.models import (
    Category,
    Consent,
    GroupMark,
    Meeting,
    MenteeRequest,
    MentorProfile,
    Pair,
    ParticipantMessage,
    Person,
    PersonalLink,
    PublicPage,
)

ANONYMOUS = "Обезличен(а)"
REMOVED = "[удалено]"


# Functions (person=…, names=[…]) that erase the copies of a person's name an app keeps
ERASURE_COPIES: Plugins[Callable[..., None]] = Plugins("erasure: copies of a person's name other apps keep")


def _names(person: Person) -> list[str]:
    """Every way the portal writes the person's name, longest first (so «Иванова М.П.» goes before «Иванова»)."""
    variants = {person.full_name, person.short_name, f"{person.last_name} {person.first_name}".strip()}
    return sorted((v for v in variants if v.strip()), key=len, reverse=True)


def _scrub(text: str, names: list[str]) -> str:
    for name in names:
        text = text.replace(name, REMOVED)
    return text


@transaction.atomic
def person_anonymise(*, person: Person, user) -> Person:
    names = _names(person)
    name_parts = [part for part in (person.last_name, person.first_name) if part]
    with disable_auditlog():  # the trail would otherwise record the name once more, as the value «before»
        person.last_name, person.first_name, person.patronymic = ANONYMOUS, "", ""
        person.phone = person.email = person.position = ""
        person.user = None
        if person.category != Category.TEACHER:
            # A teacher's dates stay: «педагог до 35 лет в первые три года» is counted from them.
            person.birth_date = None
        person.anonymised_on = timezone.localdate()
        person.save()
        Consent.objects.filter(person=person).update(given_by=REMOVED, document="")
        MenteeRequest.objects.filter(person=person).update(help_wanted=REMOVED, interests="")
        MentorProfile.objects.filter(person=person).update(competencies="", achievements="", interests="")
        ParticipantMessage.objects.filter(person=person).update(text=REMOVED)  # what he or his parent wrote
        GroupMark.objects.filter(person=person).delete()  # sensitive, and no figure needs it any more
        PersonalLink.objects.filter(person=person, revoked_at__isnull=True).update(revoked_at=timezone.now())
        pairs = Pair.objects.filter(mentor=person) | Pair.objects.filter(mentees=person)
        for meeting in Meeting.objects.filter(pair__in=pairs.distinct()):
            scrubbed = _scrub(meeting.notes, names)
            if scrubbed != meeting.notes:
                Meeting.objects.filter(pk=meeting.pk).update(notes=scrubbed)
    _scrub_trail(person, names)
    _scrub_job_results(person, name_parts)
    for erase in ERASURE_COPIES:
        erase(person=person, names=names)
    _refresh_public_pages(person)
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Person), object_pk=str(person.pk), object_id=person.pk,
        object_repr=ANONYMOUS, action=LogEntry.Action.UPDATE, actor=user,
        changes={"anonymised_on": ["", str(person.anonymised_on)]},
        additional_data={"region": person.organization.region_id, "district": person.organization.district_id,
                         "organization": person.organization_id},
    )
    return person


def _scrub_trail(person: Person, names: list[str]) -> None:
    """The school's audit entries lose the name wherever it was written; the entries of the person's own records
    (the person, consents, requests) lose every personal field, whatever it held."""
    own = {(ContentType.objects.get_for_model(model).pk, str(pk)): model._meta.label_lower
           for model, pks in ((Person, [person.pk]), (Consent, person.consents.values_list("pk", flat=True)),
                              (MenteeRequest, person.requests.values_list("pk", flat=True)))
           for pk in pks}
    for entry in LogEntry.objects.filter(additional_data__organization=person.organization_id).iterator():
        before = (entry.object_repr, json.dumps(entry.changes, ensure_ascii=False), entry.changes_text or "")
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        label = own.get((entry.content_type_id, entry.object_pk))
        if label:
            personal = personal_fields(label)
            changes = {key: ([REMOVED, REMOVED] if key in personal else value) for key, value in changes.items()}
        after = (ANONYMOUS if label == "participants.person" else _scrub(entry.object_repr, names),
                 _scrub(json.dumps(changes, ensure_ascii=False), names), _scrub(entry.changes_text or "", names))
        if after != before:
            LogEntry.objects.filter(pk=entry.pk).update(object_repr=after[0], changes=json.loads(after[1]),
                                                        changes_text=after[2])


RETIRED = ("Результат удалён: в нём были персональные данные, удалённые по запросу. Загрузите файл или "
           "сформируйте выгрузку заново.")


def _scrub_job_results(person: Person, parts: list[str]) -> None:
    """What jobs made for the person's school, district and region: a file read for the school (a registry
    preview keeps the name in separate columns) and the export files waiting in «Мои выгрузки» are retired — their
    users make them again, without the name."""
    organization = person.organization
    owners = [f"organization:{organization.pk}", f"district:{organization.district_id}",
              f"region:{organization.region_id}"]
    for job in Job.objects.filter(owner__in=owners).exclude(result=None).iterator():
        path = job.result.get("path") if isinstance(job.result, dict) else None
        text = json.dumps(job.result, ensure_ascii=False)
        if not path and not all(part in text for part in parts):
            continue
        if path and default_storage.exists(path):
            default_storage.delete(path)
        Job.objects.filter(pk=job.pk).update(result=None, status=JobStatus.FAILED, error=RETIRED)


def _refresh_public_pages(person: Person) -> None:
    pages = PublicPage.objects.filter(organization=person.organization_id)
    if person.organization.district_id:
        pages = pages | PublicPage.objects.filter(district=person.organization.district_id)
    for pk in pages.values_list("pk", flat=True):
        versions.bump(PublicPage.version_name(pk))
