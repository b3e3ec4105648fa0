"""What monitoring adds to pages of participants: reports to hand in, campaigns to watch, the report's downloads."""

from datetime import date

from django.urls import reverse

from monitoring.models import ReportStatus, SchoolReport
from participants.access import CAN_EDIT_ORGANIZATION, CAN_VIEW_REPORTS, access_of
from participants.landing import LandingBlock, Todo


def reports_to_hand_in(user, today: date, place=None) -> list[LandingBlock]:
    access = access_of(user)
    open_reports = SchoolReport.objects.filter(
        organization_id__in=access.curated_organization_ids, campaign__is_closed=False,
        status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED],
    ).select_related("campaign", "organization")
    todos = []
    for report in open_reports:
        if CAN_EDIT_ORGANIZATION not in access.capabilities_on(report.organization):
            continue
        verb = "Доработать" if report.status == ReportStatus.RETURNED else "Сдать"
        todos.append(Todo(f"{verb} отчёт «{report.campaign.title}» до {report.campaign.due_on:%d.%m.%Y}",
                          reverse("monitoring:report-fill", args=[report.organization.code, report.pk]),
                          urgent=report.is_owed_late(today) or report.status == ReportStatus.RETURNED))
    return [LandingBlock("Мониторинг", "", todos=todos, order=30)] if todos else []


def district_downloads(user, today: date, district) -> list[LandingBlock]:
    if CAN_VIEW_REPORTS not in access_of(user).capabilities_on(district):
        return []
    links = [(label, reverse("monitoring:district-report-export", args=[district.code, key]))
             for key, label in (("pdf", "Аналитическая справка, PDF"), ("xlsx", "Аналитическая справка, Excel"))]
    campaigns = list(district.campaigns.filter(is_closed=False)[:3])
    return [LandingBlock("Мониторинг", "monitoring/district_block.html", {"links": links, "campaigns": campaigns,
                                                                          "today": today}, order=5)]
