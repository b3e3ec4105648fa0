"""The registry in and out of Excel: a template to fill, an all-or-nothing import with every problem by row, and the
exports of the registry and the pairs (through the exports registry, each download logged)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib.collation import search_text
from mentoring_portal.lib.exports import Column, Sheet, SheetRow, write_xlsx
from mentoring_portal.lib.uploads import SHEET_FORMATS, ReadBudget, UploadRefused, sheet_rows
from participants.models import (
    Category,
    Consent,
    ConsentGiver,
    MenteeRequest,
    MentorProfile,
    Organization,
    Person,
    consent_problems,
)

COLUMNS = [
    ("last_name", "Фамилия", 18), ("first_name", "Имя", 14), ("patronymic", "Отчество", 16),
    ("category", "Категория", 22), ("grade", "Класс / курс", 10), ("birth_date", "Дата рождения", 13),
    ("teaching_since", "Начало педагогической деятельности", 16), ("position", "Должность", 20),
    ("phone", "Телефон", 15), ("email", "Электронная почта", 22),
    ("consent_giver", "Кто дал согласие", 22), ("consent_by", "Согласие дал(а)", 22), ("consent_on", "Дата согласия", 13),
    ("consent_doc", "Документ согласия", 16),
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


# The template's sample row: shown to be replaced, never imported as a real person.
EXAMPLE = ["Образцова", "Мария", "Петровна", "Обучающийся", "7Б", date(2011, 3, 14), None, "", "", "",
           "родитель (законный представитель)", "Образцова Елена Сергеевна (мать)", date(2024, 9, 2), "Согласие № 15", "",
           None, "Подтянуть математику, подготовка к олимпиаде"]
GIVER_WORDS = {
    "сам": ConsentGiver.SELF, "сама": ConsentGiver.SELF, "лично": ConsentGiver.SELF, "сам участник": ConsentGiver.SELF,
    "родитель": ConsentGiver.REPRESENTATIVE, "законный представитель": ConsentGiver.REPRESENTATIVE,
    "опекун": ConsentGiver.REPRESENTATIVE, "участник с согласия родителя": ConsentGiver.SELF_WITH_CONSENT,
    "с согласия родителя": ConsentGiver.SELF_WITH_CONSENT,
} | {label.lower(): value for value, label in ConsentGiver.choices}


def template_xlsx() -> bytes:
    columns = [Column(label, width, "date" if key in DATE_KEYS else "text") for key, label, width in COLUMNS]
    return write_xlsx([Sheet("Реестр", columns, [SheetRow(EXAMPLE)])])


@dataclass
class RowProblem:
    row: int
    message: str

    def __str__(self) -> str:
        if not self.row:  # 0: the file as a whole
            return self.message[:1].upper() + self.message[1:]
        return f"Строка {self.row}: {self.message}"


@dataclass
class ParsedPerson:
    row: int
    values: dict

    @property
    def full_name(self) -> str:
        return " ".join(v for v in (self.values["last_name"], self.values["first_name"], self.values["patronymic"]) if v)

    @property
    def category_label(self) -> str:
        return Category(self.values["category"]).label


@dataclass
class RegistryImport:
    people: list[ParsedPerson] = field(default_factory=list)
    duplicates: list[RowProblem] = field(default_factory=list)  # found and shown, not created twice
    errors: list[RowProblem] = field(default_factory=list)
    skipped: list[RowProblem] = field(default_factory=list)  # the template's sample row, left in: no person, no repeat

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
                   duplicates=[RowProblem(**d) for d in data["duplicates"]], errors=[RowProblem(**e) for e in data["errors"]],
                   skipped=[RowProblem(**s) for s in data.get("skipped", [])])


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def cell_date(value, row: int, label: str, problems: list[RowProblem]) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.strptime(cell_text(value), "%d.%m.%Y").date()
    except ValueError:
        problems.append(RowProblem(row, f"«{label}»: «{cell_text(value)}» — укажите дату как ДД.ММ.ГГГГ."))
        return None


class Identities:
    """Who is already there: the same name with the same birth date, or the same name where either birth date is
    missing (a row without a birth date is still matched against the registry)."""

    def __init__(self):
        self.births: dict[str, dict[date | None, int]] = {}

    @staticmethod
    def name(values: dict) -> str:
        return search_text(values["last_name"], values["first_name"], values["patronymic"])

    def add(self, values: dict, where: int = 0) -> None:
        self.births.setdefault(self.name(values), {})[values["birth_date"]] = where

    def find(self, values: dict) -> int | None:
        """Where the person was seen (a row number, or 0 for the registry), or None."""
        births = self.births.get(self.name(values), {})
        born = values["birth_date"]
        if born in births:
            return births[born]
        if born is None and births:
            return next(iter(births.values()))
        return births.get(None)


def refused(exc: UploadRefused) -> RegistryImport:
    """A file the upload layer refused, as an import with one error."""
    return RegistryImport(errors=[RowProblem(0, f"{exc} Нужна таблица {SHEET_FORMATS} по шаблону реестра.")])


def parse_registry(name: str, data: bytes, organization: Organization, *, progress=None) -> RegistryImport:
    result = RegistryImport()
    try:
        rows = sheet_rows(name, data, ReadBudget(rows=MAX_ROWS + 1, progress=progress))
    except UploadRefused as exc:
        return refused(exc)
    if not rows:
        result.errors.append(RowProblem(0, "файл пустой."))
        return result
    header = [LABELS.get(cell_text(c).lower()) for c in rows[0]]
    missing = [label for key, label, _ in COLUMNS[:4] if key not in header]
    if missing:
        result.errors.append(RowProblem(1, "нет столбцов " + ", ".join(f"«{m}»" for m in missing)
                                        + ": скачайте шаблон реестра и заполните его."))
        return result
    seen = _existing_identities(organization)
    for number, raw in enumerate(rows[1:], start=2):
        cells = {key: raw[i] if i < len(raw) else None for i, key in enumerate(header) if key}
        if not any(cell_text(v) for v in cells.values()):
            continue
        values = {key: cell_text(cells.get(key)) for key, _, _ in COLUMNS}
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
            values[key] = cell_date(cells.get(key), number, label, problems)
        if values["max_mentees"]:
            if not values["max_mentees"].isdigit() or int(values["max_mentees"]) < 1:
                problems.append(RowProblem(number, "«наставляемых не больше» — целое число от 1."))
        if values["consent_by"] and not values["consent_on"]:
            problems.append(RowProblem(number, "указано, кто дал согласие, но не указана дата согласия."))
        if problems:
            result.errors.extend(problems)
            continue
        values["category"] = category
        if _is_example(raw):
            result.skipped.append(RowProblem(number, "строка-образец из шаблона — пропущена."))
            continue
        problems = [RowProblem(number, message) for message in _confirmation_problems(values, organization)]
        if problems:
            result.errors.extend(problems)
            continue
        parsed = ParsedPerson(number, values)
        where = seen.find(values)
        if where is not None:
            result.duplicates.append(RowProblem(number, f"{parsed.full_name} уже есть в реестре — строка пропущена."
                                                if where == 0 else f"{parsed.full_name} уже есть в строке {where} — "
                                                                   "строка пропущена."))
            continue
        seen.add(values, number)
        result.people.append(parsed)
    if not result.people and not result.errors and not result.duplicates:
        result.errors.append(RowProblem(0, "в файле нет ни одной строки с участником" + (
            " (строка-образец из шаблона не считается)." if result.skipped else ".")))
    return result


def _existing_identities(organization: Organization) -> Identities:
    identities = Identities()
    for values in Person.objects.filter(organization=organization).values("last_name", "first_name", "patronymic",
                                                                          "birth_date"):
        identities.add(values)
    return identities


def _is_example(raw) -> bool:
    """The template's sample row, left in the file: its name and category are the sample's."""
    return [cell_text(c) for c in raw[:4]] == [cell_text(c) for c in EXAMPLE[:4]]


def _said_giver(values: dict) -> str | None:
    """The «Кто дал согласие» column read, or None (empty, or words it does not know)."""
    return GIVER_WORDS.get(values["consent_giver"].lower().strip(" .")) if values["consent_giver"] else None


def _giver(values: dict, person: Person) -> str:
    """Who gave the consent: the column if filled in, else the person themselves when the name is theirs, else a
    parent (legal representative) for a minor."""
    said = _said_giver(values)
    if said:
        return said
    if search_text(values["consent_by"]) == search_text(person.full_name) or not person.is_minor(values["consent_on"]):
        return ConsentGiver.SELF
    return ConsentGiver.REPRESENTATIVE


def _person(values: dict, organization: Organization) -> Person:
    return Person(organization=organization, last_name=values["last_name"], first_name=values["first_name"],
                  patronymic=values["patronymic"], category=values["category"], grade=values["grade"],
                  birth_date=values["birth_date"], teaching_since=values["teaching_since"], position=values["position"],
                  phone=values["phone"], email=values["email"])


def _confirmation_problems(values: dict, organization: Organization) -> list[str]:
    """Everything the confirmation would refuse, found while the user still looks at the preview: the model's own
    validation (e-mail, lengths, dates) and the consent rules for the person's age."""
    person, problems = _person(values, organization), []
    try:
        person.full_clean(exclude=["organization", "user", "partner"])
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            label = LABEL_OF.get(field_name)
            problems += [f"«{label}»: {m}" if label else m for m in messages]
    if values["consent_on"] and values["consent_giver"] and not _said_giver(values):
        problems.append(f"«Кто дал согласие»: «{values['consent_giver']}» — укажите «сам участник», «родитель (законный "
                        "представитель)» или «участник с согласия родителя».")
    elif values["consent_on"] and not problems:
        values["consent_giver"] = _giver(values, person)
        problems += consent_problems(person, giver=values["consent_giver"], given_by=values["consent_by"],
                                     given_on=values["consent_on"], today=timezone.localdate())
    return problems


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
        if existing.find(v) is not None:
            continue
        existing.add(v)
        person = _person(v, organization)
        person.full_clean()
        person.save()
        if v["consent_on"]:
            Consent.objects.create(person=person, giver=v["consent_giver"], given_by=v["consent_by"] or person.full_name,
                                   given_on=v["consent_on"], document=v["consent_doc"])
        if v["competencies"] or v["max_mentees"]:
            MentorProfile.objects.create(person=person, competencies=v["competencies"],
                                         max_mentees=int(v["max_mentees"] or 3))
        if v["help_wanted"]:
            MenteeRequest.objects.create(person=person, help_wanted=v["help_wanted"])
        created.append(person)
    return created
