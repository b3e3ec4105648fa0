"""A realistic region for benchmarks: `manage.py generate_region --scale 0.1 --seed 1`."""

import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from mentoring_portal.generate.region import DISTRICTS, PASSWORD, RegionBuilder


class Command(BaseCommand):
    help = "Создаёт регион для замеров: районы, школы, участники, пары, дорожные карты, показатели, кампании."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0,
                            help=f"доля полного региона ({DISTRICTS} районов, 1500 организаций, 1 000 000 участников)")
        parser.add_argument("--seed", type=int, default=1, help="одно и то же число — один и тот же регион")

    def handle(self, *args, scale, seed, **options):
        started = time.perf_counter()
        figures = RegionBuilder(scale=scale, seed=seed, today=timezone.localdate()).build()
        seconds = time.perf_counter() - started
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would gather them soon after a real region's rows arrive: without
            # them the planner guesses 94,000 rows for 50 pairs' mentees and scans every person (issue #24).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"Регион {seed}: районов {figures.districts}, организаций {figures.organizations}, "
                          f"за {seconds:.0f} с")
        for label, count in sorted(figures.rows.items()):
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(f"Входы: coordinator-{seed}, curator-{seed}-d01, school-r{seed}-d01-s01; пароль {PASSWORD}")
