"""WCAG 2.1 AA (ГОСТ Р 52872-2019) on the pages each role works in, checked with axe-core in Chromium, on a desktop
window and on a phone-sized one (nothing wider than the window at 390 px)."""

import pytest

from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def pages_of(world, objects) -> dict:
    d, s = world.district.code, world.school.code
    roadmap, school_roadmap = objects["district_roadmap"], objects["school_roadmap"]
    return {
        "curator": ["/my/", f"/d/{d}/", f"/d/{d}/roadmaps/", f"/roadmaps/{roadmap.pk}/",
                    f"/roadmaps/{roadmap.pk}/timeline/", f"/roadmaps/{roadmap.pk}/items/{objects['item'].pk}/",
                    f"/roadmaps/{roadmap.pk}/items/paste/", f"/roadmaps/{roadmap.pk}/copy/", f"/d/{d}/campaigns/",
                    f"/d/{d}/campaigns/{objects['campaign'].pk}/", f"/d/{d}/forms/", f"/d/{d}/mentoring/",
                    "/my/deadlines/", f"/d/{d}/users/", f"/d/{d}/users/invite/", f"/d/{d}/curators/",
                    f"/d/{d}/experts/", f"/d/{d}/partners/", f"/d/{d}/partners/new/", f"/d/{d}/documents/",
                    f"/d/{d}/documents/new/", f"/d/{d}/programmes/", f"/d/{d}/programmes/{objects['programme'].pk}/",
                    f"/d/{d}/practices/", f"/d/{d}/practices/review/", f"/d/{d}/practices/{objects['practice'].pk}/",
                    f"/roadmaps/{roadmap.pk}/adopt/", f"/d/{d}/events/", f"/d/{d}/events/new/",
                    f"/events/{objects['event'].pk}/", f"/d/{d}/contests/", f"/d/{d}/contests/new/",
                    f"/contests/{objects['contest'].pk}/", f"/d/{d}/training/"],
        "school_curator": ["/my/", f"/o/{s}/", f"/o/{s}/people/", f"/o/{s}/people/new/",
                           f"/o/{s}/people/{objects['mentee'].pk}/", f"/o/{s}/people/import/", f"/o/{s}/pairs/",
                           f"/o/{s}/pairs/new/", f"/o/{s}/pairs/{objects['pair'].pk}/", f"/o/{s}/matching/",
                           f"/roadmaps/{school_roadmap.pk}/", f"/o/{s}/roadmaps/import/", f"/o/{s}/users/",
                           f"/o/{s}/users/invite/", f"/o/{s}/documents/", f"/o/{s}/programmes/",
                           f"/o/{s}/programmes/new/", f"/o/{s}/practices/", f"/o/{s}/practices/new/",
                           f"/o/{s}/practices/bank/", f"/o/{s}/events/", f"/o/{s}/contests/",
                           f"/o/{s}/contests/{objects['contest'].pk}/apply/", f"/o/{s}/training/",
                           f"/o/{s}/public/", f"/p/o/{s}/", f"/p/d/{d}/", f"/p/o/{s}/embed/"],
        "methodist": [f"/d/{d}/indicators/", f"/d/{d}/report/", "/my/exports/"],
        "mentor": ["/my/", "/my/pairs/"],
        "coordinator": ["/my/", f"/r/{world.region.code}/", f"/r/{world.region.code}/users/",
                        f"/r/{world.region.code}/documents/", f"/r/{world.region.code}/practices/",
                        f"/r/{world.region.code}/contests/"],
    }


@pytest.mark.parametrize("role", ["curator", "school_curator", "methodist", "mentor", "coordinator"])
@pytest.mark.parametrize("window", ["desktop", "phone"])
def test_every_page_of_a_role_meets_wcag_21_aa(page, sign_in, problems, world, objects, role, window):
    if window == "phone":
        page.set_viewport_size(PHONE)
    base = sign_in(getattr(world, role))
    for path in pages_of(world, objects)[role]:
        page.goto(base + path)  # checked on arrival (conftest)
    assert not problems, "\n".join(problems)


def test_signing_in_and_editing_an_item_work_with_the_keyboard_alone(page, live_server, problems, world, objects):
    from tests.browser.conftest import PASSWORD

    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").focus()
    page.keyboard.type(world.curator.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/my/")
    roadmap, item = objects["district_roadmap"], objects["item"]
    page.goto(f"{live_server.url}/roadmaps/{roadmap.pk}/")
    page.locator(f"#item-{item.pk} a[title='Изменить']").focus()
    page.keyboard.press("Enter")  # the row becomes a form with the cursor in the name
    page.wait_for_selector(f"#item-{item.pk} textarea[name=name]:focus")
    page.keyboard.press("Control+A")
    page.keyboard.type("Утвердить состав рабочей группы")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector(f"#item-{item.pk} >> text=Утвердить состав рабочей группы")
    assert problems == []
