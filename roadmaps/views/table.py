"""The roadmap page (the table as in the documents, with filters), its timeline, its properties, one item's page."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods, require_POST

from mentoring_portal.lib.uploads import download
from participants.access import CAN_EDIT_ROADMAP
from roadmaps import page_cache
from roadmaps.access import get_item, roadmap_view
from roadmaps.forms import CommentForm, DeadlineCorrectionForm, EvidenceForm, RoadmapForm, SectionForm
from roadmaps.models import Evidence, ItemStatus, Roadmap
from roadmaps.selectors import (
    TableFilters,
    changes_since_approval,
    deleted_items,
    item_history,
    item_numbers,
    item_row,
    roadmap_table,
    roadmap_timeline,
    sections_with_items,
)
from roadmaps.services import BULK_ACTIONS, comment_add, evidence_add, roadmap_update


def filters_from(request) -> TableFilters:
    section = request.GET.get("section", "")
    return TableFilters(
        responsible=request.GET.get("responsible", ""),
        status=request.GET.get("status", "") if request.GET.get("status") in ItemStatus.values else "",
        section=int(section) if section.isdigit() else None,
        due=request.GET.get("due", "") if request.GET.get("due") in ("overdue", "month") else "",
        q=request.GET.get("q", "").strip(),
    )


def table_context(request, roadmap) -> dict:
    filters, today = filters_from(request), timezone.localdate()
    stamp = page_cache.table_stamp(roadmap, today, filters)
    return {
        "roadmap": roadmap,
        # The rows and their rendered fragment are cached until the roadmap changes (roadmaps/page_cache.py).
        # Lazy: when both cached fragments of the page are used, the rows are not even read from the cache.
        "table": SimpleLazyObject(lambda: page_cache.cached_table(
            roadmap, stamp, lambda: roadmap_table(roadmap, today=today, filters=filters))),
        "table_key": stamp,
        "filters": filters,
        "deleted": deleted_items(roadmap),
        "statuses": ItemStatus.choices,
        **editing_of(roadmap, editor=CAN_EDIT_ROADMAP in request.capabilities),
        "since_approval": SimpleLazyObject(lambda: changes_since_approval(roadmap)),
        "bulk_actions": BULK_ACTIONS,
    }


def editing_of(roadmap, *, editor: bool) -> dict:
    """What an editor of the roadmap may do in the table: change the plan (can_edit), or only mark the progress of
    an approved school plan (can_mark)."""
    return {"can_edit": editor and not roadmap.is_locked and not roadmap.plan_is_approved,
            "can_mark": editor and roadmap.plan_is_approved}


def render_table(request, roadmap):
    """The table alone for htmx (after a change or a filter), the whole page otherwise."""
    context = table_context(request, roadmap)
    if request.htmx:
        return render(request, "roadmaps/roadmap_detail.html#roadmap-table", context)
    return render(request, "roadmaps/roadmap_detail.html", {**context, "section_form": SectionForm()})


@roadmap_view()
def roadmap_detail(request, roadmap):
    return render_table(request, roadmap)


@roadmap_view()
def roadmap_timeline_view(request, roadmap):
    timeline = roadmap_timeline(roadmap, today=timezone.localdate(), filters=filters_from(request))
    return render(request, "roadmaps/roadmap_timeline.html", {"roadmap": roadmap, "timeline": timeline})


@roadmap_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def roadmap_edit(request, roadmap):
    form = RoadmapForm(request.POST if request.method == "POST" else None, instance=Roadmap.objects.get(pk=roadmap.pk))
    if request.method == "POST" and form.is_valid():
        roadmap_update(roadmap=roadmap, user=request.user, data=form.cleaned_data)
        messages.success(request, "Сведения о дорожной карте сохранены.")
        return redirect(roadmap)
    return render(request, "roadmaps/roadmap_form.html", {"form": form, "roadmap": roadmap, "owner": roadmap.owner})


def item_page(request, roadmap, item, *, status: int = 200, **forms):
    """An item's page: its fields, occurrences, correction of the deadline, evidence, comments and history."""
    numbers = item_numbers(sections_with_items(roadmap))
    today = timezone.localdate()
    manual = item.deadline_manual and "\n".join(
        f"{a:%d.%m.%Y} – {b:%d.%m.%Y}" if a != b else f"{a:%d.%m.%Y}" for a, b in item.deadline.windows
    )
    context = {
        "roadmap": roadmap,
        "item": item,
        "row": item_row(item, numbers.get(item.pk, ""), today),
        "occurrences": [(o, o.is_overdue(today)) for o in item.occurrences.select_related("done_by")],
        "today": today,
        "history": item_history(item),
        "comments": item.comments.select_related("author"),
        "evidence": item.evidence.all(),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "correction_form": forms.get("correction_form") or DeadlineCorrectionForm(initial={"windows": manual or ""}),
        "can_edit": CAN_EDIT_ROADMAP in request.capabilities,
    }
    return render(request, "roadmaps/item_detail.html", context, status=status)


@roadmap_view()
def item_detail(request, roadmap, item_id: int):
    return item_page(request, roadmap, get_item(roadmap, item_id))


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def item_comment(request, roadmap, item_id: int):
    item = get_item(roadmap, item_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return item_page(request, roadmap, item, status=400, comment_form=form)
    comment_add(item=item, user=request.user, text=form.cleaned_data["text"])
    messages.success(request, "Комментарий добавлен.")
    return redirect("roadmaps:item", pk=roadmap.pk, item_id=item.pk)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def item_evidence(request, roadmap, item_id: int):
    item = get_item(roadmap, item_id)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return item_page(request, roadmap, item, status=400, evidence_form=form)
    evidence_add(item=item, user=request.user, **form.cleaned_data)
    messages.success(request, "Подтверждение выполнения добавлено.")
    return redirect("roadmaps:item", pk=roadmap.pk, item_id=item.pk)


@roadmap_view()
def evidence_file(request, roadmap, evidence_id: int):
    evidence = get_object_or_404(Evidence.objects.exclude(file=""), pk=evidence_id, item__roadmap=roadmap,
                                 item__deleted_at__isnull=True)
    return download(evidence.file)
