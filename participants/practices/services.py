"""A practice's way into the bank: submitted by its school, accepted (published) or returned with a comment by the
district's curator or an expert, nominated to the region by the district."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from participants.models import Practice, PracticeStatus


@transaction.atomic
def practice_submit(*, practice: Practice) -> Practice:
    if practice.status not in (PracticeStatus.DRAFT, PracticeStatus.RETURNED):
        raise ValidationError("Отправить можно черновик или возвращённую практику.")
    practice.status, practice.submitted_at = PracticeStatus.SUBMITTED, timezone.now()
    practice.save(update_fields=["status", "submitted_at"])
    return practice


@transaction.atomic
def practice_review(*, practice: Practice, user, accept: bool, comment: str, today) -> Practice:
    if practice.status != PracticeStatus.SUBMITTED:
        raise ValidationError("Практика не ждёт рассмотрения.")
    if not accept and not comment.strip():
        raise ValidationError("Напишите, что доработать.")
    practice.status = PracticeStatus.PUBLISHED if accept else PracticeStatus.RETURNED
    practice.review_comment, practice.reviewed_by = comment.strip(), user
    practice.published_on = today if accept else None
    practice.save(update_fields=["status", "review_comment", "reviewed_by", "published_on"])
    return practice


@transaction.atomic
def practice_nominate(*, practice: Practice, today) -> Practice:
    if practice.status != PracticeStatus.PUBLISHED:
        raise ValidationError("На региональный уровень выдвигается опубликованная практика.")
    practice.nominated_on = None if practice.nominated_on else today
    practice.save(update_fields=["nominated_on"])
    return practice
