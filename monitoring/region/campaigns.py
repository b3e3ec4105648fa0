"""The region's monitoring campaigns: opened at once for its own schools and every district, read together in the
consolidated table (each district's reports rolled up, the region's schools one by one) and in Excel."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.jobs.exports import export_to_storage
from mentoring_portal.jobs.services import JobRefused, job_start
from mentoring_portal.lib.exports import XLSX_TYPE, Column, Exporter, Sheet, SheetRow, exporter, file_name, write_xlsx
from mentoring_portal.lib.feedback import explain
from mentoring_portal.lib.rules import decision
from mentoring_portal.lib.wording import counted
from monitoring.forms import CampaignForm
from monitoring.formulas import FORMULAS
from monitoring.models import Campaign, Indicator, ReportStatus, SchoolReport
from monitoring.models.campaigns import SENT, late_reports
from monitoring.selectors import current_year
from monitoring.services import region_campaign_open, report_review
from participants.access import CAN_EDIT_REGION, CAN_VIEW_REPORTS, exporter_for, region_view


def _list(request, region, form=None, status=200):
    return render(request, "monitoring/region/campaigns.html", {
        "region": region, "campaigns": region.campaigns.all(),
        "form": form or CampaignForm(initial={"year": current_year(timezone.localdate())}, owner=region)}, status=status)


@region_view(CAN_VIEW_REPORTS)
def campaign_list(request, region):
    return _list(request, region)


@region_view(CAN_EDIT_REGION)
@require_POST
def campaign_create(request, region):
    form = CampaignForm(request.POST, owner=region)
    if not form.is_valid():
        return _list(request, region, form, status=400)
    try:
        campaign = region_campaign_open(region=region, **form.cleaned_data)
    except ValidationError as error:
        explain(request, error)
        return redirect("monitoring:region-campaigns", region=region.code)
    messages.success(request, opened_message(campaign))
    return redirect(campaign)


def opened_message(campaign: Campaign) -> str:
    """Who the region's campaign reached, as it is: its own schools, its districts, either or both."""
    schools, districts = campaign.reports.count(), campaign.children.count()
    reached = [part for part in (counted(schools, "школа регионального подчинения", "школы регионального подчинения",
                                         "школ регионального подчинения") if schools else "",
                                 counted(districts, "муниципалитет", "муниципалитета", "муниципалитетов")
                                 if districts else "") if part]
    if not reached:
        return f"Мониторинг «{campaign.title}» открыт, но в регионе нет ни школ регионального подчинения, ни муниципалитетов."
    return f"Мониторинг «{campaign.title}» открыт: {' и '.join(reached)}."


class RegionReading:
    """The reports' frozen figures as the region reads them: one column per computed indicator's formula (every
    district's «Доля обучающихся…» is the same column, whatever the district called it), one per manual indicator's
    name; each district's own names are kept as notes. One column per district's indicator made 674 columns of 14
    headings (issue #24)."""

    def __init__(self, reports):
        keys = {key for report in reports for key in (report.figures or {}) if key.isdigit()}
        formulas = dict(Indicator.objects.filter(pk__in=[int(k) for k in keys], method="computed")
                        .values_list("pk", "formula"))
        self.column_of: dict[str, str] = {}  # a report's figure key → its column
        self.columns: dict[str, str] = {}  # column → heading
        self.notes: set[tuple[str, str, str]] = set()
        for report in reports:
            district = report.organization.district.name if report.organization.district else "региональное подчинение"
            for key, figure in (report.figures or {}).items():
                name = figure.get("name", key)
                formula = formulas.get(int(key)) if key.isdigit() else None
                column = f"formula:{formula}" if formula in FORMULAS else f"name:{' '.join(name.lower().split())}"
                self.column_of[key] = column
                self.columns.setdefault(column, FORMULAS[formula].label if formula in FORMULAS else name)
                self.notes.add((district, name, self.columns[column]))

    def values(self, report) -> list:
        found = {self.column_of[key]: figure.get("value") for key, figure in (report.figures or {}).items()}
        return [found.get(column) for column in self.columns]


