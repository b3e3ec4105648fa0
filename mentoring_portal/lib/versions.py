"""Version numbers in the shared cache: what is cached under a version stays right until a change bumps it. The
version is read before the cached thing is computed, so a computation that overlaps a change stores its result under
the old version. A change is bumped at once (its own transaction reads it) and again when its transaction commits
(a request that read the old rows while the change was uncommitted cached them under the first bump)."""

from __future__ import annotations

import time
from collections import defaultdict
from functools import partial

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
    return int(cache.get_or_set(_key(name), _fresh, None))


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


_watchers: dict[type, dict] = defaultdict(dict)  # model → {label: names_of}


def watch(label: str, names_of, models=(), m2m=()) -> None:
    """Bump the versions `names_of(instance, created)` names on every save or delete of `models`, and on every change of
    the `m2m` relations (their through models; the instance is either side): the one wiring of a cache kept until a
    change. `label` names the wiring in the signals' dispatch ids. A deletion is seen before it happens, while the
    record's relations still say where it was shown (the version is bumped again when it commits)."""
    from django.db.models.signals import m2m_changed, post_save, pre_delete

    def changed(sender, instance, created: bool = False, **kwargs) -> None:
        for name in names_of(instance, created):
            bump(name)

    def relation_changed(sender, instance, action, **kwargs) -> None:
        if action in ("post_add", "post_remove", "post_clear"):
            changed(sender, instance)

    for model in models:
        _watchers[model][label] = names_of
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{label}-{model._meta.label}-save")
        pre_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{label}-{model._meta.label}-delete")
    for through in m2m:
        m2m_changed.connect(relation_changed, sender=through, weak=False, dispatch_uid=f"{label}-{through._meta.label}")


def touch(instance) -> None:
    """A change made in bulk (`bulk_create`, `update`) sends no signal: the service that made it touches one record
    of what it changed, and every version watching that record's model is bumped as for a save."""
    for names_of in _watchers.get(type(instance), {}).values():
        for name in names_of(instance, False):
            bump(name)


def lazy(compute, names: tuple[str, ...]) -> dict:
    """Template variables computed together (`compute()` returns a dict) only when a template first asks for one: a
    page whose cached fragment is used never computes them."""
    loaded: dict = {}

    def value(name: str):
        if not loaded:
            loaded.update(compute())
        return loaded[name]

    return {name: SimpleLazyObject(partial(value, name)) for name in names}


def lazy_cached(key: str, compute, names: tuple[str, ...], timeout: int = 6 * 3600) -> dict:
    """Template variables read from one cached dict (`compute()` on a miss) only when the template asks for them: a
    page whose cached fragment is used never reads them."""
    return lazy(lambda: cache.get_or_set(key, compute, timeout), names)


def kept_or_previous(key: str, latest_key: str, build, warm_name: str, timeout: int):
    """A costly page's value kept under `key` (its versions now) and as the latest of the day (`latest_key`). After a
    change the latest is shown while the worker builds the new one (`warm_name` queued once, however many views
    ask); with nothing kept today it is built here. Returns (value, whether a newer one is being built)."""
    found = cache.get(key)
    if found is not None:
        return found, False
    latest = cache.get(latest_key)
    if latest is None:
        return keep(key, latest_key, build(), timeout), False
    if warming.queue(warm_name):
        found = cache.get(key)  # a queue that runs at once (tests, a worker faster than us) has built it
        if found is not None:
            return found, False
    return latest, True


def keep(key: str, latest_key: str, value, timeout: int):
    cache.set_many({key: value, latest_key: value}, timeout)
    return value
