"""The registry in and out of Excel."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from mentoring_portal.jobs.models import JobStatus
from mentoring_portal.jobs.services import job_consume, job_for, job_start, page_job, upload_job_start
from mentoring_portal.lib.exports import XLSX_TYPE, attachment, find_exporter
from mentoring_portal.lib.uploads import UploadRefused
from participants.access import CAN_EDIT_PAIRS, organization_view, require_capability
from participants.registry.export_jobs import KIND as EXPORT_KIND
from participants.registry.export_jobs import payload as export_payload
from participants.registry.exports import GROUP
from participants.registry.io import RegistryImport, refused, registry_import, template_xlsx
from participants.registry.jobs import KIND
from participants.services.audit import export_logged


@organization_view(CAN_EDIT_PAIRS)
def registry_template(request, organization):
    response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = attachment("Шаблон реестра наставничества.xlsx")
    return response


@organization_view(CAN_EDIT_PAIRS)
@require_http_methods(["GET", "POST"])
def registry_upload(request, organization):
    owner = f"organization:{organization.pk}"
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, organization, job_for(request, request.POST.get("job"), kind=KIND, owner=owner))
    job, parsed = page_job(request, kind=KIND, owner=owner), None
    upload = request.FILES.get("file")
    if request.method == "POST":
        if upload is None:
            messages.error(request, "Выберите файл реестра (.xlsx).")
        else:
            try:
                job = upload_job_start(kind=KIND, user=request.user, owner=owner, upload=upload,
                                       payload={"organization": organization.pk})
                return redirect(f"{request.path}?job={job.pk}")
            except UploadRefused as exc:
                parsed = refused(exc)
    if job and job.error:
        parsed = refused(UploadRefused(job.error))
    elif job and job.status == JobStatus.DONE:
        parsed = RegistryImport.from_json(job.result)
    return render(request, "participants/registry_import.html", {"organization": organization, "parsed": parsed,
                                                                  "job": job})


def _confirm(request, organization, job):
    with transaction.atomic():  # the job is used once: a double click or a second tab adds nobody twice
        confirmed = job_consume(job)
        parsed = RegistryImport.from_json(confirmed.result) if confirmed else None
        if parsed is None or not parsed.ok:
            messages.error(request, "Импорт уже выполнен или невозможен: загрузите файл ещё раз.")
            return redirect(request.path)
        created = registry_import(organization=organization, parsed=parsed)
    messages.success(request, f"Добавлено в реестр: {len(created)}. Повторы пропущены: {len(parsed.duplicates)}.")
    return redirect("participants:people", organization=organization.code)


@organization_view()
def organization_export(request, organization, identifier: str):
    exporter = find_exporter(GROUP, identifier)
    if exporter is None:
        raise Http404
    require_capability(request, request.capabilities, exporter.capability)
    exporter.user = request.user
    if exporter.size(organization) > settings.EXPORT_INLINE_ROWS:
        job_start(kind=EXPORT_KIND, user=request.user, owner=f"organization:{organization.pk}",
                  payload=export_payload(organization, identifier, exporter.label))
        messages.info(request, f"«{exporter.label}» — большая выгрузка: она формируется в фоне и появится здесь.")
        return redirect("my-exports")
    response = exporter.response(organization)
    export_logged(user=request.user, organization=organization, what=exporter.label, rows=exporter.count)
    return response
