"""The background job that reads an uploaded order (through the upload checks, like every file of the portal)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder

from mentoring_portal.lib.uploads import UploadRefused, discard_pending, read_pending
from roadmaps.importing.readers import read_blocks
from roadmaps.orders.parse import Duty, ParsedOrder, parse_order

KIND = "roadmaps.order"


def parse_upload(job) -> dict:
    token = job.payload["token"]
    try:
        job.report(10, "чтение приказа")
        order = parse_order(read_blocks(job.payload["name"], read_pending(token)))
    except UploadRefused as exc:
        order = ParsedOrder(problems=[str(exc)])
    finally:
        discard_pending(token)
    return json.loads(json.dumps(asdict(order), cls=DjangoJSONEncoder))


def order_from_json(data: dict) -> ParsedOrder:
    return ParsedOrder(number=data["number"], date=date.fromisoformat(data["date"]) if data["date"] else None,
                       title=data["title"], duties=[Duty(**d) for d in data["duties"]], problems=data["problems"])
