"""Monitoring campaigns: opened by the district, filled in and submitted by schools, returned or accepted."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from mentoring_portal.lib.feedback import applied, explain
from mentoring_portal.lib.rules import decision
from monitoring.forms import CampaignForm, ReportForm, ReturnForm
from monitoring.models import Indicator, ManualValue, Method, ReportStatus, SchoolReport
from monitoring.reminders import remind_late_schools
from monitoring.selectors import current_year, report_figures, year_period
from monitoring.services import campaign_close, campaign_delete, campaign_open, report_review, report_save
from participants.access import CAN_EDIT_DISTRICT, CAN_EDIT_ORGANIZATION, CAN_VIEW_REPORTS, district_view, organization_view


@district_view(CAN_VIEW_REPORTS)
def campaign_list(request, district):
    return render(request, "monitoring/campaigns.html", {
        "district": district, "campaigns": district.campaigns.all(), "form": CampaignForm(
            initial={"year": current_year(timezone.localdate())}, owner=district)})


@district_view(CAN_EDIT_DISTRICT)
@require_POST
def campaign_create(request, district):
    form = CampaignForm(request.POST, owner=district)
    if not form.is_valid():
        return render(request, "monitoring/campaigns.html", {"district": district, "form": form,
                                                             "campaigns": district.campaigns.all()}, status=400)
    try:
        campaign = campaign_open(district=district, **form.cleaned_data)
    except ValidationError as error:
        explain(request, error)
        return redirect("monitoring:campaigns", district=district.code)
    messages.success(request, f"Мониторинг «{campaign.title}» открыт: организации видят его на своих страницах.")
    return redirect(campaign)


@district_view(CAN_EDIT_DISTRICT)
@require_http_methods(["GET", "POST"])
def campaign_edit(request, district, pk: int):
    campaign = get_object_or_404(district.campaigns, pk=pk)
    form = CampaignForm(request.POST if request.method == "POST" else None, instance=campaign, owner=district)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Мониторинг изменён: организации видят новый срок и название.")
        return redirect(campaign)
    return render(request, "monitoring/campaign_form.html", {"district": district, "campaign": campaign, "form": form},
                  status=400 if request.method == "POST" else 200)


@district_view(CAN_EDIT_DISTRICT)
@require_POST
def campaign_close_view(request, district, pk: int):
    campaign = campaign_close(campaign=get_object_or_404(district.campaigns, pk=pk), closed="reopen" not in request.POST)
    messages.success(request, "Мониторинг закрыт: организации больше не могут менять отчёты." if campaign.is_closed
                     else "Мониторинг снова открыт: организации могут дописать и сдать отчёты.")
    return redirect(campaign)


@district_view(CAN_EDIT_DISTRICT)
@require_POST
def campaign_remind(request, district, pk: int):
    campaign = get_object_or_404(district.campaigns, pk=pk)
    sent = remind_late_schools(campaign=campaign, today=timezone.localdate(), site_url=request.build_absolute_uri("/"))
    if sent.schools:
        messages.success(request, f"Напоминание отправлено: организаций — {sent.schools}, адресов — {sent.addresses}.")
    elif not sent.without_address:
        messages.info(request, "Опаздывающих нет: напоминать некому.")
    if sent.without_address:
        messages.warning(request, "Нет адреса почты у кураторов: " + ", ".join(sent.without_address)
                         + ". Позвоните им или попросите указать почту в профиле.")
    return redirect(campaign)


@district_view(CAN_EDIT_DISTRICT)
@require_POST
def campaign_delete_view(request, district, pk: int):
    campaign = get_object_or_404(district.campaigns, pk=pk)
    if not applied(request, lambda: campaign_delete(campaign=campaign), done=f"Мониторинг «{campaign.title}» удалён."):
        return redirect(campaign)
    return redirect("monitoring:campaigns", district=district.code)


@district_view(CAN_VIEW_REPORTS)
def campaign_detail(request, district, pk: int):
    campaign = get_object_or_404(district.campaigns, pk=pk)
    today = timezone.localdate()
    reports = list(campaign.reports.select_related("organization").order_by("organization__short_name"))
    indicators = list(Indicator.objects.catalogue_of(district))
    return render(request, "monitoring/campaign.html", {
        "district": district, "campaign": campaign, "today": today, "indicators": indicators,
        "rows": [(r, r.is_late(today)) for r in reports],
        "submitted": sum(r.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED) for r in reports),
        "late": sum(r.is_late(today) for r in reports), "return_form": ReturnForm(),
    })


@district_view(CAN_EDIT_DISTRICT)
@require_POST
def report_decide(request, district, pk: int, report_id: int):
    report = get_object_or_404(SchoolReport.objects.filter(campaign__district=district, campaign_id=pk), pk=report_id)
    try:
        accept = decision(request.POST, {"accept": True, "return": False})
        report_review(report=report, accept=accept, comment=request.POST.get("comment", ""))
        messages.success(request, f"Отчёт {report.organization.short_name} "
                                  f"{'принят' if accept else 'возвращён на доработку'}.")
    except ValidationError as error:
        explain(request, error)
    return redirect(report.campaign)


@organization_view(CAN_EDIT_ORGANIZATION)
@require_http_methods(["GET", "POST"])
def report_fill(request, organization, report_id: int):
    report = get_object_or_404(SchoolReport.objects.select_related("campaign"), pk=report_id,
                               organization=organization)
    manual_indicators = list(Indicator.objects.catalogue_of(organization).filter(method=Method.MANUAL))
    saved = {m.indicator_id: m.value for m in ManualValue.objects.filter(
        organization=organization, year=report.campaign.year, indicator__in=manual_indicators)}
    data = request.POST if request.method == "POST" else None
    form = ReportForm(data, manual=[(i, saved.get(i.pk)) for i in manual_indicators],
                      initial={"achievements": report.achievements, "problems": report.problems, "plans": report.plans})
    figures = report.figures if report.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED) else \
        report_figures(report, timezone.localdate())
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        to = "в регион" if report.campaign.region_id else "в муниципалитет"  # a school directly under the region
        if applied(request, lambda: report_save(
                report=report, user=request.user, manual=form.manual_values(), figures=figures, submit=submit,
                texts={k: form.cleaned_data[k] for k in ("achievements", "problems", "plans")}),
                done=f"Отчёт сдан {to}." if submit else "Черновик отчёта сохранён."):
            return redirect("monitoring:school", organization=organization.code)
    period = year_period(report.campaign.year, timezone.localdate())
    return render(request, "monitoring/report_form.html", {
        "organization": organization, "report": report, "form": form, "figures": figures, "period": period,
        "editable": report.status in (ReportStatus.DRAFT, ReportStatus.RETURNED) and not report.campaign.is_closed,
    }, status=400 if request.method == "POST" else 200)
