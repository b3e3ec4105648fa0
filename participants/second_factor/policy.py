"""Who must sign in with a second factor, and whether they have one."""

from __future__ import annotations

from django.db.models import Q
from django_otp import user_has_device

from participants.models import Membership, Role

CURATOR_ROLES = (Role.REGIONAL_COORDINATOR, Role.DISTRICT_CURATOR, Role.SCHOOL_CURATOR)


def required_for(user) -> bool:
    """A curator's role in a region that requires the second factor (the region directly, or through a district or
    an organization of it)."""
    return Membership.objects.filter(user=user, role__in=CURATOR_ROLES).filter(
        Q(region__second_factor_for_curators=True)
        | Q(district__region__second_factor_for_curators=True)
        | Q(organization__region__second_factor_for_curators=True)
    ).exists()


def has_second_factor(user) -> bool:
    return user_has_device(user, confirmed=True)
