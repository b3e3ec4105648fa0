"""A school's rounds (open one, compare them) and the district's comparison, with their downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from mentoring_portal.lib.exports import exporters_of, find_exporter
from monitoring.questionnaire_mail import invitations_made
from monitoring.rounds.exports import GROUP
from monitoring.rounds.models import RoundStage
from monitoring.rounds.selectors import district_comparison, school_comparison
from monitoring.rounds.services import round_open
from participants.access import CAN_EDIT_PAIRS, CAN_VIEW_REPORTS, district_view, organization_view, require_capability
from participants.models import Organization


def _stage(request) -> str:
    stage = request.GET.get("stage") or request.POST.get("stage") or RoundStage.ENTRY
    return stage if stage in RoundStage.values else RoundStage.ENTRY


def _download(request, place_name: str, comparison, identifier: str):
    exporter = find_exporter(GROUP, identifier)
    if exporter is None:
        raise Http404
    require_capability(request, request.capabilities, exporter.capability)
    return exporter.response((place_name, comparison))


def _downloads(url_name: str, code: str) -> list[tuple[str, str]]:
    return [(e.label, reverse(url_name, args=[code, e.identifier])) for e in exporters_of(GROUP)]


@organization_view(CAN_VIEW_REPORTS)
@require_http_methods(["GET", "POST"])
def school_rounds(request, organization, identifier: str | None = None):
    stage = _stage(request)
    if request.method == "POST":
        require_capability(request, request.capabilities, CAN_EDIT_PAIRS)
        try:
            opened, links = round_open(organization=organization, stage=stage, today=timezone.localdate(),
                                       user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            invitations_made(list(opened.invitations.values_list("pk", flat=True)), request.build_absolute_uri("/"))
            messages.success(request, f"Раунд «{opened}» открыт: личных ссылок — {links}; у кого есть адрес почты, "
                                      "получат их письмом. Ссылки — в списке «Анкеты».")
        return redirect(reverse("monitoring:rounds", args=[organization.code]) + f"?stage={stage}")
    comparison = school_comparison(organization, stage)
    if identifier is not None:
        return _download(request, organization.short_name, comparison, identifier)
    rounds = organization.rounds.annotate(invited=Count("invitations"), answered=Count(
        "invitations", filter=Q(invitations__answered_at__isnull=False)))
    return render(request, "monitoring/rounds/school.html", {
        "organization": organization, "stage": stage, "stages": RoundStage.choices, "comparison": comparison,
        "rounds": rounds, "can_open": CAN_EDIT_PAIRS in request.capabilities,
        "downloads": _downloads("monitoring:rounds-export", organization.code)})


@district_view(CAN_VIEW_REPORTS)
def district_rounds(request, district, identifier: str | None = None):
    stage = _stage(request)
    schools = list(Organization.objects.visible_to(request.user).filter(district=district).in_russian_order())
    comparison = district_comparison(schools, stage)
    if identifier is not None:
        return _download(request, district.name, comparison, identifier)
    return render(request, "monitoring/rounds/district.html", {
        "district": district, "stage": stage, "stages": RoundStage.choices, "comparison": comparison,
        "downloads": _downloads("monitoring:district-rounds-export", district.code)})
