"""The district's view of mentoring: figures per school and the list of mentors, never a child's name."""

from django.shortcuts import render

from participants.access import CAN_VIEW_REPORTS, district_view
from participants.mentoring import district_figures, district_mentors
from participants.models import Organization


@district_view(CAN_VIEW_REPORTS)
def district_mentoring(request, district):
    schools = Organization.objects.visible_to(request.user).filter(district=district).in_russian_order()
    figures = district_figures(schools)
    forms = sorted({name for f in figures for name in f.by_form})
    return render(request, "participants/district_mentoring.html", {
        "district": district, "figures": figures, "forms": forms,
        "mentors": district_mentors(schools, request.user),
        "totals": {key: sum(getattr(f, key) for f in figures) for key in ("pairs", "mentors", "mentees", "unfulfilled")},
    })
