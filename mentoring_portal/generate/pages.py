"""The pages each role opens on a generated region: one list for the scale test (tests/test_region_scale.py: equal
queries when the region grows), the server-time benchmark (bench/bench_pages.py) and the load benchmark
(bench/bench_load.sh: the pages a user opens first, `first=True`)."""

from __future__ import annotations

from dataclasses import dataclass

from participants.models import Pair, Person
from roadmaps.models import Contest, Event, Roadmap


@dataclass(frozen=True)
class Page:
    username: str
    url: str
    first: bool = False  # a page a user opens first after signing in (the throughput goal of issue #24)

    def __str__(self) -> str:
        return f"{self.username} {self.url}"


def region_pages(seed: int) -> list[Page]:
    """Every page of a district curator, a school curator and the coordinator of region `seed`'s first district and
    school (the generator's names: curator-<seed>-d01, school-r<seed>-d01-s01, coordinator-<seed>)."""
    region, district, school = f"region-{seed}", f"r{seed}-d01", f"r{seed}-d01-s01"
    coordinator, curator, school_curator = f"coordinator-{seed}", f"curator-{seed}-d01", f"school-{school}"
    district_roadmap = Roadmap.objects.filter(district__code=district).values_list("pk", flat=True).first()
    school_roadmap = Roadmap.objects.filter(organization__code=school).values_list("pk", flat=True).first()
    pair = Pair.objects.filter(organization__code=school).values_list("pk", flat=True).first()
    person = Person.objects.filter(organization__code=school).values_list("pk", flat=True).first()
    event = Event.objects.filter(district__code=district).values_list("pk", flat=True).first()
    contest = Contest.objects.filter(district__code=district).values_list("pk", flat=True).first()
    return [
        Page(coordinator, "/my/", first=True),
        Page(coordinator, f"/r/{region}/", first=True),
        Page(coordinator, "/my/deadlines/"),
        Page(coordinator, f"/r/{region}/campaigns/"),
        Page(coordinator, f"/r/{region}/practices/"),
        Page(coordinator, f"/r/{region}/contests/"),
        Page(coordinator, f"/r/{region}/passport/"),
        Page(curator, "/my/", first=True),
        Page(curator, f"/d/{district}/", first=True),
        Page(curator, f"/d/{district}/mentoring/"),
        Page(curator, f"/d/{district}/indicators/", first=True),
        Page(curator, f"/roadmaps/{district_roadmap}/", first=True),
        Page(curator, f"/d/{district}/roadmaps/"),
        Page(curator, f"/d/{district}/audit/"),
        Page(curator, f"/d/{district}/training/"),
        Page(curator, f"/d/{district}/report/"),
        Page(curator, f"/d/{district}/campaigns/"),
        Page(curator, f"/d/{district}/events/"),
        Page(curator, f"/events/{event}/"),
        Page(curator, f"/d/{district}/contests/"),
        Page(curator, f"/contests/{contest}/"),
        Page(curator, f"/d/{district}/practices/"),
        Page(curator, f"/d/{district}/programmes/"),
        Page(curator, f"/d/{district}/documents/"),
        Page(curator, f"/d/{district}/partners/"),
        Page(curator, f"/d/{district}/curators/"),
        Page(curator, "/my/calendar/"),
        Page(curator, f"/d/{district}/passport/"),
        Page(curator, f"/d/{district}/forecast/"),
        Page(curator, f"/d/{district}/deficits/"),
        Page(curator, f"/d/{district}/visits/"),
        Page(curator, f"/d/{district}/letters/"),
        Page(curator, f"/d/{district}/questionnaires/rounds/"),
        Page(school_curator, "/my/", first=True),
        Page(school_curator, f"/o/{school}/", first=True),
        Page(school_curator, f"/o/{school}/people/", first=True),
        Page(school_curator, f"/o/{school}/people/{person}/"),
        Page(school_curator, f"/o/{school}/pairs/", first=True),
        Page(school_curator, f"/o/{school}/pairs/{pair}/"),
        Page(school_curator, f"/o/{school}/pairs/new/"),
        Page(school_curator, f"/o/{school}/people/search/?q=иван"),
        Page(school_curator, f"/o/{school}/matching/"),
        Page(school_curator, f"/roadmaps/{school_roadmap}/", first=True),
        Page(school_curator, f"/o/{school}/audit/"),
        Page(school_curator, f"/o/{school}/events/"),
        Page(school_curator, f"/o/{school}/monitoring/"),
        Page(school_curator, f"/o/{school}/report/"),
        Page(school_curator, f"/o/{school}/programmes/"),
        Page(school_curator, f"/o/{school}/practices/"),
        Page(school_curator, f"/o/{school}/practices/bank/"),
        Page(school_curator, f"/o/{school}/contests/"),
        Page(school_curator, f"/o/{school}/documents/"),
        Page(school_curator, f"/o/{school}/training/"),
        Page(school_curator, f"/o/{school}/public/"),
        Page(school_curator, f"/o/{school}/questionnaires/"),
        Page(school_curator, f"/o/{school}/questionnaires/rounds/"),
        Page(school_curator, f"/o/{school}/forecast/"),
        Page(school_curator, f"/o/{school}/routes/"),
        Page(school_curator, f"/o/{school}/visits/"),
        Page(school_curator, f"/o/{school}/documents/library/"),
        Page(school_curator, f"/o/{school}/letters/"),
        Page(school_curator, f"/o/{school}/recruitment/"),
        Page("", f"/p/o/{school}/"),  # the public section, no sign-in
        Page("", f"/p/d/{district}/"),
    ]
