"""«Об итогах мониторинга реализации целевой модели наставничества»: the district's draft order from its latest
monitoring campaign — each school's report and the figures it handed in (frozen at submission)."""

from __future__ import annotations

from datetime import date

from participants.access import CAN_EDIT_DOCUMENTS
from participants.documents.drafts import LEGAL_BASIS, Draft, DraftOrder, numbered, register_draft

MOST_INDICATORS = 4  # columns that still fit a portrait page


def _value(figure) -> str:
    value = (figure or {}).get("value")
    return "—" if value is None else f"{value:g} %"


def final_order(district, user, today: date) -> DraftOrder | None:
    from monitoring.models import Campaign

    campaign = Campaign.objects.filter(district=district).order_by("-is_closed", "-due_on", "-pk").first()
    if campaign is None:
        return None
    reports = list(campaign.reports.select_related("organization").order_by("organization__short_name"))
    names: dict[str, str] = {}
    for report in reports:
        for key, figure in (report.figures or {}).items():
            names.setdefault(key, figure.get("name", key))
    shown = list(names.items())[:MOST_INDICATORS]
    rows = [[report.organization.short_name, report.get_status_display(),
             *(_value((report.figures or {}).get(key)) for key, _ in shown)] for report in reports]
    late = [report.organization.short_name for report in reports if report.is_late(today)]
    clauses = [f"2. Отметить работу образовательных организаций по реализации целевой модели наставничества в "
               f"{campaign.year - 1}–{campaign.year} учебном году.",
               "3. Руководителям образовательных организаций учесть результаты мониторинга при планировании работы "
               "на следующий учебный год."]
    if late:
        clauses.append(f"4. Руководителям {', '.join(late)} представить отчёт о реализации целевой модели "
                       "наставничества в течение 5 рабочих дней.")
    clauses.append(f"{len(clauses) + 2}. Контроль за исполнением приказа оставляю за собой.")
    return DraftOrder(
        issuer=district.administration_name or district.name,
        title=f"Об итогах мониторинга реализации целевой модели наставничества ({campaign.title})",
        basis=LEGAL_BASIS, lead=f"1. Утвердить результаты мониторинга «{campaign.title}» (срок сдачи "
                                f"{campaign.due_on:%d.%m.%Y}):",
        columns=[("№", 1.0), ("Организация", 5.5), ("Отчёт", 3.0), *((name[:60], 2.5) for _, name in shown)],
        rows=numbered(rows), clauses=clauses, signer="Руководитель управления образования")


register_draft(Draft("itogi-monitoringa", "district", "Об итогах мониторинга (по последней кампании)", final_order,
                     CAN_EDIT_DOCUMENTS, "В муниципалитете ещё не было кампаний мониторинга."))
