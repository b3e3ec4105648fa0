"""Millions of rows in minutes: ids are allocated here, rows are buffered per model and written with PostgreSQL's
COPY (bulk_create elsewhere). Foreign keys are deferred until commit on both databases Django creates, so the order
of the buffers does not matter inside the one transaction the caller opens."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from datetime import date, datetime

from django.core.management.color import no_style
from django.db import connection, models

BATCH = 20_000


def _copy_text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class BulkLoader:
    def __init__(self) -> None:
        self._buffers: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self._next: dict[type[models.Model], int] = {}
        self.counts: dict[str, int] = defaultdict(int)

    def new_id(self, model: type[models.Model]) -> int:
        if model not in self._next:
            self._next[model] = (model._default_manager.aggregate(m=models.Max("pk"))["m"] or 0) + 1
        value = self._next[model]
        self._next[model] += 1
        return value

    def add(self, obj: models.Model) -> models.Model:
        model = type(obj)
        if obj.pk is None:
            obj.pk = self.new_id(model)
        buffer = self._buffers[model]
        buffer.append(obj)
        if len(buffer) >= BATCH:
            self._flush(model)
        return obj

    def finish(self) -> None:
        for model in list(self._buffers):
            self._flush(model)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(self._next)):
                    cursor.execute(sql)

    def _flush(self, model: type[models.Model]) -> None:
        rows, self._buffers[model] = self._buffers[model], []
        if not rows:
            return
        self.counts[model._meta.label] += len(rows)
        if connection.vendor != "postgresql":
            model._default_manager.bulk_create(rows, batch_size=2000)
            return
        fields = model._meta.concrete_fields
        buffer = io.StringIO()
        for obj in rows:
            buffer.write("\t".join(_copy_text(field.pre_save(obj, True)) for field in fields))
            buffer.write("\n")
        buffer.seek(0)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN",
                                      buffer)
