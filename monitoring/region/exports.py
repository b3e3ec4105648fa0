"""The region's tables as the region asks for them, made in the background («Мои выгрузки»): the overview (one row per
district and direct school) and the monitoring table (one row per organization, the indicator columns)."""

from __future__ import annotations

from django.db.models import Count
from django.utils import timezone

from mentoring_portal.lib.exports import (
    PDF_TYPE,
    XLSX_TYPE,
    Column,
    Exporter,
    Sheet,
    SheetRow,
    exporter,
    file_name,
    render_pdf,
    write_xlsx,
)
from monitoring.formulas import FORMULAS, Snapshot, percentage
from monitoring.region.overview import build, region_columns
from monitoring.selectors import last_complete_year, year_period
from participants.access import CAN_VIEW_REPORTS
from participants.models import Category, Organization, Pair
from participants.registry.exports import REGION_GROUP


def _share(value):
    return value / 100 if value is not None else None


class _RegionExporter(Exporter):
    capability = CAN_VIEW_REPORTS
    user = None
    count = 0

    def filename(self, region) -> str:
        return file_name(self.label, region.name, f"{timezone.localdate():%Y-%m-%d}")


@exporter(REGION_GROUP)
class RegionOverviewXlsx(_RegionExporter):
    identifier = "obzor"
    label = "Обзор региона"
    content_type = XLSX_TYPE
    extension = "xlsx"

    def render(self, region) -> bytes:
        overview = build(region, timezone.localdate())
        columns = [Column("Муниципалитет или организация", 34), Column("Организаций", 10, "number"),
                   *(Column(c.label[:80], 16, "percent") for c in overview.columns),
                   Column("Дорожная карта", 20), Column("Просрочено мероприятий", 12, "number"),
                   Column("Мониторинг", 28), Column("Сдано отчётов", 10, "number"), Column("Опаздывают", 10, "number"),
                   Column("Возвращено", 10, "number"), Column("Пар всего", 10, "number"),
                   *(Column(f"Пары: {name}", 12, "number") for name in overview.forms)]
        rows = [SheetRow([r.name, r.schools, *(_share(r.values.get(c.key)) for c in overview.columns), r.roadmap,
                          r.overdue, r.campaign, r.submitted, r.late, r.returned, r.total_pairs,
                          *(r.pairs.get(name, 0) for name in overview.forms)]) for r in overview.rows]
        targets = SheetRow(["План региона", None, *(_share(c.target) for c in overview.columns)], bold=True)
        self.count = len(rows)
        return write_xlsx([Sheet("Обзор", columns, [targets, *rows],
                                 heading=[f"Обзор региона · {region.name} · {overview.year - 1}–{overview.year} уч. год"])])


@exporter(REGION_GROUP)
class RegionOverviewPdf(_RegionExporter):
    identifier = "obzor-pdf"
    label = "Обзор региона (PDF)"
    content_type = PDF_TYPE
    extension = "pdf"

    def render(self, region) -> bytes:
        overview = build(region, timezone.localdate())
        self.count = len(overview.rows)
        return render_pdf("monitoring/region/overview_pdf.html", {"region": region, "overview": overview,
                                                                  "rows": overview.rows})


@exporter(REGION_GROUP)
class RegionMonitoringXlsx(_RegionExporter):
    """One row per organization of the region with its indicator values and pairs: the region's monitoring table."""

    identifier = "monitoring"
    label = "Мониторинг ЦМН по организациям региона"
    content_type = XLSX_TYPE
    extension = "xlsx"

    def render(self, region) -> bytes:
        today = timezone.localdate()
        year = last_complete_year(today)
        columns_of = region_columns(region, year)
        organizations = list(Organization.objects.filter(region=region).select_related("district")
                             .order_by("district__name", "short_name"))
        period = year_period(year, today)
        snapshot = Snapshot.take(organizations, period) if period else None
        pairs = dict(Pair.objects.counted_in(period).filter(organization__region=region).values("organization")
                     .annotate(n=Count("pk")).values_list("organization", "n")) if period else {}
        columns = [Column("Муниципалитет", 26), Column("Организация", 34), Column("Код", 14),
                   *(Column(c.label[:80], 16, "percent") for c in columns_of), Column("Пар за учебный год", 12, "number")]
        rows = [SheetRow([o.district.name if o.district else "региональное подчинение", o.short_name, o.code,
                          *(_share(percentage(FORMULAS[c.key].compute(snapshot, {o.pk}))) if snapshot else None
                            for c in columns_of), pairs.get(o.pk, 0)]) for o in organizations]
        self.count = len(rows)
        return write_xlsx([Sheet("Мониторинг", columns, rows, wrap=False,
                                 heading=[f"{self.label} · {region.name} · {year - 1}–{year} учебный год"])])


@exporter(REGION_GROUP)
class RegionCountsXlsx(_RegionExporter):
    """The personalised counts behind the federal statistics forms: for each organization and form of mentoring, the
    mentors and the mentees of its live pairs by registry category — counted from the registry, never typed."""

    identifier = "formy"
    label = "Наставники и наставляемые по формам и категориям"
    content_type = XLSX_TYPE
    extension = "xlsx"

    def render(self, region) -> bytes:
        today = timezone.localdate()
        year = last_complete_year(today)  # statistics are annual: the pairs of the reporting year, as indicators
        live = Pair.objects.counted_in(year_period(year, today)).filter(organization__region=region)
        counts: dict[tuple[int, str], dict[str, int]] = {}
        for role, rows in (
            ("mentor", live.values("organization", "form__name", "mentor__category")
             .annotate(n=Count("mentor", distinct=True)).values_list("organization", "form__name", "mentor__category",
                                                                      "n")),
            ("mentee", Pair.mentees.through.objects.filter(pair__in=live)
             .values("pair__organization", "pair__form__name", "person__category")
             .annotate(n=Count("person", distinct=True)).values_list("pair__organization", "pair__form__name",
                                                                      "person__category", "n")),
        ):
            for organization, form_name, category, n in rows:
                counts.setdefault((organization, form_name), {})[f"{role}:{category}"] = n
        categories = [c for c, _ in Category.choices]
        labels = dict(Category.choices)
        names = {o.pk: o for o in Organization.objects.filter(region=region).select_related("district")}
        columns = [Column("Муниципалитет", 24), Column("Организация", 30), Column("Форма наставничества", 24),
                   *(Column(f"Наставники: {labels[c]}", 12, "number") for c in categories),
                   *(Column(f"Наставляемые: {labels[c]}", 12, "number") for c in categories)]
        rows = []
        for (organization, form_name), found in sorted(counts.items(), key=lambda kv: (
                names[kv[0][0]].district.name if names[kv[0][0]].district else "", names[kv[0][0]].short_name,
                kv[0][1])):
            place = names[organization]
            rows.append(SheetRow([place.district.name if place.district else "региональное подчинение",
                                  place.short_name, form_name,
                                  *(found.get(f"mentor:{c}", 0) for c in categories),
                                  *(found.get(f"mentee:{c}", 0) for c in categories)]))
        self.count = len(rows)
        return write_xlsx([Sheet("По формам и категориям", columns, rows, wrap=False,
                                 heading=[f"{self.label} · {region.name} · {year - 1}–{year} учебный год"])])
