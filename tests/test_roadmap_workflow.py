"""A school curator submits the school roadmap; the district approves it or returns it with a comment."""

import pytest
from django.urls import reverse
from django.utils import timezone

from roadmaps.models import Change, Roadmap, RoadmapStatus
from tests.factories import SAYANSKY_SECTIONS, make_roadmap


@pytest.fixture
def school_roadmap(world):
    return make_roadmap(world.school, sections=SAYANSKY_SECTIONS)


def url(name, roadmap):
    return reverse(f"roadmaps:{name}", kwargs={"pk": roadmap.pk})


def status_of(roadmap) -> str:
    return Roadmap.objects.get(pk=roadmap.pk).status


def test_a_school_curator_submits_and_the_district_approves(login, world, school_roadmap):
    login(world.school_curator).post(url("submit", school_roadmap))
    assert status_of(school_roadmap) == RoadmapStatus.SUBMITTED
    district_list = login(world.curator).get(reverse("roadmaps:district-list", kwargs={"district": "sayansky"}))
    assert "Ожидают согласования: 1" in district_list.content.decode()
    response = login(world.curator).post(url("review", school_roadmap), {"approve": "1", "comment": "Согласовано"})
    assert response.status_code == 302
    approved = Roadmap.objects.get(pk=school_roadmap.pk)
    assert (approved.status, approved.reviewed_by) == (RoadmapStatus.APPROVED, world.curator)
    assert list(Change.objects.filter(roadmap=approved).values_list("action", flat=True)) == ["approved", "submitted"]


def approved(login, world, roadmap):
    login(world.school_curator).post(url("submit", roadmap))
    login(world.curator).post(url("review", roadmap), {"approve": "1", "comment": ""})
    return Roadmap.objects.get(pk=roadmap.pk)


def item_url(name, roadmap, item):
    return reverse(f"roadmaps:{name}", kwargs={"pk": roadmap.pk, "item_id": item.pk})


def test_an_approved_plan_is_marked_done_but_not_rewritten(login, world, school_roadmap):
    roadmap = approved(login, world, school_roadmap)
    item = roadmap.items.alive().first()
    client = login(world.school_curator)
    form = client.get(item_url("item-edit", roadmap, item))
    assert set(form.context["form"].fields) == {"status", "completion_note", "document", "version"}
    client.post(item_url("item-edit", roadmap, item), {"status": "done", "completion_note": "Приказ № 5",
                                                        "version": item.version, "name": "Переименовано"})
    item.refresh_from_db()
    assert (item.status, item.completion_note) == ("done", "Приказ № 5") and item.name != "Переименовано"
    refused = client.post(item_url("item-delete", roadmap, item), follow=True).content.decode()
    assert "Дорожная карта согласована" in refused and roadmap.items.alive().filter(pk=item.pk).exists()
    page = client.get(url("detail", roadmap)).content.decode()
    assert "Внести изменения" in page and 'title="Удалить"' not in page and "Отметить выполнение" in page


def test_changing_an_approved_plan_goes_through_approval_again(login, world, school_roadmap):
    roadmap = approved(login, world, school_roadmap)
    item = roadmap.items.alive().first()
    client = login(world.school_curator)
    client.post(url("reopen", roadmap))
    assert status_of(roadmap) == RoadmapStatus.DRAFT
    client.post(item_url("item-edit", roadmap, item), {
        "name": "Назначить куратора внедрения ЦМН", "deadline_text": item.deadline_text, "status": item.status,
        "version": item.version})
    client.post(url("submit", roadmap))
    review = login(world.curator).get(url("review", roadmap)).content.decode()
    assert "Изменения после согласования" in review and "Изменено: наименование" in review
    assert "Назначить куратора внедрения ЦМН" in review  # the roadmap under review is on the page


def test_the_district_returns_it_with_a_comment_the_school_sees(login, world, school_roadmap):
    login(world.school_curator).post(url("submit", school_roadmap))
    login(world.curator).post(url("review", school_roadmap), {"return": "1", "comment": "Добавьте сроки по п. 1.3"})
    assert status_of(school_roadmap) == RoadmapStatus.RETURNED
    page = login(world.school_curator).get(url("detail", school_roadmap)).content.decode()
    assert "Возвращена на доработку" in page and "Добавьте сроки по п. 1.3" in page
    login(world.school_curator).post(url("submit", school_roadmap))
    assert status_of(school_roadmap) == RoadmapStatus.SUBMITTED


def test_returning_needs_a_comment(login, world, school_roadmap):
    login(world.school_curator).post(url("submit", school_roadmap))
    response = login(world.curator).post(url("review", school_roadmap), {"return": "1", "comment": ""})
    assert response.status_code == 200 and "Обязательное поле" in response.content.decode()
    assert status_of(school_roadmap) == RoadmapStatus.SUBMITTED


@pytest.mark.parametrize("who, status", [("school_curator", 403), ("methodist", 403), ("other_curator", 404),
                                         ("outsider_curator", 404)])
def test_only_the_district_curator_reviews(login, world, school_roadmap, who, status):
    login(world.school_curator).post(url("submit", school_roadmap))
    response = login(getattr(world, who)).post(url("review", school_roadmap), {"approve": "1"})
    assert response.status_code == status
    assert status_of(school_roadmap) == RoadmapStatus.SUBMITTED


def test_the_region_reviews_a_school_under_it_directly(login, world):
    from participants.models import Role
    from tests.factories import member

    roadmap = make_roadmap(world.direct_school, sections=SAYANSKY_SECTIONS)
    curator = member(Role.SCHOOL_CURATOR, world.direct_school)
    login(curator).post(url("submit", roadmap))
    login(world.coordinator).post(url("review", roadmap), {"approve": "1"})
    assert status_of(roadmap) == RoadmapStatus.APPROVED


