"""Demo organizations, people and head-counts from fixtures/demo/organizations.json (see the seed documents)."""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction

from mentoring_portal.lib.schoolyear import school_year_of
from participants.models import District, HeadCount, Organization, Region
from participants.models.memberships import DISTRICT_ROLES, REGION_ROLES
from participants.services import membership_grant, user_upsert

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "organizations.json"
FIRST_SCHOOL_YEAR = 2020


@dataclass
class DemoLogin:
    username: str
    full_name: str
    role: str


@dataclass
class DemoResult:
    password: str
    logins: list[DemoLogin] = field(default_factory=list)
    organizations: int = 0
    users: int = 0


def _head_count_for(base: list[int], year: int) -> dict:
    """Plausible yearly drift around the base figures, the same on every run."""
    students, teachers, young, additional = base
    growth = 1 + 0.015 * (year - FIRST_SCHOOL_YEAR)
    return {
        "students": round(students * growth),
        "teachers": teachers + (year - FIRST_SCHOOL_YEAR) % 3,
        "young_teachers": young + (year % 2),
        "additional_students": round(additional * growth),
    }


@transaction.atomic
def load(today: date) -> DemoResult:
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    regions = {
        r["code"]: Region.objects.update_or_create(code=r["code"], defaults={"name": r["name"]})[0]
        for r in data["regions"]
    }
    districts = {}
    for d in data["districts"]:
        fields = {k: d[k] for k in ("name", "administration_name", "administration_short_name")}
        districts[d["code"]] = District.objects.update_or_create(
            code=d["code"], defaults={**fields, "region": regions[d["region"]]}
        )[0]
    organizations = {}
    last_year = school_year_of(today)
    for o in data["organizations"]:
        district = districts.get(o.get("district"))
        region = district.region if district else regions[o["region"]]
        org = Organization.objects.update_or_create(
            code=o["code"],
            defaults={
                "name": o["name"], "short_name": o["short_name"], "kind": o["kind"],
                "district": district, "region": region,
            },
        )[0]
        organizations[o["code"]] = org
        for year in range(FIRST_SCHOOL_YEAR, last_year + 1):
            HeadCount.objects.update_or_create(
                organization=org, school_year=year, defaults=_head_count_for(o["head_count"], year)
            )

    result = DemoResult(password=data["password"], organizations=len(organizations))
    password_hash = make_password(data["password"])  # hashed once: a hash takes a third of a second
    for u in data["users"]:
        user = user_upsert(
            username=u["username"], last_name=u["last_name"], first_name=u["first_name"],
            email=f"{u['username']}@demo.nastavnik.local", password_hash=password_hash,
        )
        for role, place_code, position in u["roles"]:
            places = regions if role in REGION_ROLES else districts if role in DISTRICT_ROLES else organizations
            membership_grant(user=user, role=role, place=places[place_code], position=position)
        if u.get("demo_role"):
            result.logins.append(DemoLogin(u["username"], user.get_full_name(), u["demo_role"]))
        result.users += 1
    return result
