"""The background job that reads an uploaded roadmap: the file never holds a web worker."""

from __future__ import annotations

from datetime import date

from mentoring_portal.lib.uploads import discard_pending, read_pending
from roadmaps.importing.services import parse_file
from roadmaps.importing.stored import result_to_json

KIND = "roadmaps.import"


def parse_upload(job) -> dict:
    token = job.payload["token"]
    data = read_pending(token)
    period = job.payload.get("period")
    try:
        job.report(10, "чтение файла")
        result = parse_file(job.payload["name"], data, tuple(date.fromisoformat(d) for d in period) if period else None,
                            progress=lambda rows: job.report(min(90, 10 + rows // 100), f"прочитано строк: {rows}"))
    finally:
        discard_pending(token)
    return result_to_json(result)
