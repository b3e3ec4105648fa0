"""Who sees an event: the readers of its district or school, and the schools a district invited (they read it, the
district edits it)."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from participants.access import VIEW, access_of, require_capability, resolved_view
from participants.models import District, Organization
from roadmaps.events.models import Event


def visible_events(user):
    """The invitations are a subquery of event ids, not a join: the join made every row as many times as the schools
    it invited, and a DISTINCT over the result (issue #24)."""
    schools = Organization.objects.visible_to(user)
    invited = Event.schools.through.objects.filter(organization__in=schools).values("event_id")
    return Event.objects.alive().filter(
        Q(district__in=District.objects.visible_to(user)) | Q(organization__in=schools) | Q(pk__in=invited))


def get_event_for_view(request, pk: int, capability: str = VIEW) -> Event:
    event = get_object_or_404(visible_events(request.user).select_related("district", "organization", "item"), pk=pk)
    on_owner = access_of(request.user).capabilities_on(event.owner)
    request.capabilities = on_owner or frozenset({VIEW})
    require_capability(request, request.capabilities, capability)
    if on_owner:  # an invited school's user reads the event, not the district's pages
        request.place = event.owner
    return event


def event_view(capability: str = VIEW):
    return resolved_view(get_event_for_view, "pk", capability)
