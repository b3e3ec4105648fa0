"""Editing the table in place (htmx): items and sections are added, changed, moved, deleted and restored.

Every view works without htmx too: it then answers with the whole page or a redirect to it.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentoring_portal.lib.feedback import applied, explain
from participants.access import CAN_EDIT_ROADMAP
from roadmaps.access import get_item, roadmap_view
from roadmaps.forms import ItemForm, SectionForm, understood_deadline
from roadmaps.paste import parse_paste
from roadmaps.selectors import item_numbers, item_row, sections_with_items
from roadmaps.services import (
    BULK_ACTIONS,
    ConflictError,
    item_create,
    item_delete,
    item_move,
    item_restore,
    item_update,
    items_bulk,
    items_paste,
    section_create,
    section_delete,
    section_move,
    section_update,
)
from roadmaps.views.table import editing_of, render_table


def _after_change(request, roadmap):
    return render_table(request, roadmap) if request.htmx else redirect(roadmap)


def _refused(request, roadmap, error: ValidationError):
    explain(request, error)
    return _after_change(request, roadmap)


def _row_context(roadmap, item) -> dict:
    numbers = item_numbers(sections_with_items(roadmap))
    return {"roadmap": roadmap, "row": item_row(item, numbers.get(item.pk, ""), timezone.localdate()),
            **editing_of(roadmap, editor=True)}


@roadmap_view()
@require_GET
def item_row_view(request, roadmap, item_id: int):
    """One row as shown in the table: what «Отмена» puts back in place of the form."""
    item = get_item(roadmap, item_id)
    context = {**_row_context(roadmap, item), **editing_of(roadmap, editor=CAN_EDIT_ROADMAP in request.capabilities)}
    return render(request, "roadmaps/roadmap_detail.html#item-row", context)


@roadmap_view()
@require_GET
def deadline_understood(request, roadmap):
    """The row editor's «понято: …» under the deadline, asked again as the user types."""
    text = request.GET.get("deadline_text", "")[:500]
    understood = understood_deadline(text, roadmap) if text.strip() else ""
    return render(request, "roadmaps/deadline_understood.html", {"understood": understood})


