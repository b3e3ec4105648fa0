"""What each kind of job does: a function (job) → JSON-serialisable result, registered by the app that owns it."""

from __future__ import annotations

from collections.abc import Callable

_handlers: dict[str, Callable] = {}


def register(kind: str, handler: Callable) -> None:
    _handlers[kind] = handler


def handler_for(kind: str) -> Callable:
    return _handlers[kind]
