from roadmaps.contests.models import Application, Contest, ContestResult, Nomination, Score
from roadmaps.events.models import Attendance, Event, EventKind
from roadmaps.models.history import Change, Comment, Evidence
from roadmaps.models.occurrence import CalendarToken, DigestSent, Occurrence
from roadmaps.models.orders import Order
from roadmaps.models.roadmap import Item, ItemStatus, Roadmap, RoadmapStatus, Section
from roadmaps.visits.models import VisitRequest, VisitState

__all__ = [
    "Application", "Attendance", "CalendarToken", "Change", "Comment", "Contest", "ContestResult", "DigestSent", "Event",
    "EventKind", "Evidence", "Item", "ItemStatus", "Nomination", "Occurrence", "Order", "Roadmap", "RoadmapStatus", "Score",
    "Section", "VisitRequest", "VisitState",
]
