"""The audit trail of a district or an organization as rows a page shows: when, who, what, and each field before
and after. Readers above the school see that a person's record changed and by whom, never the person's data."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.core.paginator import Page, Paginator

from participants.audit_trail.logged import names_people, personal_fields

ACTIONS = {LogEntry.Action.CREATE: "создание", LogEntry.Action.UPDATE: "изменение", LogEntry.Action.DELETE: "удаление",
           LogEntry.Action.ACCESS: "просмотр"}
HIDDEN = "скрыто"
NOISE = {"id", "created_at", "updated_at", "search"}  # the database's own bookkeeping, nothing a person changed
PER_PAGE = 50


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class TrailRow:
    when: object
    who: str
    what: str
    object: str
    action: str
    changes: list[FieldChange] = field(default_factory=list)


def _label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - a field since removed keeps its technical name
        return name


def _values(values, unnamed: bool) -> tuple[str, str]:
    """A field's before and after as text: a many-to-many list as its names (or their count, when they name people
    the reader may not see), a plain change as its two values."""
    if isinstance(values, dict):  # many-to-many: {"type": "m2m", "operation": …, "objects": […]}
        objects = values.get("objects", [])
        return "", (f"{HIDDEN} ({len(objects)})" if unnamed else ", ".join(map(str, objects)))
    before, after = (str(v) if v not in (None, "None") else "" for v in (list(values) + ["", ""])[:2])
    return before, after


def _changes(entry: LogEntry, model, personal: frozenset[str], unnamed: bool) -> list[FieldChange]:
    """What changed, field by field: noise left out, a new record's empty fields too, personal data hidden."""
    changes = []
    for name, values in (entry.changes_dict or {}).items():
        if name in NOISE:
            continue
        before, after = _values(values, unnamed)
        if entry.action == LogEntry.Action.CREATE and not after:
            continue  # a new record: only what was filled in
        if name in personal:
            before, after = (HIDDEN if before else ""), (HIDDEN if after else "")
        changes.append(FieldChange(_label(model, name) if model else name, before, after))
    return changes


def _row(entry: LogEntry, show_personal: bool) -> TrailRow:
    label = f"{entry.content_type.app_label}.{entry.content_type.model}"
    model = entry.content_type.model_class()  # None for a model since removed
    personal = personal_fields(label) if not show_personal else frozenset()
    unnamed = not show_personal and names_people(label)
    actor = entry.actor
    return TrailRow(
        when=entry.timestamp,
        who=(actor.get_full_name() or actor.username) if actor else "система",
        what=str(model._meta.verbose_name) if model else entry.content_type.model,
        object=f"запись № {entry.object_pk}" if unnamed else entry.object_repr,
        action=ACTIONS.get(entry.action, ""),
        changes=_changes(entry, model, personal, unnamed),
    )


def audit_trail(*, district=None, organization=None, show_personal: bool, page: int = 1) -> tuple[Page, list[TrailRow]]:
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    if organization is not None:
        entries = entries.filter(additional_data__organization=organization.pk)
    else:
        entries = entries.filter(additional_data__district=district.pk)
    current = Paginator(entries, PER_PAGE).get_page(page)
    return current, [_row(entry, show_personal) for entry in current.object_list]
