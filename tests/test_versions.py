"""Cache versions: a change bumps the version at once and again when its transaction commits, and a counter the cache
dropped comes back newer than any value it had."""

from django.core.cache import cache
from django.db import transaction

from mentoring_portal.lib.versions import _key, bump, version


def test_a_bump_moves_the_version_and_a_dropped_counter_never_goes_back(db):
    first = version("thing")
    bump("thing")
    assert version("thing") == first + 1
    cache.delete(_key("thing"))  # culled, or the cache restarted
    assert version("thing") > first + 1


def test_a_change_in_a_transaction_is_bumped_again_on_commit(db, django_capture_on_commit_callbacks):
    start = version("roadmap")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        bump("roadmap")
        assert version("roadmap") == start + 1
    assert version("roadmap") == start + 2
