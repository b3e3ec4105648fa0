"""Pages of participants (the landing page, a district's page, an organization's page) show blocks that apps to the
right contribute: they may import participants, participants may not import them. A provider gets the user, today's
date and the place the page is about (None on the landing page) and returns blocks, or none."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Todo:
    text: str
    url: str
    urgent: bool = False


@dataclass
class LandingBlock:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    todos: list[Todo] = field(default_factory=list)
    order: int = 100


HOME, DISTRICT, ORGANIZATION = "home", "district", "organization"
Provider = Callable[[object, date, object], list[LandingBlock]]
_providers: dict[str, list[Provider]] = {}


def register(page: str, provider: Provider) -> Provider:
    providers = _providers.setdefault(page, [])
    if provider not in providers:
        providers.append(provider)
    return provider


def blocks_for(page: str, user, today: date, place=None) -> list[LandingBlock]:
    blocks = [block for provider in _providers.get(page, []) for block in provider(user, today, place)]
    return sorted(blocks, key=lambda b: b.order)


# Links on a district's or an organization's page to what other apps keep about it («Дорожные карты», …).
@dataclass(frozen=True)
class PlaceLink:
    kind: str  # "district" | "organization"
    label: str
    url_name: str  # reversed with the place's code
    icon: str = ""
    order: int = 100
    capability: str = "view"  # shown only to who has it on the place (an expert reads the district, not its reports)


_place_links: list[PlaceLink] = []


def register_place_link(link: PlaceLink) -> None:
    if link not in _place_links:
        _place_links.append(link)


def place_links(kind: str, code: str, capabilities=frozenset({"view"})) -> list[tuple[str, str, str]]:
    from django.urls import reverse

    links = sorted((link for link in _place_links if link.kind == kind and link.capability in capabilities),
                   key=lambda link: link.order)
    return [(link.label, reverse(link.url_name, args=[code]), link.icon) for link in links]
