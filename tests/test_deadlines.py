"""The deadline parser, rule by rule, with every deadline phrase of the seed documents."""

import random
from datetime import date

import pytest

from roadmaps.deadlines import CONTINUOUS, DATED, EXTERNAL, ON_DEMAND, UNRECOGNIZED, parse_deadline

SAYANSKY = (date(2021, 1, 1), date(2024, 12, 31))  # seed 000, «на 2021-2024 года»
ASSHI = (date(2023, 1, 1), date(2025, 12, 31))  # seed 001, «на 2023-2025 годы»
KLIN = (date(2023, 9, 1), date(2024, 8, 31))  # seed 002, «на 2023-2024 учебный год»
KITEZH = (date(2023, 1, 1), date(2024, 12, 31))  # seed 004, «в 2023-2024г»


def d(text: str) -> date:
    day, month, year = (int(x) for x in text.split("."))
    return date(year, month, day)


def w(*pairs: str) -> list[tuple[date, date]]:
    return [(d(a), d(b)) for a, b in (p.split("-") for p in pairs)]


SEED_PHRASES = [
    # seed 000, Саянский район
    (SAYANSKY, "Октябрь 2021г", DATED, w("01.10.2021-31.10.2021")),
    (SAYANSKY, "Сентябрь-октябрь 2021", DATED, w("01.09.2021-31.10.2021")),
    (SAYANSKY, "Октябрь 2021 г", DATED, w("01.10.2021-31.10.2021")),
    (SAYANSKY, "Октябрь 2021", DATED, w("01.10.2021-31.10.2021")),
    (SAYANSKY, "Октябрь-ноябрь 2021г", DATED, w("01.10.2021-30.11.2021")),
    (SAYANSKY, "Ноябрь 2021г", DATED, w("01.11.2021-30.11.2021")),
    (SAYANSKY, "В течение всего периода реализации ЦМН", CONTINUOUS, w("01.01.2021-31.12.2024")),
    (SAYANSKY, "С момента запуска региональной электронной платформы «Наставник»", EXTERNAL, []),
    (SAYANSKY, "Октябрь 2021. Далее по дополнительному графику", DATED, w("01.10.2021-31.10.2021")),
    (SAYANSKY, "Август - декабрь 2020", DATED, w("01.08.2020-31.12.2020")),
    (SAYANSKY, "Ежегодно май- ноябрь", DATED,
     w("01.05.2021-30.11.2021", "01.05.2022-30.11.2022", "01.05.2023-30.11.2023", "01.05.2024-30.11.2024")),
    (SAYANSKY, "Май 2022", DATED, w("01.05.2022-31.05.2022")),
    (SAYANSKY, "Январь-март", DATED,
     w("01.01.2021-31.03.2021", "01.01.2022-31.03.2022", "01.01.2023-31.03.2023", "01.01.2024-31.03.2024")),
    (SAYANSKY, "В течение всего периода ЦМН", CONTINUOUS, w("01.01.2021-31.12.2024")),
    (SAYANSKY, "В соответствии со сроками, устанавливаемыми Минпросвещения России", EXTERNAL, []),
    (SAYANSKY, "Май 2022,2023,2024", DATED, w("01.05.2022-31.05.2022", "01.05.2023-31.05.2023", "01.05.2024-31.05.2024")),
    (SAYANSKY, "Июнь 2022,2023,2024", DATED,
     w("01.06.2022-30.06.2022", "01.06.2023-30.06.2023", "01.06.2024-30.06.2024")),
    (SAYANSKY, "По отдельному графику региона", EXTERNAL, []),
    # seed 001, ГБОУ АО АСШИ № 2
    (ASSHI, "01.11.2023 01.09.2024 01.09.2025", DATED,
     w("01.11.2023-01.11.2023", "01.09.2024-01.09.2024", "01.09.2025-01.09.2025")),
    (ASSHI, "В течение всего периода реализации ПМН", CONTINUOUS, w("01.01.2023-31.12.2025")),
    (ASSHI, "До 10.09.2023", DATED, w("01.01.2023-10.09.2023")),
    (ASSHI, "Ежегодно до 10 сентября", DATED, w("01.01.2023-10.09.2023", "11.09.2023-10.09.2024",
                                                  "11.09.2024-10.09.2025")),
    (ASSHI, "До конца октября", DATED, w("01.01.2023-31.10.2023", "01.11.2023-31.10.2024", "01.11.2024-31.10.2025")),
    (ASSHI, "В течение всего периода", CONTINUOUS, w("01.01.2023-31.12.2025")),
    (ASSHI, "Май 2025", DATED, w("01.05.2025-31.05.2025")),
    (ASSHI, "До конца августа", DATED, w("01.01.2023-31.08.2023", "01.09.2023-31.08.2024", "01.09.2024-31.08.2025")),
    (ASSHI, "1 раз в квартал", DATED, w(
        "01.01.2023-31.03.2023", "01.04.2023-30.06.2023", "01.07.2023-30.09.2023", "01.10.2023-31.12.2023",
        "01.01.2024-31.03.2024", "01.04.2024-30.06.2024", "01.07.2024-30.09.2024", "01.10.2024-31.12.2024",
        "01.01.2025-31.03.2025", "01.04.2025-30.06.2025", "01.07.2025-30.09.2025", "01.10.2025-31.12.2025")),
    (ASSHI, "В течение года", CONTINUOUS, w("01.01.2023-31.12.2025")),
    (ASSHI, "До конца сентября", DATED, w("01.01.2023-30.09.2023", "01.10.2023-30.09.2024", "01.10.2024-30.09.2025")),
    (ASSHI, "Октябрь", DATED, w("01.10.2023-31.10.2023", "01.10.2024-31.10.2024", "01.10.2025-31.10.2025")),
    # seed 002, городской округ Клин (учебный год)
    (KLIN, "Сентябрь, октябрь 2023", DATED, w("01.09.2023-30.09.2023", "01.10.2023-31.10.2023")),
    (KLIN, "Октябрь Январь", DATED, w("01.10.2023-31.10.2023", "01.01.2024-31.01.2024")),
    (KLIN, "Ноябрь 2023 Март 2024", DATED, w("01.11.2023-30.11.2023", "01.03.2024-31.03.2024")),
    (KLIN, "Ноябрь 2023 Январь 2024 Февраль 2024 Март 2024", DATED,
     w("01.11.2023-30.11.2023", "01.01.2024-31.01.2024", "01.02.2024-29.02.2024", "01.03.2024-31.03.2024")),
    (KLIN, "Ноябрь 2023 Декабрь 2024 Январь 2024", DATED,
     w("01.11.2023-30.11.2023", "01.01.2024-31.01.2024", "01.12.2024-31.12.2024")),
    (KLIN, "Декабрь 2023", DATED, w("01.12.2023-31.12.2023")),
    (KLIN, "Октябрь 2023", DATED, w("01.10.2023-31.10.2023")),
    (KLIN, "Март 2024", DATED, w("01.03.2024-31.03.2024")),
    (KLIN, "Май 2024", DATED, w("01.05.2024-31.05.2024")),
    (KLIN, "Февраль", DATED, w("01.02.2024-29.02.2024")),
    (KLIN, "Март", DATED, w("01.03.2024-31.03.2024")),
    (KLIN, "Март 2024 Май 2024", DATED, w("01.03.2024-31.03.2024", "01.05.2024-31.05.2024")),
    (KLIN, "Апрель-май", DATED, w("01.04.2024-31.05.2024")),
    (KLIN, "Май 2024 Июнь 2024", DATED, w("01.05.2024-31.05.2024", "01.06.2024-30.06.2024")),
    (KLIN, "Январь 2024", DATED, w("01.01.2024-31.01.2024")),
    (KLIN, "С августа 2023 в течение учебного года", DATED, w("01.08.2023-31.08.2024")),
    (KLIN, "С августа 2023 года в течение учебного года", DATED, w("01.08.2023-31.08.2024")),
    (KLIN, "по заявкам ОО", ON_DEMAND, []),
    (KLIN, "Сентябрь 2023 -май 2024 Октябрь 2023, январь 2024, Апрель 2024", DATED,
     w("01.09.2023-31.05.2024", "01.10.2023-31.10.2023", "01.01.2024-31.01.2024", "01.04.2024-30.04.2024")),
    (KLIN, "Август 2023", DATED, w("01.08.2023-31.08.2023")),
    (KLIN, "Сентябрь 2023", DATED, w("01.09.2023-30.09.2023")),
    (KLIN, "Сентябрь 2023 Февраль 2024", DATED, w("01.09.2023-30.09.2023", "01.02.2024-29.02.2024")),
    (KLIN, "2023-2024 учебный год", DATED, w("01.09.2023-31.08.2024")),
    (KLIN, "В течение года", CONTINUOUS, w("01.09.2023-31.08.2024")),
    # seed 004, МОУ ДО ЦК «Китеж»
    (KITEZH, "До 15 февраля 2023 г", DATED, w("01.01.2023-15.02.2023")),
    (KITEZH, "При необходимости", ON_DEMAND, []),
    (KITEZH, "В течение периода реализации программы ЦМН", CONTINUOUS, w("01.01.2023-31.12.2024")),
    (KITEZH, "В соответствии со сроками реализации программ наставничества", EXTERNAL, []),
    (KITEZH, "Ежеквартально", DATED, w(
        "01.01.2023-31.03.2023", "01.04.2023-30.06.2023", "01.07.2023-30.09.2023", "01.10.2023-31.12.2023",
        "01.01.2024-31.03.2024", "01.04.2024-30.06.2024", "01.07.2024-30.09.2024", "01.10.2024-31.12.2024")),
    (KITEZH, "Июнь 2022 года Декабрь 2022 года", DATED, w("01.06.2022-30.06.2022", "01.12.2022-31.12.2022")),
]


