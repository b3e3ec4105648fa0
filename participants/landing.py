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
