"""Records a school, a district or the region owns are scoped by their own queryset's `visible_to(user)` (issue #28):
programmes, partners, practices and contests, read by each role of the world."""

from datetime import date

import pytest

from participants.models import Partner, Practice, Programme, Role
from roadmaps.contests.models import Contest
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(world):
    """One of each, owned by the school, the other school, the district and the other district."""
    found = {}
    for key, place in (("school", {"organization": world.school}), ("other_school", {"organization": world.other_school}),
                       ("district", {"district": world.district}), ("outside", {"district": world.other_district})):
        found[f"programme:{key}"] = Programme.objects.create(title=key, **place)
        found[f"partner:{key}"] = Partner.objects.create(name=key, **place)
    for key, school, status in (("school", world.school, "draft"), ("other_school", world.other_school, "draft"),
                                ("published", world.other_school, "published")):
        found[f"practice:{key}"] = Practice.objects.create(organization=school, title=key, level="basic", status=status)
    for key, place in (("district", {"district": world.district}), ("outside", {"district": world.other_district}),
                       ("region", {"region": world.region})):
        found[f"contest:{key}"] = Contest.objects.create(title=key, year=2025, applications_until=date(2030, 3, 1),
                                                         judging_until=date(2030, 4, 1), **place)
    return found


ALL = {"school", "other_school", "district", "outside"}
SEEN = [
    # user, programmes and partners, practices, contests
    ("school_curator", {"school", "district"}, {"school", "published"}, {"district", "region"}),
    ("other_curator", {"other_school", "district"}, {"other_school", "published"}, {"district", "region"}),
    ("curator", {"school", "other_school", "district"}, {"school", "other_school", "published"}, {"district", "region"}),
    ("coordinator", {"school", "other_school", "district"}, {"school", "other_school", "published"},
     {"district", "region"}),
    ("outsider_curator", {"outside"}, set(), {"outside"}),
]


@pytest.mark.parametrize(("user", "places", "practices", "contests"), SEEN, ids=[row[0] for row in SEEN])
def test_each_role_reads_the_records_of_its_places_and_what_its_schools_may_take(world, owned, user, places,
                                                                                  practices, contests):
    user = getattr(world, user)
    assert set(Programme.objects.visible_to(user).values_list("title", flat=True)) == places
    assert set(Partner.objects.visible_to(user).values_list("name", flat=True)) == places
    assert set(Practice.objects.visible_to(user).values_list("title", flat=True)) == practices
    assert set(Contest.objects.visible_to(user).values_list("title", flat=True)) == contests


def test_a_district_expert_reads_the_programmes_and_practices_he_reviews(world, owned):
    expert = member(Role.DISTRICT_EXPERT, world.district, username="expert")
    assert set(Programme.objects.visible_to(expert).values_list("title", flat=True)) == {"school", "other_school",
                                                                                         "district"}
    assert set(Practice.objects.visible_to(expert).values_list("title", flat=True)) == {"school", "other_school",
                                                                                        "published"}


def test_a_juror_reads_the_contest_he_judges_and_a_superuser_everything(world, owned, django_user_model):
    juror = django_user_model.objects.create_user("juror")
    owned["contest:outside"].jury.add(juror)
    assert list(Contest.objects.visible_to(juror).values_list("title", flat=True)) == ["outside"]
    admin = django_user_model.objects.create_superuser("admin")
    assert set(Programme.objects.visible_to(admin).values_list("title", flat=True)) == ALL