@pytest.mark.parametrize("period, text, kind, windows", SEED_PHRASES, ids=[p[1][:40] for p in SEED_PHRASES])
def test_it_reads_every_deadline_of_the_seed_documents(period, text, kind, windows):
    deadline = parse_deadline(text, period)
    assert (deadline.kind, deadline.windows) == (kind, windows)


def test_it_reads_every_deadline_the_seed_roadmaps_contain():
    """Nothing in the five documents is left unrecognized (the table above is kept complete by this test)."""
    from pathlib import Path

    from roadmaps.importing.services import parse_file

    listed = {text for _, text, _, _ in SEED_PHRASES}
    seeds = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        for roadmap in parse_file(path.name, path.read_bytes()).roadmaps:
            for section in roadmap.sections:
                for item in section.items:
                    if item.deadline:
                        assert item.deadline in listed, item.deadline
                        assert parse_deadline(item.deadline, roadmap.period).kind != UNRECOGNIZED


def test_its_due_dates_are_the_ends_of_the_windows():
    deadline = parse_deadline("Май 2022,2023,2024", SAYANSKY)
    assert deadline.due_dates == [date(2022, 5, 31), date(2023, 5, 31), date(2024, 5, 31)]


def test_a_continuous_deadline_is_due_at_the_end_of_the_period():
    assert parse_deadline("постоянно", SAYANSKY).due_dates == [date(2024, 12, 31)]


