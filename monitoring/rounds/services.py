"""Opening a round: a personal link for every participant of the school's live pairs, the mentor's questionnaire
for the mentor and the mentee's for each mentee, all tied to the round."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from monitoring.models import Invitation, Questionnaire, QuestionnaireKind
from monitoring.rounds.models import Round, RoundStage
from participants.models import Pair

KINDS = {RoundStage.ENTRY: (QuestionnaireKind.MENTOR_ENTRY, QuestionnaireKind.MENTEE_ENTRY),
         RoundStage.FINAL: (QuestionnaireKind.MENTOR_FINAL, QuestionnaireKind.MENTEE_FINAL)}


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


@transaction.atomic
def round_open(*, organization, stage: str, today: date, user) -> tuple[Round, int]:
    """The round of this quarter (one a quarter and stage); returns it with the number of links made."""
    if stage not in KINDS:
        raise ValidationError("Выберите анкеты раунда.")
    year, quarter = quarter_of(today)
    try:
        with transaction.atomic():
            opened = Round.objects.create(organization=organization, stage=stage, year=year, quarter=quarter,
                                          opened_by=user)
    except IntegrityError:
        raise ValidationError(f"Раунд «{RoundStage(stage).label}» этого квартала уже открыт.") from None
    mentor_kind, mentee_kind = (Questionnaire.objects.get(kind=k) for k in KINDS[stage])
    pairs = Pair.objects.live().filter(organization=organization).select_related("mentor").prefetch_related("mentees")
    invitations = [Invitation(questionnaire=q, organization=organization, person=person, pair=pair, form_id=pair.form_id,
                              round=opened)
                   for pair in pairs
                   for person, q in [(pair.mentor, mentor_kind), *((m, mentee_kind) for m in pair.mentees.all())]
                   if person.anonymised_on is None]
    if not invitations:
        raise ValidationError("В организации нет работающих пар: анкетировать некого.")
    Invitation.objects.bulk_create(invitations)
    return opened, len(invitations)
