"""The indicator forecast of a district's schools, and of one school (monitoring/forecast.py)."""

from django.shortcuts import render
from django.utils import timezone

from monitoring.forecast import forecasts
from monitoring.models import Indicator
from participants.access import CAN_VIEW_REPORTS, district_view, organization_view
from participants.models import Organization


def _page(request, place, schools, indicators_of):
    today = timezone.localdate()
    rows = forecasts(list(Indicator.objects.catalogue_of(indicators_of)), schools, today)
    return render(request, "monitoring/forecast.html", {"place": place, "rows": rows, "today": today})


@district_view(CAN_VIEW_REPORTS)
def district_forecast(request, district):
    return _page(request, district, Organization.objects.visible_to(request.user).filter(district=district)
                 .in_russian_order(), district)


@organization_view(CAN_VIEW_REPORTS)
def school_forecast(request, organization):
    return _page(request, organization, [organization], organization)
