"""Every indicator of every district of a generated region for one year: the portal's formulas against one
hand-written SQL that computes the same numbers. Prints both times, their ratio, and checks the numbers are equal.

    DATABASE_URL=postgres://…/portal_full .venv/bin/python bench/bench_indicators.py --seed 1 [--year 2026]"""

import argparse
import statistics
import time

import portal  # noqa: F401 - sets Django up (bench/portal.py)
from django.db import connection
from django.utils import timezone

from monitoring.formulas import FORMULAS, Snapshot
from monitoring.selectors import current_year, year_period
from participants.models import District, Organization

KEYS = ["students_in_mentoring", "young_teachers_supported", "student_mentors", "teacher_mentors"]
SQL = """
WITH counted AS (
    SELECT p.id, p.organization_id FROM participants_pair p
    JOIN participants_organization o ON o.id = p.organization_id
    WHERE o.region_id = %(region)s AND p.status IN ('active', 'completed')
      AND p.start_date <= %(end)s AND p.end_date >= %(start)s
), people AS (
    SELECT c.organization_id, p.mentor_id AS person_id, TRUE AS is_mentor FROM counted c
    JOIN participants_pair p ON p.id = c.id
    UNION ALL
    SELECT c.organization_id, m.person_id, FALSE FROM counted c
    JOIN participants_pair_mentees m ON m.pair_id = c.id
), facts AS (
    SELECT o.district_id, x.person_id, x.is_mentor, pe.category, o.kind,
           (NOT x.is_mentor AND pe.category = 'teacher'
            AND date_part('year', age(%(end)s, pe.teaching_since)) < 3
            AND date_part('year', age(%(end)s, pe.birth_date)) < 35) AS young
    FROM people x JOIN participants_person pe ON pe.id = x.person_id
    JOIN participants_organization o ON o.id = x.organization_id
), heads AS (
    SELECT o.district_id,
           SUM(h.students) FILTER (WHERE o.kind = 'general') AS general_students,
           SUM(h.students) AS students, SUM(h.teachers) AS teachers, SUM(h.young_teachers) AS young_teachers
    FROM participants_headcount h JOIN participants_organization o ON o.id = h.organization_id
    WHERE o.region_id = %(region)s AND h.school_year = %(school_year)s GROUP BY o.district_id
)
SELECT h.district_id,
       COUNT(DISTINCT f.person_id) FILTER (WHERE f.category = 'student' AND f.kind = 'general'), h.general_students,
       COUNT(DISTINCT f.person_id) FILTER (WHERE f.young), h.young_teachers,
       COUNT(DISTINCT f.person_id) FILTER (WHERE f.is_mentor AND f.category = 'student'), h.students,
       COUNT(DISTINCT f.person_id) FILTER (WHERE f.is_mentor AND f.category = 'teacher'), h.teachers
FROM heads h LEFT JOIN facts f ON f.district_id = h.district_id
WHERE h.district_id IS NOT NULL GROUP BY h.district_id, h.general_students, h.young_teachers, h.students, h.teachers
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", type=int, default=current_year(timezone.localdate()))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    region_code = f"region-{args.seed}"
    period = year_period(args.year, timezone.localdate())

    def portal_way():
        organizations = list(Organization.objects.filter(region__code=region_code))
        snapshot = Snapshot.take(organizations, period)
        by_district: dict[int, set[int]] = {}
        for o in organizations:
            if o.district_id:
                by_district.setdefault(o.district_id, set()).add(o.pk)
        ours = {d: tuple(x for key in KEYS for x in FORMULAS[key].compute(snapshot, ids))
                for d, ids in by_district.items()}
        return ours, organizations, snapshot

    def sql_way():
        region = District.objects.filter(region__code=region_code).values_list("region_id", flat=True).first()
        with connection.cursor() as cursor:
            cursor.execute(SQL, {"region": region, "start": period[0], "end": period[1],
                                 "school_year": period[1].year - 1 if period[1].month < 9 else period[1].year})
            return {row[0]: tuple(int(v or 0) for v in row[1:]) for row in cursor.fetchall()}

    # Each way once before the timed runs (the connection, the ORM's and the database's caches), then the median of
    # --runs: measured first and cold, the portal's way carried the set-up (ratio 1.8–2.0 on a tenth of the region).
    (ours, organizations, snapshot), sql = portal_way(), sql_way()
    portal_times, sql_times = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        portal_way()
        portal_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        sql_way()
        sql_times.append(time.perf_counter() - started)
    portal_seconds, sql_seconds = statistics.median(portal_times), statistics.median(sql_times)

    figures = len(ours) * len(KEYS)
    print(f"districts {len(ours)}, organizations {len(organizations)}, participations {snapshot.size}")
    print(f"portal formulas: {portal_seconds:.2f} s for {figures} figures (numerator and denominator each)")
    print(f"one SQL:         {sql_seconds:.2f} s; ratio {portal_seconds / sql_seconds:.2f}")
    print("numbers equal:", ours == sql)
    if ours != sql:
        for d in sorted(ours):
            if ours[d] != sql.get(d):
                print("  district", d, ours[d], sql.get(d))
                break


if __name__ == "__main__":
    main()
