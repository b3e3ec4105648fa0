"""The monitoring models in the audit trail: indicators, targets, typed values, campaigns and school reports."""

from monitoring.models import Campaign, Indicator, ManualValue, SchoolReport, Target
from participants.audit_trail.logged import Place, audit, of_organization


def indicator_place(indicator) -> Place:
    if indicator.district_id:
        return Place(region=indicator.district.region_id, district=indicator.district_id)
    return Place(region=indicator.region_id)


def register() -> None:
    audit(Indicator, place=indicator_place)
    audit(Target, place=lambda t: of_organization(t.organization) if t.organization_id else indicator_place(t.indicator))
    audit(ManualValue, place=lambda v: of_organization(v.organization))
    audit(Campaign, place=lambda c: Place(region=c.district.region_id, district=c.district_id) if c.district_id
          else Place(region=c.region_id))
    audit(SchoolReport, place=lambda r: of_organization(r.organization), exclude={"figures"})
