"""The questionnaires' nudges on a curator's and a mentor's landing (participants/nudges): an invitation not answered
three days after it was made, and a pair ending (or just ended) without its final questionnaire."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from mentoring_portal.lib import versions
from monitoring.models import Invitation, QuestionnaireKind
from participants.landing import Todo
from participants.models import Pair, PairStatus
from participants.nudges.landing import questionnaires_version
from participants.nudges.rules import FINAL_QUESTIONNAIRE, QUESTIONNAIRE_UNANSWERED
from participants.nudges.selectors import NUDGES, Scope, capped, pair_url

FINAL_KINDS = (QuestionnaireKind.MENTOR_FINAL, QuestionnaireKind.MENTEE_FINAL)


def _list_url(scope: Scope) -> str:
    return reverse("monitoring:invitations", args=[scope.organizations[0].code]) if scope.organizations else \
        reverse("participants:my-pairs")


@NUDGES.add
def unanswered(scope: Scope, today: date) -> list[Todo]:
    made_before = today - timedelta(days=QUESTIONNAIRE_UNANSWERED.days)
    found = Q(organization__in=scope.organizations) if scope.organizations else Q(pk__in=[])
    if scope.mentor_user is not None:
        found |= Q(pair__mentor__user=scope.mentor_user)
    waiting = (Invitation.objects.filter(found, answered_at__isnull=True, created_at__date__lte=made_before,
                                         person__anonymised_on__isnull=True)
               .select_related("questionnaire", "person").order_by("created_at", "pk"))
    todos = [Todo(f"Анкета «{i.questionnaire.title}» не заполнена с {i.created_at:%d.%m.%Y}: "
                  f"{i.person.short_name if i.person else i.organization}", _list_url(scope)) for i in waiting]
    return capped(todos, "Не заполненные анкеты", _list_url(scope))


@NUDGES.add
def final_missing(scope: Scope, today: date) -> list[Todo]:
    answered = Invitation.objects.filter(pair=OuterRef("pk"), questionnaire__kind__in=FINAL_KINDS,
                                         answered_at__isnull=False)
    around_end = Q(status=PairStatus.ACTIVE, end_date__lte=today + timedelta(days=FINAL_QUESTIONNAIRE.days)) | Q(
        status=PairStatus.COMPLETED, end_date__gte=today - timedelta(days=FINAL_QUESTIONNAIRE.days))
    found = Q(organization__in=scope.organizations) if scope.organizations else Q(pk__in=[])
    if scope.mentor_user is not None:
        found |= Q(mentor__user=scope.mentor_user)
    pairs = (Pair.objects.filter(found).filter(around_end).annotate(final=Exists(answered)).filter(final=False)
             .select_related("organization", "mentor", "form").order_by("end_date", "pk"))
    todos = [Todo(f"Нет итоговой анкеты, пара {'завершена' if p.status == PairStatus.COMPLETED else 'заканчивается'} "
                  f"{p.end_date:%d.%m.%Y}: {p.form}, наставник {p.mentor.short_name}", pair_url(p)) for p in pairs]
    return capped(todos, "Пары без итоговой анкеты", _list_url(scope))


def _names_of(instance, created: bool = False) -> list[str]:
    """An invitation moves its school's questionnaires and its pair's mentor's landing."""
    names = [questionnaires_version(instance.organization_id)]
    user_id = Pair.objects.filter(pk=instance.pair_id).values_list("mentor__user_id", flat=True).first() \
        if instance.pair_id else None
    return names + ([f"mentor:{user_id}"] if user_id else [])


def connect() -> None:
    versions.watch("nudges-questionnaires", _names_of, models=(Invitation,))