@pytest.mark.parametrize("kind_text", ["При необходимости", "По отдельному графику региона", "ну когда-нибудь"])
def test_undated_kinds_have_no_due_dates(kind_text):
    assert parse_deadline(kind_text, SAYANSKY).due_dates == []


@pytest.mark.parametrize("text, expected", [
    ("сентябрь 2022", (date(2022, 9, 1), date(2022, 9, 30))),
    ("сентября 2022 года", (date(2022, 9, 1), date(2022, 9, 30))),
    ("СЕНТ. 2022", (date(2022, 9, 1), date(2022, 9, 30))),
    ("в сентябре 2022 г.", (date(2022, 9, 1), date(2022, 9, 30))),
    ("окт. 2022г.", (date(2022, 10, 1), date(2022, 10, 31))),
    ("мая 2023 года", (date(2023, 5, 1), date(2023, 5, 31))),
    ("10.09.2023", (date(2023, 9, 10), date(2023, 9, 10))),
    ("15 февраля 2023 г", (date(2023, 2, 15), date(2023, 2, 15))),
    ("2023 год", (date(2023, 1, 1), date(2023, 12, 31))),
    ("I квартал 2022", (date(2022, 1, 1), date(2022, 3, 31))),
    ("IV квартал 2022 г.", (date(2022, 10, 1), date(2022, 12, 31))),
    ("1 полугодие 2023", (date(2023, 1, 1), date(2023, 6, 30))),
    ("II полугодие 2023", (date(2023, 7, 1), date(2023, 12, 31))),
    ("с 1 сентября по 15 октября 2022", (date(2022, 9, 1), date(2022, 10, 15))),
    ("Сентябрь 2021 — январь 2022", (date(2021, 9, 1), date(2022, 1, 31))),
    ("ноябрь–февраль 2022", (date(2021, 11, 1), date(2022, 2, 28))),
])
def test_it_reads_months_dates_quarters_and_ranges_in_any_form(text, expected):
    assert parse_deadline(text, SAYANSKY).windows == [expected]


