"""Each place's navigation (issue #23): the model's structure as groups of entries — for a district «Дорожные карты и
приказы · Школы и люди · Методическая работа · Мониторинг и показатели · Документы · Сайт · Пользователи» — the same
on every page of the place, with how many things wait in each entry, folded on a phone.

Entries come from the app whose pages they open: participants registers its own below, roadmaps and monitoring in
their `AppConfig.ready()`, so participants imports no app to its right. A page belongs to a place when its view
resolved one (`request.place`, set by the access helpers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from mentoring_portal.lib.plugins import Plugins
from participants.access import VIEW
from participants.letters.models import LetterCopy
from participants.models import District, Practice, PracticeStatus, Programme, ProgrammeStatus
from participants.recruitment.models import Candidate, CandidateStatus

GROUPS = {
    "district": [("roadmaps", "Дорожные карты и приказы"), ("people", "Школы и люди"),
                 ("methodical", "Методическая работа"), ("monitoring", "Мониторинг и показатели"),
                 ("documents", "Документы и сайт"), ("users", "Пользователи")],
    "organization": [("roadmaps", "Дорожная карта и приказы"), ("people", "Реестр и пары"),
                     ("methodical", "Методическая работа"), ("monitoring", "Мониторинг"),
                     ("documents", "Документы и сайт"), ("users", "Пользователи")],
}


@dataclass(frozen=True)
class NavEntry:
    kind: str  # "district" | "organization"
    group: str  # a key of GROUPS[kind]
    label: str
    url_name: str  # reversed with the place's code
    icon: str = ""
    order: int = 100
    capability: str = VIEW  # shown only to who has it on the place
    # What waits here (roadmaps to review, reports to hand in): place → a queryset, counted for those
    # who hold `acts` on the place (who can do something about it).
    waiting: Callable | None = field(default=None, compare=False)
    acts: str = VIEW


# place kind ("district" | "organization") → its entries, in their order
NAV_ENTRIES: Plugins[NavEntry] = Plugins("navigation: entries of a place's menu", order=lambda e: (e.order, e.label))


@dataclass
class Link:
    label: str
    url: str
    icon: str
    waiting: int = 0
    current: bool = False


@dataclass
class Group:
    label: str
    links: list[Link]


@dataclass
class PlaceNav:
    place: object
    kind: str
    home: Link
    groups: list[Group]

    @property
    def waiting(self) -> int:
        return sum(link.waiting for group in self.groups for link in group.links)


def place_nav(place, capabilities, path: str) -> PlaceNav:
    """The place's groups of the entries the user may open, the one holding `path` marked current (the longest
    address that begins it: /d/x/roadmaps/5/ is under «Дорожные карты», not under the place's own page)."""

    kind = "district" if isinstance(place, District) else "organization"
    home = Link(place.name if kind == "district" else place.short_name, place.get_absolute_url(), "bi-house")
    links: dict[str, list[Link]] = {key: [] for key, _ in GROUPS[kind]}
    for entry in NAV_ENTRIES.under(kind):
        if entry.capability in capabilities:
            count = entry.waiting(place).count() if entry.waiting and entry.acts in capabilities else 0
            links[entry.group].append(Link(entry.label, reverse(entry.url_name, args=[place.code]), entry.icon,
                                           count))
    every = [home, *(link for group in links.values() for link in group)]
    best = max((link for link in every if path.startswith(link.url)), key=lambda link: len(link.url), default=None)
    if best is not None:
        best.current = True
    return PlaceNav(place, kind, home, [Group(label, links[key]) for key, label in GROUPS[kind] if links[key]])


