"""One way to plug in. An app to the left (participants, lib) owns a mechanism — a page with blocks, the jobs' runner,
the navigation — and apps to the right add to it without being imported by it: each owner declares one `Plugins`
and each contributor calls `add` from its AppConfig.ready (or from the module that defines the contribution, which
ready imports). Every `Plugins` ever declared is listed by `Plugins.kinds()`, so one test can say what each holds
(tests/test_plugins.py) and that every entry resolves.

An entry may carry a key: a job's kind, a public block's slug, a landing page's name — given to `add`, or read off
the entry by the kind's `key_of`. `unique=True` makes a second
entry under a key already taken by another item an error at start-up (two apps claiming one job kind is a bug, not a
choice); without it, a key gathers entries in the order they were added (a landing page's providers). Adding the
same item under the same key twice does nothing, so a ready() run twice (tests, autoreload) doubles nothing."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import ClassVar, Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")


class Plugins(Generic[T]):
    _kinds: ClassVar[dict[str, Plugins[object]]] = {}

    def __init__(self, name: str, *, unique: bool = False, key_of: Callable[[T], Hashable] | None = None,
                 order: Callable[[T], object] | None = None) -> None:
        if name in Plugins._kinds:
            raise ImproperlyConfigured(f"Plug-in kind {name!r} is declared twice")
        self.name = name
        self.unique = unique
        self._key_of = key_of
        self._order = order
        self._entries: list[tuple[Hashable, T]] = []
        Plugins._kinds[name] = self  # type: ignore[assignment]

    def add(self, item: T, key: Hashable = None) -> T:
        """Returns the item, so that `@KIND.add` decorates a function that is its own entry."""
        if key is None and self._key_of is not None:
            key = self._key_of(item)
        for known_key, known in self._entries:
            if known_key == key and known == item:
                return item
            if self.unique and known_key == key:
                raise ImproperlyConfigured(f"{self.name}: {key!r} is taken by {known!r}, {item!r} asks for it too")
        self._entries.append((key, item))
        return item

    def under(self, key: Hashable) -> list[T]:
        """The entries under one key, in their order."""
        return self._sorted(item for known_key, item in self._entries if known_key == key)

    def find(self, key: Hashable) -> T | None:
        found = self.under(key)
        return found[0] if found else None

    def get(self, key: Hashable) -> T:
        found = self.find(key)
        if found is None:
            raise KeyError(f"{self.name}: nothing registered under {key!r}")
        return found

    def keys(self) -> list[Hashable]:
        return list(dict.fromkeys(key for key, _ in self._entries))

    def items(self) -> list[tuple[Hashable, T]]:
        return list(self._entries)

    def __iter__(self) -> Iterator[T]:
        return iter(self._sorted(item for _, item in self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Plugins {self.name}: {len(self)}>"

    def _sorted(self, items: Iterator[T] | list[T]) -> list[T]:
        found = list(items)
        if self._order is not None:
            found.sort(key=self._order)  # type: ignore[arg-type]
        return found

    @classmethod
    def kinds(cls) -> dict[str, Plugins[object]]:
        return dict(cls._kinds)