@pytest.mark.parametrize("who, status", [("mentor", 403), ("methodist", 403), ("curator", 403),
                                         ("other_curator", 404), ("outsider_curator", 404)])
def test_only_the_school_curator_reopens_an_approved_plan(login, world, school_roadmap, who, status):
    roadmap = approved(login, world, school_roadmap)
    assert login(getattr(world, who)).post(url("reopen", roadmap)).status_code == status
    assert status_of(roadmap) == RoadmapStatus.APPROVED


@pytest.mark.parametrize("who, status", [("mentor", 403), ("curator", 403), ("other_curator", 404)])
def test_only_the_school_curator_submits(login, world, school_roadmap, who, status):
    response = login(getattr(world, who)).post(url("submit", school_roadmap))
    assert response.status_code == status
    assert status_of(school_roadmap) == RoadmapStatus.DRAFT


def test_an_empty_roadmap_is_not_submitted(login, world):
    roadmap = make_roadmap(world.school)
    response = login(world.school_curator).post(url("submit", roadmap), follow=True)
    assert "нет ни одного мероприятия" in response.content.decode()
    assert status_of(roadmap) == RoadmapStatus.DRAFT


def current_district_roadmap(world):
    """A district roadmap of this and the next two years, with one item whose deadline is already behind."""
    year = timezone.localdate().year
    return make_roadmap(world.district, period=(year - 1, year + 2), sections={
        "Нормативное правовое регулирование": [
            ("Утверждение состава муниципальной рабочей группы", "В течение всего периода реализации ЦМН", "Рябцева Е.В."),
            ("Разработка дорожных карт в ОО", f"Декабрь {year + 1}", "Руководители ОО"),
            ("Совещание по итогам прошлого года", f"Январь {year - 1}", "Рябцева Е.В."),
        ]})


def test_the_district_copies_items_into_school_drafts(login, world):
    district_roadmap = current_district_roadmap(world)
    items = list(district_roadmap.items.order_by("pk")[:2])
    response = login(world.curator).post(url("copy", district_roadmap), {
        "items": [i.pk for i in items], "all_schools": "on"})
    assert response.status_code == 302
    for school in (world.school, world.other_school):
        draft = school.roadmaps.get()
        assert draft.status == RoadmapStatus.DRAFT
        assert [i.name for i in draft.items.order_by("position")] == [i.name for i in items]
        assert draft.sections.get().title == "Нормативное правовое регулирование"
        assert draft.items.first().source_item in items


def test_copying_skips_past_deadlines_and_what_was_copied_before(login, world):
    district_roadmap = current_district_roadmap(world)
    items = [i.pk for i in district_roadmap.items.order_by("pk")]
    client = login(world.curator)
    first = client.post(url("copy", district_roadmap), {"items": items, "schools": [world.school.pk]}, follow=True)
    assert "Скопировано мероприятий: 2" in first.content.decode() and "срок уже прошёл: 1" in first.content.decode()
    again = client.post(url("copy", district_roadmap), {"items": items, "schools": [world.school.pk]}, follow=True)
    assert "Скопировано мероприятий: 0" in again.content.decode() and "уже были там раньше: 2" in again.content.decode()
    assert world.school.roadmaps.get().items.count() == 2


def test_copying_into_chosen_schools_adds_to_an_existing_draft(login, world):
    district_roadmap = current_district_roadmap(world)
    year = timezone.localdate().year
    existing = make_roadmap(world.school, period=(year, year + 1),
                            sections={"Нормативное правовое регулирование": [("Своё", f"Май {year + 1}", "")]})
    item = district_roadmap.items.order_by("pk").first()
    login(world.curator).post(url("copy", district_roadmap), {"items": [item.pk], "schools": [world.school.pk]})
    assert existing.items.count() == 2 and existing.sections.count() == 1
    assert not world.other_school.roadmaps.exists()


def test_copying_needs_items_and_schools(login, world):
    district_roadmap = make_roadmap(world.district, sections=SAYANSKY_SECTIONS)
    response = login(world.curator).post(url("copy", district_roadmap), {})
    content = response.content.decode()
    assert "Отметьте хотя бы одно мероприятие" in content
    assert not world.school.roadmaps.exists()


def test_the_landing_page_asks_the_district_to_review(login, world, school_roadmap):
    login(world.school_curator).post(url("submit", school_roadmap))
    content = login(world.curator).get(reverse("participants:home")).content.decode()
    assert "Рассмотреть дорожную карту МБОУ Агинская СОШ № 1" in content


def test_the_landing_page_tells_the_school_what_to_improve(login, world, school_roadmap):
    login(world.school_curator).post(url("submit", school_roadmap))
    login(world.curator).post(url("review", school_roadmap), {"return": "1", "comment": "Уточните ответственных"})
    content = login(world.school_curator).get(reverse("participants:home")).content.decode()
    assert "Доработать дорожную карту: Уточните ответственных" in content
    assert "Мои дорожные карты" in content


def test_district_and_school_pages_link_to_their_roadmaps(login, world):
    district_page = login(world.curator).get(reverse("participants:district", args=["sayansky"])).content.decode()
    assert reverse("roadmaps:district-list", args=["sayansky"]) in district_page
    school_page = login(world.school_curator).get(reverse("participants:organization", args=["agin-1"]))
    assert reverse("roadmaps:organization-list", args=["agin-1"]) in school_page.content.decode()
