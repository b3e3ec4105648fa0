"""A form's file field through the checking layer: the file a model stores is the bytes that were checked, saved
under the extension of what they really are."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile

from mentoring_portal.lib.uploads.checks import Kind, UploadRefused, read_upload
from mentoring_portal.lib.uploads.serving import stored_name

# Documents people attach: orders, protocols, programmes, photos of a signed page.
DOCUMENT_KINDS = frozenset({Kind.PDF, Kind.DOCX, Kind.XLSX, Kind.PPTX, Kind.ODT, Kind.ODS, Kind.OLE, Kind.PNG,
                            Kind.JPEG})
DOCUMENT_HELP = (f"PDF, документ Word, Excel, PowerPoint или OpenDocument, фотография (JPEG, PNG) до "
                 f"{settings.MAX_UPLOAD_MB} МБ.")


def checked_file(upload, kinds=DOCUMENT_KINDS):
    """For a form's clean_<file>(): None or an unchanged stored file pass; a new upload is checked (a Russian
    ValidationError if refused) and replaced by its checked copy."""
    if not upload or not hasattr(upload, "content_type"):
        return upload
    try:
        checked = read_upload(upload, set(kinds))
    except UploadRefused as exc:
        raise forms.ValidationError(str(exc)) from exc
    return ContentFile(checked.data, name=stored_name(upload.name, checked.extension))
