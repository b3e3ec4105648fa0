"""The audit trail pages of a district and an organization."""

from django.shortcuts import render

from participants.access import CAN_EDIT_PAIRS, CAN_READ_AUDIT, district_view, organization_view
from participants.audit_trail.selectors import audit_trail


@district_view(CAN_READ_AUDIT)
def district_audit(request, district):
    page, rows = audit_trail(district=district, show_personal=False, page=request.GET.get("page", 1))
    return render(request, "participants/audit_trail.html", {"place": district, "page": page, "rows": rows})


@organization_view(CAN_READ_AUDIT)
def organization_audit(request, organization):
    show_personal = CAN_EDIT_PAIRS in request.capabilities  # the school's own curator, who keeps the registry
    page, rows = audit_trail(organization=organization, show_personal=show_personal, page=request.GET.get("page", 1))
    return render(request, "participants/audit_trail.html", {"place": organization, "page": page, "rows": rows})