def test_it_recurs_half_yearly_and_monthly_within_the_period():
    assert parse_deadline("раз в полугодие", KLIN).due_dates == [date(2023, 12, 31), date(2024, 6, 30),
                                                                   date(2024, 8, 31)]
    assert len(parse_deadline("ежемесячно", KLIN).windows) == 12


def test_it_warns_about_a_window_outside_the_roadmaps_period():
    deadline = parse_deadline("Август - декабрь 2020", SAYANSKY)
    assert deadline.warnings and "вне периода" in deadline.warnings[0]


def test_it_says_in_russian_what_it_understood():
    assert parse_deadline("Май 2022,2023,2024", SAYANSKY).describe() == "каждый май, 2022–2024"
    assert parse_deadline("Октябрь 2021г", SAYANSKY).describe() == "октябрь 2021"
    assert parse_deadline("ерунда", SAYANSKY).describe() == "срок не распознан"
    assert parse_deadline("Ежегодно до 10 сентября", ASSHI).describe() == "ежегодно до 10.09, 2023–2025"


def test_it_gives_plain_json_data():
    assert parse_deadline("Октябрь 2021г", SAYANSKY).to_dict() == {
        "kind": "dated", "windows": [["2021-10-01", "2021-10-31"]], "due_dates": ["2021-10-31"], "warnings": [],
    }


def test_it_never_raises_whatever_the_input():
    rng = random.Random(20261123)
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВЕЁМНОСЯ0123456789.,-–—/()«»<>\t\n№IVX"
    words = ["май", "до", "с", "по", "2023", "31.02.2023", "99.99.9999", "квартал", "ежегодно", "-", "конца", "IV",
             "полугодие", "учебный", "год", "2023-2024", "0", "00.00.00"]
    for _ in range(3000):
        if rng.random() < 0.5:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        else:
            text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        deadline = parse_deadline(text, SAYANSKY)
        assert deadline.kind in (DATED, CONTINUOUS, ON_DEMAND, EXTERNAL, UNRECOGNIZED)
        assert all(a <= b for a, b in deadline.windows)


# Deadline kinds beyond the seeds (issue #12): each kind with several spellings -------------------------------------
YEAR_23_24 = (date(2023, 9, 1), date(2024, 8, 31))


