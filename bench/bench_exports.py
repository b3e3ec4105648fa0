"""Exports at region scale: the registry XLSX streamed for many schools (rows/s, peak memory), the district's
analytical report as PDF and XLSX, and a district roadmap as PDF — warm timings.

    DATABASE_URL=postgres://…/portal_full .venv/bin/python bench/bench_exports.py --seed 1 [--schools 25]"""

import argparse
import resource
import time

import portal  # noqa: F401 - sets Django up (bench/portal.py)
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

import roadmaps.exports  # noqa: F401 - registers the roadmap exports
from mentoring_portal.lib.exports import find_exporter
from monitoring.reports import analytical_report
from monitoring.selectors import current_year
from participants.models import District, Organization
from roadmaps.models import Item, Roadmap


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--schools", type=int, default=25)
    args = parser.parse_args()
    admin = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        f"bench-admin-{args.seed}", password="x")
    schools = list(Organization.objects.filter(region__code=f"region-{args.seed}").order_by("pk")[:args.schools])
    before, rows, size = rss_mb(), 0, 0
    started = time.perf_counter()
    for school in schools:
        exporter = find_exporter("organization", "reestr")
        exporter.user = admin
        size += len(exporter.render(school))
        rows += exporter.count
    seconds = time.perf_counter() - started
    print(f"registry XLSX: {rows} rows of {len(schools)} schools in {seconds:.1f} s = {rows / seconds:,.0f} rows/s, "
          f"{size / 1e6:.1f} MB of files, peak RSS {before:.0f} → {rss_mb():.0f} MB")

    district = District.objects.filter(region__code=f"region-{args.seed}").order_by("pk").first()
    today = timezone.localdate()
    for identifier in ("pdf", "xlsx"):
        exporter = find_exporter("analytical-report", identifier)
        for run in ("cold", "warm"):
            started = time.perf_counter()
            report = analytical_report(district, admin, current_year(today), today)
            exporter.render(report)
            print(f"district report {identifier.upper()} ({run}): {time.perf_counter() - started:.2f} s")
    exporter = find_exporter("roadmap", "pdf")
    with transaction.atomic():  # a roadmap of 200 items for the figure, rolled back afterwards
        roadmap = Roadmap.objects.filter(district=district).first()
        source = list(roadmap.items.all())
        Item.objects.bulk_create([Item(roadmap=roadmap, section=item.section, position=100 + n, name=item.name,
                                       deadline_text=item.deadline_text, deadline_parsed=item.deadline_parsed,
                                       responsible=item.responsible, result=item.result)
                                  for n, item in enumerate((source * 4)[:200 - len(source)])])
        for run in ("cold", "warm"):
            started = time.perf_counter()
            exporter.render(roadmap)
            print(f"roadmap PDF, {roadmap.items.count()} items ({run}): {time.perf_counter() - started:.2f} s")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
