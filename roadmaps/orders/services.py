"""An order imported as tasks, in one transaction: the district's tasks roadmap (a section per addressee, an item per
duty, the deadline as written), the duties addressed to schools copied into every school's roadmap draft."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from participants.models import District, Organization
from roadmaps.deadlines import parse_deadline
from roadmaps.models import Item, Order, Section
from roadmaps.occurrences import sync_occurrences
from roadmaps.orders.parse import LEVELS, SCHOOLS, ParsedOrder
from roadmaps.orders.signals import order_imported
from roadmaps.services import items_copy_to_schools, roadmap_create


def _period(parsed: ParsedOrder) -> tuple[date, date]:
    start = parsed.date
    end = date(start.year + 1, 12, 31)
    for duty in parsed.duties:
        for _, due in parse_deadline(duty.deadline, (start, end)).windows:
            end = max(end, due)
    return start, end


def understood_deadline(parsed: ParsedOrder, duty) -> str:
    """How the portal reads a duty's deadline, for the preview."""
    return parse_deadline(duty.deadline, _period(parsed)).describe() if duty.deadline else "без срока"


@transaction.atomic
def order_import(*, district: District, parsed: ParsedOrder, user, source_name: str = "") -> Order:
    if not parsed.ok:
        raise ValidationError(parsed.problems)
    if district.orders.filter(number=parsed.number, date=parsed.date).exists():
        raise ValidationError(f"Приказ № {parsed.number} от {parsed.date:%d.%m.%Y} уже загружен.")
    start, end = _period(parsed)
    roadmap = roadmap_create(owner=district, user=user, period_start=start, period_end=end,
                             title=f"Задачи по приказу от {parsed.date:%d.%m.%Y} № {parsed.number} {parsed.title}"[:1000],
                             approval_kind="Приказ", approval_number=parsed.number, approval_date=parsed.date,
                             source_name=source_name[:255])
    sections: dict[str, Section] = {}
    school_duties = []
    for position, duty in enumerate(parsed.duties, start=1):
        section = sections.get(duty.addressee)
        if section is None:
            section = sections[duty.addressee] = Section.objects.create(
                roadmap=roadmap, position=len(sections) + 1, title=f"{duty.addressee} ({LEVELS[duty.level]})")
        item = Item(roadmap=roadmap, section=section, position=position, name=duty.text, deadline_text=duty.deadline,
                    responsible=duty.addressee, result=f"п. {duty.number} приказа № {parsed.number}")
        item.refresh_derived()
        item.save()
        sync_occurrences(item)
        if duty.level == SCHOOLS:
            school_duties.append(item)
    order = Order.objects.create(district=district, number=parsed.number, date=parsed.date, title=parsed.title,
                                 roadmap=roadmap, source_name=source_name[:255])
    schools = list(Organization.objects.filter(district=district))
    if school_duties and schools:
        items_copy_to_schools(items=school_duties, schools=schools, user=user, skip_past=False)
    order.notes = [said for _, said in order_imported.send(sender=Order, order=order, parsed=parsed) if said]
    return order
