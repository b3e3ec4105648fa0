"""The participants' models in the audit trail."""

from participants.audit_trail.logged import Place, audit, of_organization
from participants.models.pairs import Meeting

PERSON_FIELDS = {"last_name", "first_name", "patronymic", "birth_date", "phone", "email", "grade", "search", "position"}


def register() -> None:
    from participants.models import (
        Consent,
        HeadCount,
        Membership,
        MenteeRequest,
        MentorProfile,
        Pair,
        Partner,
        Person,
        PlanTask,
    )

    audit(Person, place=lambda p: of_organization(p.organization), personal=PERSON_FIELDS)
    audit(Consent, place=lambda c: of_organization(c.person.organization), personal={"given_by", "document"})
    audit(MentorProfile, place=lambda m: of_organization(m.person.organization), names_people=True)
    audit(MenteeRequest, place=lambda r: of_organization(r.person.organization), personal={"help_wanted"})
    audit(Pair, place=lambda p: of_organization(p.organization), m2m={"mentees"}, names_people=True)
    audit(Meeting, place=lambda m: of_organization(m.pair.organization))
    audit(PlanTask, place=lambda t: of_organization(t.pair.organization))
    audit(Partner, place=lambda p: of_organization(p.organization))
    audit(HeadCount, place=lambda h: of_organization(h.organization))
    audit(Membership, place=lambda m: of_organization(m.organization) if m.organization_id
          else Place(region=m.region_id or (m.district.region_id if m.district_id else None), district=m.district_id))
