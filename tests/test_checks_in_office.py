"""Issue #26's workbooks as officials open them: the district's passport, the region's passport and the district's
comparison of quarterly rounds, each opened by LibreOffice Calc (printed to PDF) with their headings and schools."""

import subprocess
import tempfile
from pathlib import Path

import pytest
from django.urls import reverse

from monitoring.models import Round
from tests.office import needs_libreoffice, saved_as
from tests.test_rounds import answer_round, pairs  # noqa: F401 - the fixture of two pairs

pytestmark = [needs_libreoffice, pytest.mark.slow]


def printed_text(xlsx: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder, "книга.pdf")
        pdf.write_bytes(saved_as(xlsx, "xlsx", "pdf"))
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_passports_open_in_libreoffice(login, world):
    district = login(world.curator).get(reverse("monitoring:district-passport-export",
                                                args=[world.district.code, "xlsx"]))
    text = printed_text(district.content)
    assert "МБОУ Агинская СОШ № 1" in text and "Положение" in text and "Куратор" in text
    region = login(world.coordinator).get(reverse("monitoring:region-passport-export", args=[world.region.code, "xlsx"]))
    assert "Саянский район" in printed_text(region.content)


def test_the_districts_comparison_of_rounds_opens_in_libreoffice(login, world, pairs):  # noqa: F811
    client = login(world.school_curator)
    client.post(reverse("monitoring:rounds", args=[world.school.code]), {"stage": "entry"})
    answer_round(Round.objects.get(), 7)
    workbook = login(world.curator).get(reverse("monitoring:district-rounds-export",
                                                args=[world.district.code, "xlsx"]))
    text = printed_text(workbook.content)
    assert "МБОУ Агинская СОШ № 1" in text and "7,0" in text.replace("7.0", "7,0")
