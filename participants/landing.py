"""Pages of participants (the landing page, a district's page, an organization's page) show blocks that apps to the
right contribute: they may import participants, participants may not import them. A provider gets the user, today's
date and the place the page is about (None on the landing page) and returns blocks, or none.

The landing page is kept until something it shows changes (issue #24): by default a provider shows only records of
the places the user holds roles at, whose versions (participants/caches/place.py) key the page; a provider that shows
anything else says which versions keep its block (`kept_by(user) -> names`): the deadlines their roadmaps', the
meetings the mentor's own."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mentoring_portal.lib.plugins import Plugins


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
Provider = Callable[[Any, date, object], list[LandingBlock]]
# page (HOME, DISTRICT, ORGANIZATION) → the providers of its blocks
PROVIDERS: Plugins[Provider] = Plugins("landing: blocks of the home, district and organization pages")
# provider → the versions its block is kept under besides the user's places' (user → names)
KEPT_BY: Plugins[Callable[[Any], list[str]]] = Plugins("landing: versions a block is kept under", unique=True)


def kept_by(page: str, user) -> list[str]:
    """The versions, besides the user's places', that the page's blocks are kept under."""
    return sorted({name for provider in PROVIDERS.under(page) for kept in KEPT_BY.under(provider)
                   for name in kept(user)})


def blocks_for(page: str, user, today: date, place=None) -> list[LandingBlock]:
    blocks = [block for provider in PROVIDERS.under(page) for block in provider(user, today, place)]
    return sorted(blocks, key=lambda b: b.order)
