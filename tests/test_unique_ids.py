"""No page repeats an id (issue #23): two fields with the id «id_comment» on the review page sent the label «Что
нужно доработать» to the approval's box, and «Вернуть» seemed to do nothing. The demo is crawled as a user of each
role who edits, and every id of every page must be its own."""

import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model

from roadmaps.models import Roadmap, RoadmapStatus
from tests.crawl import crawl

EDITORS = ["ryabtseva", "kurator.agin1", "nastavnik.agin1", "koordinator"]
MAX_PAGES = 160
ID = re.compile(r'\sid="([^"]+)"')


def repeated_ids(html: str) -> list[str]:
    return sorted(name for name, count in Counter(ID.findall(html)).items() if count > 1)


class TestTheDemoCrawled:
    """The demo, loaded once for the editors (tests/conftest.py: demo_loaded)."""

    @pytest.mark.parametrize("username", EDITORS)
    def test_no_page_of_the_demo_repeats_an_id(self, client, demo, username):
        client.force_login(get_user_model().objects.get(username=username))
        reviews = tuple(f"/roadmaps/{pk}/review/" for pk in Roadmap.objects.filter(
            status=RoadmapStatus.SUBMITTED).values_list("pk", flat=True))
        pages = crawl(client, MAX_PAGES, start=("/", *reviews))
        assert len(pages) > 20
        repeated = {url: ids for url, html in pages.items() if (ids := repeated_ids(html))}
        assert not repeated, repeated


def test_the_review_page_has_one_field_per_id(login, world):
    from roadmaps.services import roadmap_submit
    from tests.factories import SAYANSKY_SECTIONS, make_roadmap

    roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    roadmap_submit(roadmap=roadmap, user=world.school_curator)
    html = login(world.curator).get(f"/roadmaps/{roadmap.pk}/review/").content.decode()
    assert html.count('id="id_comment"') == 1 and repeated_ids(html) == []
    assert re.search(r'for="id_return_comment"[^>]*>\s*Что нужно доработать', html)
