"""WCAG 2.1 AA (ГОСТ Р 52872-2019) on the pages each role works in, checked with axe-core in Chromium, on a desktop
window and on a phone-sized one (nothing wider than the window at 390 px)."""

import pytest

from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def pages_of(world, objects) -> dict:
    d, s = world.district.code, world.school.code
    roadmap, school_roadmap = objects["district_roadmap"], objects["school_roadmap"]
    return {
        "curator": ["/my/", f"/d/{d}/", f"/roadmaps/{roadmap.pk}/", f"/roadmaps/{roadmap.pk}/timeline/",
                    f"/roadmaps/{roadmap.pk}/items/{objects['item'].pk}/", f"/d/{d}/campaigns/"],
        "school_curator": ["/my/", f"/o/{s}/", f"/o/{s}/people/", f"/o/{s}/people/{objects['mentee'].pk}/",
                           f"/o/{s}/pairs/", f"/o/{s}/pairs/new/", f"/roadmaps/{school_roadmap.pk}/"],
        "methodist": [f"/d/{d}/indicators/", f"/d/{d}/report/"],
        "mentor": ["/my/", "/my/pairs/"],
    }


@pytest.mark.parametrize("role", ["curator", "school_curator", "methodist", "mentor"])
@pytest.mark.parametrize("window", ["desktop", "phone"])
def test_every_page_of_a_role_meets_wcag_21_aa(page, sign_in, problems, world, objects, role, window):
    if window == "phone":
        page.set_viewport_size(PHONE)
    base = sign_in(getattr(world, role))
    for path in pages_of(world, objects)[role]:
        page.goto(base + path)  # checked on arrival (conftest)
    assert not problems, "\n".join(problems)