def monthly(day: int, period=YEAR_23_24) -> list[tuple[date, date]]:
    """Every month of the period, due on `day` (the last day of a shorter month)."""
    import calendar

    start, end = period
    found, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        due = date(year, month, min(day, calendar.monthrange(year, month)[1]))
        found.append((date(year, month, 1), due))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


BEYOND_SEEDS = [
    # abbreviated month names inside dates
    ("15 окт. 2023", DATED, w("15.10.2023-15.10.2023")),
    ("до 20 янв. 2024 г.", DATED, w("01.09.2023-20.01.2024")),
    ("с 1 сен. по 15 окт. 2023", DATED, w("01.09.2023-15.10.2023")),
    ("25 дек 2023", DATED, w("25.12.2023-25.12.2023")),
    # quarters written «кв.», alone, in lists and ranges
    ("I кв. 2024", DATED, w("01.01.2024-31.03.2024")),
    ("1 кв. 2024 г.", DATED, w("01.01.2024-31.03.2024")),
    ("I, II кв. 2024", DATED, w("01.01.2024-31.03.2024", "01.04.2024-30.06.2024")),
    ("II-III кв. 2024", DATED, w("01.04.2024-30.09.2024")),
    ("4 кв.", DATED, w("01.10.2023-31.12.2023")),
    # school years written «2023/24»
    ("2023/24 уч. год", DATED, w("01.09.2023-31.08.2024")),
    ("2023/24 учебный год", DATED, w("01.09.2023-31.08.2024")),
    ("в 2023/2024 уч.г.", DATED, w("01.09.2023-31.08.2024")),
    ("2023-24 уч. г.", DATED, w("01.09.2023-31.08.2024")),
    # a day range inside one month
    ("с 10 по 20 октября 2023", DATED, w("10.10.2023-20.10.2023")),
    ("10-20 октября 2023 г.", DATED, w("10.10.2023-20.10.2023")),
    ("с 1 по 5 декабря", DATED, w("01.12.2023-05.12.2023")),
    # monthly on a day of the month
    ("ежемесячно до 5 числа", DATED, monthly(5)),
    ("ежемесячно, до 25-го числа", DATED, monthly(25)),
    ("до 10 числа каждого месяца", DATED, monthly(10)),
    # deferring to another body's plan or schedule
    ("согласно плану-графику министерства образования", EXTERNAL, []),
    ("в сроки, установленные министерством образования Кировской области", EXTERNAL, []),
    ("в соответствии с планом работы ЦНППМ", EXTERNAL, []),
    ("по графику, утверждённому министерством", EXTERNAL, []),
    ("в сроки, определённые организаторами конкурса", EXTERNAL, []),
    # on demand
    ("по необходимости", ON_DEMAND, []),
    ("по мере необходимости", ON_DEMAND, []),
    ("при наличии запроса", ON_DEMAND, []),
    # a span relative to an event is not continuous: it has no date of its own
    ("в течение 10 дней после назначения", UNRECOGNIZED, []),
    ("в течение месяца после утверждения программы", UNRECOGNIZED, []),
    ("в течение 3 рабочих дней с момента поступления заявки", UNRECOGNIZED, []),
    ("в течение учебного года", CONTINUOUS, [(date(2023, 9, 1), date(2024, 8, 31))]),
    # issue #22: kinds copied from more published plans
    ("в соответствии с графиком МОУО", EXTERNAL, []),  # another body's schedule
    ("02.10 - 31.10", DATED, w("02.10.2023-31.10.2023")),  # a day and a month without a year, in the school year
    ("03.10 10.10", DATED, w("03.10.2023-10.10.2023")),  # two in a row: a range
    ("15.03-20.04", DATED, w("15.03.2024-20.04.2024")),  # spring: the school year's second calendar year
    ("в течение первой четверти", DATED, w("01.09.2023-31.10.2023")),  # the term's window, not the whole year
    ("в течение III четверти", DATED, w("01.01.2024-31.03.2024")),
    ("02 февр. 2016 г.", DATED, w("02.02.2016-02.02.2016")),  # a month abbreviated with its day
    ("09.июля.2015", DATED, w("09.07.2015-09.07.2015")),  # a month between dots
    ("по мере необходимости, но не реже 1 раза в квартал", DATED,  # quarterly, whatever else it says
     w("01.09.2023-30.09.2023", "01.10.2023-31.12.2023", "01.01.2024-31.03.2024", "01.04.2024-30.06.2024",
       "01.07.2024-31.08.2024")),
    # month ranges in school-year order: the range is placed by its end
    ("Август- сентябрь", DATED, w("01.08.2023-30.09.2023")),  # the school year's start, not August 2024
    ("август – октябрь", DATED, w("01.08.2023-31.10.2023")),
    ("Сентябрь-май", DATED, w("01.09.2023-31.05.2024")),
    ("Май – август", DATED, w("01.05.2024-31.08.2024")),
    ("Декабрь-январь", DATED, w("01.12.2023-31.01.2024")),
    ("25.08 - 05.09", DATED, w("25.08.2023-05.09.2023")),
    # a year after «с» starts a yearly deadline; it is not a window of its own
    ("Май, ежегодно с 2023", DATED, w("01.05.2024-31.05.2024")),
    ("ежегодно, начиная с 2024 года, в мае", DATED, w("01.05.2024-31.05.2024")),
    ("Сентябрь, ежегодно с 2025 г.", UNRECOGNIZED, []),  # begins after the period: said, not guessed
    # «не позднее» holds for each day of the list
    ("не позднее 20 мая и 20 декабря, ежегодно", DATED, w("01.09.2023-20.12.2023", "21.12.2023-20.05.2024")),
]


