"""Resolving a roadmap from the URL: outsiders get 404, a role without the capability gets 403."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from participants.access import VIEW, access_of, require_capability, resolved_view
from roadmaps.models import Item, Roadmap


def get_roadmap_for_view(request, pk: int, capability: str = VIEW) -> Roadmap:
    access = access_of(request.user)
    roadmap = get_object_or_404(
        Roadmap.objects.select_related("district__region", "organization__district", "organization__region"), pk=pk
    )
    if not access.sees(roadmap.owner):  # Roadmap.visible_to's rule, for the one roadmap read
        raise Http404
    request.capabilities = access.capabilities_on(roadmap.owner)
    require_capability(request, request.capabilities, capability)
    request.roadmap = roadmap
    request.place = roadmap.owner
    return roadmap


def get_item(roadmap: Roadmap, item_id: int, *, deleted: bool = False) -> Item:
    items = roadmap.items.filter(deleted_at__isnull=not deleted).select_related("section")
    item = get_object_or_404(items, pk=item_id)
    item.roadmap = roadmap
    return item


def roadmap_view(capability: str = VIEW):
    """Resolve `<pk>` to a roadmap the user may see and check `capability` on its owner."""
    return resolved_view(get_roadmap_for_view, "pk", capability)
