"""The bank of practices: a school submits a practice, the district's curator or an expert publishes it or returns it
with a comment; the bank is searched by form, level and words (any case, «ё» as «е»); a practice is nominated to the
region; the share of organizations with a published practice is a computed indicator."""

from datetime import date

import pytest
from django.urls import reverse

from monitoring.formulas import FORMULAS, Snapshot
from monitoring.selectors import year_period
from participants.models import MentoringForm, Practice, PracticeStatus, Role
from tests.factories import member


def describe(client, school, **overrides):
    data = {"title": "Учимся вместе: ёлочные игрушки", "level": "basic",
            "form": MentoringForm.objects.get(name="ученик – ученик", district=None).pk,
            "description": "Старшеклассники ведут мастерские для пятиклассников.",
            "results": "8 из 10 наставляемых повысили оценки по технологии", "submit": "1", **overrides}
    return client.post(reverse("participants:practice-create", args=[school.code]), data)


@pytest.fixture
def expert(world):
    return member(Role.DISTRICT_EXPERT, world.district, username="expert")


def test_a_practice_goes_from_the_school_through_review_into_the_bank(login, world, expert):
    describe(login(world.school_curator), world.school)
    practice = Practice.objects.get()
    assert practice.status == PracticeStatus.SUBMITTED
    # Not in the bank until it is accepted
    bank = reverse("participants:district-practices", args=[world.district.code])
    assert "Практик: 0" in login(world.methodist).get(bank).content.decode()

    reviewer = login(expert)
    queue = reviewer.get(reverse("participants:practice-review-queue", args=[world.district.code])).content.decode()
    assert "Учимся вместе" in queue
    review = reverse("participants:practice-review", args=[world.district.code, practice.pk])
    refused = reviewer.post(review, {"decision": "return", "comment": ""})
    assert refused.status_code == 400 and "Напишите, что доработать" in refused.content.decode()
    reviewer.post(review, {"decision": "return", "comment": "Добавьте цифры за полугодие"})
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.RETURNED and practice.reviewed_by == expert

    school = login(world.school_curator)
    listed = school.get(reverse("participants:practices", args=[world.school.code])).content.decode()
    assert "Доработать: Добавьте цифры за полугодие" in listed
    school.post(reverse("participants:practice-edit", args=[world.school.code, practice.pk]),
                {"title": practice.title, "level": "basic", "description": practice.description,
                 "results": "9 из 10 за полугодие", "submit": "1"})
    login(world.curator).post(review, {"decision": "accept", "comment": ""})
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED and practice.published_on is not None
    assert "Учимся вместе" in login(world.methodist).get(bank).content.decode()
    # The other school of the district reads the bank too
    other = login(world.other_curator).get(reverse("participants:practice-bank", args=[world.other_school.code]))
    assert "Учимся вместе" in other.content.decode()


@pytest.mark.parametrize("words, found", [("ЕЛОЧНЫЕ", True), ("ёлочные игрушки", True), ("мастерские пятиклассников", False),
                                          ("мастерские", True), ("робототехника", False)])
def test_the_bank_is_searched_by_words_in_any_case_and_with_yo_as_ye(login, world, words, found):
    Practice.objects.create(organization=world.school, title="Учимся вместе: ёлочные игрушки", level="basic",
                            description="Старшеклассники ведут мастерские", results="8 из 10",
                            status=PracticeStatus.PUBLISHED, published_on=date(2024, 3, 1))
    page = login(world.curator).get(reverse("participants:district-practices", args=[world.district.code]),
                                    {"q": words}).content.decode()
    assert ("Учимся вместе" in page) is found


