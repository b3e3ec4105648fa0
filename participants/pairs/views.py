"""Pairs and groups: the school's list, creation with the rules, the pair's card with meetings and plan tasks,
matching suggestions, the order draft; a mentor's own pairs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mentoring_portal.lib import versions
from mentoring_portal.lib.exports import DOCX_TYPE, PDF_TYPE, attachment
from mentoring_portal.lib.feedback import applied, explain
from mentoring_portal.lib.paging import page_of
from participants.access import CAN_EDIT_PAIRS, CAN_RECORD_MEETINGS, organization_view
from participants.caches import school as school_cache
from participants.documents.order_drafts import pairs_order
from participants.models import MenteeRequest, Pair, PairStatus, Person
from participants.pairs.forms import FinishForm, MeetingForm, PairForm, TaskForm
from participants.pairs.selectors import match_rows, pair_rows, plan_completion, with_plan
from participants.pairs.services import (
    meeting_save,
    pair_activate,
    pair_create,
    pair_finish,
    pair_update,
    task_add,
    task_toggle,
)
from participants.services.audit import export_logged


def get_pair(request, organization, pk: int) -> tuple[Pair, bool]:
    """The pair if the user may see it (its school's curators, its mentor), and whether they manage it."""
    pair = get_object_or_404(
        Pair.objects.visible_to(request.user).filter(organization=organization).select_related("mentor", "form"), pk=pk
    )
    return pair, CAN_EDIT_PAIRS in request.capabilities


@organization_view(CAN_EDIT_PAIRS)
def pair_list(request, organization):
    status = request.GET.get("status", "")
    status = status if status in PairStatus.values else ""

    def rows() -> dict:  # only when the rendered rows are not kept (participants/caches/school.py)
        pairs = Pair.objects.visible_to(request.user).filter(organization=organization).order_by("-start_date", "-pk")
        page = page_of(request, with_plan(pairs.filter(status=status) if status else pairs))
        return {"page": page, "rows": pair_rows(list(page.object_list))}

    return render(request, "participants/pair_list.html", {
        "organization": organization, "status": status, "statuses": PairStatus.choices,
        "rows_key": school_cache.list_key(organization, request.user, timezone.localdate(), "pairs", request.GET),
        **versions.lazy(rows, ("page", "rows"))})


PICKER_RESULTS = 30


@organization_view(CAN_EDIT_PAIRS)
@require_GET
def people_search(request, organization):
    """The pair form's pickers ask here as the user types: the school's people and its partners' (the form's own
    scope), each word of what was typed in the name, class or position, at most PICKER_RESULTS."""
    typed = request.GET.get("q", "")[:100]
    if not typed.strip():
        return JsonResponse({"results": []})
    today = timezone.localdate()
    people = Person.objects.pickable_in(organization).matching(typed).in_russian_order()[:PICKER_RESULTS]
    return JsonResponse({"results": [{"value": p.pk, "text": p.described(today)} for p in people]})


@organization_view(CAN_EDIT_PAIRS)
@require_http_methods(["GET", "POST"])
def pair_edit(request, organization, pk: int | None = None):
    pair = get_pair(request, organization, pk)[0] if pk else None
    initial = {}
    if not pair:  # from a matching suggestion: ?mentor=<id>&mentee=<id>
        initial = {"mentor": request.GET.get("mentor"), "mentees": request.GET.getlist("mentee"),
                   "start_date": timezone.localdate()}
    form = PairForm(request.POST if request.method == "POST" else None, instance=pair, initial=initial, organization=organization)
    if request.method == "POST" and form.is_valid():
        data = form.pair_data()
        try:
            if pair:
                pair = pair_update(pair=pair, today=timezone.localdate(), **data)
            else:
                pair = pair_create(organization=organization, today=timezone.localdate(), **data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "Пара сохранена." if pk else "Пара создана: план встреч составлен, "
                                                                    "запустите её, когда будут согласия.")
            return redirect(pair)
    return render(request, "participants/pair_form.html", {"organization": organization, "form": form, "pair": pair},
                  status=400 if request.method == "POST" else 200)


@organization_view()
def pair_detail(request, organization, pk: int):
    pair, manages = get_pair(request, organization, pk)
    return _pair_page(request, organization, pair, manages)


def _pair_page(request, organization, pair, manages, *, meeting_form=None, task_form=None, finish_form=None):
    """The pair's page; a form of it sent back with its problems is shown bound — what was typed stays (400)."""
    sent_back = any(form is not None for form in (meeting_form, task_form, finish_form))
    return render(request, "participants/pair_detail.html", {
        "organization": organization, "pair": pair, "manages": manages,
        "completion": plan_completion(pair), "meetings": pair.meetings.all(), "tasks": pair.tasks.all(),
        "mentees": pair.mentees.all(), "meeting_form": meeting_form or MeetingForm(), "task_form": task_form or TaskForm(),
        "finish_form": finish_form or FinishForm(), "today": timezone.localdate(),
    }, status=400 if sent_back else 200)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def pair_activate_view(request, organization, pk: int):
    pair, _ = get_pair(request, organization, pk)
    applied(request, lambda: pair_activate(pair=pair, today=timezone.localdate()), done="Пара запущена.")
    return redirect(pair)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def pair_finish_view(request, organization, pk: int):
    pair, manages = get_pair(request, organization, pk)
    form = FinishForm(request.POST)
    if form.is_valid():
        if applied(request, lambda: pair_finish(pair=pair, **form.cleaned_data),
                   done=lambda _: f"Итог записан: {pair.get_status_display().lower()}.", form=form):
            return redirect(pair)
    return _pair_page(request, organization, pair, manages, finish_form=form)


# The mentor records meetings and ticks tasks; so does the curator. -------------------------------------------------
@organization_view(CAN_RECORD_MEETINGS)
@require_POST
def meeting_record(request, organization, pk: int, meeting_id: int | None = None):
    """A new meeting sent back with its problems is shown in its form as typed; a row of the meetings' table (one
    of many small forms) says its problems above the table."""
    pair, manages = get_pair(request, organization, pk)
    meeting = get_object_or_404(pair.meetings, pk=meeting_id) if meeting_id else None
    form = MeetingForm(request.POST, instance=meeting)
    if form.is_valid():
        if applied(request, lambda: meeting_save(pair=pair, meeting=meeting, **form.cleaned_data),
                   done="Встреча записана.", form=form):
            return redirect(pair)
    if meeting is None:
        return _pair_page(request, organization, pair, manages, meeting_form=form)
    explain(request, ValidationError([e for errors in form.errors.values() for e in errors]))
    return redirect(pair)


@organization_view(CAN_RECORD_MEETINGS)
@require_POST
def task_create(request, organization, pk: int):
    pair, manages = get_pair(request, organization, pk)
    form = TaskForm(request.POST)
    if not form.is_valid():
        return _pair_page(request, organization, pair, manages, task_form=form)
    task_add(pair=pair, **form.cleaned_data)
    messages.success(request, "Задача добавлена в план.")
    return redirect(pair)


@organization_view(CAN_RECORD_MEETINGS)
@require_POST
def task_toggle_view(request, organization, pk: int, task_id: int):
    pair, _ = get_pair(request, organization, pk)
    task = task_toggle(task=get_object_or_404(pair.tasks, pk=task_id))
    messages.success(request, f"Задача «{task.title}» {'выполнена' if task.done else 'снова в работе'}.")
    return redirect(pair)


# Matching and the order ---------------------------------------------------------------------------------------------
@organization_view(CAN_EDIT_PAIRS)
def matching(request, organization):
    return render(request, "participants/matching.html", {
        "organization": organization, "rows": match_rows(organization, request.user, timezone.localdate()),
    })


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def request_close(request, organization, request_id: int):
    found = get_object_or_404(MenteeRequest.objects.filter(person__organization=organization), pk=request_id)
    found.is_open = False
    found.save(update_fields=["is_open"])
    messages.success(request, f"Запрос {found.person.full_name} снят с подбора.")
    return redirect("participants:matching", organization=organization.code)


@organization_view(CAN_EDIT_PAIRS)
def pair_order_pdf(request, organization):
    """«Приказ о закреплении наставнических пар/групп» for the chosen pairs: PDF to sign, or Word (?format=docx) to
    edit first."""
    from django.http import HttpResponse


    ids = [int(i) for i in request.GET.getlist("pair") if i.isdigit()]
    pairs = Pair.objects.visible_to(request.user).filter(organization=organization, pk__in=ids)
    rows = pair_rows(pairs.order_by("mentor__last_name"))
    if not rows:
        messages.error(request, "Отметьте пары, которые войдут в приказ.")
        return redirect("participants:pairs", organization=organization.code)
    word = request.GET.get("format") == "docx"
    today = timezone.localdate()
    order = pairs_order(organization, rows)
    content = order.docx(today) if word else order.pdf(today)
    export_logged(user=request.user, organization=organization,
                  what=f"Приказ о закреплении пар ({'DOCX' if word else 'PDF'})", rows=len(rows))
    response = HttpResponse(content, content_type=DOCX_TYPE if word else PDF_TYPE)
    response["Content-Disposition"] = attachment(
        f"Приказ о закреплении наставнических пар {organization.short_name}.{'docx' if word else 'pdf'}")
    return response


@login_required
def my_pairs(request):
    """A mentor's own pairs, wherever they mentor."""
    pairs = Pair.objects.visible_to(request.user).filter(mentor__user=request.user)
    return render(request, "participants/my_pairs.html", {"rows": pair_rows(pairs)})

