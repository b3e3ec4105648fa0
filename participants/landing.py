"""The landing page is assembled from blocks that apps to the right contribute (they may import participants;
participants may not import them). A provider gets the user and today's date and returns blocks or nothing."""

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


Provider = Callable[[object, date], list[LandingBlock]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def blocks_for(user, today: date) -> list[LandingBlock]:
    blocks = [block for provider in _providers for block in provider(user, today)]
    return sorted(blocks, key=lambda b: b.order)


# Links on a district's or an organization's page to what other apps keep about it («Дорожные карты», …).
@dataclass(frozen=True)
class PlaceLink:
    kind: str  # "district" | "organization"
    label: str
    url_name: str  # reversed with the place's code
    icon: str = ""
    order: int = 100


_place_links: list[PlaceLink] = []


def register_place_link(link: PlaceLink) -> None:
    if link not in _place_links:
        _place_links.append(link)


def place_links(kind: str, code: str) -> list[tuple[str, str, str]]:
    from django.urls import reverse

    links = sorted((link for link in _place_links if link.kind == kind), key=lambda link: link.order)
    return [(link.label, reverse(link.url_name, args=[code]), link.icon) for link in links]
