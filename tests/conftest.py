"""Standing cast of every view test: a district with two schools and one person in every role, plus outsiders."""

from dataclasses import dataclass

import pytest

from participants.models import Role
from tests.factories import DistrictFactory, OrganizationFactory, RegionFactory, member


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@dataclass
class World:
    region: object
    district: object
    school: object
    other_school: object
    other_district: object
    direct_school: object
    coordinator: object
    curator: object
    methodist: object
    school_curator: object
    mentor: object
    other_curator: object
    outsider_curator: object


@pytest.fixture
def world(db) -> World:
    region = RegionFactory(name="Красноярский край", code="krasnoyarsk")
    district = DistrictFactory(region=region, name="Саянский район", code="sayansky")
    school = OrganizationFactory(district=district, short_name="МБОУ Агинская СОШ № 1", code="agin-1")
    other_school = OrganizationFactory(district=district, short_name="МБОУ Тинская СОШ", code="tinskaya")
    other_district = DistrictFactory(name="Городской округ Клин", code="klin")
    direct_school = OrganizationFactory(district=None, region=region, short_name="ГБОУ КК Школа-интернат", code="direct")
    return World(
        region=region,
        district=district,
        school=school,
        other_school=other_school,
        other_district=other_district,
        direct_school=direct_school,
        coordinator=member(Role.REGIONAL_COORDINATOR, region, username="coordinator"),
        curator=member(Role.DISTRICT_CURATOR, district, username="curator"),
        methodist=member(Role.DISTRICT_METHODIST, district, username="methodist"),
        school_curator=member(Role.SCHOOL_CURATOR, school, username="school_curator"),
        mentor=member(Role.MENTOR, school, username="mentor"),
        other_curator=member(Role.SCHOOL_CURATOR, other_school, username="other_curator"),
        outsider_curator=member(Role.DISTRICT_CURATOR, other_district, username="outsider"),
    )


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login
