"""The background job that reads an uploaded registry workbook."""

from __future__ import annotations

from mentoring_portal.lib.uploads import discard_pending, read_pending
from participants.models import Organization
from participants.registry.io import parse_registry

KIND = "participants.registry-import"


def parse_upload(job) -> dict:
    token = job.payload["token"]
    data = read_pending(token)
    try:
        job.report(10, "чтение файла")
        parsed = parse_registry(job.payload["name"], data, Organization.objects.get(pk=job.payload["organization"]),
                                progress=lambda rows: job.report(min(90, 10 + rows // 50), f"прочитано строк: {rows}"))
    finally:
        discard_pending(token)
    return parsed.to_json()
