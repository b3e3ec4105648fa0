"""Russian alphabetical order on both databases.

PostgreSQL's default C.UTF-8 collation puts «Ё» before «А»; its ICU collation sorts correctly. SQLite has no
Russian collation, so one with the same order is registered on every new SQLite connection (see apps.py).
"""

from django.db import connection
from django.db.models import F
from django.db.models.functions import Collate

SQLITE_COLLATION = "ru_portal"
POSTGRES_COLLATION = "ru-RU-x-icu"

_ALPHABET = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)} | {"ё": 5}


def sort_key(text: str) -> tuple:
    """Orders Russian text as ICU's ru collation does: letters first ignoring case and the dots of «ё»,
    then «е» before «ё», then lower case before upper case."""
    text = text or ""
    folded = text.casefold()
    primary = tuple((0, _RANK[ch]) if ch in _RANK else (1, ord(ch)) for ch in folded)
    secondary = tuple(ch == "ё" for ch in folded)
    tertiary = tuple(ch.isupper() for ch in text)
    return primary, secondary, tertiary


def _sqlite_compare(left: str, right: str) -> int:
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, _sqlite_compare)


def russian(field: str) -> Collate:
    """An expression to order_by() a text field in Russian alphabetical order."""
    name = POSTGRES_COLLATION if connection.vendor == "postgresql" else SQLITE_COLLATION
    return Collate(F(field), name)


_FOLD_YO = str.maketrans({"ё": "е", "Ё": "е"})


def search_text(*parts: str) -> str:
    """Normalised text for searching: SQLite's LIKE folds only Latin case, so we store a folded copy."""
    return " ".join(p for p in parts if p).translate(_FOLD_YO).casefold()
