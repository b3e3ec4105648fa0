"""Roadmap lists of a district or an organization, creating a roadmap, importing one from a file."""

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

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
    form = RoadmapForm(request.POST or None)
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


# Import: upload → preview with every problem → confirm. The uploaded file waits in MEDIA_ROOT/imports meanwhile.
def _import_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _owner_key(owner) -> str:
    return f"{owner._meta.model_name}:{owner.pk}"


def _import(request, owner):
    pending = request.session.get(IMPORT_SESSION_KEY)
    if request.method == "POST" and "confirm" in request.POST:
        return _import_confirm(request, owner, pending)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        result = parse_file(upload.name, data, form.period)
        if result.ok:
            token = uuid.uuid4().hex
            (_import_dir() / token).write_bytes(data)
            request.session[IMPORT_SESSION_KEY] = {
                "token": token, "name": upload.name, "owner": _owner_key(owner),
                "period": [d.isoformat() for d in form.period] if form.period else None,
            }
    return render(request, "roadmaps/import.html", {"form": form, "owner": owner, "result": result})


def _import_confirm(request, owner, pending):
    from datetime import date

    if not pending or pending.get("owner") != _owner_key(owner) or pending.get("token") != request.POST.get("token"):
        messages.error(request, "Предпросмотр устарел: загрузите файл ещё раз.")
        return redirect(request.path)
    path = _import_dir() / pending["token"]
    if not path.exists():
        messages.error(request, "Предпросмотр устарел: загрузите файл ещё раз.")
        return redirect(request.path)
    period = tuple(date.fromisoformat(d) for d in pending["period"]) if pending["period"] else None
    result = parse_file(pending["name"], path.read_bytes(), period)
    try:
        created = roadmap_import(owner=owner, result=result, user=request.user, source_name=pending["name"])
    except ImportRefused as exc:
        messages.error(request, f"Импорт отменён, ничего не изменено: {exc}")
        return redirect(request.path)
    finally:
        path.unlink(missing_ok=True)
        request.session.pop(IMPORT_SESSION_KEY, None)
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
