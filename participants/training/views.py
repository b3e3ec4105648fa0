"""Training of mentors and curators: a school enters records one by one or from Excel; the district sees the share
trained in the last three years per school and who is not trained."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.jobs.services import Preview
from mentoring_portal.lib.exports import XLSX_TYPE, attachment
from mentoring_portal.lib.uploads import download
from participants.access import CAN_EDIT_PAIRS, CAN_VIEW_REPORTS, VIEW, district_view, organization_view
from participants.models import Organization, Person, TrainingRecord
from participants.training.forms import TrainingForm, TrainingImportForm
from participants.training.importing import KIND, TrainingImport, save_training, template_xlsx
from participants.training.selectors import mentors_with_training, training_by_school

PREVIEW = Preview(KIND, TrainingImport.from_json, lambda parsed: parsed.errors)


def _owner(organization) -> str:
    return f"organization:{organization.pk}"


def _records(request, organization):
    """The school's training records of the people the reader may see (a district reader: adults only)."""
    return TrainingRecord.objects.visible_to(request.user).filter(person__organization=organization)


def _school_page(request, organization, *, form=None, upload=None, problems=(), status=200):
    records = _records(request, organization).select_related("person")
    job, parsed, found = PREVIEW.shown(request, owner=_owner(organization))
    problems = found or problems
    return render(request, "participants/training/school.html", {
        "organization": organization, "page": Paginator(records, 50).get_page(request.GET.get("page")),
        "form": form or TrainingForm(organization=organization), "upload": upload or TrainingImportForm(),
        "problems": problems, "job": job, "parsed": parsed}, status=status)


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
    """Upload → a background job reads the list (progress bar) → the preview → «Подтвердить» saves it once."""
    return PREVIEW.posted(
        request, owner=_owner(organization), page=reverse("participants:training", args=[organization.code]),
        form=TrainingImportForm(request.POST, request.FILES),
        payload=lambda data: {"organization": organization.pk, "topic": data["topic"]},
        save=lambda parsed: save_training(parsed, organization=organization, user=request.user),
        saved="Записей об обучении загружено: {}.",
        refused=lambda upload, problems: _school_page(request, organization, upload=upload, problems=problems,
                                                      status=400))


@organization_view(VIEW)
def school_template(request, organization):
    response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = attachment("Шаблон обучения наставников.xlsx")
    return response


@organization_view(VIEW)
def certificate(request, organization, pk):
    record = get_object_or_404(_records(request, organization).exclude(certificate=""), pk=pk)
    return download(record.certificate)


@district_view(CAN_VIEW_REPORTS)
def district(request, district):
    today = timezone.localdate()
    schools = Organization.objects.visible_to(request.user).filter(district=district).in_russian_order()
    rows = training_by_school(schools, today)
    # Every mentor counts in the figures; names only of those the reader may see named (adults: a pupil of 17
    # mentoring «ученик – ученик» is counted, not named).
    untrained = mentors_with_training(schools, today).filter(trained=False)
    named = untrained.filter(pk__in=Person.objects.visible_to(request.user).values("pk"))
    page = Paginator(named, 50).get_page(request.GET.get("page"))
    total, trained = sum(row.mentors for row in rows), sum(row.trained for row in rows)
    return render(request, "participants/training/district.html", {
        "district": district, "rows": rows, "page": page, "unnamed": total - trained - page.paginator.count,
        "total": total, "trained": trained})
