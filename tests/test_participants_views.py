"""District and organization pages and the head-count form: owners, read-only roles and outsiders."""

import pytest
from django.urls import reverse

from participants.models import HeadCount
from tests.factories import HeadCountFactory


def district_url(world):
    return reverse("participants:district", kwargs={"district": world.district.code})


def school_url(world):
    return reverse("participants:organization", kwargs={"organization": world.school.code})


def create_url(world):
    return reverse("participants:headcount-create", kwargs={"organization": world.school.code})


HEAD_COUNT = {"school_year": 2024, "students": 612, "teachers": 48, "young_teachers": 7, "additional_students": 390}


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    response = client.get(district_url(world))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("who", ["curator", "methodist", "coordinator"])
def test_it_shows_the_district_page_with_its_schools(login, world, who):
    HeadCountFactory(organization=world.school, school_year=2024)
    response = login(getattr(world, who)).get(district_url(world))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Саянский район" in content
    assert "МБОУ Агинская СОШ № 1" in content and "МБОУ Тинская СОШ" in content


@pytest.mark.parametrize("who", ["outsider_curator", "school_curator", "mentor"])
def test_it_hides_the_district_page_from_outsiders(login, world, who):
    assert login(getattr(world, who)).get(district_url(world)).status_code == 404


def test_it_refuses_a_post_to_a_read_only_page(login, world):
    assert login(world.curator).post(district_url(world)).status_code == 403


@pytest.mark.parametrize("who", ["school_curator", "mentor", "curator", "methodist", "coordinator"])
def test_it_shows_the_organization_page_to_those_who_work_with_it(login, world, who):
    response = login(getattr(world, who)).get(school_url(world))
    assert response.status_code == 200
    assert "МБОУ Агинская СОШ № 1" in response.content.decode()


@pytest.mark.parametrize("who", ["other_curator", "outsider_curator"])
def test_it_hides_an_organization_from_outsiders(login, world, who):
    assert login(getattr(world, who)).get(school_url(world)).status_code == 404


@pytest.mark.parametrize("who", ["school_curator", "curator"])
def test_it_saves_a_head_count(login, world, who):
    response = login(getattr(world, who)).post(create_url(world), HEAD_COUNT)
    assert response.status_code == 302
    saved = HeadCount.objects.get(organization=world.school, school_year=2024)
    assert (saved.students, saved.young_teachers) == (612, 7)
    follow = login(getattr(world, who)).get(response.url)
    assert "Контингент на 2024–2025 учебный год сохранён." in follow.content.decode()


@pytest.mark.parametrize("who", ["methodist", "mentor", "coordinator"])
def test_it_refuses_head_count_changes_by_read_only_roles(login, world, who):
    response = login(getattr(world, who)).post(create_url(world), HEAD_COUNT)
    assert response.status_code == 403
    assert not HeadCount.objects.exists()


def test_it_hides_the_head_count_form_from_outsiders(login, world):
    assert login(world.other_curator).post(create_url(world), HEAD_COUNT).status_code == 404
    assert not HeadCount.objects.exists()


def test_it_explains_an_impossible_head_count_and_keeps_what_was_typed(login, world):
    response = login(world.school_curator).post(create_url(world), {**HEAD_COUNT, "young_teachers": 90})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Молодых педагогов не может быть больше" in content
    assert 'value="612"' in content
    assert not HeadCount.objects.exists()


def test_it_refuses_a_second_head_count_for_the_same_year(login, world):
    HeadCountFactory(organization=world.school, school_year=2024)
    response = login(world.school_curator).post(create_url(world), HEAD_COUNT)
    assert "уже внесён" in response.content.decode()
    assert HeadCount.objects.count() == 1


def test_it_edits_an_existing_year_without_changing_the_year(login, world):
    HeadCountFactory(organization=world.school, school_year=2023, students=100)
    url = reverse("participants:headcount-edit", kwargs={"organization": world.school.code, "school_year": 2023})
    response = login(world.school_curator).post(url, {**HEAD_COUNT, "school_year": 1999, "students": 150})
    assert response.status_code == 302
    saved = HeadCount.objects.get()
    assert (saved.school_year, saved.students) == (2023, 150)


def test_it_answers_404_for_a_year_that_was_never_entered(login, world):
    url = reverse("participants:headcount-edit", kwargs={"organization": world.school.code, "school_year": 2010})
    assert login(world.school_curator).get(url).status_code == 404


def test_it_lists_what_a_school_curator_has_to_do_on_the_landing_page(login, world):
    content = login(world.school_curator).get(reverse("participants:home")).content.decode()
    assert "Внести контингент МБОУ Агинская СОШ № 1" in content
    assert "Тинская" not in content


def test_it_shows_a_coordinator_the_districts_and_the_schools_under_the_region(login, world):
    content = login(world.coordinator).get(reverse("participants:home")).content.decode()
    assert "Саянский район" in content
    assert "ГБОУ КК Школа-интернат" in content
    assert "Городской округ Клин" not in content


def test_it_tells_a_user_without_roles_whom_to_ask(login, db):
    from tests.factories import UserFactory

    content = login(UserFactory()).get(reverse("participants:home")).content.decode()
    assert "Вам пока не назначена ни одна роль" in content
