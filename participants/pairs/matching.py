"""Proposing mentors for a mentee: pure functions over plain values, so the scoring reads (and tests) like a rule book.

score = 3 × shared words of the request and the mentor's competencies
      + 1 × shared interests
      + 2 if the mentee's age is within the mentor's preference (−2 if outside)
      + 1 per remaining place (at most 2); a mentor with no place left is not proposed at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_STOP = {"и", "в", "во", "на", "по", "с", "со", "к", "для", "из", "от", "до", "за", "о", "об", "а", "не", "как", "что",
         "при", "the", "помощь", "нужна", "хочу", "работа", "работе"}


def stems(text: str) -> dict[str, str]:
    """Meaningful words by stem: lower case, «ё» as «е», endings cut to six letters so «математика» meets
    «математике»; the value is the word as the mentee wrote it, for the reasons shown to the curator."""
    found = {}
    for token in re.findall(r"[а-яёa-z0-9]+", (text or "").lower()):
        plain = token.replace("ё", "е")
        if len(plain) > 2 and plain not in _STOP:
            found.setdefault(plain[:6], token)
    return found


def words(text: str) -> set[str]:
    return set(stems(text))


@dataclass(frozen=True)
class MentorCandidate:
    person_id: int
    name: str
    competencies: str
    interests: str
    age_min: int | None
    age_max: int | None
    places_left: int


@dataclass(frozen=True)
class MenteeNeed:
    person_id: int
    name: str
    help_wanted: str
    interests: str
    age: int | None


@dataclass
class Suggestion:
    mentor: MentorCandidate
    score: int
    reasons: list[str] = field(default_factory=list)


def score(mentor: MentorCandidate, mentee: MenteeNeed) -> Suggestion | None:
    if mentor.places_left <= 0 or mentor.person_id == mentee.person_id:
        return None
    reasons, total = [], 0
    asked, liked = stems(mentee.help_wanted), stems(mentee.interests)
    shared = sorted(asked[s] for s in asked.keys() & words(mentor.competencies))
    if shared:
        total += 3 * len(shared)
        reasons.append(f"запрос и компетенции совпадают: {', '.join(shared)} (+{3 * len(shared)})")
    common = sorted(liked[s] for s in liked.keys() & words(mentor.interests))
    if common:
        total += len(common)
        reasons.append(f"общие интересы: {', '.join(common)} (+{len(common)})")
    if mentee.age is not None and (mentor.age_min is not None or mentor.age_max is not None):
        low, high = mentor.age_min or 0, mentor.age_max or 200
        if low <= mentee.age <= high:
            total += 2
            reasons.append(f"возраст {mentee.age} подходит наставнику ({low}–{high}) (+2)")
        else:
            total -= 2
            reasons.append(f"возраст {mentee.age} вне предпочтений наставника ({low}–{high}) (−2)")
    bonus = min(mentor.places_left, 2)
    total += bonus
    reasons.append(f"свободных мест у наставника: {mentor.places_left} (+{bonus})")
    return Suggestion(mentor, total, reasons)


def rank(mentors: list[MentorCandidate], mentee: MenteeNeed, *, limit: int = 5) -> list[Suggestion]:
    """The best candidates first; ties by name, so the order is the same on every page load."""
    found = [s for s in (score(m, mentee) for m in mentors) if s]
    return sorted(found, key=lambda s: (-s.score, s.mentor.name))[:limit]
