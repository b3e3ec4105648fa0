"""The library of sample documents (seed 002 «Виртуальный методический кабинет», 003 п.10.4): a district or the region
marks a document «образец для школ»; every school of it sees it, downloads it and takes it into its register once, as a
draft that counts in the compliance passport only when the school adopts it by its own order's number."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from monitoring.passport.marks import passports
from participants.documents.library import sample_copy, samples_for
from participants.models import Document
from participants.public.participants_blocks import documents
from tests.factories import OrganizationFactory, RegionFactory

PDF = b"%PDF-1.4\n%sample\n"


def regulation_mark(school):
    return passports([school], timezone.localdate())[0].marks["regulation"]


def test_a_district_sample_is_taken_by_a_school_and_counts_once_adopted(login, world):
    curator = login(world.curator)
    curator.post(reverse("participants:district-document-create", args=[world.district.code]), {
        "kind": "regulation", "title": "Положение о наставничестве (образец)", "date": "2024-08-20",
        "file": SimpleUploadedFile("положение.pdf", PDF, content_type="application/pdf"), "is_sample": "on"})
    sample = Document.objects.get(district=world.district)
    assert sample.is_sample
    school = login(world.school_curator)
    library = school.get(reverse("participants:library", args=[world.school.code])).content.decode()
    assert "Положение о наставничестве (образец)" in library and "Взять в реестр школы" in library
    downloaded = school.get(reverse("participants:library-file", args=[world.school.code, sample.pk]))
    assert b"".join(downloaded.streaming_content) == PDF
    taken = school.post(reverse("participants:library-copy", args=[world.school.code, sample.pk]), follow=True)
    copy = Document.objects.get(organization=world.school)
    assert taken.redirect_chain[-1][0] == reverse("participants:organization-document-edit",
                                                  args=[world.school.code, copy.pk])
    assert "в реестре школы как проект" in taken.content.decode()
    assert (copy.kind, copy.copied_from, copy.is_draft) == ("regulation", sample, True)
    with copy.file.open("rb") as handle:
        assert handle.read() == PDF
    assert regulation_mark(world.school).ok is False  # a sample taken is not yet the school's положение
    again = school.post(reverse("participants:library-copy", args=[world.school.code, sample.pk]), follow=True)
    assert "Этот образец уже в реестре школы." in again.content.decode()
    assert Document.objects.filter(organization=world.school).count() == 1
    copy.number, copy.date = "41-од", date(2024, 9, 2)
    copy.save()
    assert regulation_mark(world.school).ok
    register = login(world.curator).get(reverse("participants:district-documents", args=[world.district.code])).content.decode()
    assert "взяли школы: 1" in register


def test_a_school_sees_its_districts_and_regions_samples_only(login, world):
    mine = Document.objects.create(district=world.district, kind="media_plan", title="Медиаплан", date=date(2024, 9, 1),
                                   is_sample=True)
    regional = Document.objects.create(region=world.region, kind="form", title="Форма анкеты", date=date(2024, 9, 1),
                                       is_sample=True)
    Document.objects.create(district=world.district, kind="order_other", title="Внутренний приказ", date=date(2024, 9, 1))
    elsewhere_school = OrganizationFactory(district=world.other_district)
    other = Document.objects.create(district=world.other_district, kind="form", title="Чужой образец",
                                    date=date(2024, 9, 1), is_sample=True)
    page = login(world.school_curator).get(reverse("participants:library", args=[world.school.code])).content.decode()
    assert mine.title in page and regional.title in page
    assert "Внутренний приказ" not in page and "Чужой образец" not in page
    client = login(world.school_curator)
    assert client.post(reverse("participants:library-copy", args=[world.school.code, other.pk])).status_code == 404
    assert client.get(reverse("participants:library-file", args=[world.school.code, other.pk])).status_code == 404
    far = OrganizationFactory(district=None, region=RegionFactory(name="Кировская область", code="kirov"))
    assert list(samples_for(far)) == []  # a region's samples are its own schools'
    assert list(samples_for(elsewhere_school)) == [other]


def test_a_schools_own_documents_are_not_samples(login, world):
    page = login(world.school_curator).get(reverse("participants:organization-document-create",
                                                   args=[world.school.code])).content.decode()
    assert 'name="is_sample"' not in page
    page = login(world.curator).get(reverse("participants:district-document-create",
                                            args=[world.district.code])).content.decode()
    assert 'name="is_sample"' in page


def test_a_sample_not_yet_adopted_is_not_published_on_the_schools_page(world):
    sample = Document.objects.create(district=world.district, kind="regulation", title="Положение (образец)",
                                     date=date(2024, 8, 20), is_sample=True)
    copy = sample_copy(sample=sample, organization=world.school, user=world.school_curator, today=timezone.localdate())
    assert documents(world.school, timezone.localdate()) is None
    copy.number = "12"
    copy.save()
    assert documents(world.school, timezone.localdate()) == {"documents": [copy]}

