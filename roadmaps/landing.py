"""What roadmaps add to a user's landing page: reviews waiting, returned roadmaps, their own roadmaps."""

from datetime import date

from django.db.models import Q
from django.urls import reverse

from participants.access import CAN_APPROVE_ROADMAPS, CAN_EDIT_ROADMAP, access_of
from participants.landing import LandingBlock, Todo
from participants.models import Role
from roadmaps import page_cache
from roadmaps.agenda import deadlines_by_school
from roadmaps.models import Roadmap, RoadmapStatus


def roadmap_block(user, today: date, place=None) -> list[LandingBlock]:
    """Reviews waiting, returned roadmaps, the user's own roadmaps. Only the roadmaps that can be one of these are
    read — the submitted ones and those of the places the user edits —, not every roadmap the user may see (a
    regional coordinator sees a region's 1,700: 150 ms to load them all for a landing page)."""
    access = access_of(user)
    if access.is_superuser:
        candidates = Q()
    else:
        candidates = (Q(status=RoadmapStatus.SUBMITTED, organization__isnull=False)
                      | Q(district_id__in=[m.district_id for m in access.memberships
                                           if m.role == Role.DISTRICT_CURATOR])
                      | Q(organization_id__in=[m.organization_id for m in access.memberships
                                               if m.role == Role.SCHOOL_CURATOR]))
    roadmaps = list(
        Roadmap.objects.visible_to(user).filter(candidates).select_related("district", "organization__district")
        .order_by("-period_end", "id")
    )
    if not roadmaps:
        return []
    todos, own = [], []
    for roadmap in roadmaps:
        caps = access.capabilities_on(roadmap.owner)
        if roadmap.status == RoadmapStatus.SUBMITTED and CAN_APPROVE_ROADMAPS in caps and roadmap.organization_id:
            todos.append(Todo(f"Рассмотреть дорожную карту {roadmap.organization}",
                              reverse("roadmaps:review", kwargs={"pk": roadmap.pk})))
        if CAN_EDIT_ROADMAP in caps:
            own.append(roadmap)
            if roadmap.status == RoadmapStatus.RETURNED:
                todos.append(Todo(f"Доработать дорожную карту: {roadmap.review_comment[:120]}",
                                  roadmap.get_absolute_url(), urgent=True))
    return [LandingBlock("Мои дорожные карты", "roadmaps/landing_block.html", {"roadmaps": own[:10]}, todos,
                         order=20)]


def deadlines_block(user, today: date, place=None) -> list[LandingBlock]:
    """Overdue and next-30-days items across every roadmap the user may see, their own first; a mentor (and nothing
    else) sees only the items naming them responsible — their meetings are in «Мои встречи»."""
    found = page_cache.cached_agenda(user, today)
    if not (found.overdue_count or found.upcoming_count):
        return []
    return [LandingBlock("Сроки", "roadmaps/agenda_block.html", {"agenda": found, "today": today}, order=10)]


def district_deadlines_block(user, today: date, district) -> list[LandingBlock]:
    rows = deadlines_by_school(district, user, today)
    return [LandingBlock("Дорожные карты и сроки по организациям", "roadmaps/district_deadlines_block.html",
                         {"rows": rows}, order=10)]
