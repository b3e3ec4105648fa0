"""Exports of a school's registry and pairs made in the background when they are large."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from mentoring_portal.jobs.exports import export_to_storage
from mentoring_portal.lib.exports import registry
from participants.access import access_of
from participants.exports import GROUP
from participants.models import Organization
from participants.services.audit import export_logged

KIND = "participants.export"
LABEL = "Реестр или пары организации"


def make_export(job) -> dict:
    organization = Organization.objects.get(pk=job.payload["organization"])
    exporter = registry.get(GROUP, job.payload["identifier"])
    # Access is checked again in the worker: a role may have been removed since the export was ordered.
    if exporter is None or exporter.capability not in access_of(job.user).capabilities_on(organization):
        raise PermissionDenied("Нет прав на эту выгрузку.")
    exporter.user = job.user
    result = export_to_storage(job, exporter, organization)
    export_logged(user=job.user, organization=organization, what=exporter.label, rows=exporter.count)
    return result
