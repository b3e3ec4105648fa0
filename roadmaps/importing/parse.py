"""Finding the roadmaps in a document's blocks: header rows by their wording, section rows, rows continued across a
page break, cells shifted by merged cells, HTML fragments inside cells.

The result is plain data (`ParsedRoadmap`), shown to the user as a preview before anything is written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date

from roadmaps.deadlines import UNRECOGNIZED, normalize, parse_deadline
from roadmaps.importing.readers import Block, Row, Table, Text

COLUMNS = {
    "number": "№",
    "stage": "Этап",
    "activity": "Мероприятие",
    "name": "Наименование мероприятия",
    "deadline": "Срок",
    "responsible": "Ответственные",
    "result": "Результат, вид документа",
    "indicator": "Показатели эффективности",
    "audience": "Целевая аудитория",
    "note": "Отметка о выполнении",
    "remark": "Примечание",
}
TEXT_FIELDS = ("name", "activity", "deadline", "responsible", "result", "indicator", "audience", "note")


@dataclass
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ParsedItem:
    where: str
    number: str = ""
    name: str = ""
    activity: str = ""
    deadline: str = ""
    responsible: str = ""
    result: str = ""
    indicator: str = ""
    audience: str = ""
    note: str = ""  # «Отметка о выполнении» and «Примечание»: kept with the item (its completion note)
    doubt: bool = False  # a lone name in a row of its own: a section's title or an item without a deadline?


@dataclass
class ParsedSection:
    title: str
    is_stage: bool = False
    items: list[ParsedItem] = field(default_factory=list)
    # A numbered row with a name alone read as this section: if no item follows it, it was an item all along
    # («1. Разработка положения» in a table without deadlines), asked about in the preview.
    row: ParsedItem | None = None
    number: str = ""  # as the row wrote it: a section «1.» whose next section is «1.1» is its parent, not an item


@dataclass
class ParsedRoadmap:
    title: str = ""
    period: tuple[date, date] | None = None
    approval_kind: str = ""
    approval_number: str = ""
    approval_date: date | None = None
    goal: str = ""
    tasks: str = ""
    columns: list[str] = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows_read: int = 0  # rows of the table below its header that hold any text: every one is accounted for

    @property
    def item_count(self) -> int:
        return sum(len(s.items) for s in self.sections)

    @property
    def doubts(self) -> int:
        """Rows the user decides in the preview (both readings shown; an item unless told otherwise)."""
        return sum(item.doubt for s in self.sections for item in s.items)


@dataclass
class ParseResult:
    roadmaps: list[ParsedRoadmap] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.roadmaps)

    @property
    def warnings(self) -> list[Problem]:
        return [w for r in self.roadmaps for w in r.warnings]


# Cells ----------------------------------------------------------------------------------------------------------------
def clean_cell(raw: str) -> str:
    """Text of a cell as a person reads it: HTML fragments become line breaks and list dashes."""
    text = raw or ""
    if "<" in text:
        text = re.sub(r"(?i)<li[^>]*>\s*", "\n", text)
        text = re.sub(r"(?i)</p>\s*<p[^>]*>", "\n", text)
        text = re.sub(r"(?i)<br\s*/?>", "\n", text)
        text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _header_key(cell: str) -> str:
    return re.sub(r"[^а-яa-z№ ]+", " ", normalize(cell)).strip()


def column_of(cell: str) -> str | None:
    key = _header_key(cell)
    compact = key.replace(" ", "")
    if not key:
        return None
    if key.startswith("№") and len(compact) <= 6 or compact in ("пп", "номер"):
        return "number"
    # A heading in a narrow column of a PDF comes broken mid-word («Ответстве нные», «Наименов ание»): the words
    # are looked for with the spaces gone.
    key = compact if compact not in ("мероприятия", "мероприятие", "вид") else key
    if "этап" in key:
        return "stage"
    if "срок" in key:
        return "deadline"
    if "ответствен" in key or "исполнител" in key:
        return "responsible"
    if "показател" in key:
        return "indicator"
    if "результат" in key:
        return "result"
    if "аудитор" in key:
        return "audience"
    if "отметк" in key:
        return "note"
    if "примечан" in key:
        return "remark"
    if key in ("мероприятия", "мероприятие"):
        return "activity"
    if "наименование" in key or "название" in key or "содержание" in key or key == "вид" or "мероприят" in key:
        return "name"
    return None


def header_columns(cells: list[str]) -> list[str | None] | None:
    """The column keys of a header row, or None when the row is not a roadmap table's header."""
    columns = [column_of(clean_cell(c)) for c in cells]
    if "activity" in columns and "name" not in columns:
        columns[columns.index("activity")] = "name"
    if "name" in columns and "deadline" in columns:
        return columns
    return None


