"""Keeping an item's occurrences in step with its deadline, and marking them done."""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from roadmaps.changes import log_change
from roadmaps.deadlines import DATED, Deadline
from roadmaps.models import Item, ItemStatus, Occurrence


def sync_occurrences(item: Item) -> None:
    """One occurrence per window of the item's deadline (as corrected, if it was); a window that stays keeps its
    done mark, one that disappears goes with its mark."""
    windows = set(item.deadline.windows)
    existing = {(o.start, o.due): o for o in item.occurrences.all()}
    stale = [o.pk for key, o in existing.items() if key not in windows]
    if stale:
        Occurrence.objects.filter(pk__in=stale).delete()
    Occurrence.objects.bulk_create(
        [Occurrence(item=item, start=start, due=due) for start, due in sorted(windows - existing.keys())]
    )


@transaction.atomic
def occurrence_mark_done(*, occurrence: Occurrence, user, done_on: date, note: str = "") -> Occurrence:
    occurrence.done_on, occurrence.note, occurrence.done_by = done_on, note, user
    occurrence.save(update_fields=["done_on", "note", "done_by"])
    item = occurrence.item
    log_change(item.roadmap, user, "occurrence_done",
               f"Срок {occurrence.due:%d.%m.%Y} отмечен выполненным {done_on:%d.%m.%Y}" + (f": {note}" if note else ""),
               item)
    if item.status in (ItemStatus.PLANNED, ItemStatus.IN_PROGRESS) and not item.occurrences.filter(
        done_on__isnull=True
    ).exists():
        Item.objects.filter(pk=item.pk).update(status=ItemStatus.DONE)
        log_change(item.roadmap, user, "item_done", "Все сроки выполнены: мероприятие выполнено", item)
    return occurrence


@transaction.atomic
def occurrence_reopen(*, occurrence: Occurrence, user) -> Occurrence:
    occurrence.done_on, occurrence.note, occurrence.done_by = None, "", None
    occurrence.save(update_fields=["done_on", "note", "done_by"])
    log_change(occurrence.item.roadmap, user, "occurrence_reopened",
               f"Снята отметка о выполнении срока {occurrence.due:%d.%m.%Y}", occurrence.item)
    return occurrence


# Correcting what the parser understood -------------------------------------------------------------------------------
_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_LINE = re.compile(rf"^{_DATE}(?:\s*[-–—]\s*{_DATE})?$")


def parse_manual_windows(text: str) -> list[tuple[date, date]]:
    """Lines of «31.05.2022» or «01.05.2022 – 31.05.2022»; a clear Russian message for the first bad line."""
    windows = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip().rstrip(",;")
        if not line:
            continue
        match = _LINE.match(line)
        if not match:
            raise ValidationError(f"Строка {number}: «{line}» — укажите дату ДД.ММ.ГГГГ или две даты через тире.")
        parts = [int(x) for x in match.groups() if x is not None]
        try:
            first = date(parts[2], parts[1], parts[0])
            last = date(parts[5], parts[4], parts[3]) if len(parts) == 6 else first
        except ValueError:
            raise ValidationError(f"Строка {number}: «{line}» — такой даты нет в календаре.") from None
        if last < first:
            raise ValidationError(f"Строка {number}: конец окна раньше его начала.")
        windows.append((first, last))
    return sorted(set(windows))


@transaction.atomic
def item_correct_deadline(*, item: Item, user, windows: list[tuple[date, date]] | None) -> Item:
    """Dates set by a curator win over the parser; None goes back to what the text says."""
    if windows:
        item.deadline_manual = Deadline(DATED, windows).to_dict()
        summary = "Срок исправлен вручную: " + ", ".join(f"{a:%d.%m.%Y}–{b:%d.%m.%Y}" for a, b in windows)
    else:
        item.deadline_manual = None
        summary = "Ручное исправление срока снято: срок понимается по тексту"
    item.save(update_fields=["deadline_manual", "updated_at"])
    item.__dict__.pop("deadline", None)
    sync_occurrences(item)
    log_change(item.roadmap, user, "deadline_corrected", summary, item)
    return item
