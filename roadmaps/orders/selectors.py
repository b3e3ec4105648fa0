"""What an order requires of each school and how far each has got: the copies of its school duties in the schools'
roadmaps, read in two queries for any number of schools."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from roadmaps.models import Item, ItemStatus, Order
from roadmaps.orders.parse import SCHOOLS, level_of


@dataclass
class DutyState:
    copy: Item | None  # the duty in the school's roadmap
    done: bool
    overdue: bool


@dataclass
class Checklist:
    order: Order
    duties: list[Item]  # the duties addressed to schools, in the order's order
    schools: list  # organizations
    states: dict[tuple[int, int], DutyState]  # (duty id, school id) → state

    @property
    def rows(self) -> list[tuple[Item, list[DutyState | None]]]:
        """A row per duty: its state in each school (None where the school's roadmap has no copy of it)."""
        return [(duty, [self.states.get((duty.pk, school.pk)) for school in self.schools]) for duty in self.duties]

    @property
    def done_per_school(self) -> list[int]:
        return [sum(bool(state and state.done) for _, states in self.rows for state in [states[i]])
                for i in range(len(self.schools))]


def school_duties(order: Order) -> list[Item]:
    return [item for item in order.roadmap.items.alive().select_related("section").order_by("position", "pk")
            if level_of(item.responsible) == SCHOOLS]


def clause_overdue(duty: Item, copy: Item, today: date) -> bool:
    """A clause is overdue by the order's own deadlines, whatever roadmap its copy landed in (a school's roadmap of
    another period reads «Май» as another May): as many of the order's windows have passed as the copy has done?"""
    if copy.status == ItemStatus.DONE:
        return False
    passed = sum(1 for window in duty.occurrences.all() if window.due < today)
    done = sum(1 for window in copy.occurrences.all() if window.done_on)
    return passed > done


def checklist(order: Order, schools, today: date) -> Checklist:
    duties = school_duties(order)
    by_id = {duty.pk: duty for duty in Item.objects.filter(pk__in=[d.pk for d in duties]).prefetch_related(
        "occurrences")}
    schools = list(schools)
    copies = Item.objects.alive().filter(source_item__in=duties, roadmap__organization__in=schools).select_related(
        "roadmap").prefetch_related("occurrences")
    states = {}
    for copy in copies:
        states[(copy.source_item_id, copy.roadmap.organization_id)] = DutyState(
            copy, copy.status == ItemStatus.DONE, clause_overdue(by_id[copy.source_item_id], copy, today))
    return Checklist(order, duties, schools, states)
