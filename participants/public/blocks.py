"""The blocks of a public «Наставничество» page. Each app contributes the blocks of its data (participants: documents,
programmes, forms, mentors who agreed to be named, practices, news, contact; roadmaps: the approved roadmap and the
events; monitoring: the figures against the targets), so participants imports no app to its right. A block's
context never holds a person's name, except the mentors' who agreed (adults only)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from mentoring_portal.lib.plugins import Plugins


@dataclass(frozen=True)
class PublicBlock:
    key: str
    label: str
    template: str
    order: int
    context: Callable[[Any, date], dict | None]  # (place, today) → the template's context, or None: nothing to show


PUBLIC_BLOCKS: Plugins[PublicBlock] = Plugins("public page: blocks of a «Наставничество» section", unique=True,
                                              key_of=lambda b: b.key, order=lambda b: b.order)


def shown(page, today: date) -> list[tuple[PublicBlock, dict]]:
    found = []
    for block in PUBLIC_BLOCKS:
        if block.key in page.blocks:
            context = block.context(page.place, today)
            if context is not None:
                found.append((block, context))
    return found
