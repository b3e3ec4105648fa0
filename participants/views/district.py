"""The district's view of mentoring: figures per school and the list of mentors, never a child's name; the
exports of a district's and a region's adults."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mentoring_portal.jobs.services import job_start
from mentoring_portal.lib.exports import find_exporter
from participants.access import CAN_EDIT_DISTRICT, CAN_VIEW_REPORTS, district_view, region_view
from participants.caches import district as district_cache
from participants.models import FormVariant, MentoringForm, Organization
from participants.pairs.forms import DistrictFormForm
from participants.pairs.selectors import district_figures, district_mentors
from participants.registry.export_jobs import KIND as EXPORT_KIND
from participants.registry.export_jobs import payload as export_payload
from participants.registry.exports import DISTRICT_GROUP, REGION_GROUP
from participants.target_groups.coverage import coverage


@district_view(CAN_VIEW_REPORTS)
def district_mentoring(request, district):
    schools = Organization.objects.visible_to(request.user).filter(district=district).in_russian_order()

    def compute() -> dict:
        figures = district_figures(schools)
        return {"figures": figures, "forms": sorted({name for f in figures for name in f.by_form}),
                "groups": coverage(schools),
                "mentors": list(district_mentors(schools, request.user)),
                "totals": {key: sum(getattr(f, key) for f in figures)
                           for key in ("pairs", "mentors", "mentees", "unfulfilled")}}

    # Every district role sees the same figures and adult mentors of the district: cached until they change.
    stamp = district_cache.version(district.pk)
    return render(request, "participants/district_mentoring.html", {
        "district": district, "mentoring_version": stamp, **district_cache.lazy_figures(district, stamp, compute),
    })


def _forms_page(request, district, form, status=200):
    forms = MentoringForm.objects.filter(district__in=[None, district.pk]).prefetch_related("variants")
    return render(request, "participants/district_forms.html", {
        "district": district, "form": form, "forms": forms.order_by("district", "position")}, status=status)


@district_view()
def district_forms(request, district):
    """The forms of mentoring used in the district: the methodology's, and the district's own additions."""
    return _forms_page(request, district, DistrictFormForm())


@district_view(CAN_EDIT_DISTRICT)
@require_POST
def district_form_create(request, district):
    form = DistrictFormForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                added = MentoringForm.objects.create(
                    district=district, name=form.cleaned_data["name"], is_teacher_form=form.cleaned_data["is_teacher_form"],
                    mentor_categories=form.cleaned_data["mentor_categories"],
                    mentee_categories=form.cleaned_data["mentee_categories"])
                FormVariant.objects.bulk_create([FormVariant(form=added, name=v) for v in form.cleaned_data["variants"]])
        except IntegrityError:
            form.add_error("name", "Такая форма в муниципалитете уже есть.")
        else:
            messages.success(request, f"Форма «{added.name}» добавлена: школы района могут выбирать её для пар.")
            return redirect("participants:district-forms", district=district.code)
    return _forms_page(request, district, form, status=400)


def _export_in_background(request, place, group: str, identifier: str):
    """A district's or a region's export is large by nature: always made in the background, waiting in «Мои
    выгрузки»."""
    exporter = find_exporter(group, identifier)
    if exporter is None:
        raise Http404
    job_start(kind=EXPORT_KIND, user=request.user, owner=f"{place._meta.model_name}:{place.pk}",
              payload=export_payload(place, identifier, f"{exporter.label}: {place.name}"))
    messages.info(request, "Выгрузка формируется в фоне: когда будет готова, её можно скачать здесь.")
    return redirect("my-exports")


@district_view(CAN_VIEW_REPORTS)
def district_export(request, district, identifier: str):
    return _export_in_background(request, district, DISTRICT_GROUP, identifier)


@region_view(CAN_VIEW_REPORTS)
def region_export(request, region, identifier: str):
    """A region's adults: hundreds of thousands of rows."""
    return _export_in_background(request, region, REGION_GROUP, identifier)
