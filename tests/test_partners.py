"""«База партнёров»: the district keeps its partners with their agreements (number, dates, file, what they give,
which schools work with them) and sees its schools' partners; an agreement ending within 30 days is flagged."""

import io
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from participants.models import Partner
from tests.factories import OrganizationFactory

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def test_the_district_adds_a_partner_with_its_agreement_and_schools(login, world):
    client = login(world.curator)
    client.post(reverse("participants:partner-add", args=[world.district.code]), {
        "name": "Сибирский федеральный университет", "agreement_number": "15/2024", "agreement_date": "2024-02-01",
        "agreement_end": "2026-02-01", "offers": ["mentors", "sites"], "schools": [world.school.pk],
        "contact": "Иванов И. И., +7 391 000-00-00", "agreement_file": SimpleUploadedFile("соглашение.pdf", PDF)})
    partner = Partner.objects.get()
    assert partner.district == world.district and partner.offers == ["mentors", "sites"]
    assert list(partner.schools.all()) == [world.school]
    page = client.get(reverse("participants:partners", args=[world.district.code])).content.decode()
    assert "Сибирский федеральный университет" in page and "наставников, площадки" in page
    download = client.get(reverse("participants:partner-file", args=[world.district.code, partner.pk]))
    assert b"".join(download.streaming_content) == PDF


def test_the_form_keeps_what_was_typed_and_refuses_an_end_before_the_start(login, world):
    response = login(world.curator).post(reverse("participants:partner-add", args=[world.district.code]), {
        "name": "ООО «Ромашка»", "agreement_date": "2024-02-01", "agreement_end": "2023-02-01"})
    page = response.content.decode()
    assert response.status_code == 400 and "кончается раньше даты соглашения" in page and "ООО «Ромашка»" in page
    assert not Partner.objects.exists()


def test_a_schools_partners_are_seen_by_the_district_and_an_ending_agreement_is_flagged(login, world):
    today = timezone.localdate()
    Partner.objects.create(organization=world.school, name="Дом культуры", agreement_end=today + timedelta(days=10))
    Partner.objects.create(district=world.district, name="Завод", agreement_end=today + timedelta(days=200))
    Partner.objects.create(organization=OrganizationFactory(district=world.other_district, code="klin-1"), name="Чужой")
    page = login(world.methodist).get(reverse("participants:partners", args=[world.district.code])).content.decode()
    assert "Дом культуры" in page and "Завод" in page and "Чужой" not in page
    assert "истекает в ближайшие 30 дней" in page and "1 партнёр" in page
    book = load_workbook(io.BytesIO(login(world.curator).get(
        reverse("participants:partners-export", args=[world.district.code])).content))
    rows = [[c.value for c in row] for row in book.active.iter_rows(min_row=3)]
    assert any(r[0] == "Дом культуры" and r[1] == "МБОУ Агинская СОШ № 1" and r[5] == "истекает в ближайшие 30 дней"
               for r in rows)


def test_a_school_adds_its_partner_with_the_agreement_term(login, world):
    login(world.school_curator).post(reverse("participants:partner-create", args=[world.school.code]), {
        "name": "Библиотека", "agreement_end": "2027-01-01", "offers": ["sites"]})
    partner = Partner.objects.get()
    assert partner.organization == world.school and partner.agreement_end == date(2027, 1, 1)


def test_only_the_district_curator_edits_the_districts_partners(login, world):
    partner = Partner.objects.create(district=world.district, name="Завод")
    url = reverse("participants:partner-edit", args=[world.district.code, partner.pk])
    assert login(world.methodist).post(url, {"name": "x"}).status_code == 403
    assert login(world.outsider_curator).get(url).status_code == 404
    school_partner = Partner.objects.create(organization=world.school, name="Библиотека")
    assert login(world.curator).get(reverse("participants:partner-edit", args=[world.district.code,
                                                                               school_partner.pk])).status_code == 404
