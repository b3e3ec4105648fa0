"""The analytical report of a district as PDF or XLSX, made in the background (a district's PDF takes seconds)."""

from __future__ import annotations

from datetime import date

from mentoring_portal.jobs.exports import export_to_storage
from mentoring_portal.lib.replica import from_replica
from monitoring.exports import GROUP
from monitoring.reports import analytical_report
from participants.access import exporter_for
from participants.models import District

KIND = "monitoring.district-report"
LABEL = "Аналитическая справка муниципалитета"


def make_report(job) -> dict:
    district = District.objects.get(pk=job.payload["district"])
    exporter = exporter_for(job.user, GROUP, job.payload["identifier"], district)
    job.report(10, "расчёт показателей")
    with from_replica(after=job.payload.get("primary_position")):
        report = analytical_report(district, job.user, job.payload["year"], date.fromisoformat(job.payload["today"]))
    return export_to_storage(job, exporter, report)
