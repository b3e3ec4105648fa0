"""Building, publishing, versioning and copying questionnaires; the rules of each in one place."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from monitoring.models import Question, QuestionKind, Questionnaire, QuestionnaireKind, QuestionnaireStatus
from participants.access import place_fields
from participants.models import Organization, Region

QUESTION_FIELDS = ("section", "text", "topic", "kind", "choices", "low_label", "high_label", "required", "position")


def own(place):
    """The place's own questionnaires, the current version of each."""
    return Questionnaire.objects.filter(**place_fields(place), is_current=True).order_by("-pk")


def offered_to(place):
    """What the place may copy: the methodology's own instruments made in the builder's shape (the SWOT analyses,
    the curator's questionnaire), and the published current questionnaires of its region and, for a school, its
    district."""
    above = Q(kind=QuestionnaireKind.CUSTOM, region__isnull=True, district__isnull=True, organization__isnull=True)
    if not isinstance(place, Region):
        above |= Q(region_id=place.region_id)
        if isinstance(place, Organization) and place.district_id:
            above |= Q(district_id=place.district_id)
    return Questionnaire.objects.filter(above, status=QuestionnaireStatus.PUBLISHED, is_current=True).order_by(
        "region", "district", "title")


def was_asked(questionnaire: Questionnaire) -> bool:
    return questionnaire.invitations.exists()


def question_problems(kind: str, choices: str) -> list[str]:
    options = [line for line in choices.splitlines() if line.strip()]
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(options) < 2:
        return ["Для выбора нужны хотя бы два варианта — каждый с новой строки."]
    return []


@transaction.atomic
def questionnaire_create(*, place, user, title: str, respondent: str, intro: str = "") -> Questionnaire:
    return Questionnaire.objects.create(kind=QuestionnaireKind.CUSTOM, title=title, respondent=respondent, intro=intro,
                                        status=QuestionnaireStatus.DRAFT, created_by=user, **place_fields(place))


def _copy_questions(source: Questionnaire, target: Questionnaire) -> None:
    Question.objects.bulk_create([Question(questionnaire=target, is_scale=q.kind == QuestionKind.SCALE,
                                           **{f: getattr(q, f) for f in QUESTION_FIELDS})
                                  for q in source.questions.all()])


@transaction.atomic
def editable(questionnaire: Questionnaire, user) -> Questionnaire:
    """The version to change: the questionnaire itself while nobody was asked it, else its next version (the old one
    keeps its questions for the answers given to it)."""
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if not locked.is_current:
        raise ValidationError("Это не действующая версия анкеты: изменяют последнюю.")
    if not was_asked(locked):
        return locked
    family = locked.family or locked
    following = Questionnaire.objects.create(
        kind=locked.kind, title=locked.title, intro=locked.intro, respondent=locked.respondent,
        status=QuestionnaireStatus.DRAFT, version=locked.version + 1, family=family, copied_from=locked.copied_from,
        created_by=user, region_id=locked.region_id, district_id=locked.district_id,
        organization_id=locked.organization_id)
    _copy_questions(locked, following)
    Questionnaire.objects.filter(pk=locked.pk).update(is_current=False)
    return following


def publish(questionnaire: Questionnaire) -> Questionnaire:
    if not questionnaire.questions.exists():
        raise ValidationError("В анкете нет ни одного вопроса.")
    if not questionnaire.respondent:
        raise ValidationError("Укажите, кто отвечает на анкету.")
    questionnaire.status = QuestionnaireStatus.PUBLISHED
    questionnaire.save(update_fields=["status"])
    return questionnaire


@transaction.atomic
def copy_to(*, source: Questionnaire, place, user) -> Questionnaire:
    """A draft copy of a region's or a district's questionnaire, the place's own to adapt."""
    if not offered_to(place).filter(pk=source.pk).exists():
        raise ValidationError("Эту анкету скопировать нельзя.")
    copy = Questionnaire.objects.create(kind=QuestionnaireKind.CUSTOM, title=source.title, intro=source.intro,
                                        respondent=source.respondent, status=QuestionnaireStatus.DRAFT,
                                        copied_from=source, created_by=user, **place_fields(place))
    _copy_questions(source, copy)
    return copy


def usable_by(organization):
    """The published questionnaires a school asks: its own and the copies it made (current versions)."""
    return Questionnaire.objects.filter(organization=organization, status=QuestionnaireStatus.PUBLISHED,
                                        is_current=True).order_by("title")
