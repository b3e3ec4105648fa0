"""Roadmap documents in the layouts published Russian roadmaps use, built in Word from a description, with the items
they must give back. Used by the table-driven and the property-based tests of the importer."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

PERIODS = {  # how the title writes the period → (first year, last year)
    "годы": ("на 2022–2025 годы", 2022, 2025),
    "учебный": ("на 2024/2025 учебный год", 2024, 2025),
    "уч. г.": ("на 2024-2025 уч. г.", 2024, 2025),
    "гг.": ("2023 – 2024 гг.", 2023, 2024),
    "год": ("на 2024 год", 2024, 2024),
}
SECTION_TITLES = ["Организационно-методическое обеспечение", "Работа с наставниками", "Мониторинг и оценка"]


@dataclass(frozen=True)
class Layout:
    title_block: bool = False  # УТВЕРЖДАЮ, position, signature line, date above the title
    period: str = "годы"
    dates: str = "one"  # "one" column «Срок» | "two": «Сроки» over «начало» | «окончание»
    people: str = "one"  # "one" column | "two": «Ответственные» over «ФИО» | «должность»
    extra: str = ""  # "", «Отметка о выполнении», «Примечание», «Целевая аудитория»
    sections: str = "merged"  # "merged" row across the table | "roman" («Раздел I.» in the name column) | "none"
    numbering: str = "global"  # "global" 1, 2, 3 | "restart" 1.1, 1.2 / 2.1 | "none"
    split: str = "one"  # "one" table | "repeat" two tables, the header repeated | "bare" two tables, no header
    empty_cells: bool = False  # some rows without a deadline or a responsible
    odd_deadline: bool = False  # a deadline the parser does not understand
    merged_people: bool = False  # one responsible written once for two rows (vertical merge)
    paragraphs: bool = False  # a name of two paragraphs, a result as a bulleted list

    @property
    def id(self) -> str:
        return "-".join(f"{k}={v}" for k, v in self.__dict__.items() if v not in (False, "", "one", "годы", "merged",
                                                                                    "global"))


@dataclass
class Expected:
    name: str
    deadline: str = ""
    responsible: str = ""
    extra: str = ""


@dataclass
class Built:
    data: bytes
    title: str
    years: tuple[int, int]
    sections: list[str]
    items: list[Expected] = field(default_factory=list)


def _items(layout: Layout, first: int) -> list[list[dict]]:
    """Per section, its rows: name, deadline cells, responsible cells, result, extra."""
    sections = []
    for s in range(len(SECTION_TITLES)):
        rows = []
        for i in range(3):
            n = s * 3 + i
            name = f"Мероприятие {n + 1}: семинар для кураторов ОО по теме № {n + 1}"
            if layout.paragraphs and i == 0:
                name = f"Мероприятие {n + 1}: подготовка положения\nи приказа о наставничестве"
            month = 9 + (n % 4) if n % 4 < 4 else 9
            if layout.dates == "two":
                deadline = [f"01.{month:02d}.{first}", f"{28:02d}.{month:02d}.{first}"]
            else:
                deadline = [["Сентябрь", "Октябрь", "Ноябрь", "Декабрь"][n % 4] + f" {first}"]
            if layout.odd_deadline and i == 1:
                deadline = ["по согласованию с ЦНППМ"] + ([""] if layout.dates == "two" else [])
            if layout.empty_cells and i == 2:
                deadline = [""] * len(deadline)
            person = [f"Иванова И.{chr(0x410 + n)}.", "заместитель директора"] if layout.people == "two" \
                else [f"Иванова И.{chr(0x410 + n)}., заместитель директора"]
            if layout.empty_cells and i == 1:
                person = [""] * len(person)
            result = "Приказ; положение" if not layout.paragraphs else "• приказ\n• положение"
            extra = f"выполнено {n + 1}" if layout.extra else ""
            rows.append({"name": name, "deadline": deadline, "person": person, "result": result, "extra": extra})
        if layout.merged_people:  # the second and the third rows share one responsible, written once
            rows[2]["person"] = list(rows[1]["person"])
            if not any(rows[1]["person"]):
                rows[1]["person"] = rows[2]["person"] = [f"Петров П.{chr(0x410 + s)}."] + (
                    ["директор"] if layout.people == "two" else [])
        sections.append(rows)
    return sections


def build(layout: Layout) -> Built:
    import docx

    title_period, first, last = PERIODS[layout.period]
    title = f"План мероприятий (дорожная карта) по внедрению целевой модели наставничества {title_period}"
    document = docx.Document()
    if layout.title_block:
        for line in ("УТВЕРЖДАЮ", "Директор МБОУ «Средняя школа № 5»", "____________ И.И. Иванов",
                     f"«01» сентября {first} г."):
            document.add_paragraph(line)
    document.add_paragraph(title)

    header = ["№ п/п", "Наименование мероприятия"]
    header += ["Сроки", ""] if layout.dates == "two" else ["Срок реализации"]
    header += ["Ответственные", ""] if layout.people == "two" else ["Ответственные"]
    header += ["Результат, вид документа"]
    if layout.extra:
        header.append(layout.extra)
    width = len(header)
    sub = None
    if layout.dates == "two" or layout.people == "two":
        sub = [""] * width
        if layout.dates == "two":
            sub[2], sub[3] = "начало", "окончание"
        if layout.people == "two":
            at = 4 if layout.dates == "two" else 3
            sub[at], sub[at + 1] = "ФИО", "должность"

    built = Built(b"", title, (first, last), [])
    sections = _items(layout, first)
    tables = [[0, 1, 2]] if layout.split == "one" else [[0, 1], [2]]
    number = 0
    for t_index, section_indexes in enumerate(tables):
        with_header = t_index == 0 or layout.split == "repeat"
        table = document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        if with_header:
            _header_rows(table, header, sub)
        for s in section_indexes:
            section_title = SECTION_TITLES[s]
            if layout.sections != "none":
                built.sections.append(section_title)
            if layout.sections == "merged":
                cells = table.add_row().cells
                merged = cells[0].merge(cells[-1])
                merged.text = f"{s + 1}. {section_title}"
            elif layout.sections == "roman":
                cells = table.add_row().cells
                cells[1].text = f"Раздел {['I', 'II', 'III'][s]}. {section_title}"
            start_row = len(table.rows)
            for i, row in enumerate(sections[s]):
                number += 1
                cells = table.add_row().cells
                cells[0].text = {"global": f"{number}.", "restart": f"{s + 1}.{i + 1}", "none": ""}[layout.numbering]
                _set(cells[1], row["name"])
                at = 2
                for value in row["deadline"]:
                    cells[at].text = value
                    at += 1
                for value in row["person"]:
                    cells[at].text = value
                    at += 1
                _set(cells[at], row["result"])
                if layout.extra:
                    cells[at + 1].text = row["extra"]
                deadline = " – ".join(v for v in row["deadline"] if v)
                person = ", ".join(v for v in row["person"] if v)
                built.items.append(Expected(row["name"], deadline, person, row["extra"]))
            if layout.merged_people:  # the responsible of rows 2 and 3 written once, merged down
                people_at = 4 if layout.dates == "two" else 3
                for column in range(people_at, people_at + (2 if layout.people == "two" else 1)):
                    top, bottom = table.cell(start_row + 1, column), table.cell(start_row + 2, column)
                    value = top.text
                    bottom.text, top.text = "", ""
                    top.merge(bottom).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    built.data = buffer.getvalue()
    return built


def _set(cell, text: str) -> None:
    """A cell of several paragraphs when the text has line breaks (as typed in Word, not one paragraph)."""
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _header_rows(table, header: list[str], sub: list[str] | None) -> None:
    cells = table.add_row().cells
    for cell, label in zip(cells, header):
        cell.text = label
    if sub is None:
        return
    lower = table.add_row().cells
    for cell, label in zip(lower, sub):
        cell.text = label
    row = len(table.rows) - 2
    # «Сроки» / «Ответственные» over their two sub-columns; the other headers span both header rows.
    pairs = [i for i in range(len(header) - 1) if header[i] and not header[i + 1] and sub[i] and sub[i + 1]]
    for i in pairs:
        label = header[i]
        table.cell(row, i).text = ""
        table.cell(row, i).merge(table.cell(row, i + 1)).text = label
    spanned = {i for p in pairs for i in (p, p + 1)}
    for i, label in enumerate(header):
        if i not in spanned and label:
            table.cell(row + 1, i).text = ""
            table.cell(row, i).merge(table.cell(row + 1, i)).text = label


def as_xlsx(built: Built) -> bytes:
    """The same document as an Excel sheet, as a school saves its Word table to Excel: the title lines on top, the
    tables one under another, a row-wide section cell merged across the sheet, a cell merged down merged down."""
    import docx
    from openpyxl import Workbook

    document = docx.Document(io.BytesIO(built.data))
    book = Workbook()
    sheet = book.active
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            sheet.append([paragraph.text])
    merges = []
    for table in document.tables:
        rows = list(table.rows)
        first = sheet.max_row + 1
        for index, row in enumerate(rows):
            cells, previous = [], None
            above = rows[index - 1].cells if index else None
            for column, cell in enumerate(row.cells):
                covered = cell._tc is previous or (above is not None and above[column]._tc is cell._tc)
                cells.append("" if covered else cell.text)
                if above is not None and above[column]._tc is cell._tc and cell._tc is not previous:
                    merges.append((first + index - 1, column + 1, first + index, column + 1))
                previous = cell._tc
            sheet.append(cells)
            if len({id(c._tc) for c in row.cells}) == 1:
                merges.append((sheet.max_row, 1, sheet.max_row, len(cells)))
    for top, left, bottom, right in merges:
        sheet.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
