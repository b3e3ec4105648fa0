"""Deficits from a diagnostic's results in Excel (РИКУ, ИКУ: «Фамилия, Имя, Отчество, Дата диагностики, Область
компетенций, Дефицит, Результат, Уровень»): read by a background job (`KIND`), each row matched to a teacher of the
school's registry by name; the page previews the job's result, and all rows are saved or none, every problem said
with its row. «Уровень» «недопустимый» marks the result that the district's methodical visit answers (seed 002:
«методический десант в ОО с большим процентом педагогов, сдавших ИКУ на недопустимый уровень»)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib import versions
from mentoring_portal.lib.collation import search_text
from mentoring_portal.lib.exports import Column, Sheet, SheetRow, write_xlsx
from mentoring_portal.lib.uploads import pending_file
from participants.models import Category, Organization, Person
from participants.registry.io import RowProblem, cell_date
from participants.registry.named_lists import ListImport, SchoolAdults, read_list, texts
from participants.routes.models import Competence, Deficit
from participants.routes.rules import WHO

HEADERS = ["Фамилия", "Имя", "Отчество", "Дата диагностики", "Область компетенций", "Дефицит", "Результат", "Уровень"]
MAX_ROWS = 2000
KIND = "participants.deficit-import"
FIELDS = ["person_id", "competence", "description", "diagnostic", "found_on", "result", "unacceptable"]
UNACCEPTABLE = "недопустимый"
COMPETENCE_WORDS = {"предмет": Competence.SUBJECT, "метод": Competence.METHODICAL, "психол": Competence.PSYCHOLOGICAL,
                    "коммуник": Competence.COMMUNICATIVE, "цифр": Competence.DIGITAL, "икт": Competence.DIGITAL}


class DeficitImport(ListImport):
    model = Deficit
    fields = FIELDS


def template_xlsx() -> bytes:
    widths = [18, 18, 18, 14, 24, 40, 16, 16]
    return write_xlsx([Sheet("Дефициты", [Column(h, w) for h, w in zip(HEADERS, widths)], [SheetRow([
        "Иванова", "Мария", "Петровна", "15.10.2024", "Методические", "Формулирование учебных задач урока",
        "8 из 20", "недопустимый"])])])


def competence_of(text: str) -> str | None:
    folded = search_text(text)
    return next((value for word, value in COMPETENCE_WORDS.items() if folded.startswith(word)), None)


def parse_upload(job) -> dict:
    """The background job: the waiting file read, matched to the registry, and removed."""
    with pending_file(job.payload["token"]) as data:
        job.report(10, "чтение файла")
        return parse_deficits(job.payload["name"], data, Organization.objects.get(pk=job.payload["organization"]),
                              diagnostic=job.payload["diagnostic"]).to_json()


def parse_deficits(name: str, data: bytes, organization, *, diagnostic: str) -> DeficitImport:
    result = DeficitImport()
    rows, result.errors = read_list(name, data, HEADERS, MAX_ROWS)
    people = SchoolAdults(organization)
    today = timezone.localdate()
    for number, cells in enumerate(rows, start=2):
        values = texts(cells, len(HEADERS))
        if not any(values):
            continue
        problems: list[RowProblem] = []
        person = people.find(values[:3], number, problems, card="дефицит")
        if person is not None and person.category != Category.TEACHER:
            problems.append(RowProblem(number, f"«{person.full_name}» в реестре не педагог. {WHO}"))
        found_on = cell_date(cells[3] if len(cells) > 3 else None, number, "Дата диагностики", problems)
        if found_on is None and not any("Дата" in p.message for p in problems):
            problems.append(RowProblem(number, "Не указана дата диагностики."))
        if found_on and found_on > today:
            problems.append(RowProblem(number, "Дата диагностики в будущем."))
        competence = competence_of(values[4])
        if competence is None:
            problems.append(RowProblem(number, f"«Область компетенций»: «{values[4]}» — одна из: "
                                               + ", ".join(Competence.labels) + "."))
        if not values[5]:
            problems.append(RowProblem(number, "Не указан дефицит."))
        if values[7] and search_text(values[7]) not in (UNACCEPTABLE, "допустимый", "оптимальный"):
            problems.append(RowProblem(number, f"«Уровень»: «{values[7]}» — недопустимый, допустимый или "
                                               "оптимальный (или пусто)."))
        result.errors += problems
        if not problems:
            result.rows.append(Deficit(person=person, competence=competence, description=values[5][:400],
                                           diagnostic=diagnostic, found_on=found_on, result=values[6][:100],
                                           unacceptable=search_text(values[7]) == UNACCEPTABLE))
    if not result.rows and not result.errors:
        result.errors.append(RowProblem(0, "В файле нет ни одной строки с дефицитом."))
    return result


@transaction.atomic
def save_deficits(parsed: DeficitImport, *, organization, user) -> int:
    """All or nothing: called only for a file without problems. A person erased or moved since the file was read
    is not written to."""
    assert not parsed.errors
    teachers = set(Person.objects.filter(organization=organization, anonymised_on__isnull=True,
                                         category=Category.TEACHER,
                                         pk__in=[d.person_id for d in parsed.rows]).values_list("pk", flat=True))
    deficits = [d for d in parsed.rows if d.person_id in teachers]
    for deficit in deficits:
        deficit.added_by = user
    Deficit.objects.bulk_create(deficits)
    if deficits:
        versions.touch(deficits[0])  # one school's deficits: the caches of its district
    return len(deficits)
