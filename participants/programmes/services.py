"""The life of a programme: a school approves its own by an order (which the documents register keeps), the
district recommends it after an expert review, and copies its model programmes to schools."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from participants.models import Document, DocumentKind, Programme, ProgrammeStatus

COPIED_FIELDS = ("title", "form", "target_group", "goals", "duration", "start_date", "end_date", "file")


@transaction.atomic
def programme_approve(*, programme: Programme, user, number: str, date) -> Programme:
    if programme.is_model:
        raise ValidationError("Типовую программу муниципалитет рекомендует, а не утверждает приказом ОО.")
    if programme.status != ProgrammeStatus.DRAFT:
        raise ValidationError("Программа уже утверждена.")
    programme.status = ProgrammeStatus.APPROVED
    programme.order_number, programme.order_date = number.strip(), date
    programme.save(update_fields=["status", "order_number", "order_date"])
    Document.objects.create(organization=programme.organization, kind=DocumentKind.PROGRAMME, number=number.strip(),
                            date=date, title=f"Об утверждении программы наставничества «{programme.title}»"[:500],
                            approves=programme.title, added_by=user)
    return programme


@transaction.atomic
def programme_review(*, programme: Programme, user, comment: str, recommend: bool) -> Programme:
    """The expert review's conclusion; a recommended programme is offered to every school of the district."""
    if not comment.strip():
        raise ValidationError("Напишите заключение экспертизы.")
    if recommend and not programme.is_model and programme.status == ProgrammeStatus.DRAFT:
        raise ValidationError("Рекомендовать можно программу, утверждённую приказом организации.")
    if recommend:
        programme.status = ProgrammeStatus.RECOMMENDED
    programme.review_comment = comment.strip()
    programme.reviewed_by, programme.reviewed_at = user, timezone.now()
    programme.save(update_fields=["status", "review_comment", "reviewed_by", "reviewed_at"])
    return programme


@transaction.atomic
def programme_copy_to_schools(*, programme: Programme, schools) -> tuple[int, int]:
    """A model programme copied into each chosen school as its draft; a school that has a copy keeps it.
    Returns (copied, already there)."""
    if not programme.is_model:
        raise ValidationError("В школы копируются типовые программы муниципалитета.")
    having = set(programme.copies.values_list("organization_id", flat=True))
    fresh = [school for school in schools if school.pk not in having]
    Programme.objects.bulk_create([
        Programme(organization=school, source=programme, **{f: getattr(programme, f) for f in COPIED_FIELDS})
        for school in fresh])
    return len(fresh), len(schools) - len(fresh)
