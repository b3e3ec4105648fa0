"""Roadmap lists of a district or an organization, creating a roadmap, importing one from a file."""


from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from mentoring_portal.jobs.models import JobStatus
from mentoring_portal.jobs.services import job_consume, job_for, page_job, upload_job_start
from participants.access import CAN_EDIT_ROADMAP, district_view, organization_view
from participants.models import Organization
from roadmaps.forms import ImportForm, RoadmapForm
from roadmaps.importing.jobs import KIND
from roadmaps.importing.parse import apply_choices
from roadmaps.importing.services import ImportRefused, roadmap_import, understood_deadlines
from roadmaps.importing.stored import result_from_json
from roadmaps.models import Roadmap, RoadmapStatus
from roadmaps.services import roadmap_create


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


# Import: upload → a background job reads the file (progress bar) → preview with every problem → confirm.
def _owner_key(owner) -> str:
    return f"{owner._meta.model_name}:{owner.pk}"


def _import(request, owner):
    if request.method == "POST" and "confirm" in request.POST:
        return _import_confirm(request, owner)
    job = page_job(request, kind=KIND, owner=_owner_key(owner))
    form = ImportForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        period = [d.isoformat() for d in form.period] if form.period else None
        job = upload_job_start(kind=KIND, user=request.user, owner=_owner_key(owner), upload=form.cleaned_data["file"],
                               payload={"period": period})
        return redirect(f"{request.path}?job={job.pk}")
    result = result_from_json(job.result) if job and job.status == JobStatus.DONE else None
    if result:
        understood_deadlines(result)
    return render(request, "roadmaps/import.html", {"form": form, "owner": owner, "job": job, "result": result})


def _import_confirm(request, owner):
    job = job_for(request, request.POST.get("job"), kind=KIND, owner=_owner_key(owner))
    try:
        with transaction.atomic():  # a refused import leaves the preview usable
            confirmed = job_consume(job)
            if confirmed is None:
                messages.error(request, "Этот файл уже импортирован: загрузите файл ещё раз, если нужно.")
                return redirect(request.path)
            # The preview's doubtful rows the user marked as sections («это раздел»); the others stay items.
            result = apply_choices(result_from_json(confirmed.result), set(request.POST.getlist("as_section")))
            created = roadmap_import(owner=owner, result=result, user=request.user, source_name=job.payload["name"])
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
