"""The training list in Excel («Фамилия, Имя, Отчество, Программа, Кто обучал, Часов, Начало, Окончание, Номер
удостоверения»): read by a background job (`KIND`), each row matched to a person of the school's registry by name;
the page previews the job's result, and all rows are saved or none, every problem said with its row."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib import versions
from mentoring_portal.lib.exports import Column, Sheet, SheetRow, write_xlsx
from mentoring_portal.lib.uploads import pending_file
from participants.models import Category, Organization, Person, TrainingRecord
from participants.registry.io import RowProblem, cell_date
from participants.registry.named_lists import ListImport, SchoolAdults, read_list, texts

HEADERS = ["Фамилия", "Имя", "Отчество", "Программа", "Кто обучал", "Часов", "Начало", "Окончание",
           "Номер удостоверения"]
MAX_ROWS = 1000
KIND = "participants.training-import"
FIELDS = ["person_id", "programme", "provider", "hours", "start_date", "end_date", "certificate_number", "topic"]


class TrainingImport(ListImport):
    model = TrainingRecord
    fields = FIELDS


def template_xlsx() -> bytes:
    columns = [Column(h, 18 if i < 3 else 30 if i == 3 else 14) for i, h in enumerate(HEADERS)]
    return write_xlsx([Sheet("Обучение", columns, [SheetRow(["Иванова", "Мария", "Петровна",
                                                                "Наставничество в образовательной организации",
                                                                "КК ИПК", 72, "01.02.2024", "28.02.2024", "24-1234"])])])


def parse_upload(job) -> dict:
    """The background job: the waiting file read, matched to the registry, and removed."""
    with pending_file(job.payload["token"]) as data:
        job.report(10, "чтение файла")
        return parse_training(job.payload["name"], data, Organization.objects.get(pk=job.payload["organization"]),
                              topic=job.payload["topic"]).to_json()


def parse_training(name: str, data: bytes, organization, *, topic: str) -> TrainingImport:
    result = TrainingImport()
    rows, result.errors = read_list(name, data, HEADERS, MAX_ROWS)
    people = SchoolAdults(organization)
    for number, cells in enumerate(rows, start=2):
        values = texts(cells, len(HEADERS))
        if not any(values):
            continue
        problems: list[RowProblem] = []
        person = people.find(values[:3], number, problems, card="обучение")
        if not values[3]:
            problems.append(RowProblem(number, "Не указана программа."))
        hours = None
        if values[5]:
            if values[5].isdigit() and 0 < int(values[5]) < 10000:
                hours = int(values[5])
            else:
                problems.append(RowProblem(number, f"«Часов»: «{values[5]}» — укажите целое число."))
        start = cell_date(cells[6] if len(cells) > 6 else None, number, "Начало", problems)
        end = cell_date(cells[7] if len(cells) > 7 else None, number, "Окончание", problems)
        if end is None and not any("Окончание" in p.message for p in problems):
            problems.append(RowProblem(number, "Не указана дата окончания."))
        if start and end and start > end:
            problems.append(RowProblem(number, "Окончание раньше начала."))
        if end and end > timezone.localdate():
            problems.append(RowProblem(number, "Окончание в будущем: вносят пройденное обучение."))
        result.errors += problems
        if not problems:
            result.rows.append(TrainingRecord(person=person, programme=values[3], provider=values[4], hours=hours,
                                                 start_date=start, end_date=end, certificate_number=values[8],
                                                 topic=topic))
    if not result.rows and not result.errors:
        result.errors.append(RowProblem(0, "В файле нет ни одной строки с обучением."))
    return result


@transaction.atomic
def save_training(parsed: TrainingImport, *, organization, user) -> int:
    """All or nothing: called only for a file without problems. A person erased or moved since the file was read
    is not written to."""
    assert not parsed.errors
    people = set(Person.objects.filter(organization=organization, anonymised_on__isnull=True).exclude(
        category=Category.STUDENT).filter(pk__in=[r.person_id for r in parsed.rows]).values_list("pk", flat=True))
    records = [r for r in parsed.rows if r.person_id in people]
    for record in records:
        record.added_by = user
    TrainingRecord.objects.bulk_create(records)
    if records:
        versions.touch(records[0])  # one school's records: the caches of its district
    return len(records)
