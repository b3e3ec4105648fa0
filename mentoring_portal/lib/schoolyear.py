"""School years run from 1 September to 31 August; a school year is named by the calendar year it starts in."""

from datetime import date


def school_year_of(day: date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def school_year_label(start_year: int) -> str:
    return f"{start_year}–{start_year + 1}"
