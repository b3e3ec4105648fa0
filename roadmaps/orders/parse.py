"""Reading an order: its number, date and title, and its numbered duties with their addressee and deadline.

An order's duties are numbered paragraphs. A paragraph ending in «:» names an addressee («10. МКУ «РЦ образования …»
обеспечить:», «11. Руководителям муниципальных образовательных организаций:») and its sub-paragraphs («11.3. назначить
куратора … в срок до 20.01.2021 г.») are that addressee's duties; a paragraph with no sub-paragraphs is a duty of
the issuing body itself. Pure: blocks in, a ParsedOrder out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from roadmaps.importing.parse import clean_cell
from roadmaps.importing.readers import Block, Table, Text

DISTRICT, SCHOOLS, REGION = "district", "schools", "region"
LEVELS = {DISTRICT: "муниципалитет", SCHOOLS: "каждая школа", REGION: "регион"}

# «1. Организовать…», «11.3 Назначить…»; a line of a PDF that begins with a day («3 декабря 2020 г. по…») is the
# paragraph above wrapped, not a clause: without a dot after the number, the clause begins with a capital.
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*+)(?:\.\s*|\s+(?=[^а-яёa-z]))(.+)$", re.S)
_ORDER_NUMBER = re.compile(r"^№\s*(\S+)$")
_ORDER_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})(?:\s*г\.?)?$")
# The deadline inside a duty, as officials write it: «в срок до 20.01.2021 г.», «до 03.02.2021 г.», «в ноябре 2021
# года», «в срок до ноября 2021 г.», «постоянно», «ежегодно …».
_GENITIVE = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_DAY_MONTH = re.compile(r"(\d{1,2})\s+(" + _GENITIVE + r")", re.IGNORECASE)
_MONTHS = {m: n for n, m in enumerate(["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                       "сентября", "октября", "ноября", "декабря"], start=1)}
_DEADLINE = re.compile(
    # «не позднее 20 мая и 20 декабря, ежегодно» (seed 003 п.8): the days of every year, not «ежегодно» alone
    r"(?:не\s+позднее\s+)?\d{1,2}\s+" + _GENITIVE + r"(?:\s*(?:и|,)\s*\d{1,2}\s+" + _GENITIVE + r")*,?\s*ежегодно"
    r"|(?:в\s+срок\s+)?(?:до|не\s+позднее)\s+\d{1,2}\.\d{1,2}\.\d{4}\s*(?:г\.?|года)?"
    r"|(?:в\s+срок\s+)?до\s+[а-яё]+\s+\d{4}\s*(?:г\.?|года)?"
    r"|в\s+(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)\s+\d{4}\s*(?:г\.?|года)?"
    r"|в\s+период\s+с\s+.+?\s+по\s+\d{1,2}\s+[а-яё]+\s+\d{4}\s*(?:г\.?)?"
    r"|постоянно|ежегодно[^;,.]*|ежеквартально|ежемесячно",
    re.IGNORECASE,
)


@dataclass
class Duty:
    number: str
    text: str
    addressee: str
    level: str
    deadline: str = ""  # the words of the deadline, as written; empty when the duty names none

    @property
    def yearly_days(self) -> list[tuple[int, int]]:
        """(day, month) of a deadline repeated every year — «не позднее 20 мая и 20 декабря, ежегодно»."""
        if "ежегодно" not in self.deadline.lower():
            return []
        return [(int(day), _MONTHS[month.lower()]) for day, month in _DAY_MONTH.findall(self.deadline)]

    @property
    def schedules_monitoring(self) -> bool:
        """A clause that says when monitoring happens (the district's campaign schedule, monitoring/schedules)."""
        return bool(self.yearly_days) and "мониторинг" in self.text.lower()


@dataclass
class ParsedOrder:
    number: str = ""
    date: date | None = None
    title: str = ""
    duties: list[Duty] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def level_of(addressee: str) -> str:
    text = addressee.lower()
    if re.search(r"руководител[а-я]*\s+(?:муниципальн[а-я]+\s+)?(?:обще)?образовательн|руководител[а-я]*\s+оо\b|школ",
                 text):
        return SCHOOLS
    if re.search(r"региональн|институт\s+развития|\bиро\b", text):
        return REGION
    return DISTRICT


def deadline_of(text: str) -> str:
    found = _DEADLINE.search(text)
    return " ".join(found.group(0).split()).rstrip(";,.") if found else ""


def _paragraphs(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Text):
            lines.append(clean_cell(block.text.replace("**", "")))
        elif isinstance(block, Table):
            lines.extend(clean_cell(" ".join(row.cells)) for row in block.rows)
    return [line for line in lines if line]


def parse_order(blocks: list[Block]) -> ParsedOrder:
    order = ParsedOrder()
    paragraphs = _paragraphs(blocks)
    numbered: list[tuple[str, str]] = []
    for line in paragraphs:
        if not order.number and (m := _ORDER_NUMBER.match(line)):
            order.number = m.group(1)
        elif not order.date and (m := _ORDER_DATE.match(line)):
            order.date = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        elif not order.title and line.lower().startswith("о ") and not numbered:
            order.title = line
        elif m := _NUMBERED.match(line):
            numbered.append((m.group(1), " ".join(m.group(2).split())))
        elif numbered:  # a paragraph that goes on the numbered one above («…по уровням образования:»)
            number, text = numbered[-1]
            more = " ".join(line.split())
            # a word a PDF's line broke at its hyphen («материально-» + «технических») is one word again
            numbered[-1] = (number, f"{text}{more}" if re.search(r"[а-яё]-$", text) and more[:1].islower() else f"{text} {more}")
    parents = {number.rsplit(".", 1)[0] for number, _ in numbered if "." in number}
    addressee_of: dict[str, str] = {}
    for number, text in numbered:
        if number in parents:
            addressee_of[number] = text.rstrip(":").strip()
            continue
        parent = number.rsplit(".", 1)[0] if "." in number else ""
        addressee = addressee_of.get(parent, "")
        if parent and not addressee:
            continue
        order.duties.append(Duty(number, text, addressee or "Муниципальный орган управления образованием",
                                 level_of(addressee) if addressee else DISTRICT, deadline_of(text)))
    if not order.number or not order.date:
        order.problems.append("Не найдены номер и дата приказа (строки «№ 78-ОД» и «03.12.2020» над текстом).")
    if not order.duties:
        order.problems.append("В приказе не найдено ни одного пронумерованного пункта («1. …», «11.3. …»).")
    return order
