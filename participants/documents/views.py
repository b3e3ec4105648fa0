"""«Документы» of a region, a district or an organization: the register, adding, correcting, removing, downloading."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring_portal.lib.exports import DOCX_TYPE, PDF_TYPE, attachment
from mentoring_portal.lib.uploads import download
from participants.access import (
    CAN_EDIT_DOCUMENTS,
    VIEW,
    organization_view,
    place_fields,
    place_kind,
    place_views,
    require_capability,
)
from participants.documents.drafts import DRAFTS, drafts_for
from participants.documents.forms import DocumentForm
from participants.documents.library import copies_by_sample, sample_copy, samples_for
from participants.documents.models import Document, DocumentKind
from participants.models import Organization
from participants.services.audit import export_logged


def register_url(place) -> str:
    return reverse(f"participants:{place_kind(place)}-documents", args=[place.code])


def _draft(request, place, slug: str, fmt: str):
    """A draft order made from the place's data: PDF to read and sign, Word to finish."""
    found = DRAFTS.find(slug)
    if found is None or found.kind != place_kind(place) or fmt not in ("pdf", "docx"):
        raise Http404
    require_capability(request, request.capabilities, found.capability)
    today = timezone.localdate()
    order = found.build(place, request.user, today)
    if order is None:
        messages.info(request, f"Проект приказа не из чего составить: {found.empty}")
        return redirect(register_url(place))
    if isinstance(place, Organization):  # names of mentors and pupils: logged like every personal-data download
        export_logged(user=request.user, organization=place, what=f"Проект приказа {order.title} ({fmt.upper()})",
                      rows=len(order.rows))
    response = HttpResponse(order.docx(today) if fmt == "docx" else order.pdf(today),
                            content_type=DOCX_TYPE if fmt == "docx" else PDF_TYPE)
    response["Content-Disposition"] = attachment(f"{order.filename} · {place}.{fmt}")
    return response


def _register(request, place):
    documents = Document.objects.of(place)
    kind = request.GET.get("kind", "")
    if kind in DocumentKind.values:
        documents = documents.filter(kind=kind)
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    drafts = [d for d in drafts_for(place_kind(place)) if d.capability in request.capabilities]
    copies = copies_by_sample([d.pk for d in page if d.is_sample])
    for document in page:
        document.copies_made = copies.get(document.pk, 0)
    return render(request, "participants/documents/register.html", {
        "place": place, "kind": place_kind(place), "page": page, "kinds": DocumentKind.choices, "chosen": kind,
        "drafts": drafts, "samples": samples_for(place).exists() if isinstance(place, Organization) else False})


def _edit(request, place, pk=None):
    document = get_object_or_404(Document.objects.of(place), pk=pk) if pk else Document(
        **place_fields(place), added_by=request.user)
    form = DocumentForm(request.POST or None, request.FILES or None, instance=document)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Документ сохранён: {document.reference}.")
        return redirect(register_url(place))
    return render(request, "participants/documents/form.html", {"place": place, "kind": place_kind(place),
                                                                "form": form, "document": document})


@require_POST
def _delete(request, place, pk):
    document = get_object_or_404(Document.objects.of(place), pk=pk)
    reference = document.reference
    document.delete()  # roadmap items that cited it keep their text; the link is cleared (SET_NULL)
    messages.success(request, f"Документ удалён: {reference}.")
    return redirect(register_url(place))


def _file(request, place, pk):
    document = get_object_or_404(Document.objects.of(place).exclude(file=""), pk=pk)
    return download(document.file)


register = place_views(_register, VIEW)
edit = place_views(_edit, CAN_EDIT_DOCUMENTS)
delete = place_views(_delete, CAN_EDIT_DOCUMENTS)
file = place_views(_file, VIEW)
draft_order = place_views(_draft, VIEW)


@organization_view(VIEW)
def library(request, organization):
    """The samples of the school's district and region, each with whether the school has taken it."""
    samples = list(samples_for(organization).select_related("district", "region"))
    taken = dict(organization.documents.filter(copied_from__in=samples).values_list("copied_from", "pk"))
    for sample in samples:
        sample.taken = taken.get(sample.pk)
    return render(request, "participants/documents/library.html", {
        "organization": organization, "samples": samples,
        "can_edit": CAN_EDIT_DOCUMENTS in request.capabilities})


@organization_view(VIEW)
def library_file(request, organization, pk: int):
    return download(get_object_or_404(samples_for(organization).exclude(file=""), pk=pk).file)


@organization_view(CAN_EDIT_DOCUMENTS)
@require_POST
def library_copy(request, organization, pk: int):
    sample = get_object_or_404(samples_for(organization), pk=pk)
    try:
        copy = sample_copy(sample=sample, organization=organization, user=request.user, today=timezone.localdate())
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("participants:library", organization=organization.code)
    messages.success(request, f"Образец «{copy.title}» в реестре школы как проект: доработайте его и укажите номер и "
                              "дату своего приказа.")
    return redirect("participants:organization-document-edit", organization=organization.code, pk=copy.pk)
