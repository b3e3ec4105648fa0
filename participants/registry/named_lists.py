"""Lists of a school's adults in Excel, one row a person named by «Фамилия, Имя, Отчество»: the reading with the
header check and the lookup of each name in the school's registry, shared by the lists of training records and of
teachers' deficits (participants/training, participants/routes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from django.db.models import DateField

from mentoring_portal.lib.collation import search_text
from mentoring_portal.lib.uploads import SHEET_FORMATS, ReadBudget, UploadRefused, sheet_rows
from participants.models import Category, Person
from participants.registry.io import RowProblem, cell_text


def read_list(name: str, data: bytes, headers: list[str], max_rows: int) -> tuple[list[tuple], list[RowProblem]]:
    """The rows under the template's header row, or the one problem that stops the reading."""
    try:
        rows = sheet_rows(name, data, ReadBudget(rows=max_rows + 1))
    except UploadRefused as exc:
        return [], [RowProblem(0, f"{exc} Нужна таблица {SHEET_FORMATS} по шаблону.")]
    if not rows or [cell_text(c) for c in rows[0][:len(headers)]] != headers:
        return [], [RowProblem(1, "Первая строка — заголовки шаблона: " + ", ".join(headers) + ".")]
    return rows[1:], []


def texts(cells: tuple, width: int) -> list[str]:
    return [cell_text(c) for c in cells[:width]] + [""] * (width - len(cells))


class SchoolAdults:
    """The school's adults (not pupils, not erased) by folded full name: «ё» as «е», any case."""

    def __init__(self, organization):
        self.by_name: dict[str, list[Person]] = {}
        for person in Person.objects.filter(organization=organization, anonymised_on__isnull=True).exclude(
                category=Category.STUDENT):
            self.by_name.setdefault(search_text(person.last_name, person.first_name, person.patronymic),
                                    []).append(person)

    def find(self, names: list[str], row: int, problems: list[RowProblem], *, card: str) -> Person | None:
        """The one person of that name, or None with the reason added to `problems` (`card`: what to enter on
        the person's card instead when there are namesakes)."""
        found = self.by_name.get(search_text(*names), [])
        shown = " ".join(names).strip()
        if not found:
            problems.append(RowProblem(row, f"«{shown}» нет среди взрослых в реестре школы."))
        elif len(found) > 1:
            problems.append(RowProblem(row, f"В реестре несколько человек с именем «{shown}»: внесите {card} в "
                                            "карточке."))
        return found[0] if len(found) == 1 else None


@dataclass
class ListImport:
    """What a background job read from such a list: the rows as unsaved records of `model` (each remembering the
    name it was matched by, for the preview) and the problems by row — as JSON for the job's result and back."""

    model: ClassVar[type]
    fields: ClassVar[list[str]]  # the record's fields kept in the job's result (dates as ISO text)
    rows: list = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)

    def to_json(self) -> dict:
        def value(record, name):
            found = getattr(record, name)
            return found.isoformat() if isinstance(found, date) else found

        return {"errors": [[e.row, e.message] for e in self.errors],
                "rows": [{"name": r.person.full_name, **{f: value(r, f) for f in self.fields}} for r in self.rows]}

    @classmethod
    def from_json(cls, data: dict) -> ListImport:
        rows = []
        for row in data["rows"]:
            record = cls.model(**{f: row[f] for f in cls.fields})
            for name in cls.fields:
                if isinstance(cls.model._meta.get_field(name.removesuffix("_id")), DateField) and row[name]:
                    setattr(record, name, date.fromisoformat(row[name]))
            record.matched_name = row["name"]
            rows.append(record)
        return cls(rows=rows, errors=[RowProblem(row, message) for row, message in data["errors"]])
