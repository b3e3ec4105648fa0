"""Nothing a district or region role reads names a pupil under 18: the demo crawled as each such user, every page
reachable by links from the landing page, and no full name of a minor in any of them. Age decides, not the role in
a pair: the demo's pupils who mentor pupils («ученик – ученик») are among the minors looked for."""

import pytest
from django.utils import timezone

from participants.models import Pair, Person
from tests.crawl import crawl

READERS = ["koordinator", "ryabtseva", "abasheva", "kuteykina", "ekspert.sayan"]
MAX_PAGES = 220  # per reader: every kind of page is reached well before (the crawl goes breadth first)


def _minors() -> list[str]:
    today = timezone.localdate()
    people = list(Person.objects.all())
    adults = {p.full_name for p in people if not p.is_minor(today)}
    # The demo's names come from a short list: a child who shares an adult's full name can't be told apart in text.
    return sorted({p.full_name for p in people if p.is_minor(today) and p.full_name not in adults})


class TestTheDemoCrawled:
    """The demo, loaded once for the readers (tests/conftest.py: demo_loaded)."""

    @pytest.mark.parametrize("username", READERS)
    def test_no_page_a_district_or_region_reader_opens_names_a_minor(self, client, demo, username):
        from django.contrib.auth import get_user_model

        today = timezone.localdate()
        pupil_mentors = [p.mentor for p in Pair.objects.live().select_related("mentor") if p.mentor.is_minor(today)]
        assert pupil_mentors, "the demo has pupils mentoring pupils: the rule is tried on them"
        minors = _minors()
        assert len(minors) > 100
        client.force_login(get_user_model().objects.get(username=username))
        pages = crawl(client, MAX_PAGES)
        assert len(pages) > 15
        named = {(url, name) for url, html in pages.items() for name in minors if name in html}
        assert not named, sorted(named)[:10]
