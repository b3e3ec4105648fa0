"""A place's navigation in Chromium (issue #23 item 12): on a computer the district's sections stand beside every page
of the place; on a phone they fold under «Разделы» and open with a tap."""

import pytest
from playwright.sync_api import expect

from roadmaps.models import RoadmapStatus
from tests.browser.conftest import PHONE
from tests.factories import SAYANSKY_SECTIONS, make_roadmap

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def test_the_district_curator_finds_her_way_by_the_districts_sections(page, sign_in, problems, shoot, world):
    school_roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    school_roadmap.status = RoadmapStatus.SUBMITTED
    school_roadmap.save()
    base = sign_in(world.curator)
    page.goto(f"{base}/d/{world.district.code}/")
    sections = page.get_by_role("navigation", name="Разделы: Саянский район")
    expect(sections.get_by_text("Методическая работа")).to_be_visible()
    shoot("district", "place-navigation", "Разделы муниципалитета слева на каждой его странице: дорожные карты и "
                                          "приказы, школы и люди, методическая работа, мониторинг, документы и сайт, "
                                          "пользователи; красное число — что ждёт вас (карта школы на согласовании).")
    sections.get_by_role("link", name="Программы").click()
    expect(page.locator("h1")).to_contain_text("программ")
    expect(sections.locator("[aria-current=page]")).to_have_text("Программы")
    sections.get_by_role("link", name="Дорожные карты").click()
    expect(sections.locator("[aria-current=page]")).to_contain_text("Дорожные карты")

    page.set_viewport_size(PHONE)
    page.goto(f"{base}/d/{world.district.code}/")
    expect(sections.get_by_role("link", name="Банк практик")).to_be_hidden()  # folded on a phone
    sections.get_by_role("button", name="Разделы").click()
    expect(sections.get_by_role("link", name="Банк практик")).to_be_visible()
    shoot("district", "place-navigation-phone", "На телефоне разделы свёрнуты под кнопкой «Разделы» (число на ней — "
                                                "сколько дел ждёт).")
    sections.get_by_role("link", name="Банк практик").click()
    expect(page.locator("h1")).to_contain_text("практик")
    assert problems == []
