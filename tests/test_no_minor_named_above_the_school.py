"""Nothing a district or region role reads names a pupil under 18: the demo crawled as each such user, every page
reachable by links from the landing page, and no full name of a minor in any of them. Age decides, not the role in
a pair: the demo's pupils who mentor pupils («ученик – ученик») are among the minors looked for."""

import re
from collections import deque

import pytest
from django.utils import timezone

from participants.models import Pair, Person

READERS = ["koordinator", "ryabtseva", "abasheva", "kuteykina", "ekspert.sayan"]
MAX_PAGES = 220  # per reader: every kind of page is reached well before (the crawl goes breadth first)
SKIP = re.compile(r"^/(static|media|accounts/logout|admin)/|/(export|download|file|template|calendar\.ics|feed)"
                  r"|\.(xlsx|pdf|docx|ics|csv)(\?|$)")
LINK = re.compile(r'href="(/[^"#]*)"')


@pytest.fixture
def demo(db):
    from mentoring_portal.management.commands.load_demo import Command

    Command().handle(admin_password=None)


def _minors() -> list[str]:
    today = timezone.localdate()
    people = list(Person.objects.all())
    adults = {p.full_name for p in people if not p.is_minor(today)}
    # The demo's names come from a short list: a child who shares an adult's full name can't be told apart in text.
    return sorted({p.full_name for p in people if p.is_minor(today) and p.full_name not in adults})


def _crawl(client) -> dict[str, str]:
    seen, pages, queue = set(), {}, deque(["/"])
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        for link in LINK.findall(html):
            link = link.replace("&amp;", "&")
            if link not in seen and not SKIP.search(link):
                queue.append(link)
    return pages


@pytest.mark.parametrize("username", READERS)
def test_no_page_a_district_or_region_reader_opens_names_a_minor(client, demo, username):
    from django.contrib.auth import get_user_model

    today = timezone.localdate()
    pupil_mentors = [p.mentor for p in Pair.objects.live().select_related("mentor") if p.mentor.is_minor(today)]
    assert pupil_mentors, "the demo has pupils mentoring pupils: the rule is tried on them"
    minors = _minors()
    assert len(minors) > 100
    client.force_login(get_user_model().objects.get(username=username))
    pages = _crawl(client)
    assert len(pages) > 15
    named = {(url, name) for url, html in pages.items() for name in minors if name in html}
    assert not named, sorted(named)[:10]
