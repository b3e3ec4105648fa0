from roadmaps.models.history import Change, Comment, Evidence
from roadmaps.models.occurrence import CalendarToken, Occurrence
from roadmaps.models.orders import Order
from roadmaps.models.roadmap import Item, ItemStatus, Roadmap, RoadmapStatus, Section

__all__ = [
    "CalendarToken", "Change", "Comment", "Evidence", "Item", "ItemStatus", "Occurrence", "Order", "Roadmap",
    "RoadmapStatus", "Section",
]
