"""The dashboard's figures kept between changes: computing a district's plan versus actual takes ~0.2 s and the
figures change only when someone edits pairs, people, head-counts, indicators, targets or typed values.

Each district has a version number in the cache; any such change bumps the version of its district (signals, so no
service can forget), and the figures are cached under (district, year, today, version). The cache must be shared by
all the app's processes (CACHES: a file cache on one machine, Redis on several — mentoring_portal/settings.py)."""

from __future__ import annotations

from django.core.cache import cache

from mentoring_portal.lib import versions, warming
from monitoring.charts import grouped_bars
from monitoring.models import Campaign, Indicator
from monitoring.selectors import Actuals, last_complete_year, plan_versus_actual, schools_for_year, target_years
from participants.caches import place as place_cache
from participants.caches.district import districts_of
from participants.caches.where import where
from participants.models import Deficit, District, HeadCount, Organization, Pair, Person, Practice, TrainingRecord

TIMEOUT = 6 * 3600


def version(district_id: int) -> int:
    return versions.version(f"district-figures:{district_id}")


def figures(indicators, schools, years: list[int], year: int, today) -> dict:
    """The dashboard's plan versus actual by year, each school's figures of `year`, and their charts."""
    actuals = Actuals(indicators, schools, today)  # one snapshot per year for both tables
    rows = plan_versus_actual(indicators, schools, years, today, actuals)
    _, school_rows = schools_for_year(indicators, schools, year, today, actuals)
    charts = [grouped_bars([(str(y), float(r.cells[y].target) if r.cells[y].target is not None else None,
                             r.cells[y].actual) for y in years], title=r.indicator.name, unit=r.indicator.unit)
              for r in rows]
    school_charts = [grouped_bars([(s.organization.short_name, float(s.cells[i.pk].target)
                                    if s.cells[i.pk].target is not None else None, s.cells[i.pk].actual)
                                   for s in school_rows], title=f"{i.position}. {i.name} — {year}", unit=i.unit,
                                  width=max(520, 90 * len(school_rows)))
                     for i in indicators]
    return {"rows": list(zip(rows, charts)), "school_rows": school_rows, "school_charts": school_charts}


def _key(district_id: int, year: int, today, stamp: int) -> str:
    return f"monitoring:dashboard:{district_id}:{year}:{today.isoformat()}:{stamp}"


def lazy_figures(district, stamp: int, year: int, today, compute) -> dict:
    """The dashboard's figures as template variables, computed (or read from the cache) only when drawn; `stamp` is
    the district's version the view read once (it keys the page's fragment too)."""
    return versions.lazy_cached(_key(district.pk, year, today, stamp), compute, ("rows", "school_rows",
                                                                                 "school_charts"), TIMEOUT)


def warm(district_id: str) -> None:
    """After a change (lib/warming): the figures of the year the dashboard opens on, for every school of the district
    (every district role sees them all), under the district's new version."""
    from django.utils import timezone


    district = District.objects.filter(pk=district_id).first()
    if district is None:
        return
    today = timezone.localdate()
    stamp = version(district.pk)
    schools = list(Organization.objects.filter(district=district).in_russian_order())
    indicators = list(Indicator.objects.catalogue_of(district))
    years, year = target_years(indicators, today), last_complete_year(today)
    cache.get_or_set(_key(district.pk, year, today, stamp),
                     lambda: figures(indicators, schools, years, year, today), TIMEOUT)


def _names_of(instance, created: bool = False) -> list[str]:
    """The districts whose dashboards move: a pair's or a person's (participants.caches.district.districts_of, which
    follows a person's pairs too); any other record's district (participants.caches.where) — a school's head-count, a
    typed value, a practice, a person's training or deficit, a district's indicator or target; a region's indicator or
    target moves every district of the region (those without a catalogue of their own follow it)."""
    from participants.models import District, Pair, Person

    if isinstance(instance, Pair | Person):
        return [f"district-figures:{d}" for d in districts_of(instance, created)]
    place = where(instance)
    if place.district_id:
        return [f"district-figures:{place.district_id}"]
    if place.region_id is None or place.organization_id:  # a school under the region directly has no dashboard
        return []
    return [f"district-figures:{d}" for d in District.objects.filter(region_id=place.region_id).values_list("pk", flat=True)]


def connect() -> None:
    from monitoring.models import Campaign, Indicator, ManualValue, SchoolReport, Target

    # Training, practices and deficits feed computed indicators (mentors_trained, schools_with_published_practices,
    # teachers_closed_deficits): the dashboard moves with them.
    versions.watch("figures", _names_of, models=(Pair, Person, HeadCount, Indicator, Target, ManualValue,
                                                 TrainingRecord, Practice, Deficit),
                   m2m=(Pair.mentees.through,))
    warming.WARMERS.add(warm, key="district-figures")
    versions.watch("place-monitoring", _place_names, models=(Campaign, SchoolReport))


def _place_names(instance, created: bool = False) -> list[str]:
    """A campaign of a district, a school's report: their places' pages and navigation (participants/place_cache). A
    campaign moves its schools' too: its reports are created with it in bulk, which sends no signal of its own."""
    from participants.models import Organization

    names = place_cache.of_place(getattr(instance, "district_id", None), getattr(instance, "organization_id", None),
                                 getattr(instance, "region_id", None))
    if isinstance(instance, Campaign):
        schools = (Organization.objects.filter(district_id=instance.district_id) if instance.district_id else
                   Organization.objects.filter(region_id=instance.region_id, district__isnull=True))
        names += [place_cache.version_of("organization", pk) for pk in schools.values_list("pk", flat=True)]
    return names


def indicator_of(target):
    """Where a changed target belongs (participants/caches/where.py): its school's, or its indicator's."""
    from monitoring.models import Indicator

    return target if target.organization_id else Indicator.objects.filter(pk=target.indicator_id).first()
