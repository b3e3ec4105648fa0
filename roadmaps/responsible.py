"""Reading the «Ответственный» cell: named people («Рябцева Е.В.», «С.Н.Стрюкова») and roles («Руководители ОО»)."""

import re
from dataclasses import dataclass

_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
# Scanned left to right, so «Л.И.Борисова Л.И. Борисова» is read as the same person twice, not as «Борисова Л.И.».
_PERSON = re.compile(
    rf"(?P<i1>[А-ЯЁ])\.\s*(?P<i2>[А-ЯЁ])\.\s*(?P<s1>{_SURNAME})"
    rf"|(?P<s2>{_SURNAME})\s+(?P<j1>[А-ЯЁ])\.\s*(?P<j2>[А-ЯЁ])\.?"
)


@dataclass(frozen=True)
class Person:
    surname: str
    initials: str  # «Е.В.»

    @property
    def label(self) -> str:
        return f"{self.surname} {self.initials}"


def people_in(text: str) -> list[Person]:
    """Named people in the order they first appear, each once."""
    seen, people = set(), []
    for m in _PERSON.finditer(text or ""):
        if m.group("s1"):
            person = Person(m.group("s1"), f"{m.group('i1')}.{m.group('i2')}.")
        else:
            person = Person(m.group("s2"), f"{m.group('j1')}.{m.group('j2')}.")
        if person not in seen:
            seen.add(person)
            people.append(person)
    return people


def responsible_labels(text: str) -> list[str]:
    """People («Рябцева Е.В.») and the roles left once they are taken out («Руководители ОО»)."""
    rest = _PERSON.sub(",", text or "")
    roles = [part.strip(" .;:-–—") for part in re.split(r"[,;\n]", rest)]
    labels = [p.label for p in people_in(text)]
    for role in roles:
        if len(role) > 2 and role not in labels:
            labels.append(role)
    return labels


def initials_of(first_name: str) -> str:
    """«Елена Викторовна» or «Е. В.» → «Е.В.»"""
    letters = [part[0].upper() for part in re.split(r"[\s.]+", first_name or "") if part]
    return "".join(f"{letter}." for letter in letters[:2])
