from participants.access import access_of


def navigation(request) -> dict:
    """The places a signed-in user works in, for the navigation bar (no query beyond the cached memberships)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    access = access_of(user)
    districts = {m.district for m in access.memberships if m.district_id}
    organizations = {m.organization for m in access.memberships if m.organization_id}
    return {
        "nav_districts": sorted(districts, key=lambda d: d.name),
        "nav_organizations": sorted(organizations, key=lambda o: o.short_name),
        "nav_roles": sorted({m.get_role_display() for m in access.memberships}),
    }
