"""Issue #27: the shared Redis cache of several machines keeps the pages working while Redis is away, and forgets the
versions of kept pages when it is back (changes made meanwhile could not move them)."""

import pytest
from django.core.cache import caches
from django.test import override_settings
from redis import Redis

from mentoring_portal.lib import versions
from mentoring_portal.lib.shared_cache import SharedRedisCache

LIVE = "redis://127.0.0.1:6379/15"


def cache_at(location: str) -> SharedRedisCache:
    return SharedRedisCache(location, {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}})


def redis_up() -> bool:
    try:
        return Redis.from_url(LIVE, socket_connect_timeout=0.5).ping()
    except Exception:  # noqa: BLE001 - no Redis on this machine
        return False


def test_with_redis_away_a_read_misses_and_a_write_is_skipped():
    away = cache_at("redis://127.0.0.1:1/0")  # nothing listens there
    assert away.get("k", "default") == "default" and away.get_many(["a", "b"]) == {}
    assert away.set("k", 1) is None and away.add("k", 1) is False and away.delete("k") is False
    assert away.get_or_set("k", lambda: 42) == 42  # computed, as if nothing were kept
    with pytest.raises(ValueError):
        away.incr("version:x")  # lib/versions then sets a fresh version, skipped too


@pytest.mark.skipif(not redis_up(), reason="Redis is not running (.ci/run starts it)")
def test_when_redis_is_back_the_versions_are_forgotten_and_nothing_else():
    live = cache_at(LIVE)
    live.clear()
    live.set("version:district-figures:1", 5, None)
    live.set("monitoring:dashboard:1:2026:5", "kept page")
    live._away = True  # an outage seen by this process
    assert live.get("monitoring:dashboard:1:2026:5") == "kept page"  # the first answer after it
    assert live.get("version:district-figures:1") is None  # read afresh: newer than anything kept
    live.clear()


@pytest.mark.skipif(not redis_up(), reason="Redis is not running (.ci/run starts it)")
def test_the_portals_versions_work_through_it():
    with override_settings(CACHES={"default": {"BACKEND": "mentoring_portal.lib.shared_cache.SharedRedisCache",
                                               "LOCATION": LIVE}}):
        caches["default"].clear()
        first = versions.version("district-figures:7")
        versions.bump("district-figures:7")
        assert versions.version("district-figures:7") > first
        caches["default"].clear()
