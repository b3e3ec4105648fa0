"""Exports of a school's registry and pairs made in the background when they are large."""

from __future__ import annotations

from mentoring_portal.jobs.exports import export_to_storage
from participants.access import exporter_for
from participants.exports import DISTRICT_GROUP, GROUP
from participants.models import District, Organization
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


DISTRICT_KIND = "participants.district-export"
DISTRICT_LABEL = "Взрослые участники муниципалитета"


def make_district_export(job) -> dict:
    district = District.objects.get(pk=job.payload["district"])
    exporter = exporter_for(job.user, DISTRICT_GROUP, job.payload["identifier"], district)
    exporter.user = job.user
    result = export_to_storage(job, exporter, district)
    export_logged(user=job.user, organization=None, what=f"{exporter.label} · {district.name}", rows=exporter.count)
    return result
