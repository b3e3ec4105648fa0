"""A district's letter to the schools that lack a mark of the compliance passport (issue #26, 000 §2.1): one group of
addressees per mark, registered with participants' letters (participants/letters/addressees.py)."""

from __future__ import annotations

from monitoring.passport.marks import MARKS, passports
from participants.letters.addressees import ADDRESSEES, Addressees
from participants.models import Organization


def _lacking(key: str):
    def schools(district, today) -> list[int]:
        found = passports(Organization.objects.filter(district=district), today)
        return [p.organization.pk for p in found if p.marks[key].ok is False]  # «—» (nothing to check) is not lacking
    return schools


for _key, (_heading, _norm) in MARKS.items():
    ADDRESSEES.add(Addressees(f"passport:{_key}", f"нет отметки «{_heading}»", _lacking(_key)))
