"""Understanding the free-text deadlines of roadmaps («Октябрь 2021г», «Май 2022,2023,2024», «Ежегодно до 10 сентября»).

`parse_deadline(text, period)` is pure: no database, no clock. It never raises; what it cannot read is
`unrecognized`. The text itself is never changed: the portal stores it exactly as typed and keeps the result of
this function beside it.

How it reads a phrase:
1. normalise (lower case, «ё» → «е», every kind of dash → «-», HTML tags dropped);
2. cut it into tokens: dates, months, years, quarters, half-years, school years, «до», «с … по», dashes;
3. build windows from the tokens (ranges, lists, «до <date>»), give yearless months their year (rule 5 of the
   issue: a school-year roadmap places September–December in its first year; a longer one repeats the month every
   year), and fall back to recurring words («ежегодно», «1 раз в квартал») and to the undated kinds.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from mentoring_portal.lib.schoolyear import school_year_of
from mentoring_portal.lib.wording import counted

DATED = "dated"
CONTINUOUS = "continuous"
ON_DEMAND = "on_demand"
EXTERNAL = "external"
UNRECOGNIZED = "unrecognized"
KINDS = (DATED, CONTINUOUS, ON_DEMAND, EXTERNAL, UNRECOGNIZED)

Window = tuple[date, date]

MONTHS_NOMINATIVE = [
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
]
# Stems in the order they must be tried («март» before «ма…», «июн»/«июл» apart).
_MONTH_PATTERNS = [
    (1, r"янв(?:ар[ьяюе]|\.)?"),
    (2, r"фев(?:рал[ьяюе]|р?\.)?"),
    (3, r"март[аеу]?|мар\."),
    (4, r"апр(?:ел[ьяюе]|\.)?"),
    (5, r"ма[йяюе]"),
    (6, r"июн[ьяюе]|июн\."),
    (7, r"июл[ьяюе]|июл\."),
    (8, r"август[аеу]?|авг\.?"),
    (9, r"сент(?:ябр[ьяюе]|\.)?|сен\."),
    (10, r"окт(?:ябр[ьяюе]|\.)?"),
    (11, r"нояб(?:р[ьяюе]|\.)?|ноя\."),
    (12, r"дек(?:абр[ьяюе]|\.)?"),
]
_MONTH_RE = "|".join(f"(?P<m{n}>{p})" for n, p in _MONTH_PATTERNS)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR_SUFFIX = r"(?:\s*(?:гг?\.?|года?|годы|годах?)(?![а-я]))?"

_TOKEN_RE = re.compile(
    "|".join(
        [
            r"(?P<date>(?<!\d)(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4}|\d{2})(?!\d))" + _YEAR_SUFFIX,
            r"(?P<schoolyear>(?P<sy1>20\d\d)\s*[-/]\s*(?P<sy2>20\d\d|\d\d)(?!\d)\s*(?:уч\.?|учебн[а-я]*)\s*(?:г\.?|год[а-я]*)?)",
            r"(?P<quarter>(?<![а-я\d])(?P<qn>iv|i{1,3}|[1-4])\s*(?:-?(?:й|ый|ого|ом))?\s*(?:квартал[а-я]*|кв\.?))",
            r"(?P<half>(?<![а-я\d])(?P<hn>ii|i|[12])\s*(?:-?(?:е|ое|ого|ом))?\s*полугоди[а-я]*)",
            r"(?P<dayrange>(?<![\d.])(?P<dr1>\d{1,2})\s*(?:-|по)\s*(?P<dr2>\d{1,2})\s+(?:"
            + _MONTH_RE.replace("?P<m", "?P<r") + r"))(?![а-я])",
            r"(?P<daymonth>(?<!\d)(?P<dmd>\d{1,2})\s+(?:" + _MONTH_RE.replace("?P<m", "?P<x") + r"))(?![а-я])",
            r"(?P<month>(?<![а-я])(?:" + _MONTH_RE + r"))(?![а-я])",
            r"(?P<year>(?<!\d)(?P<yv>20\d\d)(?!\d))" + _YEAR_SUFFIX,
            r"(?P<until_end>(?<![а-я])до\s+конца(?![а-я]))",
            r"(?P<until>(?<![а-я])(?:до|не\s+позднее|по\s+состоянию\s+на)(?![а-я]))",
            r"(?P<since>(?<![а-я])(?:с|со|начиная\s+с)(?![а-я]))",
            r"(?P<to>(?<![а-я])по(?![а-я]))",
            r"(?P<dash>-)",
        ]
    )
)

_CONTINUOUS_RE = re.compile(
    r"в\s+течени[ие]|постоянно|весь\s+период|всего\s+периода|на\s+протяжении|систематически|регулярно"
)
_ON_DEMAND_RE = re.compile(
    r"при\s+необходимости|по\s+необходимости|по\s+заявк|по\s+запрос|по\s+мере\s+необходимости|по\s+потребност"
    r"|при\s+наличии\s+(?:запрос|заявк|потребност|необходимост)|по\s+требованию"
)
_EXTERNAL_RE = re.compile(
    r"по\s+(?:отдельному\s+|дополнительному\s+|утвержденному\s+|единому\s+)?(?:графику|плану|расписанию)"
    r"|в\s+соответствии\s+со?\s+срок|в\s+соответствии\s+с\s+график|с\s+момента|по\s+мере\s+(?:поступления|запуска)|согласно\s+график"
    # deferring to another body's plan or schedule: «согласно плану-графику…», «в сроки, установленные…»
    r"|согласно\s+план|в\s+соответствии\s+со?\s+план|в\s+сроки,?\s+(?:установлен|определен|утвержден|предусмотрен"
    r"|указанн)|по\s+графику|по\s+срокам"
)
# A span counted from an event («в течение 10 дней после назначения») has no date of its own.
_RELATIVE_RE = re.compile(
    r"в\s+течени[ие]\s+(?:\d+|одного|двух|тр[её]х|пяти|десяти)?\s*(?:рабоч[а-я]+\s+|календарн[а-я]+\s+)?"
    r"(?:дн[а-я]*|недел[а-я]*|месяц[а-я]*)\s+(?:после|с\s+момента|со\s+дня|с\s+даты|от\s+даты)"
)
# A day of every month: «ежемесячно до 5 числа», «до 10 числа каждого месяца».
_MONTHLY_DAY_RE = re.compile(r"(?:до|не\s+позднее)?\s*(\d{1,2})\s*(?:-?го)?\s+числа")
_MONTHLY_WORD_RE = re.compile(r"ежемесячно|каждого\s+месяца|ежемесячн[а-я]*|раз\s+в\s+месяц")
_RECURRENCE = [
    (re.compile(r"ежемесячно|раз\s+в\s+месяц"), "month"),
    (re.compile(r"ежеквартально|раза?\s+в\s+квартал"), "quarter"),  # «не реже 1 раза в квартал»
    (re.compile(r"раз\s+в\s+полугодие|ежеполугодно|раз\s+в\s+пол\s*года"), "half"),
    (re.compile(r"ежегодно|раз\s+в\s+год|каждый\s+год"), "year"),
]


@dataclass(frozen=True)
class Deadline:
    kind: str
    windows: list[Window] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    recurrence: str = ""
    until: bool = False  # written as «до …»: what matters is the end of each window

    @property
    def due_dates(self) -> list[date]:
        if self.kind not in (DATED, CONTINUOUS):
            return []
        return sorted({end for _, end in self.windows})

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "windows": [[start.isoformat(), end.isoformat()] for start, end in self.windows],
            "due_dates": [d.isoformat() for d in self.due_dates],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Deadline:
        return cls(
            kind=data.get("kind", UNRECOGNIZED),
            windows=[(date.fromisoformat(a), date.fromisoformat(b)) for a, b in data.get("windows", [])],
            warnings=list(data.get("warnings", [])),
        )

    def describe(self) -> str:
        """What the portal understood, in Russian, short enough for a table cell."""
        return describe(self)


# Calendar helpers ---------------------------------------------------------------------------------------------------
def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_window(year: int, month: int) -> Window:
    return date(year, month, 1), _month_end(year, month)


def _quarter_window(year: int, n: int) -> Window:
    return date(year, 3 * n - 2, 1), _month_end(year, 3 * n)


def _half_window(year: int, n: int) -> Window:
    return (date(year, 1, 1), date(year, 6, 30)) if n == 1 else (date(year, 7, 1), date(year, 12, 31))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Tokens ---------------------------------------------------------------------------------------------------------------
@dataclass
class _Point:
    """One dated thing in the text: a day, a month (maybe without a year), a year, a quarter, a half, a school year."""

    kind: str  # day | month | year | quarter | half | schoolyear
    month: int = 0
    year: int | None = None
    day: int = 0
    number: int = 0
    year2: int = 0
    pos: int = 0

    def window(self) -> Window | None:
        if self.year is None:
            return None
        if self.kind == "day":
            d = _safe_date(self.year, self.month, self.day)
            return (d, d) if d else None
        if self.kind == "month":
            return _month_window(self.year, self.month)
        if self.kind == "year":
            return date(self.year, 1, 1), date(self.year, 12, 31)
        if self.kind == "quarter":
            return _quarter_window(self.year, self.number)
        if self.kind == "half":
            return _half_window(self.year, self.number)
        if self.kind == "schoolyear":
            return date(self.year, 9, 1), date(self.year2, 8, 31)
        return None


_BARE_DAY_MONTH = r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![.\d])"
_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]


def _day_month_words(match: re.Match) -> str:
    day, month = int(match.group(1)), int(match.group(2))
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{day} {_GENITIVE[month - 1]}"
    return match.group(0)


def normalize(text: str) -> str:
    text = re.sub(r"<[^>]*>", " ", text or "")
    text = text.replace("&nbsp;", " ").replace("ё", "е").replace("Ё", "Е").lower()
    text = re.sub(r"[‐‑‒–—―−]", "-", text)
    text = re.sub(r"(\d)\s*г\.?(?=[а-я])", r"\1 ", text)  # «2021гСентябрь» is rare, but «2021г» glued to a word isn't
    text = re.sub(r"(?<!\d)(\d{1,2})\.([а-я]{3,9})\.(\d{4})", r"\1 \2 \3", text)  # «09.июля.2015»
    # A day and a month without a year («02.10 - 31.10», «03.10 10.10»): written out as words, so that the month
    # finds its year in the school year as month names do; two in a row are a range.
    text = re.sub(_BARE_DAY_MONTH + r"\s+(?=" + _BARE_DAY_MONTH + r")", r"\1.\2 - ", text)
    text = re.sub(_BARE_DAY_MONTH, _day_month_words, text)
    return re.sub(r"\s+", " ", text).strip()


_UNIT_LIST_RE = re.compile(
    r"(?<![а-я\d])((?:iv|i{1,3}|[1-4])(?:\s*(?:,|и|-)\s*(?:iv|i{1,3}|[1-4]))+)\s*(квартал[а-я]*|кв\.?|полугоди[а-я]*)"
)


def _expand_unit_lists(text: str) -> str:
    """«i, ii кв. 2024» → «i кв., ii кв. 2024»; «ii-iii кв.» → «ii кв.-iii кв.»: each number gets its unit."""
    def expand(match: re.Match) -> str:
        unit = match.group(2)
        return re.sub(r"(iv|i{1,3}|[1-4])", lambda n: f"{n.group(1)} {unit}", match.group(1))

    return _UNIT_LIST_RE.sub(expand, text)


def _monthly_on_a_day(norm: str, period: tuple[date, date]) -> list[Window]:
    """Every month of the period, due on the named day (the month's last day if it is shorter)."""
    day = int(_MONTHLY_DAY_RE.search(norm).group(1))
    start, end = period
    windows, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        windows.append((date(year, month, 1), date(year, month, min(day, _month_end(year, month).day))))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return windows


def _month_of(match: re.Match, prefix: str) -> int:
    for n, _ in _MONTH_PATTERNS:
        if match.group(f"{prefix}{n}"):
            return n
    return 0


def _tokens(text: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup if m.lastgroup in ("until_end", "until", "since", "to", "dash") else None
        if m.group("date"):
            year = int(m.group("dy"))
            year = year + 2000 if year < 100 else year
            out.append(("point", _Point("day", month=int(m.group("dm")), day=int(m.group("dd")), year=year,
                                        pos=m.start())))
        elif m.group("schoolyear"):
            y1, y2 = int(m.group("sy1")), int(m.group("sy2"))
            y2 = y2 + y1 // 100 * 100 if y2 < 100 else y2  # «2023/24»
            out.append(("point", _Point("schoolyear", year=y1, year2=y2, pos=m.start())))
        elif m.group("quarter"):
            out.append(("point", _Point("quarter", number=_number(m.group("qn")), pos=m.start())))
        elif m.group("half"):
            out.append(("point", _Point("half", number=_number(m.group("hn")), pos=m.start())))
        elif m.group("dayrange"):  # «10-20 октября», «с 10 по 20 октября»: two days of one month
            month = _month_of(m, "r")
            out.append(("point", _Point("day", month=month, day=int(m.group("dr1")), pos=m.start())))
            out.append(("dash", None))
            out.append(("point", _Point("day", month=month, day=int(m.group("dr2")), pos=m.start())))
        elif m.group("daymonth"):
            out.append(("point", _Point("day", month=_month_of(m, "x"), day=int(m.group("dmd")), pos=m.start())))
        elif m.group("month"):
            out.append(("point", _Point("month", month=_month_of(m, "m"), pos=m.start())))
        elif m.group("year"):
            out.append(("year", int(m.group("yv"))))
        elif kind:
            out.append((kind, None))
    return out


def _number(raw: str) -> int:
    return _ROMAN.get(raw, None) or int(raw)


def _attach_years(tokens: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """A year right after a yearless point is that point's year; a year after a dated point repeats the point
    («Май 2022,2023,2024»); any other year is a calendar year of its own («2023 год»)."""
    out: list[tuple[str, Any]] = []
    for kind, value in tokens:
        if kind != "year":
            out.append((kind, value))
            continue
        previous = out[-1] if out else None
        if previous and previous[0] == "point" and previous[1].kind in ("day", "month", "quarter", "half"):
            point = previous[1]
            if point.year is None:
                point.year = value
            else:
                out.append(("point", _Point(point.kind, month=point.month, day=point.day, number=point.number,
                                            year=value, pos=point.pos)))
            continue
        out.append(("point", _Point("year", year=value)))
    return out


# Building windows -----------------------------------------------------------------------------------------------------
@dataclass
class _Span:
    """One window to be: a single point, a range of two points, or «до <point>» / «с <point>»."""

    start: _Point | None
    end: _Point | None
    until: bool = False  # «до …»: from the period's start (or the previous window) to the point
    since: bool = False  # «с …» without «по»: from the point to the period's end


def _spans(tokens: list[tuple[str, Any]]) -> list[_Span]:
    spans: list[_Span] = []
    i = 0
    pending_until = pending_since = False
    while i < len(tokens):
        kind, value = tokens[i]
        if kind in ("until", "until_end"):
            pending_until = True
        elif kind == "since":
            pending_since = True
        elif kind == "point":
            nxt = tokens[i + 1][0] if i + 1 < len(tokens) else None
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            if nxt in ("dash", "to") and after and after[0] == "point":
                spans.append(_Span(value, after[1]))
                i += 3
                pending_until = pending_since = False
                continue
            if nxt in ("dash", "to") and after and after[0] in ("until", "until_end") and i + 3 < len(tokens) \
                    and tokens[i + 3][0] == "point":
                spans.append(_Span(value, tokens[i + 3][1]))
                i += 4
                pending_until = pending_since = False
                continue
            spans.append(_Span(value, value, until=pending_until, since=pending_since))
            # «не позднее 20 мая и 20 декабря»: «до» holds for the days listed after it
            pending_until = pending_until and value.kind == "day" and nxt == "point" and tokens[i + 1][1].kind == "day"
            pending_since = False
        i += 1
    return spans


def _fill_range_years(spans: list[_Span]) -> None:
    """A range missing a year takes it from its other end; the earlier month falls in the previous year if needed.
    A yearless point in a list takes the year of the next dated point («Сентябрь, октябрь 2023»)."""
    for span in spans:
        a, b = span.start, span.end
        if a is b or a is None or b is None:
            continue
        if a.year is None and b.year is not None:
            a.year = b.year - 1 if (a.month or 0) > (b.month or 0) and a.kind in ("month", "day") else b.year
        elif b.year is None and a.year is not None:
            b.year = a.year + 1 if (b.month or 0) < (a.month or 0) and b.kind in ("month", "day") else a.year
    for index, span in enumerate(spans):
        if span.start is span.end and span.start.year is None and span.start.kind in ("month", "day"):
            for later in spans[index + 1:]:
                ref = later.start
                if ref is not None and ref.year is not None and ref.kind in ("month", "day"):
                    span.start.year = ref.year - 1 if span.start.month > ref.month else ref.year
                    break
        # «I, II кв. 2024», «1 и 2 полугодие 2023»: a list of quarters or halves shares the year written after it
        elif span.start is span.end and span.start.year is None and span.start.kind in ("quarter", "half"):
            ref = next((later.start for later in spans[index + 1:] if later.start is not None
                        and later.start.kind == span.start.kind and later.start.year is not None), None)
            if ref is not None and ref.number > span.start.number:
                span.start.year = ref.year


def _single_school_year(period: Window) -> bool:
    return school_year_of(period[0]) == school_year_of(period[1])


def _years_for(points: list[_Point], period: Window) -> list[tuple[int, ...]]:
    """Years for yearless points (rule 5): in a school-year roadmap, September–December fall in its first year and
    January–August in its second; in a longer roadmap the window recurs once in each year of the period."""
    start, end = period
    if _single_school_year(period):
        first = school_year_of(start)
        if len(points) == 2 and points[1].kind in ("month", "day"):
            # A range is placed by its end, in school-year order: «Август – сентябрь» of 2023/24 ends in September
            # 2023 and so begins in August 2023; «Сентябрь – май» ends in May 2024.
            end_year = first if points[1].month >= 9 else first + 1
            return [(end_year - 1 if points[0].month > points[1].month else end_year, end_year)]
        years = []
        base = first if points[0].month >= 9 or points[0].kind not in ("month", "day") else first + 1
        previous_month = points[0].month
        year = base
        for p in points:
            if p.month < previous_month:
                year += 1
            previous_month = p.month
            years.append(year)
        return [tuple(years)]
    combos = []
    for year in range(start.year - 1, end.year + 1):
        years, y, previous_month = [], year, points[0].month
        for p in points:
            if p.month < previous_month:
                y += 1
            previous_month = p.month
            years.append(y)
        combos.append(tuple(years))
    return combos


def _windows_from_spans(spans: list[_Span], period: Window) -> tuple[list[Window], bool]:
    """Windows of the spans, and whether yearless spans were repeated every year."""
    windows: list[Window] = []
    until_ends: list[date] = []
    recurring = False
    for span in spans:
        points = [span.start] if span.start is span.end else [span.start, span.end]
        if all(p.year is not None for p in points):
            combos = [tuple(p.year for p in points)]
        else:
            combos = _years_for(points, period)
            recurring = recurring or len(combos) > 1
        found: list[Window] = []
        for years in combos:
            for p, y in zip(points, years):
                p.year = y
            first, last = points[0].window(), points[-1].window()
            if first is None or last is None:
                continue
            window = (first[0], max(period[1], first[0])) if span.since else (first[0], last[1])
            if len(combos) > 1 and (window[1] < period[0] or window[0] > period[1]):
                continue
            found.append(window)
        if span.until:
            until_ends.extend(end for _, end in found)
        else:
            windows.extend(found)
    # «до <date>»: from the period's start, or from the day after the previous «до» of the same phrase.
    previous_end = None
    for end in sorted(set(until_ends)):
        windows.append((previous_end + timedelta(days=1) if previous_end else min(period[0], end), end))
        previous_end = end
    # A range written backwards («май 2024 – январь 2023») is not a window anyone can meet.
    return [(a, b) for a, b in windows if a <= b], recurring


def _recurring_windows(unit: str, period: Window) -> list[Window]:
    start, end = period
    windows: list[Window] = []
    for year in range(start.year, end.year + 1):
        if unit == "year":
            candidates = [(date(year, 1, 1), date(year, 12, 31))]
        elif unit == "half":
            candidates = [_half_window(year, n) for n in (1, 2)]
        elif unit == "quarter":
            candidates = [_quarter_window(year, n) for n in (1, 2, 3, 4)]
        else:
            candidates = [_month_window(year, m) for m in range(1, 13)]
        for a, b in candidates:
            if b >= start and a <= end:
                windows.append((max(a, start), min(b, end)))
    return windows


_TERMS = {"перв": 1, "i": 1, "1": 1, "втор": 2, "ii": 2, "2": 2, "трет": 3, "iii": 3, "3": 3, "четверт": 4, "iv": 4,
          "4": 4}
_TERM_RE = re.compile(r"(?<![а-я])(перв|втор|трет|четверт|iv|iii|ii|i|[1-4])(?:[а-я]*|-?[яйейой]+)?\s+четверт[а-я]*")
# The school's terms (четверти), as school calendars usually set them: (start month, day), (end month, day).
_TERM_DATES = {1: ((9, 1), (10, 31)), 2: ((11, 1), (12, 31)), 3: ((1, 1), (3, 31)), 4: ((4, 1), (5, 31))}


def _term_windows(term: int, period: Window) -> list[Window]:
    (m1, d1), (m2, d2) = _TERM_DATES[term]
    found = []
    for year in range(period[0].year - 1, period[1].year + 1):  # the school year starting in `year`
        calendar_year = year if term <= 2 else year + 1
        window = (date(calendar_year, m1, d1), date(calendar_year, m2, d2))
        if window[1] >= period[0] and window[0] <= period[1]:
            found.append(window)
    return found


# «ежегодно с 2023», «начиная с 2024 г.»: a year after «с» that is no range's start (no «по», «-» or «до» after it)
_FROM_YEAR_RE = re.compile(r"(?<![а-я])(?:начиная\s+)?со?\s+(20\d\d)(?:\s*(?:гг?\.?|года?)(?![а-я]))?(?![\d.])"
                           r"(?!\s*(?:-|по|до)(?![а-я]))")


def _from_year(norm: str) -> tuple[str, int | None]:
    """The phrase without «с <year>», and that year, when the rest repeats yearly («Май, ежегодно с 2023»): the
    year is where the repetition starts, not a window of its own."""
    match = _FROM_YEAR_RE.search(norm)
    if not match or not next((True for pattern, unit in _RECURRENCE if unit == "year" and pattern.search(norm)),
                             False):
        return norm, None
    return norm[:match.start()] + " " + norm[match.end():], int(match.group(1))


def _period_label(period: Window) -> str:
    return f"{period[0]:%d.%m.%Y}–{period[1]:%d.%m.%Y}"


def parse_deadline(text: str, period: tuple[date, date]) -> Deadline:
    """Read a deadline as officials write it. `period` is the roadmap's (start, end), both inclusive."""
    try:
        return _parse(text, period)
    except Exception:  # noqa: BLE001 - a deadline the parser trips on is simply not understood
        return Deadline(UNRECOGNIZED, warnings=["Срок не удалось разобрать."])


def _parse(text: str, period: tuple[date, date]) -> Deadline:
    start, end = period
    if start > end:
        start, end = end, start
    period = (start, end)
    norm = normalize(text)
    if not norm:
        return Deadline(UNRECOGNIZED, warnings=["Срок не указан."])

    if _RELATIVE_RE.search(norm):
        return Deadline(UNRECOGNIZED, warnings=["Срок отсчитывается от события: укажите даты вручную."])
    if _MONTHLY_DAY_RE.search(norm) and _MONTHLY_WORD_RE.search(norm) and 1 <= int(
            _MONTHLY_DAY_RE.search(norm).group(1)) <= 31:
        return Deadline(DATED, _monthly_on_a_day(norm, period), recurrence="month")
    norm = _expand_unit_lists(norm)
    norm, from_year = _from_year(norm)
    tokens = _attach_years(_tokens(norm))
    spans = _spans(tokens)
    _fill_range_years(spans)
    windows, recurring = _windows_from_spans(spans, period)
    recurrence = next((unit for pattern, unit in _RECURRENCE if pattern.search(norm)), "")
    if from_year:
        if not windows and recurrence:
            windows = _recurring_windows(recurrence, period)
        windows = [(max(a, date(from_year, 1, 1)), b) for a, b in windows if b.year >= from_year]
        if not windows:
            return Deadline(UNRECOGNIZED, warnings=[f"Срок начинается с {from_year} года — позже периода дорожной "
                                                    f"карты ({_period_label(period)})."])

    if windows:
        windows = sorted(set(windows))
        warnings = [
            f"Срок {a:%d.%m.%Y}–{b:%d.%m.%Y} вне периода дорожной карты ({_period_label(period)})."
            for a, b in windows
            if b < start or a > end
        ]
        until = any(span.until for span in spans)
        return Deadline(DATED, windows, warnings, recurrence="year" if recurring else recurrence, until=until)
    if recurrence:
        return Deadline(DATED, _recurring_windows(recurrence, period), recurrence=recurrence)
    term = _TERM_RE.search(norm)
    if term:  # «в течение первой четверти»: the term's window in each school year, never «all year»
        return Deadline(DATED, _term_windows(_TERMS[term.group(1)], period))
    if _CONTINUOUS_RE.search(norm) and not _EXTERNAL_RE.search(norm):
        return Deadline(CONTINUOUS, [period])
    if _ON_DEMAND_RE.search(norm):
        return Deadline(ON_DEMAND)
    if _EXTERNAL_RE.search(norm):
        return Deadline(EXTERNAL)
    return Deadline(UNRECOGNIZED, warnings=["Срок не распознан: укажите даты вручную."])


# Describing -----------------------------------------------------------------------------------------------------------
def _is_month(window: Window) -> bool:
    a, b = window
    return a.day == 1 and b == _month_end(a.year, a.month)


def _format_window(window: Window) -> str:
    a, b = window
    if a == b:
        return f"{a:%d.%m.%Y}"
    if a.day == 1 and b.day == _month_end(b.year, b.month).day:
        if (a.month, b.month) == (1, 12) and a.year == b.year:
            return f"{a.year} год"
        if (a.month, b.month) == (9, 8) and b.year == a.year + 1:
            return f"{a.year}–{b.year} учебный год"
        if a.year == b.year and a.month == b.month:
            return f"{MONTHS_NOMINATIVE[a.month - 1]} {a.year}"
        if a.year == b.year:
            return f"{MONTHS_NOMINATIVE[a.month - 1]}–{MONTHS_NOMINATIVE[b.month - 1]} {a.year}"
        return f"{MONTHS_NOMINATIVE[a.month - 1]} {a.year} – {MONTHS_NOMINATIVE[b.month - 1]} {b.year}"
    return f"{a:%d.%m.%Y} – {b:%d.%m.%Y}"


def describe(deadline: Deadline) -> str:
    if deadline.kind == CONTINUOUS:
        return f"постоянно, до {deadline.windows[0][1]:%d.%m.%Y}" if deadline.windows else "постоянно"
    if deadline.kind == ON_DEMAND:
        return "по необходимости, без срока"
    if deadline.kind == EXTERNAL:
        return "по внешнему графику, без срока"
    if deadline.kind == UNRECOGNIZED or not deadline.windows:
        return "срок не распознан"
    windows = deadline.windows
    if deadline.until:
        ends = [b for _, b in windows]
        days = sorted({(b.month, b.day) for b in ends})
        years = range(ends[0].year, ends[-1].year + 1)
        if len(ends) > 1 and len(days) <= 3 and sorted(ends) == sorted(
            date(y, m, d) for y in years for m, d in days if ends[0] <= date(y, m, d) <= ends[-1]
        ) and len(ends) >= 2 * len(days) - 1:
            listed = " и ".join(f"{d:02d}.{m:02d}" for m, d in days)
            return f"ежегодно до {listed}, {years[0]}–{years[-1]}"
        return ", ".join(f"до {b:%d.%m.%Y}" for b in ends[:4]) + (f" и ещё {len(ends) - 4}" if len(ends) > 4 else "")
    years = [w[0].year for w in windows]
    same_each_year = len({(a.month, a.day, b.month, b.day, b.year - a.year) for a, b in windows}) == 1
    if len(windows) > 1 and same_each_year and years == list(range(years[0], years[-1] + 1)):
        if _is_month(windows[0]):
            return f"каждый {MONTHS_NOMINATIVE[windows[0][0].month - 1]}, {years[0]}–{years[-1]}"
        pattern = _format_window(windows[0]).replace(f" {years[0]}", "")
        return f"ежегодно {pattern}, {years[0]}–{years[-1]}"
    if deadline.recurrence in ("quarter", "half", "month") and len(windows) > 2:
        unit = {"quarter": "ежеквартально", "half": "раз в полугодие", "month": "ежемесячно"}[deadline.recurrence]
        return f"{unit}, {counted(len(windows), 'срок', 'срока', 'сроков')} до {windows[-1][1]:%d.%m.%Y}"
    shown = ", ".join(_format_window(w) for w in windows[:4])
    if len(windows) > 4:
        shown += f" и ещё {len(windows) - 4}"
    return shown
