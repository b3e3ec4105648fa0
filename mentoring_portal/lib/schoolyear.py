"""School years run from 1 September to 31 August; a school year is named by the calendar year it starts in."""

from calendar import monthrange
from datetime import date


def school_year_of(day: date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def school_year_label(start_year: int) -> str:
    return f"{start_year}–{start_year + 1}"


def years_before(on: date, years: int) -> date:
    """The last birthday-like date at which someone has completed `years` full years by `on` (29 February falls
    back to the 28th): «X < years old» is «born after this date»."""
    return date(on.year - years, on.month, min(on.day, monthrange(on.year - years, on.month)[1]))
