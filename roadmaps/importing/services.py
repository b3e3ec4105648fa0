"""Writing a parsed document: everything or nothing."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from mentoring_portal.lib.uploads import UploadRefused
from participants.models import District, Organization
from roadmaps.changes import log_change
from roadmaps.deadlines import parse_deadline
from roadmaps.importing.parse import ParseResult, Problem, parse_blocks
from roadmaps.importing.readers import read_blocks
from roadmaps.models import Item, Roadmap, Section
from roadmaps.occurrences import sync_occurrences
from roadmaps.services import link_responsible, owner_users, roadmap_create


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def parse_file(name: str, data: bytes, period: tuple[date, date] | None = None, *, progress=None) -> ParseResult:
    """Read and parse an uploaded file; a file that can't be read at all becomes one error, never an exception.
    `progress(rows)` is told how many rows were read, as reading goes."""
    try:
        blocks = read_blocks(name, data, progress)
    except UploadRefused as exc:
        return ParseResult(errors=[Problem("", str(exc))])
    return parse_blocks(blocks, period)


@transaction.atomic
def roadmap_import(*, owner: District | Organization, result: ParseResult, user, source_name: str) -> list[Roadmap]:
    if not result.ok:
        raise ImportRefused(result.errors)
    created = []
    for parsed in result.roadmaps:
        roadmap = roadmap_create(
            owner=owner, user=user, title=parsed.title, period_start=parsed.period[0], period_end=parsed.period[1],
            approval_kind=parsed.approval_kind, approval_number=parsed.approval_number,
            approval_date=parsed.approval_date, goal=parsed.goal, tasks=parsed.tasks, source_name=source_name[:255],
        )
        candidates = list(owner_users(roadmap))
        for section_position, parsed_section in enumerate(parsed.sections, start=1):
            section = Section.objects.create(
                roadmap=roadmap, position=section_position, title=parsed_section.title, is_stage=parsed_section.is_stage
            )
            for position, p in enumerate(parsed_section.items, start=1):
                item = Item(
                    roadmap=roadmap, section=section, position=position, name=p.name, activity=p.activity,
                    deadline_text=p.deadline[:500], responsible=p.responsible, result=p.result, indicator=p.indicator,
                    audience=p.audience, completion_note=p.note,
                )
                item.refresh_derived()
                item.save()
                link_responsible(item, candidates)
                sync_occurrences(item)
        log_change(roadmap, user, "imported", f"Импортирована из файла «{source_name}»: мероприятий {parsed.item_count}")
        created.append(roadmap)
    return created


def understood_deadlines(result) -> None:
    """Each previewed item's deadline as the portal will read it («до 31.10.2021», «срок не распознан»), so that
    the user sees a misread one before confirming (`item.understood`)."""
    for roadmap in result.roadmaps:
        for section in roadmap.sections:
            for item in section.items:
                item.understood = (parse_deadline(item.deadline, roadmap.period).describe()
                                   if item.deadline and roadmap.period else "без срока")
