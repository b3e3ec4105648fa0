"""Pages of participants (the landing page, a district's page, an organization's page) show blocks that apps to the
right contribute: they may import participants, participants may not import them. A provider gets the user, today's
date and the place the page is about (None on the landing page) and returns blocks, or none.

The landing page is kept until something it shows changes (issue #24): by default a provider shows only records of
the places the user holds roles at, whose versions (participants/place_cache.py) key the page; a provider that shows
anything else says which versions keep its block (`kept_by(user) -> names`): the deadlines their roadmaps', the
meetings the mentor's own."""

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
_kept_by: dict[Provider, Callable[[object], list[str]]] = {}


def register(page: str, provider: Provider, kept_by: Callable[[object], list[str]] | None = None) -> Provider:
    providers = _providers.setdefault(page, [])
    if provider not in providers:
        providers.append(provider)
    if kept_by is not None:
        _kept_by[provider] = kept_by
    return provider


def kept_by(page: str, user) -> list[str]:
    """The versions, besides the user's places', that the page's blocks are kept under."""
    return sorted({name for provider in _providers.get(page, []) if provider in _kept_by
                   for name in _kept_by[provider](user)})


def blocks_for(page: str, user, today: date, place=None) -> list[LandingBlock]:
    blocks = [block for provider in _providers.get(page, []) for block in provider(user, today, place)]
    return sorted(blocks, key=lambda b: b.order)
