"""The open form (`/join/<token>/`, no sign-in) and the curator's page of forms and candidates
(`/o/<code>/recruitment/`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from participants.access import CAN_EDIT_PAIRS, organization_view
from participants.accounts.sign_in import client_address
from participants.recruitment import services
from participants.recruitment.forms import CandidateForm, RecruitmentFormForm
from participants.recruitment.models import Candidate, RecruitmentForm


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    form_record = get_object_or_404(RecruitmentForm.objects.select_related("organization"), token=token)
    if not form_record.is_open:
        return render(request, "participants/recruitment/closed.html", {"record": form_record}, status=410)
    form = CandidateForm(request.POST if request.method == "POST" else None, audience=form_record.audience)
    if request.method == "POST" and form.is_valid():
        try:
            services.candidate_submit(form=form_record, data=form.cleaned_data, address=client_address(request),
                                      today=timezone.localdate())
        except ValidationError as error:
            form.add_error(None, error)
        else:  # nothing typed is shown back: the next person at the same computer sees a clean page
            return redirect("participants:join-thanks", token=token)
    return render(request, "participants/recruitment/answer.html", {"record": form_record, "form": form},
                  status=400 if form.is_bound else 200)


def thanks(request, token: str):
    record = get_object_or_404(RecruitmentForm.objects.select_related("organization"), token=token)
    return render(request, "participants/recruitment/thanks.html", {"record": record})


@organization_view(CAN_EDIT_PAIRS)
@require_http_methods(["GET", "POST"])
def forms_page(request, organization):
    form = RecruitmentFormForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.organization, record.created_by = organization, request.user
        record.save()
        messages.success(request, f"Ссылка «{record.title}» готова: раздайте её на встрече.")
        return redirect("participants:recruitment", organization=organization.code)
    records = [(r, request.build_absolute_uri(reverse("participants:join", args=[r.token])))
               for r in organization.recruitment_forms.all()]
    candidates = (Candidate.objects.filter(form__organization=organization).select_related("form", "person")
                  .order_by("status", "-submitted_at")[:200])
    return render(request, "participants/recruitment/forms.html", {
        "organization": organization, "form": form, "records": records, "candidates": candidates},
        status=400 if form.is_bound else 200)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def form_toggle(request, organization, pk: int):
    record = get_object_or_404(organization.recruitment_forms, pk=pk)
    RecruitmentForm.objects.filter(pk=record.pk).update(is_open=not record.is_open)
    messages.success(request, f"«{record.title}»: {'закрыта' if record.is_open else 'снова принимает ответы'}.")
    return redirect("participants:recruitment", organization=organization.code)


def _candidate(organization, pk: int) -> Candidate:
    candidate = Candidate.objects.filter(form__organization=organization, pk=pk).select_related("form").first()
    if candidate is None:
        raise Http404
    return candidate


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def candidate_take(request, organization, pk: int):
    candidate = _candidate(organization, pk)
    try:
        person = services.candidate_take(candidate=candidate, actor=request.user, today=timezone.localdate())
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"{candidate.full_name}: {message}")
        return redirect("participants:recruitment", organization=organization.code)
    messages.success(request, f"{person.full_name} внесён(а) в реестр с согласием из анкеты.")
    return redirect("participants:person", organization=organization.code, pk=person.pk)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def candidate_decline(request, organization, pk: int):
    candidate = _candidate(organization, pk)
    try:
        services.candidate_decline(candidate=candidate, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Кандидат отклонён, его данные удалены.")
    return redirect("participants:recruitment", organization=organization.code)
