"""Each school's stage of introduction of the target model (004 §2.5; 002), read from its data: the first stage whose
condition is not yet met is the one the school is at; a school that has met them all is at «Завершение».

| stage | met when |
| --- | --- |
| подготовка условий | a curator appointed by order, the положение in the register, a roadmap approved for today |
| база наставляемых | a mentee's request in the registry |
| база наставников | a mentor's profile in the registry |
| отбор и обучение наставников | a mentor trained in the last three years |
| формирование пар и групп | a pair or group forming or working |
| работа пар и групп | a meeting held in a working pair |
| завершение | a pair completed this school year |"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef

from mentoring_portal.lib.schoolyear import school_year_of, years_before
from participants.models import Meeting, MenteeRequest, MentorProfile, Pair, PairStatus, TrainingRecord
from participants.models.pairs import LIVE_STATUSES
from participants.training.models import TRAINED_WITHIN_YEARS

STAGES = ["Подготовка условий", "Формирование базы наставляемых", "Формирование базы наставников",
          "Отбор и обучение наставников", "Формирование пар и групп", "Работа пар и групп", "Завершение"]


def _orgs(queryset, field: str = "person__organization_id") -> set[int]:
    return set(queryset.values_list(field, flat=True).distinct())


def stages(ids: list[int], conditions_met: set[int], today: date) -> dict[int, int]:
    """School id → the index in STAGES of the stage it is at; `conditions_met`: the schools whose conditions (the
    passport's first three marks) hold."""
    requests = _orgs(MenteeRequest.objects.filter(person__organization_id__in=ids))
    profiles = _orgs(MentorProfile.objects.filter(person__organization_id__in=ids))
    trained = _orgs(TrainingRecord.objects.filter(
        person__organization_id__in=ids, person__mentor_profile__isnull=False,
        end_date__gt=years_before(today, TRAINED_WITHIN_YEARS)))
    pairs = _orgs(Pair.objects.filter(organization_id__in=ids, status__in=LIVE_STATUSES), "organization_id")
    working = _orgs(Pair.objects.filter(organization_id__in=ids, status=PairStatus.ACTIVE).filter(
        Exists(Meeting.objects.filter(pair=OuterRef("pk"), held_on__isnull=False))), "organization_id")
    year_start = date(school_year_of(today), 9, 1)
    completed = _orgs(Pair.objects.filter(organization_id__in=ids, status=PairStatus.COMPLETED,
                                          end_date__gte=year_start), "organization_id")
    steps = [conditions_met, requests, profiles, trained, pairs, working, completed]
    found = {}
    for school_id in ids:
        reached = next((index for index, met in enumerate(steps) if school_id not in met), len(steps) - 1)
        found[school_id] = reached
    return found
