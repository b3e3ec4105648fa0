"""Two requests that create under the same place at once: the first holds the place's row until its transaction
ends, the second waits and then re-checks what the first made (a lock and a re-check). On SQLite every writing
transaction is IMMEDIATE (settings), so writers are one at a time there anyway."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.db.models import Model


def hold(*objects) -> None:
    """Locks the rows of these model instances until the surrounding transaction ends (in primary-key order, so two
    holders of overlapping sets can't deadlock)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("hold() needs a transaction: call it inside transaction.atomic")
    by_model: dict[type[Model], set] = defaultdict(set)
    for obj in objects:
        by_model[type(obj)].add(obj.pk)
    for model, pks in sorted(by_model.items(), key=lambda item: item[0]._meta.label):
        list(model._default_manager.select_for_update().filter(pk__in=pks).order_by("pk").values_list("pk", flat=True))