def own_entries() -> None:
    """The entries of participants' own pages."""
    from participants.access import (
        CAN_EDIT_DOCUMENTS,
        CAN_EDIT_PAIRS,
        CAN_MANAGE_USERS,
        CAN_READ_AUDIT,
        CAN_REVIEW,
        CAN_VIEW_REPORTS,
    )

    def practices_waiting(district):
        return Practice.objects.filter(organization__district=district, status=PracticeStatus.SUBMITTED)

    def letters_unread(organization):
        return LetterCopy.objects.filter(organization=organization, read_at__isnull=True)

    def candidates_waiting(organization):
        return Candidate.objects.filter(form__organization=organization, status=CandidateStatus.NEW)

    def programmes_waiting(district):
        return Programme.objects.filter(organization__district=district, review_comment="",
                                        status=ProgrammeStatus.APPROVED)

    for entry in [
        NavEntry("district", "people", "Наставничество в цифрах", "participants:district-mentoring", "bi-bar-chart",
                 10, CAN_VIEW_REPORTS),
        NavEntry("district", "people", "Формы наставничества", "participants:district-forms", "bi-diagram-3", 20,
                 CAN_VIEW_REPORTS),
        NavEntry("district", "people", "База кураторов", "participants:curators", "bi-person-badge", 30,
                 CAN_VIEW_REPORTS),
        NavEntry("district", "people", "Эксперты", "participants:experts", "bi-mortarboard", 40, CAN_VIEW_REPORTS),
        NavEntry("district", "people", "Партнёры", "participants:partners", "bi-buildings", 50, CAN_VIEW_REPORTS),
        NavEntry("district", "methodical", "Обучение наставников", "participants:district-training", "bi-award", 30,
                 CAN_VIEW_REPORTS),
        NavEntry("district", "methodical", "Дефициты педагогов", "participants:district-deficits", "bi-graph-up-arrow",
                 35, CAN_VIEW_REPORTS),
        NavEntry("district", "methodical", "Программы", "participants:district-programmes", "bi-journal-text", 40,
                 waiting=programmes_waiting, acts=CAN_REVIEW),
        NavEntry("district", "methodical", "Банк практик", "participants:district-practices", "bi-collection", 50,
                 waiting=practices_waiting, acts=CAN_REVIEW),
        NavEntry("district", "documents", "Документы", "participants:district-documents", "bi-folder2-open", 10),
        NavEntry("district", "documents", "Письма школам", "participants:district-letters", "bi-envelope", 15,
                 CAN_VIEW_REPORTS),
        NavEntry("district", "documents", "Раздел «Наставничество» на сайте", "participants:district-public",
                 "bi-globe", 20, CAN_EDIT_DOCUMENTS),
        NavEntry("district", "users", "Пользователи и роли", "participants:district-users", "bi-people", 10,
                 CAN_MANAGE_USERS),
        NavEntry("district", "users", "Журнал изменений", "participants:district-audit", "bi-clock-history", 20,
                 CAN_READ_AUDIT),
        NavEntry("organization", "people", "Реестр", "participants:people", "bi-people", 10, CAN_EDIT_PAIRS),
        NavEntry("organization", "people", "Пары и группы", "participants:pairs", "bi-person-hearts", 20,
                 CAN_EDIT_PAIRS),
        NavEntry("organization", "people", "Подбор наставников", "participants:matching", "bi-magic", 30,
                 CAN_EDIT_PAIRS),
        NavEntry("organization", "people", "Набор по ссылке", "participants:recruitment", "bi-megaphone", 35,
                 CAN_EDIT_PAIRS, waiting=candidates_waiting, acts=CAN_EDIT_PAIRS),
        NavEntry("organization", "methodical", "Обучение наставников", "participants:training", "bi-award", 30),
        NavEntry("organization", "methodical", "Дефициты и ИОМ", "participants:routes", "bi-signpost-split", 35,
                 CAN_EDIT_PAIRS),
        NavEntry("organization", "methodical", "Программы", "participants:programmes", "bi-journal-text", 40),
        NavEntry("organization", "methodical", "Практики", "participants:practices", "bi-lightbulb", 50),
        NavEntry("organization", "documents", "Документы", "participants:organization-documents", "bi-folder2-open",
                 10),
        NavEntry("organization", "documents", "Библиотека образцов", "participants:library", "bi-bookshelf", 12),
        NavEntry("organization", "documents", "Письма муниципалитета", "participants:school-letters", "bi-envelope",
                 15, CAN_EDIT_PAIRS, waiting=letters_unread, acts=CAN_EDIT_PAIRS),
        NavEntry("organization", "documents", "Раздел «Наставничество» на сайте", "participants:organization-public",
                 "bi-globe", 20, CAN_EDIT_DOCUMENTS),
        NavEntry("organization", "users", "Пользователи и роли", "participants:organization-users", "bi-people", 10,
                 CAN_MANAGE_USERS),
        NavEntry("organization", "users", "Журнал изменений", "participants:organization-audit", "bi-clock-history",
                 20, CAN_READ_AUDIT),
    ]:
        NAV_ENTRIES.add(entry, key=entry.kind)
