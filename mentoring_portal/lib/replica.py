"""Reports and exports read from a streaming replica when one is configured (DATABASE_REPLICA_URL): the primary
keeps its time for the people typing. Only code inside `from_replica()` reads there — pages read the primary.

A report started right after a save must show it (issue #27): the job remembers the primary's position in its log
when it is queued (`primary_position`), and `from_replica(after=…)` reads the replica only once it has replayed that
far — waiting up to REPLICA_WAIT_SECONDS. A replica that is stopped, unreachable or further behind is not read: the
report reads the primary instead and the reason is logged, so a report is never older than what its user saved."""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

log = logging.getLogger(__name__)
REPLICA = "replica"
_reading_replica: ContextVar[bool] = ContextVar("reading_replica", default=False)


def configured() -> bool:
    return REPLICA in connections.settings and connections["default"].vendor == "postgresql"


def primary_position() -> str | None:
    """Where the primary's log stands now (a PostgreSQL LSN), or None without a replica."""
    if not configured():
        return None
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        return cursor.fetchone()[0]


def _unready(after: str | None) -> str | None:
    """Why the replica may not be read now, or None when it has replayed up to `after`."""
    deadline = time.monotonic() + settings.REPLICA_WAIT_SECONDS
    try:
        with connections[REPLICA].cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_is_in_recovery(), %s IS NULL OR pg_last_wal_replay_lsn() >= %s::pg_lsn",
                               [after, after])
                recovering, caught_up = cursor.fetchone()
                if not recovering or caught_up:  # a primary named as the replica is always up to date
                    return None
                if time.monotonic() >= deadline:
                    return f"реплика не догнала основную базу до {after} за {settings.REPLICA_WAIT_SECONDS} с"
                time.sleep(0.1)
    except DatabaseError as exc:
        connections[REPLICA].close()
        return f"реплика недоступна: {exc}".strip()


@contextmanager
def from_replica(after: str | None = None):
    """Reads inside go to the replica when there is one that has replayed the primary's log up to `after`."""
    if configured():
        reason = _unready(after)
        if reason:
            log.warning("Отчёт читает основную базу: %s", reason)
            yield
            return
    token = _reading_replica.set(True)
    try:
        yield
    finally:
        _reading_replica.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reading_replica.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None  # the primary

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