def _item_form_response(request, roadmap, form, *, item=None, section=None, conflict=None, status=200):
    context = {"roadmap": roadmap, "form": form, "item": item, "section": section, "conflict": conflict}
    template = "roadmaps/item_form.html#item-form-row" if request.htmx else "roadmaps/item_form.html"
    return render(request, template, context, status=status)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def item_edit(request, roadmap, item_id: int):
    item = get_item(roadmap, item_id)
    form = ItemForm(request.POST if request.method == "POST" else None, instance=item, roadmap=roadmap,
                    progress_only=roadmap.plan_is_approved)
    if request.method == "POST" and form.is_valid():
        try:
            item = item_update(item=item, user=request.user, data=form.item_data(),
                               version=form.cleaned_data["version"] or 0)
        except ConflictError as conflict:
            # Keep what this user typed, show what the other person saved, and let a second save be deliberate.
            data = request.POST.copy()
            data["version"] = conflict.current.version
            # Not validated: that would copy the data onto it.
            form = ItemForm(data, instance=conflict.current, roadmap=roadmap, progress_only=roadmap.plan_is_approved)
            return _item_form_response(request, roadmap, form, item=conflict.current, conflict=conflict.current,
                                       status=409)
        except ValidationError as error:
            return _refused(request, roadmap, error)
        if request.htmx:
            return render(request, "roadmaps/roadmap_detail.html#item-row", _row_context(roadmap, item))
        messages.success(request, "Мероприятие сохранено.")
        return redirect(roadmap)
    return _item_form_response(request, roadmap, form, item=item, status=400 if request.method == "POST" else 200)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def item_create_view(request, roadmap, section_id: int):
    section = get_object_or_404(roadmap.sections, pk=section_id)
    form = ItemForm(request.POST if request.method == "POST" else None, roadmap=roadmap)
    if request.method == "POST" and form.is_valid():
        applied(request, lambda: item_create(section=section, user=request.user, data=form.item_data()),
                done="Мероприятие добавлено.")
        return _after_change(request, roadmap)
    return _item_form_response(request, roadmap, form, section=section,
                               status=400 if request.method == "POST" else 200)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def item_delete_view(request, roadmap, item_id: int):
    item = get_item(roadmap, item_id)
    applied(request, lambda: item_delete(item=item, user=request.user),
            done=f"Мероприятие «{item.name[:60]}» удалено. Его можно восстановить внизу страницы.")
    return _after_change(request, roadmap)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def item_restore_view(request, roadmap, item_id: int):
    item = get_item(roadmap, item_id, deleted=True)
    applied(request, lambda: item_restore(item=item, user=request.user),
            done=f"Мероприятие «{item.name[:60]}» восстановлено в конце своего раздела.")
    return _after_change(request, roadmap)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def item_move_view(request, roadmap, item_id: int, direction: str):
    applied(request, lambda: item_move(item=get_item(roadmap, item_id), user=request.user, direction=direction))
    return _after_change(request, roadmap)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def section_edit(request, roadmap, section_id: int | None = None):
    section = get_object_or_404(roadmap.sections, pk=section_id) if section_id else None
    form = SectionForm(request.POST if request.method == "POST" else None, instance=section)
    if request.method == "POST" and form.is_valid():
        try:
            if section:
                section_update(section=section, user=request.user, title=form.cleaned_data["title"])
            else:
                section_create(roadmap=roadmap, user=request.user, title=form.cleaned_data["title"])
        except ValidationError as error:
            return _refused(request, roadmap, error)
        messages.success(request, "Раздел сохранён.")
        return _after_change(request, roadmap)
    template = "roadmaps/section_form.html#section-form" if request.htmx else "roadmaps/section_form.html"
    return render(request, template, {"roadmap": roadmap, "form": form, "section": section},
                  status=400 if request.method == "POST" else 200)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def section_delete_view(request, roadmap, section_id: int):
    section = get_object_or_404(roadmap.sections, pk=section_id)
    applied(request, lambda: section_delete(section=section, user=request.user), done="Раздел удалён.")
    return _after_change(request, roadmap)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def section_move_view(request, roadmap, section_id: int, direction: str):
    try:
        section_move(section=get_object_or_404(roadmap.sections, pk=section_id), user=request.user,
                     direction=direction)
    except ValidationError as error:
        return _refused(request, roadmap, error)
    return _after_change(request, roadmap)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def items_bulk_view(request, roadmap):
    """The action chosen above the table, on the items ticked in it."""
    ids = [int(i) for i in request.POST.getlist("items") if i.isdigit()]
    items = list(roadmap.items.alive().filter(pk__in=ids))
    action = request.POST.get("action", "")
    value = request.POST.get(action, "") if action in ("status", "responsible") else ""
    applied(request, lambda: items_bulk(items=items, user=request.user, action=action, value=value),
            done=lambda count: f"{BULK_ACTIONS[action]}: мероприятий — {count}.")
    return _after_change(request, roadmap)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def items_paste_view(request, roadmap):
    """«Вставить строки из Excel»: what was pasted is kept on the page with every problem until it is right."""
    sections = list(roadmap.sections.order_by("position", "id"))
    text, errors, chosen = request.POST.get("rows", ""), [], request.POST.get("section", "")
    if request.method == "POST":
        section = next((s for s in sections if str(s.pk) == chosen), None)
        pasted = parse_paste(text)
        errors = pasted.errors + ([] if section else ["Выберите раздел, в который добавить мероприятия."])
        if not errors:
            try:
                created = items_paste(section=section, user=request.user, items=pasted.items)
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, f"Добавлено мероприятий: {len(created)}.")
                return redirect(roadmap)
    return render(request, "roadmaps/items_paste.html", {
        "roadmap": roadmap, "sections": sections, "text": text, "errors": errors, "chosen": chosen},
        status=400 if errors else 200)