def test_the_bank_is_filtered_by_form_and_level(login, world):
    pupils = MentoringForm.objects.get(name="ученик – ученик", district=None)
    teachers = MentoringForm.objects.get(name="учитель – учитель", district=None)
    for title, form, level in (("Первая", pupils, "basic"), ("Вторая", teachers, "teachers")):
        Practice.objects.create(organization=world.school, title=title, form=form, level=level, description="x",
                                results="y", status=PracticeStatus.PUBLISHED, published_on=date(2024, 3, 1))
    client = login(world.curator)
    url = reverse("participants:district-practices", args=[world.district.code])
    by_form = client.get(url, {"form": teachers.pk}).content.decode()
    assert "Вторая" in by_form and "Первая" not in by_form
    by_level = client.get(url, {"level": "basic"}).content.decode()
    assert "Первая" in by_level and "Вторая" not in by_level


def test_an_expert_reviews_but_sees_no_school_or_person(login, world, expert):
    client = login(expert)
    assert client.get(reverse("participants:district", args=[world.district.code])).status_code == 200
    assert client.get(reverse("participants:people", args=[world.school.code])).status_code == 404
    assert client.get(reverse("participants:district-mentoring", args=[world.district.code])).status_code == 403
    practice = Practice.objects.create(organization=world.school, title="Практика", level="basic", description="x",
                                       results="y", status=PracticeStatus.PUBLISHED, published_on=date(2024, 3, 1))
    # Nominating to the region is the district curator's decision
    nominate = reverse("participants:practice-nominate", args=[world.district.code, practice.pk])
    assert client.post(nominate).status_code == 403
    login(world.curator).post(nominate)
    practice.refresh_from_db()
    assert practice.nominated_on is not None
    region = login(world.coordinator).get(reverse("participants:region-practices", args=[world.region.code]))
    assert "Практика" in region.content.decode() and "Саянский район" in region.content.decode()


def test_a_draft_of_another_school_is_neither_seen_nor_downloaded(login, world):
    draft = Practice.objects.create(organization=world.school, title="Черновик", level="basic", description="x",
                                    results="y")
    assert login(world.other_curator).get(
        reverse("participants:practice-file", args=[world.other_school.code, draft.pk])).status_code == 404
    assert login(world.methodist).get(
        reverse("participants:district-practice", args=[world.district.code, draft.pk])).status_code == 404


def test_the_share_of_organizations_with_a_published_practice_is_computed_from_the_bank(world):
    period = year_period(2024, date(2024, 6, 1))
    Practice.objects.create(organization=world.school, title="В срок", level="basic", description="x", results="y",
                            status=PracticeStatus.PUBLISHED, published_on=date(2024, 3, 1))
    Practice.objects.create(organization=world.other_school, title="Не опубликована", level="basic", description="x",
                            results="y", status=PracticeStatus.SUBMITTED)
    snapshot = Snapshot.take([world.school, world.other_school], period)
    assert FORMULAS["schools_with_published_practices"].compute(snapshot, {world.school.pk,
                                                                           world.other_school.pk}) == (1, 2)


def test_the_reviewers_landing_page_says_what_waits(login, world, expert):
    Practice.objects.create(organization=world.school, title="Ждёт", level="basic", description="x", results="y",
                            status=PracticeStatus.SUBMITTED)
    page = login(expert).get(reverse("participants:home")).content.decode()
    assert "Практики на рассмотрении (Саянский район): 1" in page
    assert "Практики на рассмотрении" not in login(world.methodist).get(reverse("participants:home")).content.decode()


def test_the_base_of_experts_counts_their_reviews(login, world, expert):
    expert.memberships.update(position="учитель-методист, наставничество педагогов")
    Practice.objects.create(organization=world.school, title="П", level="basic", description="x", results="y",
                            status=PracticeStatus.PUBLISHED, reviewed_by=expert)
    page = login(world.curator).get(reverse("participants:experts", args=[world.district.code])).content.decode()
    assert "учитель-методист, наставничество педагогов" in page and "<td>0</td><td>1</td>" in page


def test_the_expert_is_shown_no_link_he_may_not_open(login, world, expert):
    page = login(expert).get(reverse("participants:district", args=[world.district.code])).content.decode()
    assert reverse("monitoring:dashboard", args=[world.district.code]) not in page
    assert reverse("roadmaps:district-list", args=[world.district.code]) in page  # the roadmaps he may read
