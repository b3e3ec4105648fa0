"""The roadmap as an official PDF and as an XLSX workbook: two renderings of `roadmap_table`."""

from django.utils import timezone

from mentoring_portal.lib.exports import (
    DOCX_TYPE,
    PDF_TYPE,
    XLSX_TYPE,
    Column,
    DocxTable,
    Exporter,
    Sheet,
    SheetRow,
    exporter,
    file_name,
    render_pdf,
    write_docx,
    write_xlsx,
)
from participants.access import VIEW
from roadmaps.selectors import roadmap_table

GROUP = "roadmap"


def _optional_columns(table) -> list[tuple[str, str, float]]:
    """Columns the document has: the standard ones always, the others when some item fills them."""
    items = [row.item for row in table.rows]
    optional = [("activity", "Мероприятие", 28), ("indicator", "Показатели эффективности", 30),
                ("audience", "Целевая аудитория", 25)]
    return [col for col in optional if any(getattr(item, col[0]) for item in items)]


def _owner_name(roadmap) -> str:
    return roadmap.organization.short_name if roadmap.organization_id else roadmap.district.name


def _table_rows(table, item_cells) -> list:
    """The table as a document lists it: a section's title (a str) before its items' rows (`item_cells(row)`)."""
    rows: list = []
    for group in table.sections:
        if group.section.title:
            rows.append(f"{group.number}. {group.section.title}")
        rows.extend(item_cells(row) for row in group.rows)
    return rows


class RoadmapExporter(Exporter):
    capability = VIEW

    def filename(self, roadmap) -> str:
        return file_name("Дорожная карта", _owner_name(roadmap), roadmap.period_label)


@exporter(GROUP)
class RoadmapXlsx(RoadmapExporter):
    identifier = "xlsx"
    label = "Excel (XLSX)"
    content_type = XLSX_TYPE
    extension = "xlsx"

    def render(self, roadmap) -> bytes:
        table = roadmap_table(roadmap, today=timezone.localdate())
        extra = _optional_columns(table)
        columns = [Column("№", 7), Column("Наименование мероприятия", 55)]
        columns += [Column(label, width) for _, label, width in extra]
        columns += [
            Column("Срок (как в документе)", 22), Column("Срок до", 12, "date"), Column("Как понят срок", 24),
            Column("Ответственные", 28), Column("Результат, вид документа", 35), Column("Статус", 14),
            Column("Отметка о выполнении", 30),
        ]
        sheet = Sheet("Дорожная карта", columns, heading=[line for line in (roadmap.approval_line, roadmap.title) if line])

        def cells(row) -> list:
            item = row.item
            return [row.number, item.name, *[getattr(item, key) for key, _, _ in extra], item.deadline_text,
                    row.next_due, row.understood, item.responsible, item.result, item.get_status_display(),
                    item.completion_note]

        for row in _table_rows(table, cells):
            is_section = isinstance(row, str)
            sheet.rows.append(SheetRow(list(row.split(". ", 1)) if is_section else row, bold=is_section))
        return write_xlsx([sheet])


@exporter(GROUP)
class RoadmapPdf(RoadmapExporter):
    identifier = "pdf"
    label = "PDF для печати"
    content_type = PDF_TYPE
    extension = "pdf"

    def render(self, roadmap) -> bytes:
        table = roadmap_table(roadmap, today=timezone.localdate())
        return render_pdf("roadmaps/roadmap_pdf.html", {
            "roadmap": roadmap, "table": table, "extra_columns": _optional_columns(table),
        })


@exporter(GROUP)
class RoadmapDocx(RoadmapExporter):
    """The roadmap in Word, for last edits before it is signed: the same columns as the PDF."""

    identifier = "docx"
    label = "Word (DOCX)"
    content_type = DOCX_TYPE
    extension = "docx"

    def render(self, roadmap) -> bytes:
        table = roadmap_table(roadmap, today=timezone.localdate())
        extra = _optional_columns(table)
        rows = _table_rows(table, lambda row: [row.number, row.item.name, *[getattr(row.item, key) for key, _, _ in extra],
                                               row.item.deadline_text, row.item.responsible, row.item.result])
        columns = [("№", 1.2), ("Наименование мероприятия", 9.0), *[(label, 4.0) for _, label, _ in extra],
                   ("Срок реализации", 3.5), ("Ответственный исполнитель", 4.5), ("Результат. Вид документа", 5.5)]
        return write_docx(approval=roadmap.approval_line, title=roadmap.title, table=DocxTable(columns, rows))


@exporter(GROUP)
class RoadmapExecutionPdf(RoadmapExporter):
    """«Отчёт об исполнении»: the table with each item's status and «Отметка о выполнении», for the half-year report."""

    identifier = "execution"
    label = "Отчёт об исполнении (PDF)"
    content_type = PDF_TYPE
    extension = "pdf"

    def filename(self, roadmap) -> str:
        return file_name("Отчёт об исполнении дорожной карты", _owner_name(roadmap), f"{timezone.localdate():%Y-%m-%d}")

    def render(self, roadmap) -> bytes:
        today = timezone.localdate()
        table = roadmap_table(roadmap, today=today)
        done = sum(row.item.status == "done" for row in table.rows)
        return render_pdf("roadmaps/roadmap_pdf.html", {
            "roadmap": roadmap, "table": table, "extra_columns": [], "execution": True, "today": today,
            "done": done})