# Rows -----------------------------------------------------------------------------------------------------------------
_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_SECTION_NUMBER_RE = re.compile(r"^\d{1,2}\.?$")
_SEPARATOR_RE = re.compile(r"^[\s\-–—_|]*$")


def _looks_like_deadline(text: str, period) -> bool:
    return bool(text) and parse_deadline(text, period).kind != UNRECOGNIZED


def _join(previous: str, more: str) -> str:
    if not previous:
        return more
    if not more:
        return previous
    if previous.endswith("-") and more[:1].islower():
        return previous + more  # a word wrapped across the page: «организационно-» + «методической»
    separator = "\n" if more.startswith("-") or more.startswith("•") else " "
    return previous + separator + more


# A section written in a row of its own: «Раздел I. …», «II. …», «Этап 2. …», «Блок 3 …».
_SECTION_ROW_RE = re.compile(r"^(?:(?:раздел|этап|блок|направление)\s+(?:[ivxlc]+|\d{1,2})\b\.?|[ivxlc]{1,6}\.)\s*",
                             re.IGNORECASE)
_LEADING_NUMBER_RE = re.compile(r"^\d{1,2}\.\s+")


@dataclass
class _TableReader:
    columns: list[str | None]
    period: tuple[date, date]
    roadmap: ParsedRoadmap
    last_item: ParsedItem | None = None
    activity: str = ""
    whole_rows: bool = False  # the table's rows are the document's (Word): no row continues the one above
    after_header: bool = False  # the header was just repeated (a sheet holding a table split by page breaks)
    ended: bool = False  # another table began below the roadmap in the same sheet (seed 000's indicators)

    def section(self, title: str, is_stage: bool = False) -> ParsedSection:
        section = ParsedSection(title=title, is_stage=is_stage)
        self.roadmap.sections.append(section)
        return section

    def current_section(self) -> ParsedSection:
        if not self.roadmap.sections:
            return self.section("")
        return self.roadmap.sections[-1]

    def align(self, row: Row) -> dict[str, str]:
        cells = [clean_cell(c) for c in row.cells]
        width = len(self.columns)
        while len(cells) > width and not cells[-1]:
            cells.pop()
        if len(cells) > width:
            self.roadmap.warnings.append(
                Problem(row.where, f"в строке {len(cells)} ячеек при {width} столбцах; лишние добавлены к последнему")
            )
            cells = cells[: width - 1] + [" ".join(c for c in cells[width - 1:] if c)]
        if 0 < len(cells) < width and any(cells) and not self.whole_rows:
            # Word drops empty cells next to merged ones: the last cell is the last column (usually «Ответственный»).
            if cells[-1]:
                cells = cells[:-1] + [""] * (width - len(cells)) + cells[-1:]
                self.roadmap.warnings.append(
                    Problem(row.where, f"не хватает ячеек: последняя отнесена к столбцу «{self._label(width - 1)}»")
                )
        cells += [""] * (width - len(cells))
        values = {key: cells[i] for i, key in enumerate(self.columns) if key and not key.endswith("+")}
        for i, key in enumerate(self.columns):  # the second part of a two-level column joins the first
            if key and key.endswith("+") and cells[i]:
                base = key[:-1]
                values[base] = (" – " if base == "deadline" else ", ").join(p for p in (values.get(base), cells[i]) if p)
        self._unshift(values, cells, row)
        return values

    def _repeats_header(self, row: Row) -> bool:
        """The header again (and its second level), where a table split by page breaks was pasted into one sheet."""
        cells = [clean_cell(c) for c in row.cells]
        if header_columns(row.cells) is not None:
            self.after_header = True
            return True
        if self.after_header and any(cells) and all(not c or _SUBHEADER_RE.match(c) or column_of(c) for c in cells):
            self.after_header = False
            return True
        self.after_header = False
        return False

    def _label(self, index: int) -> str:
        key = self.columns[index]
        return COLUMNS.get(key, "—") if key else "—"

    def _unshift(self, values: dict[str, str], cells: list[str], row: Row) -> None:
        """Cells moved one column to the left (Word dropped an empty cell beside a merged one): put them back."""
        if self.whole_rows:
            return  # Word's own tables come by grid column: nothing moved
        d = self.columns.index("deadline")
        has_number = "number" in self.columns
        number = values.get("number", "")
        shifted_by_number = has_number and len(number) > 6 and not _NUMBER_RE.match(number)
        shifted_by_deadline = (
            d > 0 and not cells[-1] and cells[d] and not _looks_like_deadline(cells[d], self.period)
            and _looks_like_deadline(cells[d - 1], self.period)
        )
        if not (shifted_by_number or shifted_by_deadline):
            return
        start = self.columns.index("number") + (0 if shifted_by_number else 1) if has_number else 0
        moved = cells[:start] + [""] + cells[start:-1]
        values.clear()
        values.update({key: moved[i] for i, key in enumerate(self.columns) if key})
        self.roadmap.warnings.append(Problem(row.where, "ячейки строки сдвинуты; выровнены по столбцу «Срок»"))

    def read(self, row: Row) -> None:
        if all(_SEPARATOR_RE.match(c or "") for c in row.cells):
            return
        if self._repeats_header(row):
            self.ended = False
            return
        if self.ended or _column_numbers(row.cells):
            return
        if other_header(row.cells):
            self.end(row)
            return
        self.roadmap.rows_read += 1
        if row.merged:  # one cell across the table: a section
            self.section(_section_title(clean_cell(row.cells[0])))
            self.last_item = None
            self.activity = ""
            return
        values = self.align(row)
        number = values.get("number", "").strip()
        if values.get("remark"):
            remark = f"Примечание: {values.pop('remark')}"
            values["note"] = "\n".join(p for p in (values.get("note"), remark) if p)
        values.pop("remark", None)
        texts = {k: v for k, v in values.items() if k not in ("number", "stage") and v}
        stage = values.get("stage", "")

        if stage and not (self.roadmap.sections and self.roadmap.sections[-1].title.endswith(stage)):
            if number or not self.last_item or _looks_like_deadline(texts.get("deadline", ""), self.period):
                self.section(stage, is_stage=True)
                self.activity = ""
                number = ""
            else:
                self.current_section().title = _join(self.current_section().title, stage)

        bold = any("<b>" in c.lower() or "**" in c for c in row.cells)
        if not stage and self._is_section_row(number, texts, bold):
            section = self.section(_section_title(texts["name"]))
            section.number = number.rstrip(".")
            if number and not bold:
                section.row = ParsedItem(where=row.where, number=number.rstrip("."), name=texts["name"], doubt=True)
            self.last_item = None
            self.activity = ""
            return
        if self._is_continuation(number, texts):
            for key, value in texts.items():
                setattr(self.last_item, key, _join(getattr(self.last_item, key), value))
            return
        if not texts:
            return
        if values.get("activity"):
            self.activity = values["activity"]
        lone = set(texts) == {"name"}
        item = ParsedItem(where=row.where, number=number.rstrip("."), activity=self.activity,
                          doubt=lone and ((self.whole_rows and not number) or bool(_SECTION_NUMBER_RE.match(number))))
        for key in TEXT_FIELDS:
            if key != "activity" and values.get(key):
                setattr(item, key, values[key])
        if not item.name:
            if item.activity:
                item.name, item.activity = item.activity, ""
            else:
                self.roadmap.warnings.append(Problem(row.where, "нет наименования мероприятия — строка пропущена"))
                return
        self.current_section().items.append(item)
        self.last_item = item

    def end(self, row: Row) -> None:
        """The roadmap's table is over: the rows from here on are another table's, whose title was just read as
        an empty section (a sheet holding the roadmap and, below it, its targets)."""
        self.ended = True
        titles = []
        while self.roadmap.sections and not self.roadmap.sections[-1].items:
            titles.insert(0, self.roadmap.sections.pop().title)
            self.roadmap.rows_read -= 1
        self.roadmap.warnings.append(other_table_warning(row.where, " ".join(titles)))

    def _is_section_row(self, number: str, texts: dict[str, str], bold: bool) -> bool:
        if len(texts) != 1 or "name" not in texts:
            return False  # a lone result or responsible cell continues the item above
        text = texts["name"]
        if bold and not reads_as_task(text):
            return True  # a title in bold, numbered «1.2» or not: a sub-section
        if number:
            return bool(_SECTION_NUMBER_RE.match(number)) and not reads_as_task(text)
        if bold or self.last_item is None or _SECTION_ROW_RE.match(text):
            return True
        if self.whole_rows:
            return False  # a lone name in a Word row is an item without a deadline, not a section
        # With a number column, an unnumbered lone text continues the item above across a page break.
        return "number" not in self.columns and not (text[:1].islower() or text.startswith(("-", "•")))

    def _is_continuation(self, number: str, texts: dict[str, str]) -> bool:
        if number or not self.last_item or not texts or self.whole_rows:
            return False
        if _looks_like_deadline(texts.get("deadline", ""), self.period):
            return False  # an unnumbered row with a deadline of its own is a new item
        if "number" in self.columns:
            return True
        first = next(iter(texts.values()))
        return first[:1].islower() or first.startswith(("-", "•"))


