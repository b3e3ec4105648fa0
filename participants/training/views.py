"""Training of mentors and curators: a school enters records one by one or from Excel; the district sees the share
trained in the last three years per school and who is not trained."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.lib.exports import XLSX_TYPE, attachment
from mentoring_portal.lib.uploads import download
from participants.access import CAN_EDIT_PAIRS, CAN_VIEW_REPORTS, VIEW, district_view, organization_view
from participants.models import Organization, TrainingRecord
from participants.training.forms import TrainingForm, TrainingImportForm
from participants.training.importing import parse_training, save_training, template_xlsx
from participants.training.selectors import SchoolTraining, mentors_with_training


def _school_page(request, organization, *, form=None, upload=None, problems=(), status=200):
    records = TrainingRecord.objects.filter(person__organization=organization).select_related("person")
    return render(request, "participants/training/school.html", {
        "organization": organization, "page": Paginator(records, 50).get_page(request.GET.get("page")),
        "form": form or TrainingForm(organization=organization), "upload": upload or TrainingImportForm(),
        "problems": problems}, status=status)


@organization_view(VIEW)
def school(request, organization):
    return _school_page(request, organization)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def school_add(request, organization):
    form = TrainingForm(request.POST, request.FILES, organization=organization,
                        instance=TrainingRecord(added_by=request.user))
    if not form.is_valid():
        return _school_page(request, organization, form=form, status=400)
    record = form.save()
    messages.success(request, f"Обучение внесено: {record.person.full_name}, «{record.programme}».")
    return redirect("participants:training", organization=organization.code)


@organization_view(CAN_EDIT_PAIRS)
@require_POST
def school_import(request, organization):
    upload = TrainingImportForm(request.POST, request.FILES)
    if not upload.is_valid():
        return _school_page(request, organization, upload=upload, status=400)
    parsed = parse_training(upload.cleaned_data["file"], organization, topic=upload.cleaned_data["topic"],
                            user=request.user)
    if parsed.errors:  # all or nothing: not one row is saved
        return _school_page(request, organization, upload=upload, problems=parsed.errors, status=400)
    messages.success(request, f"Записей об обучении загружено: {save_training(parsed)}.")
    return redirect("participants:training", organization=organization.code)


@organization_view(VIEW)
def school_template(request, organization):
    response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = attachment("Шаблон обучения наставников.xlsx")
    return response


@organization_view(VIEW)
def certificate(request, organization, pk):
    record = get_object_or_404(TrainingRecord.objects.filter(person__organization=organization).exclude(
        certificate=""), pk=pk)
    return download(record.certificate)


@district_view(CAN_VIEW_REPORTS)
def district(request, district):
    today = timezone.localdate()
    schools = Organization.objects.visible_to(request.user).filter(district=district).in_russian_order()
    mentors = list(mentors_with_training(schools, today))
    by_school = {s.pk: SchoolTraining(s, 0, 0) for s in schools}
    for mentor in mentors:
        row = by_school[mentor.organization_id]
        row.mentors += 1
        row.trained += mentor.trained
    untrained = Paginator([m for m in mentors if not m.trained], 50).get_page(request.GET.get("page"))
    return render(request, "participants/training/district.html", {
        "district": district, "rows": list(by_school.values()), "page": untrained,
        "total": len(mentors), "trained": sum(m.trained for m in mentors)})
