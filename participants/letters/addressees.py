"""Groups of schools a district's letter can be addressed to besides «all», «by kind» and «picked»: those that lack a
mark of the compliance passport, registered by monitoring (which computes the passport) with `ADDRESSEES.add`, so that
participants imports no app to its right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from mentoring_portal.lib.plugins import Plugins


@dataclass(frozen=True)
class Addressees:
    key: str  # «passport:regulation»
    label: str  # «нет отметки паспорта «Положение о наставничестве»»
    schools: Callable[[Any, date], list[int]]  # (district, today) → the ids of its schools in the group


ADDRESSEES: Plugins[Addressees] = Plugins("letters: groups of schools to write to", unique=True, key_of=lambda g: g.key)
