"""Server time and queries of each role's pages against a generated region (`manage.py generate_region`).

    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/bench_pages.py --seed 1 [--runs 20]

Prints one row a page: median and p95 of the server time (Django test client, no network), the number of queries and
the page size. No thresholds: docs/PERFORMANCE.md keeps the figures of each run that matters."""

import argparse
import statistics
import time

import portal  # noqa: F401 - sets Django up (bench/portal.py)
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from roadmaps.models import Roadmap


def pages(seed: int) -> list[tuple[str, str]]:
    district, school = f"r{seed}-d01", f"r{seed}-d01-s01"
    roadmap = Roadmap.objects.filter(district__code=district).values_list("pk", flat=True).first()
    return [
        (f"coordinator-{seed}", "/my/"),
        (f"curator-{seed}-d01", "/my/"),
        (f"curator-{seed}-d01", f"/d/{district}/"),
        (f"curator-{seed}-d01", f"/d/{district}/mentoring/"),
        (f"curator-{seed}-d01", f"/d/{district}/indicators/"),
        (f"curator-{seed}-d01", f"/roadmaps/{roadmap}/"),
        (f"school-{school}", "/my/"),
        (f"school-{school}", f"/o/{school}/people/"),
        (f"school-{school}", f"/o/{school}/pairs/"),
        (f"school-{school}", f"/o/{school}/pairs/new/"),
        (f"school-{school}", f"/o/{school}/people/search/?q=иван"),
        (f"school-{school}", f"/o/{school}/matching/"),
        (f"school-{school}", f"/o/{school}/audit/"),
        (f"curator-{seed}-d01", f"/d/{district}/audit/"),
        (f"school-{school}", f"/o/{school}/events/"),
        (f"curator-{seed}-d01", f"/d/{district}/training/"),
        (f"curator-{seed}-d01", f"/d/{district}/report/"),
        (f"coordinator-{seed}", "/my/deadlines/"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    users = get_user_model().objects
    print(f"{'user':24} {'page':26} {'median ms':>9} {'p95 ms':>7} {'queries':>7} {'KB':>6}")
    for username, url in pages(args.seed):
        client.force_login(users.get(username=username))
        client.get(url)  # warm
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        p95 = sorted(times)[max(0, round(len(times) * 0.95) - 1)]
        print(f"{username:24} {url:26} {statistics.median(times):9.0f} {p95:7.0f} {len(queries):7} "
              f"{len(response.content) // 1024:6}  {response.status_code}")


if __name__ == "__main__":
    main()
