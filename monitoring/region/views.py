"""The region overview page for the regional coordinator."""

from django.shortcuts import render
from django.utils import timezone

from monitoring.charts import meter
from monitoring.region.overview import region_overview, sorted_rows
from participants.access import CAN_VIEW_REPORTS, region_view


@region_view(CAN_VIEW_REPORTS)
def overview(request, region):
    found, refreshing = region_overview(region, timezone.localdate())
    sort = request.GET.get("sort", "name")
    sorts = [("name", "по названию"), ("pairs", "по числу пар"), ("overdue", "по просрочкам"),
             ("late", "по опоздавшим с отчётом"), *((c.key, f"по показателю: {c.label[:60]}") for c in found.columns)]
    sort = sort if sort in dict(sorts) else "name"

    def rows():  # drawn only when the table's cached fragment is missing (a chart a cell: 0.1 s a region)
        return [(row, [(row.values.get(c.key), meter(row.values.get(c.key), c.target)) for c in found.columns])
                for row in sorted_rows(found, sort)]

    return render(request, "monitoring/region/overview.html", {
        "region": region, "overview": found, "rows": rows, "sort": sort, "sorts": sorts, "refreshing": refreshing})
