"""The library of sample documents (seed 002 «Виртуальный методический кабинет»; 003 п.10.4; 000 §2.1): what a district
or the region marks «образец для школ» — положение, a model programme, a media plan, forms — every school of it sees,
downloads and takes into its own register once, as a draft it adopts by giving it its own order's number."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from participants.documents.models import Document


def samples_for(organization):
    """The samples of the school's district and of its region."""
    places = Q(region_id=organization.region_id)
    if organization.district_id:
        places |= Q(district_id=organization.district_id)
    return Document.objects.filter(places, is_sample=True).order_by("kind", "title")


def copies_by_sample(samples) -> dict[int, int]:
    """Sample → how many schools have taken it."""
    return dict(Document.objects.filter(copied_from__in=samples).values("copied_from")
                .annotate(n=Count("pk")).values_list("copied_from", "n"))


def sample_copy(*, sample: Document, organization, user, today: date) -> Document:
    """The sample in the school's register: its kind, title and file; no number yet, dated today."""
    if organization.documents.filter(copied_from=sample).exists():
        raise ValidationError("Этот образец уже в реестре школы.")
    content = b""
    if sample.file:
        with sample.file.open("rb") as handle:
            content = handle.read()
    copy = Document(organization=organization, kind=sample.kind, title=sample.title, date=today,
                    approves=sample.approves, copied_from=sample, added_by=user)
    if content:
        copy.file.save(sample.file.name.rsplit("/", 1)[-1], ContentFile(content), save=False)
    try:
        with transaction.atomic():
            copy.save()
    except IntegrityError:  # two clicks at once: the other one took it
        copy.file.delete(save=False)
        raise ValidationError("Этот образец уже в реестре школы.") from None
    return copy
