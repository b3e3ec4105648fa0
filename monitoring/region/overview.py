"""The region overview (`/r/<region>/`): every district and every school directly under the region in one table — the
computed indicators against the region's targets, the roadmap's status and its overdue items, the latest monitoring
campaign, the pairs by form. One snapshot of the whole region (monitoring.formulas: 0.75 s for a full region), a few
grouped queries; kept until something it reads changes (freshness.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q

from mentoring_portal.lib import versions
from monitoring.formulas import FORMULAS, Snapshot, percentage
from monitoring.models import Campaign, Indicator, Method, SchoolReport, Target
from monitoring.region import freshness
from monitoring.selectors import last_complete_year, year_period
from participants.models import Organization, Pair
from roadmaps.models import Occurrence, Roadmap

OVERVIEW_CACHE_SECONDS = 6 * 3600  # a day's overview, unless something changes first
DEFAULT_FORMULAS = ("students_in_mentoring", "young_teachers_supported", "teacher_mentors")


@dataclass
class Column:
    key: str  # the formula
    label: str
    target: float | None = None  # the region's target for the year


@dataclass
class RegionRow:
    name: str
    url: str
    is_district: bool
    schools: int
    values: dict[str, float | None] = field(default_factory=dict)
    roadmap: str = "нет"
    overdue: int = 0
    campaign: str = ""
    submitted: int = 0
    late: int = 0
    returned: int = 0
    pairs: dict[str, int] = field(default_factory=dict)

    @property
    def total_pairs(self) -> int:
        return sum(self.pairs.values())


@dataclass
class Overview:
    year: int
    columns: list[Column]
    rows: list[RegionRow]
    forms: list[str]
    stamp: str = ""  # the state it was built for: keys its rendered table (a new overview, a new table)


def region_columns(region, year: int) -> list[Column]:
    indicators = list(Indicator.objects.filter(region=region, district__isnull=True, method=Method.COMPUTED)
                      .exclude(formula="").order_by("position"))
    if not indicators:
        return [Column(key, FORMULAS[key].label) for key in DEFAULT_FORMULAS]
    targets = {t.indicator_id: float(t.value) for t in Target.objects.filter(indicator__in=indicators,
                                                                          organization__isnull=True, year=year)}
    return [Column(i.formula, i.name, targets.get(i.pk)) for i in indicators if i.formula in FORMULAS]


def _current_status(roadmaps: list[Roadmap], today: date) -> str:
    current = [r for r in roadmaps if r.period_start <= today <= r.period_end] or roadmaps
    return current[0].get_status_display() if current else "нет"


Place = tuple[str, int]  # ("d", a district's id) or ("o", the id of a school directly under the region)


def _groups(organizations: list) -> list[tuple[RegionRow, set[int], object]]:
    """A row per district (its schools' ids) and per school directly under the region, in the table's order."""
    districts = sorted({o.district for o in organizations if o.district_id}, key=lambda d: d.name)
    groups: list[tuple[RegionRow, set[int], object]] = []
    for district in districts:
        ids = {o.pk for o in organizations if o.district_id == district.pk}
        groups.append((RegionRow(district.name, district.get_absolute_url(), True, len(ids)), ids, district))
    for school in sorted((o for o in organizations if not o.district_id), key=lambda o: o.short_name):
        groups.append((RegionRow(school.short_name, school.get_absolute_url(), False, 1), {school.pk}, school))
    return groups


def _roadmaps(region) -> dict[Place, list[Roadmap]]:
    roadmaps: dict[Place, list[Roadmap]] = defaultdict(list)
    for roadmap in Roadmap.objects.filter(district__region=region).order_by("-period_end"):
        roadmaps[("d", roadmap.district_id)].append(roadmap)
    for roadmap in Roadmap.objects.filter(organization__region=region, organization__district__isnull=True
                                          ).order_by("-period_end"):
        roadmaps[("o", roadmap.organization_id)].append(roadmap)
    return roadmaps


def _overdue(region, today: date) -> dict[Place, int]:
    """Overdue items of each place's roadmaps (a school's count in its district's)."""
    overdue: dict[Place, int] = defaultdict(int)
    for row in (Occurrence.objects.filter(item__roadmap__in=list(
                    Roadmap.objects.filter(Q(district__region=region) | Q(organization__region=region))
                    .values_list("pk", flat=True))).overdue(today)
                .values("item__roadmap__district", "item__roadmap__organization__district", "item__roadmap__organization")
                .annotate(n=Count("item", distinct=True))):
        district = row["item__roadmap__district"] or row["item__roadmap__organization__district"]
        overdue[("d", district) if district else ("o", row["item__roadmap__organization"])] += row["n"]
    return overdue


def _campaigns(region) -> tuple[dict[int, Campaign], dict[int, list[SchoolReport]]]:
    """Each district's latest monitoring campaign and its schools' reports."""
    latest: dict[int, Campaign] = {}
    for campaign in Campaign.objects.filter(district__region=region).order_by("district_id", "-due_on", "-pk"):
        latest.setdefault(campaign.district_id, campaign)
    reports: dict[int, list[SchoolReport]] = defaultdict(list)
    for report in SchoolReport.objects.filter(campaign__in=list(latest.values())).select_related("campaign"):
        reports[report.campaign_id].append(report)
    return latest, reports


def _pairs(region) -> dict[Place, dict[str, int]]:
    """Live pairs of each place by form."""
    pairs: dict[Place, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in (Pair.objects.live().filter(organization__region=region)
                .values("organization__district", "organization", "form__name").annotate(n=Count("pk"))):
        key = ("d", row["organization__district"]) if row["organization__district"] else ("o", row["organization"])
        pairs[key][row["form__name"]] += row["n"]
    return pairs


def _count_reports(row: RegionRow, campaign: Campaign, reports: list[SchoolReport], today: date) -> None:
    row.campaign = campaign.title
    row.submitted = sum(1 for r in reports if r.status in ("submitted", "accepted"))
    row.returned = sum(1 for r in reports if r.status == "returned")
    row.late = sum(1 for r in reports if r.is_late(today))


def build(region, today: date) -> Overview:
    """The overview: the rows, then each column family read for the whole region in one grouped query."""
    year = last_complete_year(today)
    organizations = list(Organization.objects.filter(region=region).select_related("district"))
    groups = _groups(organizations)
    columns = region_columns(region, year)
    period = year_period(year, today)
    snapshot = Snapshot.take(organizations, period) if period else None
    for row, ids, _ in groups:
        row.values = {c.key: percentage(FORMULAS[c.key].compute(snapshot, ids)) if snapshot else None for c in columns}

    roadmaps, overdue, pairs = _roadmaps(region), _overdue(region, today), _pairs(region)
    latest, reports = _campaigns(region)
    for row, _, place in groups:
        key = ("d", place.pk) if row.is_district else ("o", place.pk)
        row.roadmap = _current_status(roadmaps[key], today)
        row.overdue = overdue[key]
        row.pairs = dict(pairs[key])
        campaign = latest.get(place.pk) if row.is_district else None
        if campaign:
            _count_reports(row, campaign, reports[campaign.pk], today)
    forms = sorted({name for row, _, _ in groups for name in row.pairs})
    return Overview(year, columns, [row for row, _, _ in groups], forms)


def region_overview(region, today: date) -> tuple[Overview, bool]:
    """The overview and whether it is being brought up to date. It is kept until something it reads changes
    (monitoring/region/freshness.py); after a change the page shows the one before it while a background task
    builds the new one — no view pays the whole region (1.5 s), but the first of the day."""
    return versions.kept_or_previous(_current_key(region.pk, today), _latest_key(region.pk, today),
                                     lambda: _built(region, today), f"{freshness.OVERVIEW}:{region.pk}",
                                     OVERVIEW_CACHE_SECONDS)


def _built(region, today: date, key: str | None = None) -> Overview:
    found = build(region, today)
    found.stamp = key or _current_key(region.pk, today)
    return found


def overview_refresh(region, today: date, key: str | None = None) -> Overview:
    """Build the overview and keep it under the current state's key and as the latest of the day."""
    key = key or _current_key(region.pk, today)
    return versions.keep(key, _latest_key(region.pk, today), _built(region, today, key), OVERVIEW_CACHE_SECONDS)


def _current_key(region_id: int, today: date) -> str:
    return f"region-overview:{region_id}:{today.isoformat()}:{freshness.stamp(region_id)}"


def _latest_key(region_id: int, today: date) -> str:
    return f"region-overview-latest:{region_id}:{today.isoformat()}"


SORTS = {"name": lambda r: r.name, "pairs": lambda r: -r.total_pairs, "overdue": lambda r: -r.overdue,
         "late": lambda r: -r.late}


def sorted_rows(overview: Overview, sort: str) -> list[RegionRow]:
    if sort in SORTS:
        return sorted(overview.rows, key=SORTS[sort])
    if sort in {c.key for c in overview.columns}:
        return sorted(overview.rows, key=lambda r: -(r.values.get(sort) if r.values.get(sort) is not None else -1))
    return overview.rows