_TASK_VERB_RE = re.compile(r"^[а-яё]+(?:ть|ться|ти|сти)\b", re.IGNORECASE)


def reads_as_task(text: str) -> bool:
    """«Назначить руководителем…», «Провести семинар»: a numbered row that begins with a verb in the infinitive
    is a task (an item without a deadline), not a section's title («Организационная работа»). The preview still
    asks («Это раздел, а не мероприятие»), so nothing is dropped either way."""
    return bool(_TASK_VERB_RE.match(text.strip()))


_YEAR_HEADING_RE = re.compile(r"^(?:на\s+)?20\d\d\s*(?:г\.?|год[а-я]*)?$")


def other_header(cells: list[str]) -> bool:
    """The header of a table that is not a roadmap (seed 000's targets: «№ | Региональный проект | Наименование
    показателя | 2021г. | 2022 г. …»): mostly short headings — column words without a deadline column, or years."""
    filled = [re.sub(r"</?b>", "", clean_cell(c or "")) for c in cells]
    filled = [c for c in filled if c]
    if len(filled) < 3 or header_columns(cells) is not None:
        return False
    headings = [c for c in filled if len(c) <= 60 and (_YEAR_HEADING_RE.match(c.lower()) or column_of(c))]
    return len(headings) >= 3 and 2 * len(headings) >= len(filled)


