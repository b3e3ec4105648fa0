"""Teachers' deficits and routes: the school's list (entered one by one or from a diagnostic's Excel), each teacher's
route page, and the district's counts by school (no names)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.jobs.services import Preview
from mentoring_portal.lib.exports import XLSX_TYPE, attachment
from mentoring_portal.lib.feedback import explain
from participants.access import CAN_EDIT_PAIRS, CAN_VIEW_REPORTS, district_view, organization_view
from participants.models import Category, Organization, Person
from participants.routes import services
from participants.routes.forms import CloseForm, DeficitForm, DeficitImportForm, StepForm
from participants.routes.importing import KIND, DeficitImport, save_deficits, template_xlsx
from participants.routes.models import Deficit, RouteStep
from participants.routes.selectors import VISIT_SHARE, by_school, period_of, teachers_with_routes

PREVIEW = Preview(KIND, DeficitImport.from_json, lambda parsed: parsed.errors)


def _owner(organization) -> str:
    return f"organization:{organization.pk}"


def _teachers(request, organization):
    """The school's teachers. A teacher's deficits are the school's: its curator reads and keeps them (the pages ask
    `can_edit_pairs`); the district reads counts (`district`), never a name."""
    return Person.objects.visible_to(request.user).filter(organization=organization, category=Category.TEACHER)


def _school_page(request, organization, *, form=None, upload=None, problems=(), status=200):
    job, parsed, found = PREVIEW.shown(request, owner=_owner(organization))
    return render(request, "participants/routes/school.html", {
        "organization": organization, "teachers": teachers_with_routes(_teachers(request, organization))
        .in_russian_order(), "form": form or DeficitForm(organization=organization,
                                                         initial={"found_on": timezone.localdate()}),
        "upload": upload or DeficitImportForm(), "problems": found or problems, "job": job, "parsed": parsed},
        status=status)


@organization_view(CAN_EDIT_PAIRS)
def school(request, organization):
    return _school_page(request, organization)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def deficit_add(request, organization):
    form = DeficitForm(request.POST, organization=organization)
    back = request.POST.get("back") == "person"
    if form.is_valid():
        try:
            deficit = services.deficit_add(form.instance, user=request.user, today=timezone.localdate())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Дефицит внесён: {deficit.person.full_name}, «{deficit.description}».")
            return redirect("participants:route", organization=organization.code, person=deficit.person_id)
    if back and form.cleaned_data.get("person"):
        return _person_page(request, organization, form.cleaned_data["person"], deficit_form=form, status=400)
    return _school_page(request, organization, form=form, status=400)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def deficit_import(request, organization):
    """Upload → a background job reads the list (progress bar) → the preview → «Подтвердить» saves it once."""
    return PREVIEW.posted(
        request, owner=_owner(organization), page=reverse("participants:routes", args=[organization.code]),
        form=DeficitImportForm(request.POST, request.FILES),
        payload=lambda data: {"organization": organization.pk, "diagnostic": data["diagnostic"]},
        save=lambda parsed: save_deficits(parsed, organization=organization, user=request.user),
        saved="Дефицитов загружено: {}.",
        refused=lambda upload, problems: _school_page(request, organization, upload=upload, problems=problems,
                                                      status=400))


@organization_view(CAN_EDIT_PAIRS)
def template(request, organization):
    response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = attachment("Шаблон дефицитов (РИКУ, ИКУ).xlsx")
    return response


def _person_page(request, organization, person, *, deficit_form=None, step_form=None, closing=None, status=200):
    """The teacher's route: deficits (each open one with its closing form; `closing` the one sent back with its
    problems), the steps, and the forms to add to them — a form sent back keeps what was typed (status 400)."""
    deficits = list(person.deficits.prefetch_related("steps"))
    for deficit in deficits:
        deficit.close_form = (closing if closing is not None and closing.prefix == f"d{deficit.pk}" else
                              CloseForm(prefix=f"d{deficit.pk}", initial={"closed_on": timezone.localdate()}))
    steps = list(person.route_steps.select_related("deficit"))
    return render(request, "participants/routes/person.html", {
        "organization": organization, "person": person, "deficits": deficits, "steps": steps,
        "done": sum(1 for s in steps if s.done_on), "today": timezone.localdate(),
        "deficit_form": deficit_form or DeficitForm(organization=organization, person=person,
                                                    initial={"found_on": timezone.localdate()}),
        "step_form": step_form or StepForm(person=person)}, status=status)


def _person(request, organization, pk: int) -> Person:
    return get_object_or_404(_teachers(request, organization), pk=pk)


@organization_view(CAN_EDIT_PAIRS)
def person(request, organization, person: int):
    return _person_page(request, organization, _person(request, organization, person))


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def step_add(request, organization, person: int):
    teacher = _person(request, organization, person)
    form = StepForm(request.POST, person=teacher, instance=RouteStep(person=teacher))
    if form.is_valid():
        try:
            step = services.step_add(form.instance, today=timezone.localdate())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Шаг маршрута добавлен: «{step.title}».")
            return redirect("participants:route", organization=organization.code, person=teacher.pk)
    return _person_page(request, organization, teacher, step_form=form, status=400)


def _deficit(request, organization, pk: int) -> Deficit:
    return get_object_or_404(Deficit.objects.filter(person__in=_teachers(request, organization)), pk=pk)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def deficit_close(request, organization, pk: int):
    deficit = _deficit(request, organization, pk)
    form = CloseForm(request.POST, prefix=f"d{deficit.pk}")
    if form.is_valid():
        try:
            services.deficit_close(deficit, closed_on=form.cleaned_data["closed_on"],
                                   closed_how=form.cleaned_data["closed_how"], today=timezone.localdate())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Дефицит ликвидирован: «{deficit.description}».")
            return redirect("participants:route", organization=organization.code, person=deficit.person_id)
    return _person_page(request, organization, deficit.person, closing=form, status=400)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def deficit_reopen(request, organization, pk: int):
    deficit = services.deficit_reopen(_deficit(request, organization, pk))
    messages.success(request, f"Дефицит возвращён в работу: «{deficit.description}».")
    return redirect("participants:route", organization=organization.code, person=deficit.person_id)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def step_mark(request, organization, pk: int):
    step = get_object_or_404(RouteStep.objects.filter(person__in=_teachers(request, organization))
                             .select_related("deficit"), pk=pk)
    try:
        services.step_mark(step, done=request.POST.get("done") == "1", today=timezone.localdate())
    except ValidationError as exc:
        explain(request, exc)
    return redirect("participants:route", organization=organization.code, person=step.person_id)


@district_view(CAN_VIEW_REPORTS)
def district(request, district):
    today = timezone.localdate()
    schools = list(Organization.objects.visible_to(request.user).filter(district=district).in_russian_order())
    rows = by_school(schools, today)
    having, closed = sum(r.having for r in rows), sum(r.closed for r in rows)
    return render(request, "participants/routes/district.html", {
        "district": district, "rows": rows, "having": having, "closed": closed,
        "share": round(100 * closed / having) if having else None, "period": period_of(today),
        "visit_share": VISIT_SHARE})
