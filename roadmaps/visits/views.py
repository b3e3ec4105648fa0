"""The methodical visit: the school's requests and its form; the district's list of its schools' requests, each
answered with an event or declined, and the schools its deficits' figures advise a visit to."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from participants.access import CAN_EDIT_ROADMAP, CAN_VIEW_REPORTS, VIEW, district_view, organization_view
from participants.models import Competence, Deficit, Organization
from participants.routes.selectors import by_school
from roadmaps.visits import services
from roadmaps.visits.forms import AcceptForm, DeclineForm, VisitRequestForm
from roadmaps.visits.models import VisitRequest, VisitState
from roadmaps.visits.rules import VISIT


def _suggested_topic(organization) -> str:
    """The school's open deficits at the unacceptable level, by competence: the request's topic to start from."""
    today = timezone.localdate()
    rows = (Deficit.objects.open_on(today).filter(person__organization=organization, unacceptable=True,
                                                  person__anonymised_on__isnull=True)
            .values("competence").annotate(n=Count("person_id", distinct=True)).order_by("-n", "competence"))
    parts = [f"{Competence(r['competence']).label.lower()} компетенции — {r['n']} пед." for r in rows]
    return ("Недопустимый уровень ИКУ/РИКУ: " + ", ".join(parts))[:400] if parts else ""


def _school_page(request, organization, *, form=None, status=200):
    today = timezone.localdate()
    if form is None:
        form = VisitRequestForm(initial={"topic": _suggested_topic(organization), "wished_from": today,
                                         "wished_until": today + timedelta(days=30)})
    return render(request, "roadmaps/visits/school.html", {
        "organization": organization, "requests": organization.visit_requests.select_related("event"),
        "form": form, "can_edit": CAN_EDIT_ROADMAP in request.capabilities,
        "may_submit": VISIT.allows("submit", organization=organization, wished_from=today, wished_until=today,
                                   today=today)}, status=status)


@organization_view(VIEW)
def school(request, organization):
    return _school_page(request, organization)


@organization_view(CAN_EDIT_ROADMAP)
@require_POST
def submit(request, organization):
    form = VisitRequestForm(request.POST, instance=VisitRequest(organization=organization))
    if form.is_valid():
        try:
            services.visit_submit(form.instance, user=request.user, today=timezone.localdate())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Заявка на методический десант отправлена в муниципалитет.")
            return redirect("roadmaps:visits", organization=organization.code)
    return _school_page(request, organization, form=form, status=400)


@organization_view(CAN_EDIT_ROADMAP)
@require_POST
def withdraw(request, organization, pk: int):
    visit = get_object_or_404(organization.visit_requests, pk=pk)
    try:
        services.visit_withdraw(visit, today=timezone.localdate())
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Заявка отозвана.")
    return redirect("roadmaps:visits", organization=organization.code)


def _district_requests(district):
    return (VisitRequest.objects.filter(organization__district=district)
            .select_related("organization", "event").order_by("-requested_at", "-pk"))


def _district_page(request, district, *, answering=None, status=200):
    """Every request of the district's schools; a submitted one carries its two answers (`answering`: the one sent
    back with its problems, as typed)."""
    today = timezone.localdate()
    visits = list(_district_requests(district))
    for visit in visits:
        prefix = f"r{visit.pk}"
        visit.accept_form = AcceptForm(prefix=prefix, initial={
            "title": f"Методический десант: {visit.organization.short_name}",
            "starts_at": services.default_start(max(visit.wished_from, today))})
        visit.decline_form = DeclineForm(prefix=prefix)
        if answering is not None and answering.prefix == prefix:
            setattr(visit, "accept_form" if isinstance(answering, AcceptForm) else "decline_form", answering)
    schools = list(Organization.objects.visible_to(request.user).filter(district=district).in_russian_order())
    asked = {v.organization_id for v in visits if v.state in (VisitState.SUBMITTED, VisitState.ACCEPTED)}
    advised = [row for row in by_school(schools, today) if row.visit_advised and row.organization.pk not in asked]
    return render(request, "roadmaps/visits/district.html", {
        "district": district, "visits": visits, "advised": advised,
        "can_edit": CAN_EDIT_ROADMAP in request.capabilities}, status=status)


@district_view(CAN_VIEW_REPORTS)
def district(request, district):
    return _district_page(request, district)


@district_view(CAN_EDIT_ROADMAP)
@require_POST
def accept(request, district, pk: int):
    visit = get_object_or_404(_district_requests(district), pk=pk)
    form = AcceptForm(request.POST, prefix=f"r{visit.pk}")
    if form.is_valid():
        try:
            event = services.visit_accept(visit, user=request.user, today=timezone.localdate(), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Десант назначен: «{event.title}». Пригласите педагогов школы.")
            return redirect(event)
    return _district_page(request, district, answering=form, status=400)


@district_view(CAN_EDIT_ROADMAP)
@require_POST
def decline(request, district, pk: int):
    visit = get_object_or_404(_district_requests(district), pk=pk)
    form = DeclineForm(request.POST, prefix=f"r{visit.pk}")
    if form.is_valid():
        try:
            services.visit_decline(visit, reason=form.cleaned_data["reason"], today=timezone.localdate())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Заявка {visit.organization.short_name} отклонена.")
            return redirect("roadmaps:district-visits", district=district.code)
    return _district_page(request, district, answering=form, status=400)