def other_table_warning(where: str, title: str) -> Problem:
    named = f"«{title[:80]}» " if title else ""
    return Problem(where, f"таблица {named}после дорожной карты — не перечень мероприятий (нет столбца срока): "
                          "её строки не загружены")


def _column_numbers(cells: list[str]) -> bool:
    """Word's row of column numbers under the header («1 2 3 4 5», repeated after a page break): no item."""
    filled = [clean_cell(c or "").rstrip(".") for c in cells if clean_cell(c or "")]
    return len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]


def apply_choices(result: ParseResult, as_sections: set[str]) -> ParseResult:
    """The user's answers to the preview's doubts: each row named in `as_sections` (by where it is in the file)
    becomes a section holding the items after it, up to the next section; every other doubtful row stays an item."""
    for roadmap in result.roadmaps:
        sections: list[ParsedSection] = []
        for section in roadmap.sections:
            current = ParsedSection(section.title, section.is_stage)
            sections.append(current)
            for item in section.items:
                if item.doubt and item.where in as_sections:
                    current = ParsedSection(_section_title(item.name))
                    sections.append(current)
                else:
                    current.items.append(item)
        roadmap.sections = [s for s in sections if s.items or s.title]
    return result


def _section_title(text: str) -> str:
    """The section's own words: the portal numbers sections itself («1. », «Раздел I. » go)."""
    return _LEADING_NUMBER_RE.sub("", _SECTION_ROW_RE.sub("", text)).strip() or text


