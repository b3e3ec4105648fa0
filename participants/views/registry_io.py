"""The registry in and out of Excel."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from mentoring_portal.lib.exports import XLSX_TYPE, attachment, registry
from mentoring_portal.lib.uploads import Kind, UploadRefused, read_upload, stash, take
from participants.access import CAN_EDIT_PAIRS, organization_view, require_capability
from participants.exports import GROUP
from participants.registry_io import parse_registry, refused, registry_import, template_xlsx
from participants.services.audit import export_logged

SESSION_KEY = "registry_import"


@organization_view(CAN_EDIT_PAIRS)
def registry_template(request, organization):
    response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = attachment("shablon-reestra-nastavnichestva.xlsx")
    return response


@organization_view(CAN_EDIT_PAIRS)
@require_http_methods(["GET", "POST"])
def registry_upload(request, organization):
    owner = f"organization:{organization.pk}"
    if request.method == "POST" and "confirm" in request.POST:
        pending = take(request, SESSION_KEY, owner=owner, token=request.POST.get("token"))
        if pending is None:
            messages.error(request, "Предпросмотр устарел: загрузите файл ещё раз.")
            return redirect(request.path)
        parsed = parse_registry(pending.name, pending.data, organization)
        if not parsed.ok:
            messages.error(request, "Импорт отменён, ничего не изменено: " + "; ".join(map(str, parsed.errors)))
            return redirect(request.path)
        created = registry_import(organization=organization, parsed=parsed)
        messages.success(request, f"Добавлено в реестр: {len(created)}. Повторы пропущены: {len(parsed.duplicates)}.")
        return redirect("participants:people", organization=organization.code)
    parsed = token = None
    upload = request.FILES.get("file")
    if request.method == "POST":
        if upload is None:
            messages.error(request, "Выберите файл реестра (.xlsx).")
        else:
            try:
                checked = read_upload(upload, {Kind.XLSX})
            except UploadRefused as exc:
                parsed = refused(exc)
            else:
                parsed = parse_registry(checked.name, checked.data, organization)
                if parsed.ok and parsed.people:
                    token = stash(request, SESSION_KEY, name=upload.name, data=checked.data, owner=owner)
    return render(request, "participants/registry_import.html",
                  {"organization": organization, "parsed": parsed, "token": token})


@organization_view()
def organization_export(request, organization, identifier: str):
    exporter = registry.get(GROUP, identifier)
    if exporter is None:
        raise Http404
    require_capability(request, request.capabilities, exporter.capability)
    exporter.user = request.user
    response = exporter.response(organization)
    export_logged(user=request.user, organization=organization, what=exporter.label, rows=exporter.count)
    return response
