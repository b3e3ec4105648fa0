"""«Приказ о закреплении наставнических пар/групп»: one wording for the PDF to sign and the Word file to edit."""

from __future__ import annotations

from datetime import date

from mentoring_portal.lib.exports import DocxTable, render_pdf, write_docx

TITLE = "О закреплении наставнических пар/групп"


def basis(organization) -> str:
    return ("В соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии "
            "(целевой модели) наставничества обучающихся…» и Положением о программе наставничества "
            f"{organization.short_name}")


CLAUSES = [
    "2. Наставникам разработать индивидуальные планы развития наставляемых и организовать работу пар/групп в "
    "соответствии с ними.",
    "3. Контроль за исполнением приказа возложить на куратора внедрения целевой модели наставничества.",
]


def table_rows(rows) -> list[list[str]]:
    """№, mentor (with position), mentees (with class), form (with role model), dates."""
    found = []
    for number, row in enumerate(rows, start=1):
        pair = row.pair
        mentor = pair.mentor.full_name + (f", {pair.mentor.position}" if pair.mentor.position else "")
        mentees = "; ".join(m.full_name + (f" ({m.grade})" if m.grade else "") for m in pair.mentees.all())
        form = str(pair.form) + (f" ({pair.variant})" if pair.variant else "")
        found.append([str(number), mentor, mentees, form, f"{pair.start_date:%d.%m.%Y} – {pair.end_date:%d.%m.%Y}"])
    return found


COLUMNS = [("№", 1.0), ("Наставник", 6.0), ("Наставляемые", 7.0), ("Форма наставничества", 4.5), ("Срок", 4.0)]


def order_pdf(organization, rows, today: date) -> bytes:
    return render_pdf("participants/pair_order_pdf.html", {
        "organization": organization, "rows": table_rows(rows), "columns": [c for c, _ in COLUMNS], "today": today,
        "title": TITLE, "basis": basis(organization), "clauses": CLAUSES})


def order_docx(organization, rows, today: date) -> bytes:
    return write_docx(
        title=f"{organization.name}\nПРИКАЗ\n«___» ____________ {today.year} г.   № ________\n\n{TITLE}",
        paragraphs=[basis(organization), "ПРИКАЗЫВАЮ:", "1. Закрепить следующие наставнические пары/группы:"],
        table=DocxTable(COLUMNS, table_rows(rows)), landscape=False,
        signature="\n".join(CLAUSES) + "\n\nРуководитель _______________ / ____________________ /")
