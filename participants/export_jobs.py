"""Exports of a school's registry and pairs made in the background when they are large."""

from __future__ import annotations

from mentoring_portal.jobs.exports import export_to_storage
from participants.access import exporter_for
from participants.exports import GROUP
from participants.models import Organization
from participants.services.audit import export_logged

KIND = "participants.export"
LABEL = "Реестр или пары организации"


def make_export(job) -> dict:
    organization = Organization.objects.get(pk=job.payload["organization"])
    exporter = exporter_for(job.user, GROUP, job.payload["identifier"], organization)
    exporter.user = job.user
    result = export_to_storage(job, exporter, organization)
    export_logged(user=job.user, organization=organization, what=exporter.label, rows=exporter.count)
    return result
