"""What each kind of job does, and which kinds are a user's exports: registered by the app that owns the kind."""

from __future__ import annotations

from collections.abc import Callable

from mentoring_portal.lib.plugins import Plugins

# kind → function (job) → JSON-serialisable result, run by the worker (jobs/tasks.py)
HANDLERS: Plugins[Callable] = Plugins("jobs: what each kind does", unique=True)
# kind → what «Мои выгрузки» calls a file of that kind; the kinds listed there and purged after a week
EXPORT_LABELS: Plugins[str] = Plugins("jobs: exports listed in «Мои выгрузки»", unique=True)


def export_kinds() -> list[str]:
    return [str(kind) for kind in EXPORT_LABELS.keys()]
