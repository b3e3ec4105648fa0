"""The sign-in sheet in Excel (a column «ФИО» of those who came), read by a background job: every name must be one
of the invited; one that is not, or is ambiguous, is a problem of its row, and then nothing is marked. The event's
page previews the job's result and «Подтвердить» marks the attendance once."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from mentoring_portal.lib.collation import search_text
from mentoring_portal.lib.uploads import SHEET_FORMATS, ReadBudget, UploadRefused, pending_file, sheet_rows
from roadmaps.events.models import Event

KIND = "roadmaps.sign-in-sheet"
MAX_ROWS = 2000


@dataclass
class SignInSheet:
    present: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> SignInSheet:
        return cls(**data)


def parse_upload(job) -> dict:
    with pending_file(job.payload["token"]) as data:
        job.report(10, "чтение листа подписей")
        return read_sign_in_sheet(Event.objects.get(pk=job.payload["event"]), job.payload["name"], data).to_json()


def read_sign_in_sheet(event: Event, name: str, data: bytes) -> SignInSheet:
    sheet = SignInSheet()
    try:
        rows = sheet_rows(name, data, ReadBudget(rows=MAX_ROWS + 1))
    except UploadRefused as exc:
        sheet.problems.append(f"{exc} Нужен лист подписей — таблица {SHEET_FORMATS} со столбцом «ФИО».")
        return sheet
    header = [search_text(str(c or "")) for c in (rows[0] if rows else [])]
    if "фио" not in header:
        sheet.problems.append("В первой строке нет столбца «ФИО».")
        return sheet
    column = header.index("фио")
    invited: dict[str, list[int]] = {}
    for attendance in event.attendances.all():
        invited.setdefault(search_text(attendance.name), []).append(attendance.pk)
    present: set[int] = set()
    for number, cells in enumerate(rows[1:], start=2):
        name = " ".join(str(cells[column] or "").split()) if column < len(cells) else ""
        if not name:
            continue
        found = invited.get(search_text(name), [])
        if len(found) != 1:
            sheet.problems.append(f"Строка {number}: «{name}» " + ("нет среди приглашённых." if not found
                                                                    else "— несколько приглашённых с таким именем."))
        else:
            present.add(found[0])
    sheet.present = sorted(present)
    if not sheet.present and not sheet.problems:
        sheet.problems.append("В листе нет ни одной фамилии.")
    return sheet
