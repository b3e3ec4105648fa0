"""The roadmaps' models in the audit trail (beside the roadmap's own readable history, roadmaps.models.Change)."""

from participants.audit_trail.logged import Place, audit, of_organization
from roadmaps.models import Evidence, Item, Occurrence, Roadmap, Section


def roadmap_place(roadmap) -> Place:
    if roadmap.organization_id:
        return of_organization(roadmap.organization)
    return Place(region=roadmap.district.region_id, district=roadmap.district_id)


def register() -> None:
    audit(Roadmap, place=roadmap_place)
    audit(Section, place=lambda s: roadmap_place(s.roadmap))
    audit(Item, place=lambda i: roadmap_place(i.roadmap), exclude={"deadline_parsed", "search"})
    audit(Occurrence, place=lambda o: roadmap_place(o.item.roadmap))
    audit(Evidence, place=lambda e: roadmap_place(e.item.roadmap))
