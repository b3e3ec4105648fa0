"""A district's orders: upload → a background job reads the order (progress bar) → preview of every duty with its
addressee and deadline → confirm; the order's page shows which school has done what; a school sees its checklist."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from mentoring_portal.jobs.models import JobStatus
from mentoring_portal.jobs.services import job_consume, job_for, page_job, upload_job_start
from mentoring_portal.lib.feedback import explain
from participants.access import CAN_EDIT_DISTRICT, district_view, organization_view
from participants.models import Organization
from roadmaps.forms import OrderUploadForm
from roadmaps.models import Order
from roadmaps.orders.jobs import KIND, order_from_json
from roadmaps.orders.parse import LEVELS
from roadmaps.orders.selectors import checklist
from roadmaps.orders.services import order_import, understood_deadline


@district_view()
def order_list(request, district):
    return render(request, "roadmaps/orders/list.html", {"district": district, "orders": district.orders.all()})


@district_view(CAN_EDIT_DISTRICT)
@require_http_methods(["GET", "POST"])
def order_upload(request, district):
    owner = f"district:{district.pk}"
    if request.method == "POST" and "confirm" in request.POST:
        job = job_for(request, request.POST.get("job"), kind=KIND, owner=owner)
        try:
            with transaction.atomic():  # a refused import leaves the preview usable
                confirmed = job_consume(job)
                if confirmed is None:
                    messages.error(request, "Этот приказ уже загружен: загрузите файл ещё раз, если нужно.")
                    return redirect(request.path)
                order = order_import(district=district, parsed=order_from_json(confirmed.result), user=request.user,
                                     source_name=job.payload["name"])
        except ValidationError as error:
            explain(request, error)
            return redirect(request.path)
        messages.success(request, f"{order} загружен: задачи созданы, обязанности школ добавлены в их дорожные карты."
                         + "".join(f" {note}" for note in order.notes))
        return redirect(order)
    job = page_job(request, kind=KIND, owner=owner)
    form = OrderUploadForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = upload_job_start(kind=KIND, user=request.user, owner=owner, upload=form.cleaned_data["file"])
        return redirect(f"{request.path}?job={job.pk}")
    parsed = order_from_json(job.result) if job and job.status == JobStatus.DONE else None
    understood = [(duty, understood_deadline(parsed, duty)) for duty in parsed.duties] if parsed else []
    return render(request, "roadmaps/orders/upload.html", {"district": district, "form": form, "job": job,
                                                           "parsed": parsed, "duties": understood, "levels": LEVELS})


@district_view()
def order_detail(request, district, pk: int):
    order = get_object_or_404(district.orders.select_related("roadmap"), pk=pk)
    schools = Organization.objects.visible_to(request.user).filter(district=district).in_russian_order()
    return render(request, "roadmaps/orders/detail.html", {
        "district": district, "order": order, "checklist": checklist(order, schools, timezone.localdate())})


@organization_view()
def organization_orders(request, organization):
    """What the district's orders require of this school, with the state of each duty in its roadmap."""
    today = timezone.localdate()
    orders = Order.objects.filter(district=organization.district_id).select_related("roadmap") \
        if organization.district_id else Order.objects.none()
    return render(request, "roadmaps/orders/school.html", {
        "organization": organization, "lists": [checklist(order, [organization], today) for order in orders]})
