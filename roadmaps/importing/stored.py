"""A parse result kept between the background job that made it and the user's confirmation: JSON in, dataclasses out."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder

from roadmaps.importing.parse import ParsedItem, ParsedRoadmap, ParsedSection, ParseResult, Problem


def result_to_json(result: ParseResult) -> dict:
    return json.loads(json.dumps(asdict(result), cls=DjangoJSONEncoder))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def result_from_json(data: dict) -> ParseResult:
    roadmaps = []
    for r in data["roadmaps"]:
        sections = [ParsedSection(title=s["title"], is_stage=s["is_stage"], items=[ParsedItem(**i) for i in s["items"]])
                    for s in r["sections"]]
        roadmaps.append(ParsedRoadmap(**{
            **r, "period": tuple(_date(d) for d in r["period"]) if r["period"] else None,
            "approval_date": _date(r["approval_date"]), "sections": sections,
            "warnings": [Problem(**w) for w in r["warnings"]],
        }))
    return ParseResult(roadmaps=roadmaps, errors=[Problem(**e) for e in data["errors"]])
