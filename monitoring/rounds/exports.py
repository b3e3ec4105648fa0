"""A comparison table of rounds as Excel (numbers as numbers) and as a PDF to print."""

from __future__ import annotations

from mentoring_portal.lib.exports import (
    PDF_TYPE,
    XLSX_TYPE,
    Column,
    Exporter,
    Sheet,
    SheetRow,
    exporter,
    file_name,
    render_pdf,
    write_xlsx,
)
from participants.access import CAN_VIEW_REPORTS

GROUP = "round-comparison"


class ComparisonExporter(Exporter):
    """`obj` is (the place's name, a Comparison)."""

    capability = CAN_VIEW_REPORTS

    def filename(self, obj) -> str:
        place, comparison = obj
        return file_name("Сравнение раундов", comparison.stage_label, place)


@exporter(GROUP)
class ComparisonXlsx(ComparisonExporter):
    identifier = "xlsx"
    label = "Excel"
    content_type = XLSX_TYPE
    extension = "xlsx"

    def render(self, obj) -> bytes:
        place, comparison = obj
        columns = [Column("Пара, форма, организация", 50), *(Column(h, 12, "decimal") for h in comparison.headings),
                   Column("Изменение", 12, "decimal")]
        rows = [SheetRow([line.label, *cells, change], bold=line.bold) for line, cells, change in comparison.rows]
        return write_xlsx([Sheet("Сравнение раундов", columns, rows, heading=[
            f"{comparison.stage_label}: средний балл по раундам (1–10) — {place}"])])


@exporter(GROUP)
class ComparisonPdf(ComparisonExporter):
    identifier = "pdf"
    label = "PDF"
    content_type = PDF_TYPE
    extension = "pdf"

    def render(self, obj) -> bytes:
        place, comparison = obj
        return render_pdf("monitoring/rounds/comparison_pdf.html", {"place": place, "comparison": comparison})
