"""The region's adults (the coordinator's export) and a district's, streamed to XLSX: rows/s and peak memory, in a
fresh process each.

    DATABASE_URL=postgres://…/portal_full .venv/bin/python bench/bench_region_export.py --seed 1 [--place district]"""

import argparse
import resource
import time

import portal  # noqa: F401 - sets Django up (bench/portal.py)
from django.contrib.auth import get_user_model

from mentoring_portal.lib.exports import find_exporter
from participants.models import District, Region


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--place", choices=["region", "district"], default="region")
    parser.add_argument("--rows", type=int, default=0, help="the writer alone, on N generated rows of 10 cells")
    args = parser.parse_args()
    if args.rows:
        return writer_alone(args.rows)
    admin = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        f"bench-admin-{args.seed}", password="x")
    if args.place == "region":
        place = Region.objects.get(code=f"region-{args.seed}")
    else:
        place = District.objects.filter(region__code=f"region-{args.seed}").order_by("pk").first()
    exporter = find_exporter(args.place, "vzroslye")
    exporter.user = admin
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    size = len(exporter.render(place))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.place} adults XLSX: {exporter.count:,} rows in {seconds:.1f} s = {exporter.count / seconds:,.0f} rows/s, "
          f"{size / 1e6:.1f} MB, peak RSS {before:.0f} → {peak:.0f} MB")


def writer_alone(count: int) -> None:
    from datetime import date

    from mentoring_portal.lib.exports import Column, Sheet, SheetRow, write_xlsx

    columns = [Column(name) for name in ("Организация", "Фамилия", "Имя", "Отчество", "Категория", "Должность",
                                         "Телефон", "Эл. почта")] + [Column("Дата", kind="date"), Column("Число")]
    rows = (SheetRow([f"МБОУ СОШ № {n % 1500}", f"Иванова{n}", "Мария", "Петровна", "Педагог", "учитель",
                      f"+7 900 {n:07d}", f"person{n}@school.example", date(1980, 1, 1 + n % 28), n % 7])
            for n in range(count))
    started = time.perf_counter()
    size = len(write_xlsx([Sheet("Реестр", columns, rows, wrap=False)]))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"writer alone: {count:,} rows in {seconds:.1f} s = {count / seconds:,.0f} rows/s, {size / 1e6:.1f} MB, "
          f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
