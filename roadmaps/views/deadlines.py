"""Deadlines of an item (occurrences, the curator's correction), and each user's calendar feed."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.lib.paging import page_of
from participants.access import CAN_EDIT_ROADMAP
from roadmaps import page_cache
from roadmaps.access import get_item, roadmap_view
from roadmaps.agenda import my_occurrences, only_mentor
from roadmaps.calendar import calendar_feed
from roadmaps.events.access import visible_events
from roadmaps.forms import DeadlineCorrectionForm, OccurrenceDoneForm
from roadmaps.models import CalendarToken, Item
from roadmaps.occurrences import item_correct_deadline, occurrence_mark_done, occurrence_reopen
from roadmaps.views.table import item_page

EVENTS_PAST_DAYS = 30  # events stay in the feed a month after they took place


@login_required
def deadline_list(request):
    """The whole list behind the landing page's «Сроки»: overdue or coming items, the user's own first."""
    due = "upcoming" if request.GET.get("due") == "upcoming" else "overdue"
    today = timezone.localdate()
    mine = bool(only_mentor(request.user) or request.GET.get("mine"))

    # the ordered list of the region's items: read once until one of its roadmaps changes (#24)
    page = page_of(request, page_cache.cached_deadline_rows(request.user, today, due=due, mine=mine))
    items = Item.objects.select_related("roadmap__district", "roadmap__organization").in_bulk(
        [pk for pk, _, _ in page.object_list])
    page.object_list = [_listed(items[pk], first_due, is_mine) for pk, first_due, is_mine in page.object_list
                        if pk in items]
    return render(request, "roadmaps/deadline_list.html", {"page": page, "due": due, "today": today,
                                                           "mine": bool(request.GET.get("mine"))})


def _listed(item, first_due, is_mine):
    item.first_due, item.is_mine = first_due, is_mine
    return item


def _back(roadmap, item):
    return redirect("roadmaps:item", pk=roadmap.pk, item_id=item.pk)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def occurrence_done(request, roadmap, item_id: int, occurrence_id: int):
    item = get_item(roadmap, item_id)
    occurrence = get_object_or_404(item.occurrences, pk=occurrence_id)
    form = OccurrenceDoneForm(request.POST)
    if form.is_valid():
        occurrence_mark_done(occurrence=occurrence, user=request.user, **form.cleaned_data)
        messages.success(request, f"Срок {occurrence.due:%d.%m.%Y} отмечен выполненным.")
    else:
        messages.error(request, "Укажите дату выполнения.")
    return _back(roadmap, item)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def occurrence_undo(request, roadmap, item_id: int, occurrence_id: int):
    item = get_item(roadmap, item_id)
    occurrence_reopen(occurrence=get_object_or_404(item.occurrences, pk=occurrence_id), user=request.user)
    messages.success(request, "Отметка о выполнении снята.")
    return _back(roadmap, item)


@roadmap_view(CAN_EDIT_ROADMAP)
@require_POST
def deadline_correct(request, roadmap, item_id: int):
    item = get_item(roadmap, item_id)
    form = DeadlineCorrectionForm(request.POST)
    if not form.is_valid():
        return item_page(request, roadmap, item, status=400, correction_form=form)
    item_correct_deadline(item=item, user=request.user, windows=form.cleaned_data["windows"] or None)
    messages.success(request, "Срок исправлен." if form.cleaned_data["windows"] else "Срок снова понимается по тексту.")
    return _back(roadmap, item)


@login_required
def calendar_page(request):
    token, _ = CalendarToken.objects.get_or_create(user=request.user)
    if request.method == "POST":
        token.reset()
        messages.success(request, "Создан новый адрес календаря; старый больше не работает.")
        return redirect("roadmaps:calendar")
    feed_url = request.build_absolute_uri(reverse("roadmaps:calendar-feed", args=[token.token]))
    return render(request, "roadmaps/calendar.html", {"feed_url": feed_url})


def calendar_ics(request, token: str):
    """The private feed: no sign-in (calendar programs can't), the secret in the URL is the key."""
    found = CalendarToken.objects.filter(token=token).select_related("user").first()
    if found is None or not found.user.is_active:
        raise Http404
    found.user._portal_access = None  # the feed is read without a session: compute access afresh
    since = timezone.now() - timedelta(days=EVENTS_PAST_DAYS)
    events = visible_events(found.user).filter(starts_at__gte=since).select_related("district", "organization")
    body = calendar_feed(found.user, my_occurrences(found.user), request.build_absolute_uri("/"), events)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="sroki.ics"'
    return response
