"""Region-scale figures for monitoring: how long the dashboard numbers, the analytical report and its PDF and XLSX
take, how many queries, and how much memory, for a district of many schools.

    .venv/bin/python bench/bench_monitoring.py [--schools 40] [--students 400]

Runs on its own SQLite file (or DATABASE_URL if set) and prints the figures; no thresholds: compare runs."""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/portal-bench.sqlite3")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring_portal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

TODAY = date(2024, 6, 1)


def build(schools: int, students: int):
    from monitoring.models import Indicator, Target
    from participants.models import District, HeadCount, MentoringForm, Organization, Pair, Person, Region

    region = Region.objects.create(name="Бенчмарк", code="bench")
    district = District.objects.create(region=region, name="Район", administration_name="УО", code="bench")
    form = MentoringForm.objects.get(name="ученик – ученик", district__isnull=True)
    orgs = Organization.objects.bulk_create([Organization(region=region, district=district, code=f"s{i}",
                                                          short_name=f"Школа {i}", name=f"Школа {i}")
                                             for i in range(schools)])
    HeadCount.objects.bulk_create([HeadCount(organization=o, school_year=2023, students=students, teachers=40,
                                             young_teachers=5) for o in orgs])
    people = Person.objects.bulk_create([Person(organization=o, last_name=f"Ф{n}", first_name="И", category="student",
                                                grade="7А") for o in orgs for n in range(students)])
    by_org = {}
    for p in people:
        by_org.setdefault(p.organization_id, []).append(p)
    through = Pair.mentees.through
    links = []
    for o in orgs:
        group = by_org[o.pk]
        for k in range(0, len(group) // 2, 4):
            pair = Pair.objects.create(organization=o, mentor=group[-1 - k], form=form, start_date=date(2023, 10, 1),
                                       end_date=date(2024, 5, 31), status="completed")
            links += [through(pair_id=pair.pk, person_id=m.pk) for m in group[k:k + 4]]
    through.objects.bulk_create(links)
    indicator = Indicator.objects.create(district=district, position=1, name="Обучающиеся", formula="students_in_mentoring")
    Target.objects.create(indicator=indicator, year=2024, value=50)
    return district, len(people), len(links)


def measure(label, fn):
    tracemalloc.start()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        result = fn()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    print(f"{label:<40} {seconds:7.2f} s {len(queries):5d} queries {peak:7.1f} MB peak")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schools", type=int, default=40)
    parser.add_argument("--students", type=int, default=400)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    from monitoring.exports import ReportPdf, ReportXlsx
    from monitoring.reports import analytical_report
    from monitoring.selectors import plan_versus_actual, schools_for_year
    from participants.models import Organization

    with transaction.atomic():
        district, people, memberships = measure("build synthetic district", lambda: build(args.schools, args.students))
        print(f"{args.schools} schools, {people} people, {memberships} pair memberships")
        admin = get_user_model().objects.create(username="bench", is_superuser=True)
        schools = list(Organization.objects.filter(district=district))
        indicators = list(district.indicators.all())
        measure("dashboard: plan vs actual, 1 year", lambda: plan_versus_actual(indicators, schools, [2024], TODAY))
        measure("dashboard: per school, 1 year", lambda: schools_for_year(indicators, schools, 2024, TODAY))
        report = measure("analytical report (data)", lambda: analytical_report(district, admin, 2024, TODAY))
        measure("analytical report XLSX", lambda: ReportXlsx().render(report))
        measure("analytical report PDF", lambda: ReportPdf().render(report))
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
