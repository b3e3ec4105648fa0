"""Server time and queries of each role's pages against a generated region (`manage.py generate_region`).

    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/bench_pages.py --seed 1 [--runs 20]

Prints one row a page: median and p95 of the server time (Django test client, no network), the number of queries and
the page size. No thresholds: docs/PERFORMANCE.md keeps the figures of each run that matters."""

import argparse
import statistics
import time

import portal  # noqa: F401 - sets Django up (bench/portal.py)
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mentoring_portal.generate.pages import region_pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--first", action="store_true", help="only the pages a user opens first")
    parser.add_argument("--computed", action="store_true",
                        help="every view as the first after a change: the caches emptied before each request")
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    users = get_user_model().objects
    print(f"{'user':24} {'page':34} {'median ms':>9} {'p95 ms':>7} {'queries':>7} {'KB':>6}")
    for page in region_pages(args.seed):
        if args.first and not page.first:
            continue
        username, url = page.username or "(anonymous)", page.url
        if page.username:
            client.force_login(users.get(username=page.username))
        else:
            client.logout()
        client.get(url)  # warm
        times = []
        for _ in range(args.runs):
            if args.computed:
                cache.clear()
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        p95 = sorted(times)[max(0, round(len(times) * 0.95) - 1)]
        print(f"{username:24} {url:34} {statistics.median(times):9.0f} {p95:7.0f} {len(queries):7} "
              f"{len(response.content) // 1024:6}  {response.status_code}")


if __name__ == "__main__":
    main()
