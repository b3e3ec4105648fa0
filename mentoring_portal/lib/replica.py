"""Reports and exports read from a streaming replica when one is configured (DATABASE_REPLICA_URL): the primary
keeps its time for the people typing. Only code inside `from_replica()` reads there — pages read the primary, so a
user always sees what they have just saved; a report may lag the primary by the replica's delay."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_reading_replica: ContextVar[bool] = ContextVar("reading_replica", default=False)


@contextmanager
def from_replica():
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
