"""The first view after a change (issue #24): a pair of the district's first school is saved, then each page that
keeps its figures is opened — once as it was before warming (the view computes), once after the worker's warm task
has run (mentoring_portal/lib/warming.py). Prints the view's time in both cases and the warm task's own time.

    DATABASE_URL=postgres://…/portal_bench .venv/bin/python bench/bench_after_change.py --seed 1 [--runs 5]"""

import argparse
import statistics
import time
from functools import partial

import portal  # noqa: F401 - sets Django up (bench/portal.py)
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_settings

from mentoring_portal.lib import warming
from participants.models import Pair
from roadmaps.models import Item


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seed = args.seed
    district, school, region = f"r{seed}-d01", f"r{seed}-d01-s01", f"region-{seed}"
    users = get_user_model().objects
    pair = Pair.objects.filter(organization__code=school).first()
    item = Item.objects.filter(roadmap__organization__code=school).first()
    largest = Item.objects.filter(roadmap__district__code=district).first()
    cases = [  # (what changes, whose page, the page, the versions the change bumps that have warmers)
        ("a pair saved", f"curator-{seed}-d01", f"/d/{district}/indicators/",
         lambda: pair.save(), [f"district-figures:{pair.organization.district_id}"]),
        ("a roadmap item saved", f"coordinator-{seed}", "/my/",
         lambda: item.save(), [f"deadlines:region:{pair.organization.region_id}"]),
        ("a pair saved", f"coordinator-{seed}", f"/r/{region}/",
         lambda: pair.save(), [f"region-overview:{pair.organization.region_id}"]),
        ("a roadmap item saved", f"curator-{seed}-d01", f"/roadmaps/{largest.roadmap_id}/",
         lambda: largest.save(), [f"roadmap-table:{largest.roadmap_id}"]),
    ]
    print(f"{'change':22} {'page':22} {'view, no worker':>16} {'warm task':>10} {'view after it':>14}")
    for change, username, url, make_change, names in cases:
        client = Client(HTTP_HOST="localhost")
        client.force_login(users.get(username=username))
        client.get(url)
        view = partial(client.get, url)
        cold, warm_task, warmed = [], [], []
        with override_settings(WARM_CACHES=False):  # the bench runs the warm task itself, timed
            for _ in range(args.runs):
                make_change()
                cold.append(timed(view))
                make_change()
                warm_task.append(sum(timed(lambda name=name: warming.warm.call(name)) for name in names))
                warmed.append(timed(view))
        print(f"{change:22} {url:22} {statistics.median(cold):13.0f} ms {statistics.median(warm_task):7.0f} ms "
              f"{statistics.median(warmed):11.0f} ms")


if __name__ == "__main__":
    main()
