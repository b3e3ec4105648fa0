"""Who sees which districts and organizations, and what they may do there."""

import pytest

from participants.access import (
    CAN_APPROVE_ROADMAPS,
    CAN_EDIT_ORGANIZATION,
    CAN_EDIT_ROADMAP,
    CAN_VIEW_REPORTS,
    VIEW,
    access_of,
)
from participants.models import District, Organization
from tests.factories import UserFactory


def codes(qs):
    return sorted(qs.values_list("code", flat=True))


def test_it_shows_a_regional_coordinator_every_district_and_organization_of_the_region(world):
    assert codes(District.objects.visible_to(world.coordinator)) == ["sayansky"]
    assert codes(Organization.objects.visible_to(world.coordinator)) == ["agin-1", "direct", "tinskaya"]


def test_it_shows_a_district_curator_the_district_schools_only(world):
    assert codes(District.objects.visible_to(world.curator)) == ["sayansky"]
    assert codes(Organization.objects.visible_to(world.curator)) == ["agin-1", "tinskaya"]


def test_it_shows_a_school_curator_only_their_school(world):
    assert codes(District.objects.visible_to(world.school_curator)) == []
    assert codes(Organization.objects.visible_to(world.school_curator)) == ["agin-1"]


def test_it_shows_a_mentor_only_their_school(world):
    assert codes(Organization.objects.visible_to(world.mentor)) == ["agin-1"]


def test_it_shows_nothing_to_a_user_without_roles(db):
    user = UserFactory()
    assert codes(Organization.objects.visible_to(user)) == []
    assert codes(District.objects.visible_to(user)) == []


def test_it_shows_a_superuser_everything(world):
    admin = UserFactory(is_superuser=True)
    assert len(codes(Organization.objects.visible_to(admin))) == Organization.objects.count()


def test_it_combines_roles_held_in_several_places(world):
    from participants.models import Role
    from tests.factories import MembershipFactory

    MembershipFactory(user=world.mentor, role=Role.SCHOOL_CURATOR, organization=world.other_school)
    world.mentor._portal_access = None
    assert codes(Organization.objects.visible_to(world.mentor)) == ["agin-1", "tinskaya"]


@pytest.mark.parametrize(
    "who, place, expected",
    [
        ("curator", "district", {VIEW, CAN_EDIT_ROADMAP, CAN_APPROVE_ROADMAPS, CAN_VIEW_REPORTS, "can_edit_district",
                                  "can_read_audit", "can_manage_users", "can_edit_documents", "can_review",
                                  "can_build_questionnaires"}),
        ("methodist", "district", {VIEW, CAN_VIEW_REPORTS}),
        ("coordinator", "district", {VIEW, CAN_VIEW_REPORTS, "can_manage_users"}),
        ("school_curator", "district", set()),
        ("curator", "school", {VIEW, CAN_EDIT_ORGANIZATION, CAN_APPROVE_ROADMAPS, CAN_VIEW_REPORTS, "can_read_audit",
                               "can_manage_users"}),
        ("methodist", "school", {VIEW, CAN_VIEW_REPORTS}),
        ("school_curator", "school", {VIEW, CAN_EDIT_ORGANIZATION, CAN_EDIT_ROADMAP, "can_edit_pairs",
                                      "can_record_meetings", CAN_VIEW_REPORTS, "can_read_audit", "can_manage_users",
                                      "can_edit_documents", "can_build_questionnaires"}),
        ("mentor", "school", {VIEW, "can_record_meetings"}),
        ("other_curator", "school", set()),
        ("outsider_curator", "school", set()),
        ("coordinator", "direct_school", {VIEW, CAN_VIEW_REPORTS, CAN_APPROVE_ROADMAPS, "can_manage_users"}),
        ("coordinator", "school", {VIEW, CAN_VIEW_REPORTS}),
    ],
)
def test_it_grants_each_role_its_capabilities(world, who, place, expected):
    caps = access_of(getattr(world, who)).capabilities_on(getattr(world, place))
    assert set(caps) == expected


def test_it_reads_memberships_once_per_request(world, django_assert_num_queries):
    user = world.curator
    with django_assert_num_queries(1):
        access_of(user).capabilities_on(world.school)
        access_of(user).capabilities_on(world.district)


def test_a_place_is_seen_by_the_same_rule_in_memory_as_in_the_database(world):
    """Issue #24: a page of a place reads it by its code and asks `Access.sees` instead of compiling the scoped
    subqueries each time; for every user of the world, an expert, a superuser and every place, both rules agree."""
    from participants.access import access_of
    from participants.models import Role
    from tests.factories import member

    users = [world.coordinator, world.curator, world.methodist, world.school_curator, world.mentor,
             world.other_curator, world.outsider_curator, member(Role.DISTRICT_EXPERT, world.district, username="x"),
             UserFactory(is_superuser=True), UserFactory()]
    for user in users:
        access = access_of(user)
        districts = set(District.objects.visible_to(user).values_list("pk", flat=True))
        organizations = set(Organization.objects.visible_to(user).values_list("pk", flat=True))
        for district in District.objects.all():
            assert access.sees(district) == (district.pk in districts), (user, district)
        for organization in Organization.objects.all():
            assert access.sees(organization) == (organization.pk in organizations), (user, organization)
