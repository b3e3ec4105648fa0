"""Groups of schools a district's letter can be addressed to besides «all», «by kind» and «picked»: those that lack a
mark of the compliance passport, registered by monitoring (which computes the passport) with `register`, so that
participants imports no app to its right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Addressees:
    key: str  # «passport:regulation»
    label: str  # «нет отметки паспорта «Положение о наставничестве»»
    schools: Callable[[object, date], list[int]]  # (district, today) → the ids of its schools in the group


_groups: dict[str, Addressees] = {}


def register(group: Addressees) -> Addressees:
    _groups[group.key] = group
    return group


def registered() -> list[Addressees]:
    return list(_groups.values())


def find(key: str) -> Addressees | None:
    return _groups.get(key)
