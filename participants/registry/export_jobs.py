"""Exports of the registry made in the background: a school's registry or pairs when large, a district's adults
always. Access is checked again in the worker; each file is logged as a download of personal data."""

from __future__ import annotations

from mentoring_portal.jobs.exports import export_to_storage
from participants.access import exporter_for
from participants.models import District, Organization, Region
from participants.registry.exports import DISTRICT_GROUP, GROUP, REGION_GROUP
from participants.services.audit import export_logged

KIND = "participants.export"
LABEL = "Реестр, пары или взрослые участники"
PLACES = {"organization": (Organization, GROUP), "district": (District, DISTRICT_GROUP),
          "region": (Region, REGION_GROUP)}


def payload(place, identifier: str, label: str) -> dict:
    return {"place": place._meta.model_name, "pk": place.pk, "identifier": identifier, "label": label}


def make_export(job) -> dict:
    model, group = PLACES[job.payload["place"]]
    place = model.objects.get(pk=job.payload["pk"])
    exporter = exporter_for(job.user, group, job.payload["identifier"], place)
    exporter.user = job.user
    result = export_to_storage(job, exporter, place)
    school = place if isinstance(place, Organization) else None
    export_logged(user=job.user, organization=school, rows=exporter.count,
                  what=exporter.label if school else f"{exporter.label} · {place.name}")
    return result
