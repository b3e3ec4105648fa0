"""`lib.constraints.exactly_one`: a document, an event, a contest… belongs to exactly one place, with the Russian
message a form shows."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from participants.models import Document


@pytest.mark.parametrize("places", [{}, {"district": "d", "organization": "o"}])
def test_a_document_belongs_to_exactly_one_place(world, places):
    fields = {"district": world.district, "organization": world.school}
    document = Document(kind="regulation", title="Положение", date=date(2021, 9, 1),
                        **{key: fields[key] for key in places})
    with pytest.raises(ValidationError, match="Документ принадлежит одному месту"):
        document.full_clean(exclude=["added_by"])
    Document(kind="regulation", title="Положение", date=date(2021, 9, 1), district=world.district).full_clean(
        exclude=["added_by"])
