"""«База партнёров» of a district: its partners and its schools', agreements ending soon flagged; adding and
correcting the district's own; the agreement files; the Excel file."""

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from mentoring_portal.lib.uploads import download
from participants.access import CAN_EDIT_DISTRICT, VIEW, district_view
from participants.models import Organization, Partner
from participants.partners.exports import STATES, PartnersXlsx
from participants.partners.forms import PartnerForm
from participants.partners.models import AGREEMENT_ENDING_DAYS
from participants.partners.selectors import district_partners


@district_view(VIEW)
def base(request, district):
    today = timezone.localdate()
    page = Paginator(district_partners(district).visible_to(request.user), 50).get_page(request.GET.get("page"))
    rows = [(partner, partner.agreement_state(today)) for partner in page]
    ending = district_partners(district).visible_to(request.user).filter(
        agreement_end__range=(today, today + timedelta(days=AGREEMENT_ENDING_DAYS))).count()
    return render(request, "participants/partners/base.html", {"district": district, "page": page, "rows": rows,
                                                               "ending": ending, "states": STATES})


@district_view(CAN_EDIT_DISTRICT)
def edit(request, district, pk=None):
    own = Partner.objects.visible_to(request.user).filter(district=district)
    partner = get_object_or_404(own, pk=pk) if pk else Partner(district=district)
    schools = Organization.objects.visible_to(request.user).filter(district=district).in_russian_order()
    form = PartnerForm(request.POST or None, request.FILES or None, instance=partner, schools=schools)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Партнёр «{partner.name}» сохранён.")
        return redirect("participants:partners", district=district.code)
    return render(request, "participants/partners/form.html", {"district": district, "partner": partner, "form": form},
                  status=400 if request.method == "POST" else 200)


@district_view(VIEW)
def agreement_file(request, district, pk):
    partner = get_object_or_404(district_partners(district).visible_to(request.user).exclude(agreement_file=""), pk=pk)
    return download(partner.agreement_file)


@district_view(VIEW)
def export(request, district):
    return PartnersXlsx().response(district)
