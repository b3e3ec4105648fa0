from roadmaps.models.history import Change, Comment, Evidence
from roadmaps.models.roadmap import Item, ItemStatus, Roadmap, RoadmapStatus, Section

__all__ = ["Change", "Comment", "Evidence", "Item", "ItemStatus", "Roadmap", "RoadmapStatus", "Section"]
