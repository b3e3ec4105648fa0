"""A request's life: submitted by the school, answered by the district with an event at the school (the event's own
life — invitations, held with its protocol — is roadmaps/events) or declined, or withdrawn by the school."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib import versions
from participants.caches import place as place_cache
from participants.models import Organization
from roadmaps.events.models import Event, EventKind
from roadmaps.visits.models import VisitRequest
from roadmaps.visits.rules import VISIT


def _locked(request: VisitRequest) -> VisitRequest:
    """The request read again under a lock: two answers at once — the second sees the first."""
    return (VisitRequest.objects.select_for_update(of=("self",)).select_related("event", "organization")
            .get(pk=request.pk))


@transaction.atomic
def visit_submit(request: VisitRequest, *, user, today: date) -> VisitRequest:
    # One open request per school: the school's row is locked so that two submissions at once are counted in turn.
    Organization.objects.select_for_update().get(pk=request.organization_id)
    VISIT.check("submit", organization=request.organization, wished_from=request.wished_from,
                wished_until=request.wished_until, today=today)
    request.requested_by = user
    request.save()
    return request


@transaction.atomic
def visit_accept(request: VisitRequest, *, user, starts_at: datetime, place: str, title: str,
                 today: date) -> Event:
    """The district's answer: an event of the district at the school («Методический десант»), the school invited."""
    request = _locked(request)
    VISIT.check("accept", request=request, starts_on=timezone.localtime(starts_at).date(), today=today)
    event = Event.objects.create(district=request.organization.district, title=title, kind=EventKind.METHODICAL_VISIT,
                                 starts_at=starts_at, place=place, created_by=user,
                                 audience=f"педагоги {request.organization.short_name}: {request.topic}"[:300])
    event.schools.set([request.organization])
    request.event = event
    request.save(update_fields=["event"])
    return event


@transaction.atomic
def visit_decline(request: VisitRequest, *, reason: str, today: date) -> VisitRequest:
    request = _locked(request)
    VISIT.check("decline", request=request, reason=reason)
    request.declined_on, request.decline_reason = today, reason.strip()
    request.save(update_fields=["declined_on", "decline_reason"])
    return request


@transaction.atomic
def visit_withdraw(request: VisitRequest, *, today: date) -> VisitRequest:
    request = _locked(request)
    VISIT.check("withdraw", request=request)
    request.withdrawn_on = today
    request.save(update_fields=["withdrawn_on"])
    return request


def default_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _names_of(instance, created: bool = False) -> list[str]:
    """A request moves its school's and its district's navigation (the count of requests waiting)."""

    return place_cache.of_organization(instance.organization_id)


def connect() -> None:
    versions.watch("visit-requests", _names_of, models=(VisitRequest,))
