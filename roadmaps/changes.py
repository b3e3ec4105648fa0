"""The history of a roadmap: every service writes one `Change` per action."""

from roadmaps.models import Change, Item, Roadmap


def log_change(roadmap: Roadmap, user, action: str, summary: str, item: Item | None = None, details=None) -> Change:
    return Change.objects.create(
        roadmap=roadmap, item=item, user=user, action=action, summary=summary, details=details or {}
    )
