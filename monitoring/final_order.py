"""«Об итогах мониторинга реализации целевой модели наставничества»: the district's draft order from its latest
*closed* monitoring campaign (an open one has reports still to come) — each school's report and the figures it
handed in (frozen at submission), the district's figures against its targets summed from those same frozen figures
(one snapshot: the order and the справка read the campaign, not today's registry), and the execution of the
district's roadmap, as seed 003 п.10.18 asks: «по итогам реализации мероприятий … и достижению районных
показателей»."""

from __future__ import annotations

from datetime import date

from monitoring.models import Campaign, ReportStatus, Target
from participants.access import CAN_EDIT_DOCUMENTS
from participants.documents.drafts import DRAFTS, LEGAL_BASIS, Draft, DraftOrder, numbered
from roadmaps.models import Item, ItemStatus, Occurrence, Roadmap

MOST_INDICATORS = 4  # columns that still fit a portrait page


def _value(figure) -> str:
    value = (figure or {}).get("value")
    return "—" if value is None else f"{value:g} %"


def district_figures(campaign, reports) -> list[tuple[str, float | None, float | None]]:
    """(name, the district's value, its target) per indicator: the sums of the accepted reports' frozen ratios."""

    sums: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for report in reports:
        for key, figure in (report.figures or {}).items():
            names.setdefault(key, figure.get("name", key))
            if report.status == ReportStatus.ACCEPTED and figure.get("ratio"):
                total = sums.setdefault(key, [0, 0])
                total[0] += figure["ratio"][0]
                total[1] += figure["ratio"][1]
    targets = {str(t.indicator_id): t.value for t in Target.objects.filter(
        indicator_id__in=[int(k) for k in names if k.isdigit()], organization__isnull=True, year=campaign.year)}
    rows = []
    for key, name in names.items():
        numerator, denominator = sums.get(key, [0, 0])
        value = round(100 * numerator / denominator, 1) if denominator else None
        rows.append((name, value, float(targets[key]) if key in targets else None))
    return rows


def roadmap_execution(district, today: date) -> str | None:
    roadmap = Roadmap.objects.filter(district=district, period_start__lte=today).order_by("-period_start").first()
    if roadmap is None:
        return None
    items = Item.objects.alive().filter(roadmap=roadmap)
    done = items.filter(status=ItemStatus.DONE).count()
    overdue = Occurrence.objects.overdue(today).filter(item__roadmap=roadmap).values("item").distinct().count()
    return (f"выполнено мероприятий {done} из {items.count()}" + (f", просрочено {overdue}" if overdue else "")
            + f" («{roadmap.title[:120]}»)")


def _percent(value) -> str:
    return "нет данных" if value is None else f"{value:g} %"


def final_order(district, user, today: date) -> DraftOrder | None:
    campaign = Campaign.objects.filter(district=district, is_closed=True).order_by("-due_on", "-pk").first()
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
    figures = [f"«{name}» — {_percent(value)}" + (f" при плане {_percent(target)}" if target is not None else "")
               for name, value, target in district_figures(campaign, reports)]
    points = []
    if figures:
        points.append(f"Принять к сведению достижение районных показателей за {campaign.year - 1}–{campaign.year} "
                      "учебный год (по принятым отчётам): " + "; ".join(figures) + ".")
    execution = roadmap_execution(district, campaign.due_on)
    if execution:
        points.append(f"Принять к сведению исполнение дорожной карты муниципалитета на {campaign.due_on:%d.%m.%Y}: "
                      f"{execution}.")
    points += [f"Отметить работу образовательных организаций по реализации целевой модели наставничества в "
               f"{campaign.year - 1}–{campaign.year} учебном году.",
               "Руководителям образовательных организаций учесть результаты мониторинга при планировании работы на "
               "следующий учебный год."]
    if late:
        points.append(f"Руководителям {', '.join(late)} представить отчёт о реализации целевой модели "
                      "наставничества в течение 5 рабочих дней.")
    points.append("Контроль за исполнением приказа оставляю за собой.")
    clauses = [f"{number}. {point}" for number, point in enumerate(points, start=2)]
    return DraftOrder(
        issuer=district.administration_name or district.name,
        title=f"Об итогах мониторинга реализации целевой модели наставничества ({campaign.title})",
        basis=LEGAL_BASIS, lead=f"1. Утвердить результаты мониторинга «{campaign.title}» (срок сдачи "
                                f"{campaign.due_on:%d.%m.%Y}):",
        columns=[("№", 1.0), ("Организация", 5.5), ("Отчёт", 3.0), *((name[:60], 2.5) for _, name in shown)],
        rows=numbered(rows), clauses=clauses, signer="Руководитель управления образования")


DRAFTS.add(Draft("itogi-monitoringa", "district", "Об итогах мониторинга (по последней закрытой кампании)",
                     final_order, CAN_EDIT_DOCUMENTS, "Закрытых кампаний мониторинга ещё нет: приказ об итогах "
                     "составляется по закрытой кампании, когда все отчёты сданы и приняты."))
