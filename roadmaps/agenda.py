"""What is due: occurrences overdue or coming up, for one user, across the roadmaps they may see or answer for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, Min, OuterRef, Q

from participants.access import access_of
from participants.models import Organization, Role
from roadmaps.models import Item, Occurrence, Roadmap


def visible_occurrences(user, roadmaps=None):
    """Every occurrence of every roadmap the user may see that is in force for them (`Roadmap.in_force_for`: the
    user's «Сроки» list no one else's draft), or of the `roadmaps` given (a table of them says each one's state). The
    roadmaps' ids are read first: «district IN (…) OR organization IN (…)» inside the big query keeps PostgreSQL from
    using the item and occurrence indexes, and made a district's page read the whole region's deadlines
    (docs/PERFORMANCE.md)."""
    visible = Roadmap.objects.visible_to(user).in_force_for(user) if roadmaps is None else roadmaps
    return Occurrence.objects.filter(item__roadmap_id__in=list(visible.values_list("pk", flat=True)))


def only_mentor(user) -> bool:
    access = access_of(user)
    return not access.is_superuser and bool(access.memberships) and all(
        m.role == Role.MENTOR for m in access.memberships)


def my_occurrences(user):
    """The user's own deadlines: items naming them responsible, and every item of the roadmaps they edit."""
    access = access_of(user)
    edited_districts = [m.district_id for m in access.memberships if m.role == Role.DISTRICT_CURATOR]
    edited_schools = [m.organization_id for m in access.memberships if m.role == Role.SCHOOL_CURATOR]
    mine = (
        Q(item__responsible_users=user)
        | Q(item__roadmap__district_id__in=edited_districts)
        | Q(item__roadmap__organization_id__in=edited_schools)
    )
    return visible_occurrences(user).filter(mine).distinct()


@dataclass
class Agenda:
    overdue: list[Occurrence]  # one per item, the user's own («мои») first; each has .is_mine
    upcoming: list[Occurrence]
    overdue_count: int
    upcoming_count: int


def _first_per_item(occurrences, limit: int) -> list[Occurrence]:
    """The earliest of each item's occurrences (the list is ordered by due date), at most `limit` items."""
    seen, found = set(), []
    for occurrence in occurrences[:limit * 6]:
        if occurrence.item_id not in seen:
            seen.add(occurrence.item_id)
            found.append(occurrence)
        if len(found) == limit:
            break
    return found


def items_count(occurrences) -> int:
    """Items, not windows: an item three of whose windows have passed is one overdue item on every page."""
    return occurrences.values("item_id").distinct().count()


def _mine_first(occurrences, user, limit: int) -> list[Occurrence]:
    """Items naming the user responsible first, then the rest; both by due date."""
    if user is None:
        return _first_per_item(occurrences, limit)
    mine = _first_per_item(occurrences.filter(item__responsible_users=user), limit)
    for occurrence in mine:
        occurrence.is_mine = True
    if len(mine) == limit:
        return mine
    rest = occurrences.exclude(item__in=[o.item_id for o in mine]) if mine else occurrences
    return mine + _first_per_item(rest, limit - len(mine))


def agenda(occurrences, today: date, *, days: int = 30, limit: int = 15, user=None) -> Agenda:
    related = occurrences.select_related("item__roadmap__district", "item__roadmap__organization")
    overdue = related.overdue(today).order_by("due", "id")
    upcoming = related.due_between(today, today + timedelta(days=days)).order_by("due", "id")
    return Agenda(_mine_first(overdue, user, limit), _mine_first(upcoming, user, limit), items_count(overdue),
                  items_count(upcoming))


def user_agenda(user, today: date) -> Agenda:
    """The landing block «Сроки» of a user: a mentor (and nothing else) sees only the items naming them responsible."""
    occurrences = my_occurrences(user) if only_mentor(user) else visible_occurrences(user)
    return agenda(occurrences, today, user=user)


def user_deadline_rows(user, today: date, *, due: str, mine: bool) -> list[tuple[int, date, bool]]:
    """The whole list behind the landing block (/my/deadlines/): (item, first open due date, the user's own)."""
    occurrences = my_occurrences(user) if mine else visible_occurrences(user)
    return list(agenda_items(occurrences, today, due=due, mine_of=user).values_list("pk", "first_due", "is_mine"))


def agenda_items(occurrences, today: date, *, due: str, mine_of=None, days: int = 30):
    """The full list behind a landing block: items overdue («overdue») or due in the next days («upcoming»), each
    with its first open due date, the user's own first when `mine_of` is given."""
    chosen = occurrences.overdue(today) if due == "overdue" else occurrences.due_between(
        today, today + timedelta(days=days))
    window = Q(occurrences__in=chosen.values("pk"))
    items = Item.objects.filter(pk__in=chosen.values("item_id")).select_related(
        "roadmap__district", "roadmap__organization").annotate(first_due=Min("occurrences__due", filter=window))
    if mine_of is not None:
        items = items.annotate(is_mine=Exists(Item.responsible_users.through.objects.filter(
            item_id=OuterRef("pk"), user_id=mine_of.pk)))
        return items.order_by("-is_mine", "first_due", "pk")
    return items.order_by("first_due", "pk")


@dataclass
class SchoolDeadlines:
    name: str
    url: str
    overdue: int
    upcoming: int
    roadmap: Roadmap | None = None  # the school's current roadmap: its status and dates in the district's table
    is_school: bool = True


def current_roadmaps(schools, today: date) -> dict[int, Roadmap]:
    """Each school's roadmap for now: the one whose period covers today, else the latest (one query)."""
    found: dict[int, Roadmap] = {}
    for roadmap in Roadmap.objects.filter(organization__in=schools).order_by("-period_end", "-id"):
        best = found.get(roadmap.organization_id)
        if best is None or (roadmap.period_start <= today <= roadmap.period_end
                            and not best.period_start <= today <= best.period_end):
            found[roadmap.organization_id] = roadmap
    return found


def deadlines_by_school(district, user, today: date, *, days: int = 30) -> list[SchoolDeadlines]:
    """Per school of the district (and the district itself), how many items are overdue and coming up (the same
    definition as everywhere: OccurrenceQuerySet.overdue): two aggregate queries, not one per school."""

    schools = list(Organization.objects.visible_to(user).filter(district=district).in_russian_order())
    base = visible_occurrences(user, Roadmap.objects.visible_to(user).filter(
        Q(organization__in=[s.pk for s in schools]) | Q(district=district)))
    soon = today + timedelta(days=days)
    counts = {
        (row["item__roadmap__organization"], row["item__roadmap__district"]): row
        for row in base.open().in_period().values("item__roadmap__organization", "item__roadmap__district").annotate(
            overdue=Count("item", distinct=True, filter=Q(due__lt=today)),
            upcoming=Count("item", distinct=True, filter=Q(due__gte=today, due__lte=soon)),
        )
    }
    rows = []
    own = counts.get((None, district.pk), {})
    rows.append(SchoolDeadlines(f"{district.name} (муниципальная дорожная карта)",
                                district.get_absolute_url(), own.get("overdue", 0), own.get("upcoming", 0),
                                is_school=False))
    roadmaps = current_roadmaps(schools, today)
    for school in schools:
        found = counts.get((school.pk, None), {})
        rows.append(SchoolDeadlines(school.short_name, school.get_absolute_url(), found.get("overdue", 0),
                                    found.get("upcoming", 0), roadmaps.get(school.pk)))
    return rows
