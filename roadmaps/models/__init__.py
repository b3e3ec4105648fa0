from roadmaps.events.models import Attendance, Event, EventKind  # noqa: E402 - after Item, which it references
from roadmaps.models.history import Change, Comment, Evidence
from roadmaps.models.occurrence import CalendarToken, Occurrence
from roadmaps.models.orders import Order
from roadmaps.models.roadmap import Item, ItemStatus, Roadmap, RoadmapStatus, Section

__all__ = [
    "Attendance", "CalendarToken", "Change", "Comment", "Event", "EventKind", "Evidence", "Item", "ItemStatus",
    "Occurrence", "Order", "Roadmap", "RoadmapStatus", "Section",
]
