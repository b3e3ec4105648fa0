"""The registry in and out of Excel: a template to fill, an all-or-nothing import with every problem by row, and the
exports of the registry and the pairs (through the exports registry, each download logged)."""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from mentoring_portal.lib.collation import search_text
from mentoring_portal.lib.exports import Column, Sheet, SheetRow, write_xlsx
from mentoring_portal.lib.uploads import Kind, ReadBudget, UploadRefused, inspect
from participants.models import Category, Consent, MenteeRequest, MentorProfile, Organization, Person

COLUMNS = [
    ("last_name", "Фамилия", 18), ("first_name", "Имя", 14), ("patronymic", "Отчество", 16),
    ("category", "Категория", 22), ("grade", "Класс / курс", 10), ("birth_date", "Дата рождения", 13),
    ("teaching_since", "Начало педагогической деятельности", 16), ("position", "Должность", 20),
    ("phone", "Телефон", 15), ("email", "Электронная почта", 22),
    ("consent_by", "Согласие дал(а)", 22), ("consent_on", "Дата согласия", 13), ("consent_doc", "Документ согласия", 16),
    ("competencies", "Наставник: компетенции", 28), ("max_mentees", "Наставник: наставляемых не больше", 14),
    ("help_wanted", "Запрос наставляемого", 28),
]
LABELS = {label.lower(): key for key, label, _ in COLUMNS}
LABEL_OF = {key: label for key, label, _ in COLUMNS}
CATEGORY_WORDS = {
    "обучающийся": Category.STUDENT, "ученик": Category.STUDENT, "учащийся": Category.STUDENT,
    "обучающаяся": Category.STUDENT, "ученица": Category.STUDENT,
    "педагог": Category.TEACHER, "учитель": Category.TEACHER, "преподаватель": Category.TEACHER,
    "родитель": Category.PARENT, "законный представитель": Category.PARENT,
    "выпускник": Category.GRADUATE, "студент": Category.UNIVERSITY_STUDENT,
    "представитель партнёра": Category.PARTNER, "представитель партнера": Category.PARTNER,
    "работодатель": Category.PARTNER,
} | {label.lower(): value for value, label in Category.choices}
DATE_KEYS = ("birth_date", "teaching_since", "consent_on")
MAX_ROWS = 5000  # people in one file; a school's registry is a few hundred


def template_xlsx() -> bytes:
    example = ["Иванова", "Мария", "Петровна", "Обучающийся", "7Б", date(2011, 3, 14), None, "", "", "",
               "Иванова Елена Сергеевна (мать)", date(2024, 9, 2), "Согласие № 15", "", None,
               "Подтянуть математику, подготовка к олимпиаде"]
    columns = [Column(label, width, "date" if key in ("birth_date", "teaching_since", "consent_on") else "text")
               for key, label, width in COLUMNS]
    return write_xlsx([Sheet("Реестр", columns, [SheetRow(example)])])


@dataclass
class RowProblem:
    row: int
    message: str

    def __str__(self) -> str:
        return f"Строка {self.row}: {self.message}"


@dataclass
class ParsedPerson:
    row: int
    values: dict

    @property
    def full_name(self) -> str:
        return " ".join(v for v in (self.values["last_name"], self.values["first_name"], self.values["patronymic"]) if v)


@dataclass
class RegistryImport:
    people: list[ParsedPerson] = field(default_factory=list)
    duplicates: list[RowProblem] = field(default_factory=list)  # found and shown, not created twice
    errors: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict:
        """Kept on the background job between the preview and the confirmation."""
        return json.loads(json.dumps(asdict(self), cls=DjangoJSONEncoder))

    @classmethod
    def from_json(cls, data: dict) -> RegistryImport:
        def person(p: dict) -> ParsedPerson:
            values = {**p["values"], **{key: date.fromisoformat(p["values"][key]) if p["values"][key] else None
                                        for key in DATE_KEYS}}
            return ParsedPerson(p["row"], values)

        return cls(people=[person(p) for p in data["people"]],
                   duplicates=[RowProblem(**d) for d in data["duplicates"]], errors=[RowProblem(**e) for e in data["errors"]])


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _date(value, row: int, label: str, problems: list[RowProblem]) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.strptime(_text(value), "%d.%m.%Y").date()
    except ValueError:
        problems.append(RowProblem(row, f"«{label}»: «{_text(value)}» — укажите дату как ДД.ММ.ГГГГ."))
        return None


def _identity(last_name: str, first_name: str, patronymic: str, birth_date: date | None) -> tuple:
    return search_text(last_name, first_name, patronymic), birth_date


def refused(exc: UploadRefused) -> RegistryImport:
    """A file the upload layer refused, as an import with one error."""
    return RegistryImport(errors=[RowProblem(0, f"{exc} Нужен файл Excel (.xlsx) по шаблону реестра.")])


