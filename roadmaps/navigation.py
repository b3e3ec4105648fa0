"""What roadmaps adds to each place's navigation (participants/navigation.py): roadmaps and orders, events and contests,
with the roadmaps that wait for the user."""

from participants.access import CAN_APPROVE_ROADMAPS, CAN_EDIT_ROADMAP, CAN_VIEW_REPORTS
from participants.navigation import NavEntry
from roadmaps.models import Roadmap, RoadmapStatus, VisitRequest


def schools_roadmaps_to_review(district):
    return Roadmap.objects.filter(organization__district=district, status=RoadmapStatus.SUBMITTED)


def roadmaps_returned(organization):
    return Roadmap.objects.filter(organization=organization, status=RoadmapStatus.RETURNED)


def visits_waiting(district):
    return VisitRequest.objects.filter(organization__district=district, event__isnull=True, declined_on__isnull=True,
                                       withdrawn_on__isnull=True)


def entries() -> list[NavEntry]:
    return [
        NavEntry("district", "roadmaps", "Дорожные карты", "roadmaps:district-list", "bi-list-check", 10,
                 waiting=schools_roadmaps_to_review, acts=CAN_APPROVE_ROADMAPS),
        NavEntry("district", "roadmaps", "Приказы и задачи", "roadmaps:orders", "bi-file-earmark-ruled", 20),
        NavEntry("district", "methodical", "События", "roadmaps:district-events", "bi-calendar-event", 10),
        NavEntry("district", "methodical", "Конкурсы", "roadmaps:district-contests", "bi-trophy", 20),
        NavEntry("district", "methodical", "Методический десант", "roadmaps:district-visits", "bi-send", 37,
                 CAN_VIEW_REPORTS, waiting=visits_waiting, acts=CAN_EDIT_ROADMAP),
        NavEntry("organization", "roadmaps", "Дорожные карты", "roadmaps:organization-list", "bi-list-check", 10,
                 waiting=roadmaps_returned, acts=CAN_EDIT_ROADMAP),
        NavEntry("organization", "roadmaps", "Задачи по приказам", "roadmaps:organization-orders",
                 "bi-file-earmark-ruled", 20),
        NavEntry("organization", "methodical", "События", "roadmaps:organization-events", "bi-calendar-event", 10),
        NavEntry("organization", "methodical", "Конкурсы", "roadmaps:school-contests", "bi-trophy", 20),
        NavEntry("organization", "methodical", "Методический десант", "roadmaps:visits", "bi-send", 37),
    ]
