"""«Документы» of a region, a district or an organization: the register, adding, correcting, removing, downloading."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mentoring_portal.lib.uploads import download
from participants.access import CAN_EDIT_DOCUMENTS, VIEW, place_kind, place_views
from participants.documents.forms import DocumentForm
from participants.documents.models import Document, DocumentKind


def register_url(place) -> str:
    return reverse(f"participants:{place_kind(place)}-documents", args=[place.code])


def _register(request, place):
    documents = Document.objects.of(place)
    kind = request.GET.get("kind", "")
    if kind in DocumentKind.values:
        documents = documents.filter(kind=kind)
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    return render(request, "participants/documents/register.html", {
        "place": place, "kind": place_kind(place), "page": page, "kinds": DocumentKind.choices, "chosen": kind})


def _edit(request, place, pk=None):
    document = get_object_or_404(Document.objects.of(place), pk=pk) if pk else Document(
        **{place_kind(place): place}, added_by=request.user)
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
