"""Programmes of mentoring: a school's list and card (approve by order), the district's base of all its schools'
programmes and its model programmes (review, recommend, copy to schools)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mentoring_portal.lib.feedback import applied, explain
from mentoring_portal.lib.rules import decision
from mentoring_portal.lib.uploads import download
from participants.access import (
    CAN_EDIT_DISTRICT,
    CAN_EDIT_PAIRS,
    CAN_REVIEW,
    VIEW,
    district_view,
    organization_view,
)
from participants.models import Organization, Programme
from participants.programmes.forms import (
    ApproveProgrammeForm,
    CopyProgrammeForm,
    ProgrammeFilter,
    ProgrammeForm,
    ReviewProgrammeForm,
)
from participants.programmes.services import programme_approve, programme_copy_to_schools, programme_review

PAGE_SIZE = 50


def district_programmes(request, district):
    return Programme.objects.visible_to(request.user).of_district(district)


# A school ----------------------------------------------------------------------------------------------------------
@organization_view(VIEW)
def school_list(request, organization):
    programmes = organization.programmes.select_related("form").order_by("title", "pk")
    recommended = Programme.objects.visible_to(request.user).filter(district=organization.district_id).exclude(
        copies__organization=organization).select_related("form") if organization.district_id else []
    return render(request, "participants/programmes/school_list.html", {
        "organization": organization, "programmes": programmes, "recommended": recommended})


@organization_view(CAN_EDIT_PAIRS)
def school_edit(request, organization, pk=None):
    programme = get_object_or_404(organization.programmes, pk=pk) if pk else Programme(organization=organization)
    form = ProgrammeForm(request.POST or None, request.FILES or None, instance=programme,
                         district=organization.district_id)
    approve = ApproveProgrammeForm(request.POST if "approve" in request.POST else None)
    if request.method == "POST" and "approve" in request.POST:
        if approve.is_valid():
            if applied(request, lambda: programme_approve(programme=programme, user=request.user,
                                                          number=approve.cleaned_data["order_number"],
                                                          date=approve.cleaned_data["order_date"]),
                       done=f"Программа «{programme.title}» утверждена; приказ внесён в реестр документов."):
                return redirect("participants:programmes", organization=organization.code)
        form = ProgrammeForm(instance=programme, district=organization.district_id)
    elif request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Программа «{programme.title}» сохранена.")
        return redirect("participants:programmes", organization=organization.code)
    return render(request, "participants/programmes/school_form.html", {
        "organization": organization, "programme": programme, "form": form, "approve": approve},
        status=400 if request.method == "POST" else 200)


@organization_view(VIEW)
def school_file(request, organization, pk):
    programme = get_object_or_404(Programme.objects.visible_to(request.user).for_school(organization).exclude(file=""),
                                  pk=pk)
    return download(programme.file)


# The district --------------------------------------------------------------------------------------------------------
@district_view(VIEW)
def district_base(request, district):
    chosen = ProgrammeFilter(request.GET or None, district=district)
    programmes = district_programmes(request, district).select_related("organization", "form").order_by(
        "organization__short_name", "title", "pk")
    if chosen.is_valid():
        if chosen.cleaned_data["form"]:
            programmes = programmes.filter(form=chosen.cleaned_data["form"])
        if chosen.cleaned_data["status"]:
            programmes = programmes.filter(status=chosen.cleaned_data["status"])
    page = Paginator(programmes, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participants/programmes/district_base.html", {
        "district": district, "page": page, "filter": chosen})


@district_view(CAN_EDIT_DISTRICT)
def model_create(request, district):
    form = ProgrammeForm(request.POST or None, request.FILES or None, instance=Programme(district=district),
                         district=district)
    if request.method == "POST" and form.is_valid():
        programme = form.save()
        messages.success(request, f"Типовая программа «{programme.title}» добавлена.")
        return redirect("participants:district-programme", district=district.code, pk=programme.pk)
    return render(request, "participants/programmes/model_form.html", {"district": district, "form": form},
                  status=400 if request.method == "POST" else 200)


def _card(request, district, programme, *, review=None, copy=None, status=200):
    schools = Organization.objects.visible_to(request.user).filter(district=district).in_russian_order()
    return render(request, "participants/programmes/district_card.html", {
        "district": district, "programme": programme, "review": review or ReviewProgrammeForm(),
        "copy": copy or CopyProgrammeForm(schools=schools),
        "copies": programme.copies.select_related("organization").order_by("organization__short_name")},
        status=status)


def _programme(request, district, pk):
    return get_object_or_404(district_programmes(request, district).select_related("organization", "form", "reviewed_by"),
                             pk=pk)


@district_view(VIEW)
def district_card(request, district, pk):
    """A programme seen from the district: the expert review, and for a model programme its copies to schools."""
    return _card(request, district, _programme(request, district, pk))


@district_view(CAN_REVIEW)
@require_POST
def district_review(request, district, pk):
    programme = _programme(request, district, pk)
    review = ReviewProgrammeForm(request.POST)
    if not review.is_valid():
        return _card(request, district, programme, review=review, status=400)
    try:
        recommend = decision(request.POST, {"recommend": True, "decline": False}, field="decision")
        programme_review(programme=programme, user=request.user, comment=review.cleaned_data["comment"],
                         recommend=recommend)
    except ValidationError as error:
        explain(request, error)
    else:
        messages.success(request, "Программа рекомендована муниципалитетом." if recommend
                         else "Заключение сохранено, программа не рекомендована.")
    return redirect("participants:district-programme", district=district.code, pk=programme.pk)


@district_view(CAN_EDIT_DISTRICT)
@require_POST
def district_copy(request, district, pk):
    programme = _programme(request, district, pk)
    schools = Organization.objects.visible_to(request.user).filter(district=district).in_russian_order()
    copy = CopyProgrammeForm(request.POST, schools=schools)
    if not copy.is_valid():
        return _card(request, district, programme, copy=copy, status=400)
    applied(request, lambda: programme_copy_to_schools(programme=programme, schools=list(copy.cleaned_data["schools"])),
            done=lambda result: f"Скопировано в организации: {result[0]}" + (
                f"; уже была у {result[1]}" if result[1] else "") + ".")
    return redirect("participants:district-programme", district=district.code, pk=programme.pk)


@district_view(VIEW)
def district_file(request, district, pk):
    programme = get_object_or_404(district_programmes(request, district).exclude(file=""), pk=pk)
    return download(programme.file)
