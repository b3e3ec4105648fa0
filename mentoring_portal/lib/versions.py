"""Version numbers in the shared cache: what is cached under a version stays right until a change bumps it. The
version is read before the cached thing is computed, so a computation that overlaps a change stores its result under
the old version. A change is bumped at once (its own transaction reads it) and again when its transaction commits
(a request that read the old rows while the change was uncommitted cached them under the first bump)."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import transaction
from django.utils.functional import SimpleLazyObject

from mentoring_portal.lib import warming


def _key(name: str) -> str:
    return f"version:{name}"


def _fresh() -> int:
    # A version that was never used before: a cache may drop the counter (culling, a restart of Redis), and a
    # counter restarting at 1 would find things cached under its old values.
    return time.time_ns() // 1000


def version(name: str) -> int:
    return cache.get_or_set(_key(name), _fresh, None)


def _incr(name: str) -> None:
    try:
        cache.incr(_key(name))
    except ValueError:  # not in the cache: a fresh value is newer than anything cached before
        cache.set(_key(name), _fresh(), None)


def bump(name: str) -> None:
    _incr(name)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _incr(name))
    warming.after_bump(name)  # what a warmer keeps under this version is made again by the worker (lib/warming)


def lazy_cached(key: str, compute, names: tuple[str, ...], timeout: int = 6 * 3600) -> dict:
    """Template variables read from one cached dict (`compute()` on a miss) only when the template asks for them: a
    page whose cached fragment is used never reads them."""
    loaded: dict = {}

    def value(name: str):
        if not loaded:
            loaded.update(cache.get_or_set(key, compute, timeout))
        return loaded[name]

    return {name: SimpleLazyObject(lambda name=name: value(name)) for name in names}
