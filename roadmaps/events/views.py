"""Events: the list of a district (with attendance by school) or a school (its own and the district's it is invited
to), an event's page (invite, mark attendance or read the sign-in sheet, hold it with its protocol), create, edit,
delete."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.jobs.services import Preview
from mentoring_portal.lib.feedback import applied
from mentoring_portal.lib.schoolyear import school_year_of
from mentoring_portal.lib.uploads import download
from participants.access import CAN_EDIT_ROADMAP, VIEW, place_fields, place_kind, place_views
from participants.models import Person
from roadmaps.events.access import event_view
from roadmaps.events.forms import EventForm, HeldForm, InviteForm, SignInSheetForm
from roadmaps.events.models import Attendance, Event
from roadmaps.events.rules import PARENTS_MEETINGS_A_YEAR, upcoming
from roadmaps.events.services import (
    attendance_against_target,
    attendance_mark,
    attendance_share,
    event_delete,
    event_hold,
    event_invite,
    parents_meetings_held,
)
from roadmaps.events.sign_in import KIND as SIGN_IN_KIND
from roadmaps.events.sign_in import SignInSheet

PAGE_SIZE = 30
SHEET = Preview(SIGN_IN_KIND, SignInSheet.from_json, lambda read: read.problems)


def _with_attendance(events):
    return events.annotate(invited=Count("attendances", distinct=True),
                           came=Count("attendances", filter=Q(attendances__attended=True), distinct=True))


def _list(request, place):
    kind = place_kind(place)
    if kind == "district":
        events = Event.objects.alive().filter(district=place)
    else:  # the school's own and those it is invited to (the page is the school's: whoever reads it sees them)
        invited = list(Event.schools.through.objects.filter(organization=place).values_list("event_id", flat=True))
        events = Event.objects.alive().filter(Q(organization=place) | Q(pk__in=invited))
    today = timezone.localdate()
    coming = upcoming(events, today)
    past = Paginator(_with_attendance(events.exclude(pk__in=coming.values("pk"))).order_by("-starts_at", "-pk"),
                     PAGE_SIZE).get_page(request.GET.get("page"))
    coming = _with_attendance(coming).order_by("starts_at", "pk")
    by_school = []
    if kind == "district":
        rows = (Attendance.objects.filter(event__district=place, event__deleted_at__isnull=True,
                                          event__held_on__isnull=False, organization__isnull=False)
                .values("organization__short_name").annotate(invited=Count("pk"),
                                                             came=Count("pk", filter=Q(attended=True)))
                .order_by("organization__short_name"))
        by_school = [{**row, "share": attendance_share(row["came"], row["invited"])} for row in rows]
    parents_meetings = None
    if kind == "organization":  # 001: at least two parents' meetings about mentoring a school year
        parents_meetings = parents_meetings_held(place, date(school_year_of(today), 9, 1), today)
    return render(request, "roadmaps/events/list.html", {
        "place": place, "kind": kind, "upcoming": coming[:50], "past": past, "by_school": by_school,
        "parents_meetings": parents_meetings, "parents_meetings_needed": PARENTS_MEETINGS_A_YEAR,
        "can_edit": CAN_EDIT_ROADMAP in request.capabilities})


def _create(request, place):
    event = Event(**place_fields(place), created_by=request.user)
    form = EventForm(request.POST or None, request.FILES or None, instance=event, owner=place)
    if request.method == "POST" and form.is_valid():
        event = form.save()
        messages.success(request, f"Событие «{event.title}» добавлено: пригласите участников.")
        return redirect(event)
    return render(request, "roadmaps/events/form.html", {"place": place, "kind": place_kind(place), "form": form},
                  status=400 if request.method == "POST" else 200)


events = place_views(_list, VIEW)
event_create = place_views(_create, CAN_EDIT_ROADMAP)


def _page(request, event, *, invite=None, held=None, sheet=None, problems=(), status=200):
    attendances = list(event.attendances.select_related("organization"))
    # A reader who may not see a participant in the registry (a district role: adults only) reads his role, not his
    # name: a school's classroom hour lists its pupils, which the district sees as «обучающийся 5А».
    people = {a.person_id for a in attendances if a.person_id}
    seen = set(Person.objects.visible_to(request.user).filter(pk__in=people).values_list("pk", flat=True))
    for a in attendances:
        role = a.role or "участник"
        a.shown_name = a.name if a.person_id is None or a.person_id in seen else role[:1].upper() + role[1:]
    job, read, found = SHEET.shown(request, owner=_sheet_owner(event))
    problems, present = found or problems, set(read.present) if read else set()
    invited = len(attendances)
    came = sum(1 for a in attendances if a.attended)
    return render(request, "roadmaps/events/detail.html", {
        "event": event, "attendances": attendances, "invited": invited, "came": came,
        "share": attendance_share(came, invited), "can_edit": CAN_EDIT_ROADMAP in request.capabilities,
        "target": attendance_against_target(event, came, invited),
        "invite": invite or InviteForm(school_event=bool(event.organization_id)),
        "held": held or HeldForm(initial={"held_on": timezone.localdate(event.starts_at)}),
        "sheet": sheet or SignInSheetForm(), "problems": problems, "list_url": _list_url(event), "job": job,
        "read": [a for a in attendances if a.pk in present] if read else None}, status=status)


def _sheet_owner(event) -> str:
    return f"event:{event.pk}"


def _list_url(event) -> str:
    from django.urls import reverse

    owner = event.owner
    return reverse(f"roadmaps:{place_kind(owner)}-events", args=[owner.code])


@event_view(VIEW)
def event_detail(request, event):
    return _page(request, event)


@event_view(CAN_EDIT_ROADMAP)
def event_edit(request, event):
    form = EventForm(request.POST or None, request.FILES or None, instance=event, owner=event.owner)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Событие сохранено.")
        return redirect(event)
    return render(request, "roadmaps/events/form.html", {"place": event.owner, "kind": place_kind(event.owner),
                                                         "form": form, "event": event},
                  status=400 if request.method == "POST" else 200)


@event_view(CAN_EDIT_ROADMAP)
@require_POST
def event_invite_view(request, event):
    form = InviteForm(request.POST, school_event=bool(event.organization_id))
    if not form.is_valid():
        return _page(request, event, invite=form, status=400)
    try:
        added = event_invite(event=event, groups=set(form.cleaned_data["groups"]),
                             grades=form.cleaned_data.get("grades", ""))
    except ValidationError as error:
        form.add_error(None, error)
        return _page(request, event, invite=form, status=400)
    messages.success(request, f"Приглашено участников: {added}." if added else "Новых участников не нашлось.")
    return redirect(event)


@event_view(CAN_EDIT_ROADMAP)
@require_POST
def event_attendance(request, event):
    present = {int(pk) for pk in request.POST.getlist("present") if pk.isdigit()}
    attendance_mark(event=event, present=present & set(event.attendances.values_list("pk", flat=True)))
    messages.success(request, "Посещаемость сохранена.")
    return redirect(event)


@event_view(CAN_EDIT_ROADMAP)
@require_POST
def event_sign_in_sheet(request, event):
    """Upload → a background job reads the sheet (progress bar) → the preview → «Подтвердить» marks it once."""
    def mark(read) -> int:
        present = set(read.present) & set(event.attendances.values_list("pk", flat=True))
        attendance_mark(event=event, present=present)
        return len(present)

    return SHEET.posted(
        request, owner=_sheet_owner(event), page=event.get_absolute_url(),
        form=SignInSheetForm(request.POST, request.FILES), payload=lambda data: {"event": event.pk}, save=mark,
        saved="По листу подписей отмечено присутствовавших: {}.",
        used="Этот лист уже учтён или в нём есть ошибки: загрузите его ещё раз.",
        refused=lambda form, problems: _page(request, event, sheet=form, problems=problems, status=400))


@event_view(CAN_EDIT_ROADMAP)
@require_POST
def event_held(request, event):
    form = HeldForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, event, held=form, status=400)
    applied(request, lambda: event_hold(event=event, user=request.user, held_on=form.cleaned_data["held_on"],
                                        protocol=form.cleaned_data["protocol"]),
            done=lambda _: "Событие отмечено проведённым" + (
                f"; мероприятие дорожной карты «{event.item.name[:80]}» выполнено." if event.item_id else "."))
    return redirect(event)


@event_view(CAN_EDIT_ROADMAP)
@require_POST
def event_delete_view(request, event):
    event_delete(event=event)
    messages.success(request, f"Событие «{event.title}» удалено из списка и календаря (его история сохранена).")
    return redirect(_list_url(event))


@event_view(VIEW)
def event_file(request, event, which: str):
    field = event.protocol if which == "protocol" else event.materials
    if which not in ("protocol", "materials") or not field:
        return redirect(event)
    return download(field)