@pytest.mark.parametrize("text, kind, windows", BEYOND_SEEDS, ids=[p[0] for p in BEYOND_SEEDS])
def test_it_reads_the_kinds_of_deadlines_beyond_the_seeds(text, kind, windows):
    found = parse_deadline(text, YEAR_23_24)
    assert (found.kind, found.windows) == (kind, windows)


@pytest.mark.parametrize("text, said", [
    ("ежемесячно до 5 числа", "ежемесячно, 12 сроков до 05.08.2024"),
    ("в течение 10 дней после назначения", "срок не распознан"),
    ("согласно плану-графику министерства образования", "по внешнему графику, без срока"),
])
def test_the_new_kinds_are_said_in_russian(text, said):
    assert parse_deadline(text, YEAR_23_24).describe() == said


FOUR_YEARS = (date(2022, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize("text, windows, said", [
    ("Май, ежегодно с 2023", w("01.05.2023-31.05.2023", "01.05.2024-31.05.2024", "01.05.2025-31.05.2025"),
     "каждый май, 2023–2025"),  # from 2023 on, not from the period's start
    ("Август- сентябрь", w("01.08.2022-30.09.2022", "01.08.2023-30.09.2023", "01.08.2024-30.09.2024",
                           "01.08.2025-30.09.2025"), "ежегодно август–сентябрь, 2022–2025"),
    ("не позднее 20 мая и 20 декабря, ежегодно",
     w("01.01.2022-20.05.2022", "21.05.2022-20.12.2022", "21.12.2022-20.05.2023", "21.05.2023-20.12.2023",
       "21.12.2023-20.05.2024", "21.05.2024-20.12.2024", "21.12.2024-20.05.2025", "21.05.2025-20.12.2025"),
     "ежегодно до 20.05 и 20.12, 2022–2025"),  # both dates every year of the period
])
def test_yearly_kinds_over_a_roadmap_of_several_years(text, windows, said):
    found = parse_deadline(text, FOUR_YEARS)
    assert (found.windows, found.describe()) == (windows, said)