def consolidated(campaign: Campaign, today):
    """Per district: reports, sent, returned, late; the region's own schools one by one."""
    districts = (campaign.children.select_related("district").annotate(
        total=Count("reports"), sent=Count("reports", filter=Q(reports__status__in=SENT)),
        returned=Count("reports", filter=Q(reports__status=ReportStatus.RETURNED)),
        late=Count("reports", filter=late_reports(today)))
        .order_by("district__name"))
    own = campaign.reports.select_related("organization").order_by("organization__short_name")
    return list(districts), list(own)


@region_view(CAN_VIEW_REPORTS)
def campaign_detail(request, region, pk: int):
    campaign = get_object_or_404(region.campaigns, pk=pk)
    today = timezone.localdate()
    districts, own = consolidated(campaign, today)
    return render(request, "monitoring/region/campaign.html", {
        "region": region, "campaign": campaign, "districts": districts, "own": own, "today": today})


@region_view(CAN_EDIT_REGION)
@require_POST
def report_decide(request, region, pk: int, report_id: int):
    """The region accepts or returns the report of one of its own schools (a district does it for its schools)."""
    report = get_object_or_404(SchoolReport.objects.filter(campaign__region=region, campaign_id=pk), pk=report_id)
    try:
        accept = decision(request.POST, {"accept": True, "return": False})
        report_review(report=report, accept=accept, comment=request.POST.get("comment", ""))
    except ValidationError as error:
        explain(request, error)
    else:
        messages.success(request, f"Отчёт {report.organization.short_name} "
                                  f"{'принят' if accept else 'возвращён на доработку'}.")
    return redirect(report.campaign)


@region_view(CAN_VIEW_REPORTS)
def campaign_xlsx(request, region, pk: int):
    """The consolidated table is made in the background like the other exports (a region's reports with their frozen
    figures: seconds on a full region); «Мои выгрузки» has it."""
    campaign = get_object_or_404(region.campaigns, pk=pk)
    try:
        job_start(kind=TABLE_KIND, user=request.user, owner=f"region:{region.pk}",
                  payload={"campaign": campaign.pk, "label": f"Сводная таблица: {campaign.title}"})
    except JobRefused as refused:
        messages.error(request, str(refused))
        return redirect(campaign)
    messages.info(request, "Сводная таблица формируется в фоне: когда будет готова, её можно скачать здесь.")
    return redirect("my-exports")


TABLE_KIND = "monitoring.region-campaign-table"
TABLE_GROUP = "region-campaign"


@exporter(TABLE_GROUP)
class CampaignTableXlsx(Exporter):
    """Every report of a region campaign, the region's and its districts', with the figures frozen at submission."""

    identifier = "table"
    label = "Сводная таблица мониторинга"
    capability = CAN_VIEW_REPORTS
    content_type = XLSX_TYPE
    extension = "xlsx"

    def filename(self, campaign) -> str:
        return file_name("Сводная таблица мониторинга", campaign.region.name, campaign.title)

    def render(self, campaign) -> bytes:
        today = timezone.localdate()
        reports = list(SchoolReport.objects.filter(Q(campaign=campaign) | Q(campaign__parent=campaign))
                       .select_related("organization__district", "campaign").order_by(
                           "organization__district__name", "organization__short_name"))
        read = RegionReading(reports)
        columns = [Column("Муниципалитет", 26), Column("Организация", 32), Column("Отчёт", 18),
                   *(Column(label[:80], 14, "number") for label in read.columns.values())]
        rows = [SheetRow([r.organization.district.name if r.organization.district else "региональное подчинение",
                          r.organization.short_name, r.state_label(today), *read.values(r)]) for r in reports]
        notes = Sheet("Показатели муниципалитетов", [
            Column("Муниципалитет", 26), Column("Показатель, как его назвал муниципалитет", 60),
            Column("Столбец сводной таблицы", 50)], [SheetRow(list(note)) for note in sorted(read.notes)])
        self.count = len(rows)
        return write_xlsx([Sheet("Сводная таблица", columns, rows, wrap=False, heading=[
            f"{campaign.title} · {campaign.region.name} · срок {campaign.due_on:%d.%m.%Y}"]), notes])


def make_table(job) -> dict:
    campaign = Campaign.objects.select_related("region").get(pk=job.payload["campaign"])
    exporter = exporter_for(job.user, TABLE_GROUP, "table", campaign.region)  # access checked again in the worker
    return export_to_storage(job, exporter, campaign)
