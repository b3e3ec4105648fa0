"""The pair form with the mouse, as people use it (issue #23): each picker is clicked — on its label or on its box —,
typed into, and the option seen is clicked; nothing typed lands in the other picker, and «Сохранить» with a picker
left empty says so on the page."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from participants.models import Pair
from tests.factories import person

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


def choose(page, text: str) -> None:
    """Click the option a person sees: the open list's; the person then sees it in the box."""
    page.locator(".ts-dropdown:visible .option", has_text=text).click()
    expect(page.locator(".ts-control .item", has_text=text).first).to_be_visible()


def click_label(page, text: str, picker: str) -> None:
    """Click a picker's label, as a person does, and look for the cursor in its box before typing: a person types
    once they see it there (on a busy machine the focus comes a moment after the click)."""
    page.locator("label", has_text=text).first.click()
    expect(page.locator(f"#id_{picker}-ts-control")).to_be_focused()


def test_the_school_curator_makes_a_pair_with_the_mouse(page, sign_in, problems, world):
    mentor = person(world.school, last_name="Ёлкин", first_name="Андрей", grade="11А", birth_date=date(2008, 4, 1))
    person(world.school, last_name="Белова", first_name="Анна", grade="7Б", birth_date=date(2012, 3, 3))
    person(world.school, last_name="Жуков", first_name="Пётр", grade="7Б", birth_date=date(2012, 3, 3))
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/pairs/new/")
    page.select_option("#id_form", label="ученик – ученик")

    click_label(page, "Наставляемые", "mentees")  # only mentees first: «Сохранить» says what is missing
    page.keyboard.type("жуков")
    choose(page, "Жуков Пётр")
    page.fill("#id_end_date", str(timezone.localdate() + timedelta(days=200)))
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("#div_id_mentor").get_by_text("Обязательное поле")).to_be_visible()
    assert page.locator(".ts-control .item", has_text="Жуков Пётр").count() == 1  # what was chosen stays

    click_label(page, "Наставник", "mentor")  # the label, as a person clicks it
    page.keyboard.type("ёлкин")
    choose(page, "Ёлкин Андрей")
    click_label(page, "Наставляемые", "mentees")  # the next label takes the focus to its own picker
    page.keyboard.type("белова")
    choose(page, "Белова Анна")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Пара создана")
    pair = Pair.objects.get()
    assert pair.mentor == mentor and sorted(m.last_name for m in pair.mentees.all()) == ["Белова", "Жуков"]
    assert problems == []


def test_in_a_big_school_the_pickers_find_people_as_one_types(page, sign_in, problems, world):
    """Issue #24: past PICKER_INLINE people the page holds none of them; the pickers ask the server as one types."""
    from participants.models import Person
    from participants.pairs.forms import PICKER_INLINE

    Person.objects.bulk_create([Person(organization=world.school, category="student", last_name=f"Ученик{n:04d}",
                                       first_name="Иван", grade="5А", search=f"ученик{n:04d} иван 5а")
                                for n in range(PICKER_INLINE)])
    mentor = person(world.school, last_name="Ёлкин", first_name="Андрей", grade="11А", birth_date=date(2008, 4, 1))
    person(world.school, last_name="Белова", first_name="Анна", grade="7Б", birth_date=date(2012, 3, 3))
    base = sign_in(world.school_curator)
    page.goto(f"{base}/o/{world.school.code}/pairs/new/")
    assert page.locator("#id_mentees option").count() == 0  # nobody in the page
    page.select_option("#id_form", label="ученик – ученик")
    click_label(page, "Наставник", "mentor")
    page.keyboard.type("елкин")  # «е» for «ё», as people type
    choose(page, "Ёлкин Андрей")
    click_label(page, "Наставляемые", "mentees")
    page.keyboard.type("белова 7б")
    choose(page, "Белова Анна")
    page.fill("#id_end_date", str(timezone.localdate() + timedelta(days=200)))
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Пара создана")
    pair = Pair.objects.get()
    assert pair.mentor == mentor and [m.last_name for m in pair.mentees.all()] == ["Белова"]
    assert problems == []