def parse_registry(name: str, data: bytes, organization: Organization, *, progress=None) -> RegistryImport:
    from openpyxl import load_workbook

    result = RegistryImport()
    try:
        inspect(name, data, {Kind.XLSX})
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = list(ReadBudget(rows=MAX_ROWS + 1, progress=progress).sheet_rows(workbook.worksheets[0]))
        workbook.close()
    except UploadRefused as exc:
        return refused(exc)
    except Exception:  # noqa: BLE001 - openpyxl and defusedxml raise many kinds on a broken workbook
        result.errors.append(RowProblem(0, "файл не похож на книгу Excel (.xlsx): возможно, он повреждён."))
        return result
    if not rows:
        result.errors.append(RowProblem(0, "файл пустой."))
        return result
    header = [LABELS.get(_text(c).lower()) for c in rows[0]]
    missing = [label for key, label, _ in COLUMNS[:4] if key not in header]
    if missing:
        result.errors.append(RowProblem(1, "нет столбцов " + ", ".join(f"«{m}»" for m in missing)
                                        + ": скачайте шаблон реестра и заполните его."))
        return result
    existing = _existing_identities(organization)
    seen: dict[tuple, int] = {}
    for number, raw in enumerate(rows[1:], start=2):
        cells = {key: raw[i] if i < len(raw) else None for i, key in enumerate(header) if key}
        if not any(_text(v) for v in cells.values()):
            continue
        values = {key: _text(cells.get(key)) for key, _, _ in COLUMNS}
        problems: list[RowProblem] = []
        for key in ("last_name", "first_name"):
            if not values[key]:
                problems.append(RowProblem(number, f"не заполнено «{LABEL_OF[key]}»."))
        category = CATEGORY_WORDS.get(values["category"].lower())
        if not category:
            problems.append(RowProblem(number, f"категория «{values['category']}» не из списка: обучающийся, педагог, "
                                               "родитель, выпускник, студент, представитель партнёра."))
        for key, label in (("birth_date", "Дата рождения"), ("teaching_since", "Начало педагогической деятельности"),
                           ("consent_on", "Дата согласия")):
            values[key] = _date(cells.get(key), number, label, problems)
        if values["max_mentees"]:
            if not values["max_mentees"].isdigit() or int(values["max_mentees"]) < 1:
                problems.append(RowProblem(number, "«наставляемых не больше» — целое число от 1."))
        if values["consent_on"] and not values["consent_by"]:
            problems.append(RowProblem(number, "указана дата согласия, но не указано, кто его дал."))
        if values["email"] and "@" not in values["email"]:
            problems.append(RowProblem(number, f"адрес почты «{values['email']}» без @."))
        result.errors.extend(problems)
        if problems:
            continue
        values["category"] = category
        identity = _identity(values["last_name"], values["first_name"], values["patronymic"], values["birth_date"])
        parsed = ParsedPerson(number, values)
        if identity in seen:
            result.duplicates.append(RowProblem(number, f"{parsed.full_name} уже есть в строке {seen[identity]} — "
                                                        "строка пропущена."))
            continue
        seen[identity] = number
        if identity in existing:
            result.duplicates.append(RowProblem(number, f"{parsed.full_name} уже есть в реестре — строка пропущена."))
            continue
        result.people.append(parsed)
    if not result.people and not result.errors and not result.duplicates:
        result.errors.append(RowProblem(0, "в файле нет ни одной строки с участником."))
    return result


def _existing_identities(organization: Organization) -> set[tuple]:
    return {
        _identity(p.last_name, p.first_name, p.patronymic, p.birth_date)
        for p in Person.objects.filter(organization=organization).only("last_name", "first_name", "patronymic",
                                                                        "birth_date")
    }


@transaction.atomic
def registry_import(*, organization: Organization, parsed: RegistryImport) -> list[Person]:
    """Creates the parsed people. Two confirmations of the same file at once take turns on the organization's row,
    and the second finds the first one's people already there: nobody is created twice."""
    if not parsed.ok:
        raise ValueError("; ".join(str(e) for e in parsed.errors))
    Organization.objects.select_for_update().filter(pk=organization.pk).first()
    existing = _existing_identities(organization)
    created = []
    for item in parsed.people:
        v = item.values
        identity = _identity(v["last_name"], v["first_name"], v["patronymic"], v["birth_date"])
        if identity in existing:
            continue
        existing.add(identity)
        person = Person(organization=organization, last_name=v["last_name"], first_name=v["first_name"],
                        patronymic=v["patronymic"], category=v["category"], grade=v["grade"],
                        birth_date=v["birth_date"], teaching_since=v["teaching_since"], position=v["position"],
                        phone=v["phone"], email=v["email"])
        person.full_clean()
        person.save()
        if v["consent_by"] and v["consent_on"]:
            Consent.objects.create(person=person, given_by=v["consent_by"], given_on=v["consent_on"],
                                   document=v["consent_doc"])
        if v["competencies"] or v["max_mentees"]:
            MentorProfile.objects.create(person=person, competencies=v["competencies"],
                                         max_mentees=int(v["max_mentees"] or 3))
        if v["help_wanted"]:
            MenteeRequest.objects.create(person=person, help_wanted=v["help_wanted"])
        created.append(person)
    return created
