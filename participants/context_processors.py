from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from participants.access import access_of
from participants.caches import place as place_cache
from participants.navigation import place_nav


def navigation(request) -> dict:
    """The places a signed-in user works in, for the navigation bar (no query beyond the cached memberships)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    access = access_of(user)
    districts = {m.district for m in access.memberships if m.district_id}
    organizations = {m.organization for m in access.memberships if m.organization_id}
    place = getattr(request, "place", None)  # set by the access helpers on every page of a place
    return {
        # Built only when a template draws it: an htmx fragment of the place (a row of the roadmap) pays no counts;
        # drawn once per state of the place, reader and address (participants/caches/place.py).
        "place_nav": SimpleLazyObject(lambda: place_nav(place, request.capabilities, request.path))
        if place is not None else None,
        "place_nav_key": SimpleLazyObject(lambda: place_cache.key(place, user, timezone.localdate(), request.path))
        if place is not None else "",
        "nav_districts": sorted(districts, key=lambda d: d.name),
        "nav_organizations": sorted(organizations, key=lambda o: o.short_name),
        "nav_roles": sorted({m.get_role_display() for m in access.memberships}),
    }
