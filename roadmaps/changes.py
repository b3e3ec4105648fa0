"""The history of a roadmap: every service writes one `Change` per action."""

from roadmaps import page_cache
from roadmaps.models import Change, Item, Roadmap


def log_change(roadmap: Roadmap, user, action: str, summary: str, item: Item | None = None, details=None) -> Change:
    """Logged, and the roadmap's cached pages retired: some writes (moves, renumbering) are bulk updates that send no
    save signal."""
    page_cache.bump(roadmap.pk)
    return Change.objects.create(
        roadmap=roadmap, item=item, user=user, action=action, summary=summary, details=details or {}
    )
