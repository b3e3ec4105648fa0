"""Reads of roadmaps: one selector builds the roadmap table once for the page, the PDF and the XLSX."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from mentoring_portal.lib.collation import search_text
from roadmaps.deadlines import Deadline
from roadmaps.models import Change, Item, ItemStatus, Roadmap, RoadmapStatus, Section
from roadmaps.responsible import responsible_labels

OPEN_STATUSES = (ItemStatus.PLANNED, ItemStatus.IN_PROGRESS)


@dataclass
class ItemRow:
    item: Item
    number: str
    deadline: Deadline
    is_overdue: bool
    due_this_month: bool
    responsible: list[str]
    next_due: date | None  # the first due date not yet met, or the last one when all are met

    @property
    def understood(self) -> str:
        text = self.deadline.describe()
        return f"{text} (исправлено вручную)" if self.item.deadline_manual else text


@dataclass
class SectionRows:
    section: Section
    number: str
    rows: list[ItemRow] = field(default_factory=list)


@dataclass
class TableFilters:
    responsible: str = ""
    status: str = ""
    section: int | None = None
    due: str = ""  # "overdue" | "month"
    q: str = ""

    @property
    def active(self) -> bool:
        return bool(self.responsible or self.status or self.section or self.due or self.q)

    def keeps(self, row: ItemRow, section: Section) -> bool:
        if self.responsible and self.responsible not in row.responsible:
            return False
        if self.status and row.item.status != self.status:
            return False
        if self.section and section.pk != self.section:
            return False
        if self.due == "overdue" and not row.is_overdue:
            return False
        if self.due == "month" and not row.due_this_month:
            return False
        if self.q and search_text(self.q) not in row.item.search:
            return False
        return True


@dataclass
class RoadmapTable:
    roadmap: Roadmap
    sections: list[SectionRows]
    responsible_options: list[str]
    total: int
    overdue: int

    @property
    def shown(self) -> int:
        return sum(len(s.rows) for s in self.sections)

    @property
    def rows(self) -> list[ItemRow]:
        return [row for s in self.sections for row in s.rows]


def _month_bounds(day: date) -> tuple[date, date]:
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def item_row(item: Item, number: str, today: date) -> ItemRow:
    """An item as the table shows it; overdue and due dates come from its occurrences (prefetch them for a list).
    Overdue as everywhere (Occurrence.is_overdue, OccurrenceQuerySet.overdue)."""
    occurrences = list(item.occurrences.all())
    waiting = sorted(o.due for o in occurrences if o.done_on is None)
    is_open = item.status in OPEN_STATUSES
    first, last = _month_bounds(today)
    all_due = sorted(o.due for o in occurrences)
    return ItemRow(
        item=item,
        number=number,
        deadline=item.deadline,
        is_overdue=any(o.is_overdue(today) for o in occurrences),
        due_this_month=is_open and any(first <= d <= last for d in waiting),
        responsible=responsible_labels(item.responsible),
        next_due=waiting[0] if waiting and is_open else (all_due[-1] if all_due else None),
    )


def item_numbers(sections: list[Section]) -> dict[int, str]:
    """«1.1, 1.2 …» from positions; a roadmap without sections numbers its items «1, 2 …»."""
    numbered = not (len(sections) == 1 and not sections[0].title)
    numbers = {}
    for s_index, section in enumerate(sections, start=1):
        for i_index, item in enumerate(section.alive_items, start=1):
            numbers[item.pk] = f"{s_index}.{i_index}" if numbered else str(i_index)
    return numbers


def sections_with_items(roadmap: Roadmap) -> list[Section]:
    alive = Item.objects.alive().order_by("position", "id").prefetch_related("occurrences")
    sections = list(
        roadmap.sections.order_by("position", "id").prefetch_related(
            Prefetch("items", queryset=alive, to_attr="alive_items")
        )
    )
    for section in sections:
        for item in section.alive_items:
            item.roadmap = roadmap  # its period decides what is overdue: no query per item
    return sections


def roadmap_table(roadmap: Roadmap, *, today: date, filters: TableFilters | None = None) -> RoadmapTable:
    filters = filters or TableFilters()
    sections = sections_with_items(roadmap)
    numbers = item_numbers(sections)
    numbered = not (len(sections) == 1 and not sections[0].title)
    result, options, total, overdue = [], set(), 0, 0
    for index, section in enumerate(sections, start=1):
        group = SectionRows(section=section, number=str(index) if numbered else "")
        for item in section.alive_items:
            item.roadmap = roadmap  # spares a query per item when its deadline needs the period
            row = item_row(item, numbers[item.pk], today)
            options.update(row.responsible)
            total += 1
            overdue += row.is_overdue
            if filters.keeps(row, section):
                group.rows.append(row)
        if group.rows or not filters.active:
            result.append(group)
    return RoadmapTable(roadmap, result, sorted(options), total, overdue)


def deleted_items(roadmap: Roadmap) -> list[Item]:
    return list(roadmap.items.filter(deleted_at__isnull=False).order_by("-deleted_at"))


@dataclass
class SinceApproval:
    approved: Change
    changes: list[Change]


def changes_since_approval(roadmap: Roadmap) -> SinceApproval | None:
    """A once-approved school roadmap opened for changes: what changed since the district approved it."""
    if roadmap.status == RoadmapStatus.APPROVED or not roadmap.is_school_roadmap:
        return None
    approved = roadmap.changes.filter(action=RoadmapStatus.APPROVED).order_by("-created_at", "-id").first()
    if approved is None:
        return None
    later = roadmap.changes.filter(id__gt=approved.id).exclude(action__in=("reopened", "submitted"))
    return SinceApproval(approved, list(later.select_related("user", "item").order_by("created_at", "id")))


def item_history(item: Item):
    return item.changes.select_related("user")


# Timeline -------------------------------------------------------------------------------------------------------------
@dataclass
class TimelineRow:
    row: ItemRow
    bars: list[tuple[int, int]]  # (first month index, number of months) for each window


@dataclass
class Timeline:
    months: list[date]
    rows: list[tuple[SectionRows, list[TimelineRow]]]
    today_index: int | None


def roadmap_timeline(roadmap: Roadmap, *, today: date, filters: TableFilters | None = None) -> Timeline:
    table = roadmap_table(roadmap, today=today, filters=filters)
    start, end = roadmap.period_start.replace(day=1), roadmap.period_end
    months = []
    cursor = start
    while cursor <= end:
        months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    index_of = {(m.year, m.month): i for i, m in enumerate(months)}

    def clamp(day: date) -> int:
        if day < months[0]:
            return 0
        return index_of.get((day.year, day.month), len(months) - 1)

    rows = []
    for group in table.sections:
        timeline_rows = []
        for row in group.rows:
            bars = []
            for a, b in row.deadline.windows:
                if b < months[0] or a > end:
                    continue
                first, last = clamp(a), clamp(b)
                bars.append((first, last - first + 1))
            timeline_rows.append(TimelineRow(row, bars))
        rows.append((group, timeline_rows))
    today_index = index_of.get((today.year, today.month))
    return Timeline(months, rows, today_index)