# Document -------------------------------------------------------------------------------------------------------------
_PERIOD_RE = re.compile(r"(20\d\d)\s*[-–—/]\s*((?:20)?\d\d)(?!\d)\s*(уч)?", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?:на|в)\s+(20\d\d)\s*(?:г|год)", re.IGNORECASE)
_APPENDIX_RE = re.compile(
    r"(приложение\s*(?:№\s*)?\d*)\s*к\s+(приказу|распоряжению|постановлению)\s+от\s+(\d{2}\.\d{2}\.\d{4})\s*(?:г\.?)?\s*№\s*(\S+)",
    re.IGNORECASE,
)
_ORDER_DATE_RE = re.compile(r"^(\d{2}\.\d{2}\.\d{4})$")
_ORDER_NUMBER_RE = re.compile(r"^№\s*(.+)$")


def _date(text: str) -> date | None:
    try:
        day, month, year = (int(x) for x in text.split("."))
        return date(year, month, day)
    except ValueError:
        return None


def guess_period(title: str) -> tuple[date, date] | None:
    m = _PERIOD_RE.search(title)
    if m:
        first, last = int(m.group(1)), int(m.group(2))
        last = last + first // 100 * 100 if last < 100 else last  # «2024/25»
        if m.group(3) or "учебн" in title.lower():
            return date(first, 9, 1), date(last, 8, 31)
        return date(first, 1, 1), date(last, 12, 31)
    m = _YEAR_RE.search(title)
    if m:
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    return None


def _title_from(texts: list[str]) -> str:
    bold = [t for t in texts if t.startswith("**")]
    chosen = bold[-1] if bold else (texts[-1] if texts else "")
    return re.sub(r"\s+", " ", chosen.replace("**", "")).strip()


def _approval_from(texts: list[str], roadmap: ParsedRoadmap) -> None:
    joined = " ".join(texts)
    m = _APPENDIX_RE.search(joined)
    if m:
        roadmap.approval_kind = f"{m.group(1).strip().capitalize()} к {m.group(2).lower()}"
        roadmap.approval_date = _date(m.group(3))
        roadmap.approval_number = m.group(4)
        return
    for i, text in enumerate(texts):
        if text.strip().upper() == "ПРИКАЗ" and i + 2 < len(texts):
            when, number = _ORDER_DATE_RE.match(texts[i + 1].strip()), _ORDER_NUMBER_RE.match(texts[i + 2].strip())
            if when and number:
                roadmap.approval_kind = "Приказ"
                roadmap.approval_date = _date(when.group(1))
                roadmap.approval_number = re.sub(r"\s+", "", number.group(1))


def _goal_and_tasks(texts: list[str], roadmap: ParsedRoadmap) -> None:
    mode = None
    tasks: list[str] = []
    for text in texts:
        plain = text.replace("**", "").strip()
        if plain.lower().startswith("цель:"):
            roadmap.goal = plain[5:].strip()
            mode = None
        elif plain.lower().startswith("задачи"):
            mode = "tasks"
        elif mode == "tasks" and plain.startswith(("-", "–", "—", "•")):
            tasks.append(plain)
        elif mode == "tasks":
            mode = None
    roadmap.tasks = "\n".join(tasks)


def parse_blocks(blocks: list[Block], period: tuple[date, date] | None = None) -> ParseResult:
    """Every roadmap table of the document, each with the title, approval and goal written before it."""
    result = ParseResult()
    texts: list[str] = []  # text since the last roadmap table: its title, goal and tasks are there
    order_texts: list[str] = []  # the whole document's text: the approving order is usually at the top
    reader: _TableReader | None = None
    for block in blocks:
        if isinstance(block, Text):
            texts.append(block.text)
            order_texts.append(block.text)
            continue
        preamble, rows = _split_header(block)
        if rows is None:
            first = next((row for row in block.rows if any(c.strip() for c in row.cells)), None)
            if reader is not None and first is not None and other_header(first.cells):
                reader.roadmap.warnings.append(other_table_warning(first.where, " ".join(texts + preamble)))
                texts = []
                reader = None
            elif reader is not None and _continues(texts):
                # A table broken by a plain line (a section title typed outside the table) goes on as before.
                for title in texts:
                    reader.section(title)
                    reader.last_item = None
                texts = []
                reader.whole_rows = block.whole_rows
                for row in block.rows:
                    reader.read(row)
            else:
                texts.extend(preamble)
                reader = None
            continue
        texts.extend(preamble)
        header, body = rows
        if reader is not None and not texts and header == reader.columns:
            # The same table after a page break, its header repeated: the same roadmap goes on.
            reader.whole_rows = block.whole_rows
            for row in body:
                reader.read(row)
            continue
        roadmap = ParsedRoadmap(title=_title_from(texts))
        _approval_from(order_texts, roadmap)
        _goal_and_tasks(texts, roadmap)
        roadmap.period = period or guess_period(roadmap.title)
        roadmap.columns = [COLUMNS[c] for c in header if c in COLUMNS]
        if not roadmap.title:
            result.errors.append(Problem("", "Не найдено название дорожной карты перед таблицей."))
        if roadmap.period is None:
            result.errors.append(
                Problem("", f"В названии «{roadmap.title[:80]}» не найден период (например «на 2021-2024 годы»): "
                            "укажите начало и конец периода в форме.")
            )
        reader = _TableReader(header, roadmap.period or (date(2000, 1, 1), date(2000, 12, 31)), roadmap,
                              whole_rows=block.whole_rows)
        for row in body:
            reader.read(row)
        result.roadmaps.append(roadmap)
        texts = []
    for roadmap in result.roadmaps:
        _empty_sections_as_items(roadmap)
        if roadmap.item_count == 0:
            result.errors.append(Problem("", f"В таблице «{roadmap.title[:80]}» нет ни одного мероприятия."))
    if not result.roadmaps and not result.errors:
        result.errors.append(
            Problem("", "В файле не найдена таблица дорожной карты: нужна строка заголовков со столбцами "
                        "наименования мероприятия и срока (например «Наименование мероприятий», «Срок реализации»).")
        )
    return result


