"""The methodist's dashboard, the catalogue of indicators, a school's targets, the analytical report."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods

from mentoring_portal.jobs.services import job_start
from mentoring_portal.lib.exports import exporters_of, find_exporter
from monitoring import figures_cache, report_cache
from monitoring.export_jobs import KIND as REPORT_KIND
from monitoring.exports import GROUP
from monitoring.forms import IndicatorForm, SchoolTargetsForm
from monitoring.models import Indicator, SchoolReport, Target
from monitoring.reports import analytical_report
from monitoring.selectors import current_year, last_complete_year, plan_versus_actual, target_years
from monitoring.services import indicator_save, school_targets_save
from participants.access import (
    CAN_EDIT_DISTRICT,
    CAN_EDIT_ORGANIZATION,
    CAN_VIEW_REPORTS,
    district_view,
    organization_view,
    require_capability,
)
from participants.models import District, Organization


def _year(request, default: int) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else default


@district_view(CAN_VIEW_REPORTS)
def dashboard(request, district):
    today = timezone.localdate()
    indicators = list(Indicator.objects.catalogue_of(district))
    years = target_years(indicators, today)
    year = _year(request, last_complete_year(today))

    # Every district role sees every school of the district, so the figures are the same for all of them.
    stamp = figures_cache.version(district.pk)
    return render(request, "monitoring/dashboard.html", {
        "district": district, "years": years, "year": year, "indicators": indicators, "today": today,
        "running_year": current_year(today),
        "figures_version": stamp, **figures_cache.lazy_figures(
            district, stamp, year, today, lambda: figures_cache.figures(indicators, schools_of(request, district),
                                                                       years, year, today)),
    })


def schools_of(request, district) -> list[Organization]:
    """The district's schools the reader sees: read only when the kept figures are missing."""
    return list(Organization.objects.visible_to(request.user).filter(district=district).in_russian_order())


CONCEPT_LAST_YEAR = 2030  # Концепция развития наставничества до 2030 года (распоряжение Правительства РФ № 1264-р)


def _catalogue_years(today) -> list[int]:
    """The years a district plans: five back, and on to the Concept's last year (after Р-145's «к 2024 году»)."""
    return list(range(today.year - 5, max(today.year + 2, CONCEPT_LAST_YEAR + 1)))


@district_view(CAN_EDIT_DISTRICT)
@require_http_methods(["GET", "POST"])
def indicator_edit(request, district, pk: int | None = None):
    indicator = get_object_or_404(district.indicators, pk=pk) if pk else Indicator(district=district)
    years = _catalogue_years(timezone.localdate())
    targets = {t.year: t.value for t in Target.objects.filter(indicator_id=indicator.pk, organization__isnull=True)} \
        if pk else {}
    form = IndicatorForm(request.POST if request.method == "POST" else None, instance=indicator, years=years, targets=targets)
    if request.method == "POST" and form.is_valid():
        indicator_save(indicator=form.save(commit=False), targets=form.targets())
        messages.success(request, "Показатель сохранён.")
        return redirect("monitoring:dashboard", district=district.code)
    return render(request, "monitoring/indicator_form.html", {"district": district, "form": form,
                                                              "indicator": indicator if pk else None},
                  status=400 if request.method == "POST" else 200)


@organization_view()
def school_monitoring(request, organization):
    """A school's plan versus actual, its targets, its monitoring reports, its questionnaires."""

    today = timezone.localdate()
    indicators = list(Indicator.objects.catalogue_of(organization))
    years = target_years(indicators, today)
    rows = plan_versus_actual(indicators, [organization], years, today)
    return render(request, "monitoring/school.html", {
        "organization": organization, "rows": rows, "years": years, "today": today,
        "reports": SchoolReport.objects.filter(organization=organization).select_related("campaign"),
    })


@organization_view(CAN_EDIT_ORGANIZATION)
@require_http_methods(["GET", "POST"])
def school_targets(request, organization):
    today = timezone.localdate()
    indicators = list(Indicator.objects.catalogue_of(organization))
    years = target_years(indicators, today)
    if current_year(today) + 1 not in years:
        years.append(current_year(today) + 1)
    targets = Target.objects.filter(indicator__in=indicators)
    district = {(t.indicator_id, t.year): t.value for t in targets if t.organization_id is None}
    own = {(t.indicator_id, t.year): t.value for t in targets if t.organization_id == organization.pk}
    rows = [(i, {y: district.get((i.pk, y)) for y in years}, {y: own.get((i.pk, y)) for y in years})
            for i in indicators]
    form = SchoolTargetsForm(request.POST if request.method == "POST" else None, rows=rows, years=years)
    if request.method == "POST" and form.is_valid():
        school_targets_save(organization=organization, values=form.values())
        messages.success(request, "Плановые значения организации сохранены.")
        return redirect("monitoring:school", organization=organization.code)
    return render(request, "monitoring/school_targets.html", {"organization": organization, "form": form,
                                                               "years": years},
                  status=400 if request.method == "POST" else 200)


def _report_response(request, place, identifier: str | None, url_name: str):
    today = timezone.localdate()
    year = _year(request, last_complete_year(today))
    if identifier is not None and isinstance(place, District):
        return _district_report_in_background(request, place, identifier, year, today)
    if identifier is None:
        downloads = [(f"Скачать {e.label}", reverse(url_name, args=[place.code, e.identifier]))
                     for e in exporters_of(GROUP)]
        kept = report_cache.key(place, request.user, year, today) if isinstance(place, District) else None
        report = SimpleLazyObject(lambda: analytical_report(place, request.user, year, today))
        return render(request, "monitoring/report.html", {"report": report, "place": place, "downloads": downloads,
                                                          "report_key": kept, "year": year})
    report = analytical_report(place, request.user, year, today)
    exporter = find_exporter(GROUP, identifier)
    if exporter is None:
        raise Http404
    require_capability(request, request.capabilities, exporter.capability)
    return exporter.response(report)


def _district_report_in_background(request, district, identifier: str, year: int, today):
    """A district's report file takes seconds (PDF of 60 schools): the worker makes it, «Мои выгрузки» shows it."""
    exporter = find_exporter(GROUP, identifier)
    if exporter is None:
        raise Http404
    require_capability(request, request.capabilities, exporter.capability)
    job_start(kind=REPORT_KIND, user=request.user, owner=f"district:{district.pk}", payload={
        "district": district.pk, "identifier": identifier, "year": year, "today": today.isoformat(),
        "label": f"{exporter.label}: {district.name}, {year}"})
    messages.info(request, "Справка формируется в фоне: когда будет готова, её можно скачать здесь.")
    return redirect("my-exports")


@district_view(CAN_VIEW_REPORTS)
def district_report(request, district, identifier: str | None = None):
    return _report_response(request, district, identifier, "monitoring:district-report-export")


@organization_view(CAN_VIEW_REPORTS)
def school_report(request, organization, identifier: str | None = None):
    return _report_response(request, organization, identifier, "monitoring:school-report-export")
