"""Redis as the cache every app and worker process shares (CACHE=redis), kept working while Redis is away (issue #27):
a read is a miss, a write is skipped, and the page is computed as if nothing were kept — slower, never an error page.
Sessions are in the database behind this cache (`cached_db`), so nobody is signed out.

While Redis was away, changes could not move the versions that key kept pages (lib/versions): when it answers again,
the first process to notice forgets every version, so each is read afresh — newer than anything kept under the old
ones — and no page kept before the outage is shown after a change made during it."""

from __future__ import annotations

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)
VERSIONS = "version:*"  # lib/versions' keys


def _tolerant(missing):
    def wrap(method):
        @functools.wraps(method)
        def tolerant(self, *args, **kwargs):
            try:
                result = method(self, *args, **kwargs)
            except (RedisError, OSError) as exc:
                if not self._away:
                    log.warning("Кэш Redis недоступен, страницы считаются без него: %s", exc)
                self._away = True
                if isinstance(missing, type) and issubclass(missing, Exception):
                    raise missing(str(exc)) from exc
                return missing(*args, **kwargs) if callable(missing) else missing
            if self._away:
                self._back()
            return result
        return tolerant
    return wrap


def _default(key, default=None, *args, **kwargs):
    return default


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._away = False

    def _back(self) -> None:
        """Redis answers again: forget the versions that changes made meanwhile could not move."""
        self._away = False
        try:
            client = self._cache.get_client(write=True)  # type: ignore[attr-defined]  # RedisCache's client, not in the stubs
            keys = list(client.scan_iter(match=self.make_key(VERSIONS)))
            if keys:
                client.delete(*keys)
            log.warning("Кэш Redis снова доступен: версии сохранённых страниц сброшены (%s)", len(keys))
        except (RedisError, OSError):
            self._away = True

    get = _tolerant(_default)(RedisCache.get)
    get_many = _tolerant(lambda keys, *a, **k: {})(RedisCache.get_many)
    set = _tolerant(None)(RedisCache.set)
    set_many = _tolerant(lambda data, *a, **k: list(data))(RedisCache.set_many)
    add = _tolerant(False)(RedisCache.add)
    touch = _tolerant(False)(RedisCache.touch)
    delete = _tolerant(False)(RedisCache.delete)
    delete_many = _tolerant(None)(RedisCache.delete_many)
    has_key = _tolerant(False)(RedisCache.has_key)
    incr = _tolerant(ValueError)(RedisCache.incr)  # «not there»: lib/versions then sets a fresh version (skipped)
    clear = _tolerant(None)(RedisCache.clear)
