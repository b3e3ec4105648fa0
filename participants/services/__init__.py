"""Writes that touch participants' rows: memberships and users here; the registry and the pairs in their modules."""

from django.contrib.auth import get_user_model
from django.db import transaction

from participants.models import District, Membership, Organization, Region
from participants.models.memberships import DISTRICT_ROLES, REGION_ROLES


@transaction.atomic
def membership_grant(*, user, role: str, place: Region | District | Organization, position: str = "") -> Membership:
    """Give `user` the `role` at `place`; granting it again only updates the position."""
    if role in REGION_ROLES:
        scope = {"region": place}
    elif role in DISTRICT_ROLES:
        scope = {"district": place}
    else:
        scope = {"organization": place}
    membership, _ = Membership.objects.update_or_create(
        user=user, role=role, **scope, defaults={"position": position}
    )
    membership.full_clean()
    return membership


def user_upsert(*, username: str, last_name: str, first_name: str, email: str = "", password_hash: str = ""):
    """Create or update a user; a new one gets `password_hash` (from make_password), an existing one keeps theirs."""
    user, created = get_user_model().objects.update_or_create(
        username=username, defaults={"last_name": last_name, "first_name": first_name, "email": email}
    )
    if created and password_hash:
        user.password = password_hash
        user.save(update_fields=["password"])
    return user
