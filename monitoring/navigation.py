"""What monitoring adds to each place's navigation (participants/navigation.py): indicators, campaigns, the справка,
with the reports that wait — to be decided by the district, to be handed in by the school."""

from monitoring.models import ReportStatus, SchoolReport
from participants.access import (
    CAN_BUILD_QUESTIONNAIRES,
    CAN_EDIT_DISTRICT,
    CAN_EDIT_ORGANIZATION,
    CAN_EDIT_PAIRS,
    CAN_VIEW_REPORTS,
)
from participants.navigation import NavEntry


def reports_to_decide(district):
    return SchoolReport.objects.filter(campaign__district=district, campaign__is_closed=False,
                                       status=ReportStatus.SUBMITTED)


def reports_to_hand_in(organization):
    return SchoolReport.objects.filter(organization=organization, campaign__is_closed=False,
                                       status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED])


def entries() -> list[NavEntry]:
    return [
        NavEntry("district", "monitoring", "Показатели и мониторинг", "monitoring:dashboard", "bi-graph-up", 10,
                 CAN_VIEW_REPORTS),
        NavEntry("district", "monitoring", "Кампании мониторинга", "monitoring:campaigns", "bi-inboxes", 20,
                 CAN_VIEW_REPORTS, waiting=reports_to_decide, acts=CAN_EDIT_DISTRICT),
        NavEntry("district", "monitoring", "Аналитическая справка", "monitoring:district-report", "bi-file-text", 30,
                 CAN_VIEW_REPORTS),
        NavEntry("organization", "monitoring", "Мониторинг", "monitoring:school", "bi-clipboard-data", 10,
                 waiting=reports_to_hand_in, acts=CAN_EDIT_ORGANIZATION),
        NavEntry("organization", "monitoring", "Аналитическая справка", "monitoring:school-report", "bi-file-text",
                 20, CAN_VIEW_REPORTS),
        NavEntry("organization", "monitoring", "Анкеты", "monitoring:invitations", "bi-ui-checks", 30,
                 CAN_EDIT_PAIRS),
        NavEntry("organization", "monitoring", "Раунды анкетирования", "monitoring:rounds", "bi-arrow-repeat", 40,
                 CAN_VIEW_REPORTS),
        NavEntry("district", "monitoring", "Раунды анкетирования", "monitoring:district-rounds", "bi-arrow-repeat",
                 40, CAN_VIEW_REPORTS),
        NavEntry("organization", "monitoring", "Конструктор анкет", "monitoring:organization-builder", "bi-ui-radios",
                 50, CAN_BUILD_QUESTIONNAIRES),
        NavEntry("district", "monitoring", "Прогноз показателей", "monitoring:district-forecast", "bi-graph-up-arrow",
                 15, CAN_VIEW_REPORTS),
        NavEntry("organization", "monitoring", "Прогноз показателей", "monitoring:school-forecast",
                 "bi-graph-up-arrow", 15, CAN_VIEW_REPORTS),
        NavEntry("district", "monitoring", "Паспорт соответствия", "monitoring:district-passport", "bi-patch-check",
                 35, CAN_VIEW_REPORTS),
        NavEntry("district", "monitoring", "Конструктор анкет", "monitoring:district-builder", "bi-ui-radios", 50,
                 CAN_BUILD_QUESTIONNAIRES),
    ]
