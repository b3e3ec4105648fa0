"""Each place's navigation (issue #23 item 12): the district page was a wall of 13 buttons, 4 links and 4 chips in no
order. Now every page of a place shows its sections in the model's order, only what the role may open, the current
one marked, and how many things wait."""

import re

import pytest
from django.urls import reverse

from roadmaps.models import RoadmapStatus
from tests.factories import SAYANSKY_SECTIONS, make_roadmap

DISTRICT_GROUPS = ["Дорожные карты и приказы", "Школы и люди", "Методическая работа", "Мониторинг и показатели",
                   "Документы и сайт", "Пользователи"]


def nav_of(html: str) -> str:
    return re.search(r'<nav class="place-nav.*?</nav>', html, re.S).group(0)


def groups(nav: str) -> list[str]:
    return re.findall(r'id="place-nav-\d+">([^<]+)</div>', nav)


def current(nav: str) -> list[str]:
    return [re.sub(r"<[^>]+>|\s+", " ", link).strip()
            for link in re.findall(r'aria-current="page">(.*?)</a>', nav, re.S)]


def test_the_district_page_shows_its_sections_in_the_models_order(login, world):
    nav = nav_of(login(world.curator).get(reverse("participants:district", args=["sayansky"])).content.decode())
    assert groups(nav) == DISTRICT_GROUPS
    for label in ("Дорожные карты", "Приказы и задачи", "База кураторов", "События", "Конкурсы", "Программы",
                  "Банк практик", "Показатели и мониторинг", "Документы", "Пользователи и роли"):
        assert label in nav
    assert current(nav) == ["Саянский район"]


def test_every_page_of_the_place_shows_the_same_sections_with_its_own_marked(login, world):
    client = login(world.curator)
    programmes = nav_of(client.get(reverse("participants:district-programmes", args=["sayansky"])).content.decode())
    assert groups(programmes) == DISTRICT_GROUPS and current(programmes) == ["Программы"]
    roadmap = make_roadmap(world.district, sections=SAYANSKY_SECTIONS)
    on_roadmap = nav_of(client.get(roadmap.get_absolute_url()).content.decode())
    assert groups(on_roadmap) == DISTRICT_GROUPS  # a roadmap's page is its owner's page


def test_a_role_sees_only_the_sections_it_may_open(login, world):
    nav = nav_of(login(world.methodist).get(reverse("participants:district", args=["sayansky"])).content.decode())
    assert "Показатели и мониторинг" in nav and "Пользователи и роли" not in nav
    school = nav_of(login(world.mentor).get(reverse("participants:organization", args=["agin-1"])).content.decode())
    assert "Реестр" not in school and "Дорожные карты" in school


def test_the_navigation_counts_what_waits(login, world):
    school_roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    school_roadmap.status = RoadmapStatus.SUBMITTED
    school_roadmap.save()
    nav = nav_of(login(world.curator).get(reverse("participants:district", args=["sayansky"])).content.decode())
    assert re.search(r"Дорожные карты\s*<span[^>]*><span class=\"visually-hidden\">ждут: </span>1</span>", nav)
    assert re.search(r"Разделы <span class=\"badge[^>]*>1</span>", nav)  # the folded button on a phone says it too
    school_roadmap.status = RoadmapStatus.RETURNED
    school_roadmap.save()
    own = nav_of(login(world.school_curator).get(reverse("participants:organization", args=["agin-1"]))
                 .content.decode())
    assert re.search(r"Дорожные карты\s*<span[^>]*><span class=\"visually-hidden\">ждут: </span>1</span>", own)


@pytest.mark.parametrize("url", ["/my/", "/accounts/login/"])
def test_pages_of_no_place_have_no_place_navigation(client, world, url):
    client.force_login(world.curator)
    assert 'class="place-nav' not in client.get(url).content.decode()
