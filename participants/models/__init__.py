from participants.models.memberships import Membership, Role
from participants.models.organizations import District, HeadCount, Organization, OrganizationKind, Region

__all__ = ["District", "HeadCount", "Membership", "Organization", "OrganizationKind", "Region", "Role"]