def _empty_sections_as_items(roadmap: ParsedRoadmap) -> None:
    """A numbered section row followed by no item (nor by a sub-section of its own) is an item in doubt, never
    dropped: the preview asks."""
    sections: list[ParsedSection] = []
    for index, section in enumerate(roadmap.sections):
        following = roadmap.sections[index + 1] if index + 1 < len(roadmap.sections) else None
        parent = following is not None and following.number.startswith(f"{section.number}.")
        if section.items or section.row is None or parent:
            sections.append(section)
            continue
        if not sections:
            sections.append(ParsedSection(""))
        sections[-1].items.append(section.row)
    roadmap.sections = sections


def _continues(texts: list[str]) -> bool:
    return len(texts) <= 3 and not any(t.startswith("**") for t in texts)


# Words of a second header row: «Сроки» over «начало» | «окончание», «Ответственные» over «ФИО» | «должность».
_SUBHEADER_RE = re.compile(r"^(?:начал|оконч|дата\s+начал|дата\s+оконч|срок\s+начал|срок\s+оконч|с$|по$|до$|фио|ф\.и\.о|"
                           r"должност|исполнител|соисполнител|организаци|учреждени|план|факт)", re.IGNORECASE)


def _two_level(header_row: Row, columns: list[str | None], below: Row | None) -> list[str | None] | None:
    """The columns of a two-level header, or None if the row below is not its second level. A sub-column of «Сроки»
    or «Ответственные» after the first is «deadline+» / «responsible+»: its text joins the first's."""
    if below is None:
        return None
    top = [clean_cell(c) for c in header_row.cells]
    sub = [clean_cell(c) for c in below.cells]
    words = [i for i, text in enumerate(sub) if text and _SUBHEADER_RE.match(text)]
    if not words or any(text and not _SUBHEADER_RE.match(text) and text != (top[i] if i < len(top) else "")
                        for i, text in enumerate(sub)):
        return None
    combined, base = [], None
    for i, key in enumerate(columns):
        if top[i] if i < len(top) else "":
            base = key
            combined.append(key)
        elif base in ("deadline", "responsible") and i in words:
            combined.append(f"{base}+")
        else:
            combined.append(key)
    return combined


def _split_header(table: Table) -> tuple[list[str], tuple[list[str | None], list[Row]] | None]:
    """Rows before the header are text (a title typed into the first rows of a sheet); None if no header."""
    preamble: list[str] = []
    for index, row in enumerate(table.rows):
        columns = header_columns(row.cells)
        if columns:
            below = table.rows[index + 1] if index + 1 < len(table.rows) else None
            two_level = _two_level(row, columns, below)
            if two_level:
                return preamble, (two_level, table.rows[index + 2:])
            return preamble, (columns, table.rows[index + 1:])
        line = " ".join(clean_cell(c) for c in row.cells if c.strip())
        if line:
            preamble.append(line)
    return preamble, None
