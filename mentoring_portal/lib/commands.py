"""What management commands share: the day a daily or weekly command treats as today."""

from __future__ import annotations

from datetime import date

from django.core.management.base import CommandError
from django.utils import timezone


def today_or(raw: str | None) -> date:
    """`--date ГГГГ-ММ-ДД` (to rerun a missed day or to try a date), else today in the portal's time zone."""
    if not raw:
        return timezone.localdate()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise CommandError("Дату укажите так: 2024-05-13") from None
