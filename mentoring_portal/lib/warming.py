"""Caches made ready after a change by the worker, not by the next view (issue #24). A kind of version
(lib/versions: «district-figures», «deadlines:region», «region-overview») may have a warmer: when a change bumps a
version of that kind and its transaction commits, one `warm` task is queued for it, and the warmer computes what is
kept under the new version — the dashboard's figures, the coordinators' deadlines, the region overview — so that the
user who opens the page next finds it ready. A view that comes before the worker computes it itself, as before:
nothing shown is ever older than the last change.

One task at a time per version name: a burst of changes (an import of 2,000 people bumps a district 2,000 times)
queues one; a change made while the warmer runs queues the next. Warmers are registered by the apps in their
ready() (`WARMERS.add(warm_district, key="district-figures")`), and `WARM_CACHES = False` turns them off (the test suite,
where the tests of a warmer turn it on)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from mentoring_portal.lib.plugins import Plugins

logger = logging.getLogger(__name__)
PENDING_SECONDS = 600  # a warm task lost with its worker lets the next change queue another after this

# kind of version → `warmer(rest)`, called with what follows «kind:» in the version's name (an id, usually); a kind
# may have several (a region's roadmaps key its coordinators' deadlines and its overview)
WARMERS: Plugins[Callable[[str], None]] = Plugins("warming: what a version's change makes ready")


def _kind(name: str) -> str | None:
    kind = name.rpartition(":")[0]
    return kind if WARMERS.find(kind) is not None else None


def after_bump(name: str) -> None:
    """Called by versions.bump: queue the warmer of this version once its change is committed."""
    if _kind(name) is None or not getattr(settings, "WARM_CACHES", True):
        return
    transaction.on_commit(lambda: queue(name))


def queue(name: str) -> bool:
    """Queue one warm task for this version name unless one is already waiting; True when queued."""
    if _kind(name) is None or not cache.add(_pending(name), True, PENDING_SECONDS):
        return False
    try:
        warm.enqueue(name)
    except Exception:  # the queue is down: the next view computes it, as before warming
        cache.delete(_pending(name))
        logger.exception("Не удалось поставить в очередь подготовку %s", name)
        return False
    return True


def _pending(name: str) -> str:
    return f"warming:{name}"


@task()
def warm(name: str) -> str:
    """Computes what is kept under the version `name` now has (a change during it queues the next warm)."""
    cache.delete(_pending(name))
    kind = _kind(name)
    if kind is None:
        return "unknown"
    for warmer in WARMERS.under(kind):
        warmer(name[len(kind) + 1:])
    return "done"
