"""The bank of practices: a school's own practices and its district's bank, the district's bank, review queue and
card, the region's nominated practices."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.lib.feedback import applied
from mentoring_portal.lib.rules import decision
from mentoring_portal.lib.uploads import download
from participants.access import (
    CAN_EDIT_DISTRICT,
    CAN_EDIT_PAIRS,
    CAN_REVIEW,
    VIEW,
    district_view,
    organization_view,
    region_view,
)
from participants.models import Practice, PracticeStatus
from participants.practices.forms import BankSearch, PracticeForm, ReviewPracticeForm
from participants.practices.services import practice_nominate, practice_review, practice_submit

PAGE_SIZE = 30


def published_in(request, district_id):
    return Practice.objects.visible_to(request.user).bank_of(district_id).select_related("organization", "form")


def _bank(request, place, practices, *, district_id, template_context):
    search = BankSearch(request.GET or None, district_id=district_id)
    page = Paginator(search.filter(practices), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participants/practices/bank.html", {"place": place, "search": search, "page": page,
                                                                **template_context})


# A school -----------------------------------------------------------------------------------------------------------
@organization_view(VIEW)
def school_list(request, organization):
    practices = organization.practices.select_related("form").order_by("-created_at", "pk")
    return render(request, "participants/practices/school_list.html", {"organization": organization,
                                                                        "practices": practices})


@organization_view(CAN_EDIT_PAIRS)
def school_edit(request, organization, pk=None):
    practice = get_object_or_404(organization.practices, pk=pk) if pk else Practice(organization=organization)
    if practice.status in (PracticeStatus.SUBMITTED, PracticeStatus.PUBLISHED):
        messages.info(request, "Практика на рассмотрении или уже опубликована: её не меняют.")
        return redirect("participants:practices", organization=organization.code)
    form = PracticeForm(request.POST or None, request.FILES or None, instance=practice, organization=organization,
                        user=request.user)
    if request.method == "POST" and form.is_valid():
        practice = form.save()
        if "submit" in request.POST:
            practice_submit(practice=practice)
            messages.success(request, f"Практика «{practice.title}» отправлена в муниципалитет на рассмотрение.")
        else:
            messages.success(request, f"Практика «{practice.title}» сохранена.")
        return redirect("participants:practices", organization=organization.code)
    return render(request, "participants/practices/school_form.html", {
        "organization": organization, "practice": practice, "form": form},
        status=400 if request.method == "POST" else 200)


@organization_view(VIEW)
def school_bank(request, organization):
    """The district's bank as the schools of the district read it."""
    return _bank(request, organization, published_in(request, organization.district_id), district_id=organization.district_id,
                 template_context={"file_url": "participants:practice-file", "code": organization.code})


@organization_view(VIEW)
def school_file(request, organization, pk):
    practices = Practice.objects.visible_to(request.user).filter(Q(organization=organization) | Q(
        organization__district_id=organization.district_id, organization__district__isnull=False,
        status=PracticeStatus.PUBLISHED))
    return download(get_object_or_404(practices.exclude(file=""), pk=pk).file)


# The district --------------------------------------------------------------------------------------------------------
def _district_practice(request, district, pk):
    """Published practices for every reader of the district; those under review for its reviewers too."""
    practices = Practice.objects.visible_to(request.user).of_district(district)
    if CAN_REVIEW not in request.capabilities:
        practices = practices.filter(status=PracticeStatus.PUBLISHED)
    return get_object_or_404(practices.select_related("organization", "form", "programme", "reviewed_by"), pk=pk)


@district_view(VIEW)
def district_bank(request, district):
    waiting = (Practice.objects.visible_to(request.user).of_district(district).filter(status=PracticeStatus.SUBMITTED).count()
               if CAN_REVIEW in request.capabilities else 0)
    return _bank(request, district, published_in(request, district.pk), district_id=district.pk,
                 template_context={"file_url": "participants:district-practice-file", "code": district.code,
                                   "waiting": waiting, "card_url": "participants:district-practice"})


@district_view(CAN_REVIEW)
def review_queue(request, district):
    practices = Practice.objects.visible_to(request.user).of_district(district).filter(
        status=PracticeStatus.SUBMITTED).select_related("organization", "form").order_by("submitted_at", "pk")
    return render(request, "participants/practices/review_queue.html", {"district": district, "practices": practices})


@district_view(VIEW)
def district_card(request, district, pk, review=None, status=200):
    practice = _district_practice(request, district, pk)
    return render(request, "participants/practices/district_card.html", {
        "district": district, "practice": practice, "review": review or ReviewPracticeForm(),
        "pairs": practice.pairs.select_related("mentor", "form")}, status=status)


@district_view(CAN_REVIEW)
@require_POST
def district_review(request, district, pk):
    practice = _district_practice(request, district, pk)
    review = ReviewPracticeForm(request.POST)
    review.is_valid()
    try:
        accept = decision(request.POST, {"accept": True, "return": False}, field="decision")
        practice_review(practice=practice, user=request.user, accept=accept,
                        comment=review.cleaned_data.get("comment", ""), today=timezone.localdate())
    except ValidationError as error:
        review.add_error("comment", error)
        return render(request, "participants/practices/district_card.html", {
            "district": district, "practice": practice, "review": review,
            "pairs": practice.pairs.select_related("mentor", "form")}, status=400)
    messages.success(request, f"Практика «{practice.title}» опубликована в банке." if accept
                     else f"Практика «{practice.title}» возвращена на доработку.")
    return redirect("participants:practice-review-queue", district=district.code)


@district_view(CAN_EDIT_DISTRICT)
@require_POST
def district_nominate(request, district, pk):
    practice = _district_practice(request, district, pk)
    applied(request, lambda: practice_nominate(practice=practice, today=timezone.localdate()),
            done=lambda _: ("Практика выдвинута на региональный уровень." if practice.nominated_on
                            else "Выдвижение на региональный уровень отменено."))
    return redirect("participants:district-practice", district=district.code, pk=practice.pk)


@district_view(VIEW)
def district_file(request, district, pk):
    practice = _district_practice(request, district, pk)
    if not practice.file:
        return redirect("participants:district-practice", district=district.code, pk=pk)
    return download(practice.file)


# The region ----------------------------------------------------------------------------------------------------------
@region_view(VIEW)
def region_bank(request, region):
    nominated = Practice.objects.visible_to(request.user).filter(
        organization__region=region, status=PracticeStatus.PUBLISHED, nominated_on__isnull=False
    ).select_related("organization__district", "form")
    return _bank(request, region, nominated, district_id=None,
                 template_context={"regional": True, "code": region.code})
