"""Roadmap lists of a district or an organization, creating a roadmap, importing one from a file."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from mentoring_portal.lib.uploads import stash, take
from participants.access import CAN_EDIT_ROADMAP, district_view, organization_view
from participants.models import Organization
from roadmaps.forms import ImportForm, RoadmapForm
from roadmaps.importers.service import ImportRefused, parse_file, roadmap_import
from roadmaps.models import Roadmap, RoadmapStatus
from roadmaps.services import roadmap_create

IMPORT_SESSION_KEY = "roadmap_import"


@district_view()
def district_roadmaps(request, district):
    schools = Organization.objects.visible_to(request.user).filter(district=district)
    school_roadmaps = (
        Roadmap.objects.visible_to(request.user).filter(organization__in=schools).select_related("organization")
        .order_by("organization__short_name", "-period_start")
    )
    return render(request, "roadmaps/owner_roadmaps.html", {
        "owner": district, "district": district, "roadmaps": district.roadmaps.all(),
        "school_roadmaps": school_roadmaps,
        "waiting": [r for r in school_roadmaps if r.status == RoadmapStatus.SUBMITTED],
    })


@organization_view()
def organization_roadmaps(request, organization):
    return render(request, "roadmaps/owner_roadmaps.html", {
        "owner": organization, "organization": organization, "roadmaps": organization.roadmaps.all(),
    })


def _create(request, owner):
    form = RoadmapForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        roadmap = roadmap_create(owner=owner, user=request.user, **form.cleaned_data)
        messages.success(request, "Дорожная карта создана. Добавьте разделы и мероприятия.")
        return redirect(roadmap)
    return render(request, "roadmaps/roadmap_form.html", {"form": form, "owner": owner})


@district_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def district_roadmap_create(request, district):
    return _create(request, district)


@organization_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def organization_roadmap_create(request, organization):
    return _create(request, organization)


# Import: upload → preview with every problem → confirm (the file waits in mentoring_portal/lib/uploads.py).
def _owner_key(owner) -> str:
    return f"{owner._meta.model_name}:{owner.pk}"


def _import(request, owner):
    if request.method == "POST" and "confirm" in request.POST:
        return _import_confirm(request, owner)
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    result = token = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()  # the form refused anything over MAX_UPLOAD_MB before reading
        result = parse_file(upload.name, data, form.period)
        if result.ok:
            period = [d.isoformat() for d in form.period] if form.period else None
            token = stash(request, IMPORT_SESSION_KEY, name=upload.name, data=data, owner=_owner_key(owner),
                          extra={"period": period})
    return render(request, "roadmaps/import.html", {"form": form, "owner": owner, "result": result, "token": token})


def _import_confirm(request, owner):
    pending = take(request, IMPORT_SESSION_KEY, owner=_owner_key(owner), token=request.POST.get("token"))
    if pending is None:
        messages.error(request, "Предпросмотр устарел: загрузите файл ещё раз.")
        return redirect(request.path)
    period = pending.extra.get("period")
    result = parse_file(pending.name, pending.data, tuple(date.fromisoformat(d) for d in period) if period else None)
    try:
        created = roadmap_import(owner=owner, result=result, user=request.user, source_name=pending.name)
    except ImportRefused as exc:
        messages.error(request, f"Импорт отменён, ничего не изменено: {exc}")
        return redirect(request.path)
    items = sum(r.items.count() for r in created)
    messages.success(request, f"Импортировано дорожных карт: {len(created)}, мероприятий: {items}.")
    return redirect(created[0])


@district_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def district_roadmap_import(request, district):
    return _import(request, district)


@organization_view(CAN_EDIT_ROADMAP)
@require_http_methods(["GET", "POST"])
def organization_roadmap_import(request, organization):
    return _import(request, organization)
