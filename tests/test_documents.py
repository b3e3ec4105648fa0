"""The documents of the model: each place keeps its register (положение, orders, protocols) with files checked by
content; a roadmap item points to the document that fulfils it; a district's roadmap is approved by its own order."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participants.models import Document, DocumentKind, ExportLog, Membership, Pair, PairStatus, PlanTask
from roadmaps.models import RoadmapStatus
from tests.documents import docx_text, pdf_text
from tests.factories import SAYANSKY_SECTIONS, form, make_roadmap, person

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def add(client, place, code, **fields):
    data = {"kind": DocumentKind.REGULATION, "title": "Положение о наставничестве", "number": "12-од",
            "date": "2021-09-01", "approves": "положение", **fields}
    return client.post(reverse(f"participants:{place}-document-create", args=[code]), data)


def test_a_district_keeps_its_documents_with_files_checked_by_content(login, world):
    client = login(world.curator)
    response = add(client, "district", world.district.code, file=SimpleUploadedFile("положение.pdf", PDF))
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.district == world.district and document.file.name.endswith(".pdf")
    register = client.get(reverse("participants:district-documents", args=[world.district.code])).content.decode()
    assert "Положение о наставничестве" in register and "от 01.09.2021 № 12-од" in register
    download = client.get(reverse("participants:district-document-file", args=[world.district.code, document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    # The methodist reads the register and downloads, but does not change it
    assert login(world.methodist).get(download.request["PATH_INFO"]).status_code == 200
    assert add(login(world.methodist), "district", world.district.code).status_code == 403


def test_a_file_that_is_not_what_its_name_says_is_refused_and_the_form_keeps_the_rest(login, world):
    response = add(login(world.curator), "district", world.district.code, title="Приказ о рабочей группе",
                   file=SimpleUploadedFile("приказ.pdf", b"MZ\x90\x00 an executable"))
    page = response.content.decode()
    assert response.status_code == 200 and "Приказ о рабочей группе" in page
    assert "Файл назван «приказ.pdf», но это не PDF" in page
    assert not Document.objects.exists()


def test_a_bad_date_is_said_in_russian(login, world):
    response = add(login(world.school_curator), "organization", world.school.code, date="31.02.2021")
    assert "Введите правильную дату" in response.content.decode() and not Document.objects.exists()


@pytest.mark.parametrize("who, place, code, status", [
    ("curator", "district", "klin", 404),  # another district
    ("school_curator", "organization", "tinskaya", 404),  # another school
    ("school_curator", "district", "sayansky", 404),  # a school does not see the district's page
    ("curator", "region", "krasnoyarsk", 404),  # the region's register is the coordinator's
    ("mentor", "organization", "agin-1", 403),  # a mentor reads, does not add
])
def test_nobody_adds_a_document_outside_their_place(login, world, who, place, code, status):
    assert add(login(getattr(world, who)), place, code).status_code == status
    assert not Document.objects.exists()


def test_the_region_keeps_its_documents(login, world):
    client = login(world.coordinator)
    add(client, "region", world.region.code, kind=DocumentKind.ORDER_OTHER, title="О региональной модели")
    document = Document.objects.get()
    assert document.region == world.region
    edit_url = reverse("participants:region-document-edit", args=[world.region.code, document.pk])
    client.post(edit_url, {"kind": DocumentKind.ORDER_OTHER, "title": "О внедрении ЦМН", "number": "1",
                           "date": "2021-02-01"})
    document.refresh_from_db()
    assert document.title == "О внедрении ЦМН"
    client.post(reverse("participants:region-document-delete", args=[world.region.code, document.pk]))
    assert not Document.objects.exists()


@pytest.fixture
def roadmap(world):
    return make_roadmap(world.district, sections=SAYANSKY_SECTIONS)


def test_an_item_points_to_the_document_that_fulfils_it(login, world, roadmap):
    order = Document.objects.create(district=world.district, kind=DocumentKind.ORDER_CURATOR,
                                    title="О назначении кураторов", number="45", date=date(2021, 10, 1))
    school_order = Document.objects.create(organization=world.school, kind=DocumentKind.ORDER_OTHER, title="Чужой",
                                           date=date(2021, 10, 1))
    item = roadmap.items.order_by("pk").first()
    url = reverse("roadmaps:item-edit", args=[roadmap.pk, item.pk])
    client = login(world.curator)
    fields = {"name": item.name, "deadline_text": item.deadline_text, "responsible": item.responsible,
              "status": "done", "version": item.version}
    refused = client.post(url, {**fields, "document": school_order.pk})  # not the district's
    assert refused.status_code == 400 and "Выберите корректный вариант" in refused.content.decode()
    client.post(url, {**fields, "document": order.pk})
    item.refresh_from_db()
    assert item.document == order
    page = client.get(reverse("roadmaps:item", args=[roadmap.pk, item.pk])).content.decode()
    assert "Приказ о назначении куратора от 01.10.2021 № 45" in page
    order.delete()  # the item stays, without the link
    item.refresh_from_db()
    assert item.document is None


def test_a_district_roadmap_is_approved_by_a_new_order_that_the_register_keeps(login, world, roadmap):
    client = login(world.curator)
    url = reverse("roadmaps:adopt", args=[roadmap.pk])
    refused = client.post(url, {"number": "", "date": ""})
    assert refused.status_code == 400 and "укажите номер и дату" in refused.content.decode()
    client.post(url, {"number": "179/1-од", "date": "2021-09-01", "file": SimpleUploadedFile("приказ.pdf", PDF)})
    roadmap.refresh_from_db()
    assert roadmap.status == RoadmapStatus.APPROVED
    assert roadmap.approval_line == "Приложение к приказу от 01.09.2021 № 179/1-од"
    order = Document.objects.get(district=world.district)
    assert order.kind == DocumentKind.ORDER_ROADMAP and roadmap.approval_document == order
    page = client.get(roadmap.get_absolute_url()).content.decode()
    assert "Утверждена: Приказ об утверждении дорожной карты от 01.09.2021 № 179/1-од" in page

    client.post(url, {"cancel": "1"})
    roadmap.refresh_from_db()
    assert roadmap.status == RoadmapStatus.DRAFT and Document.objects.filter(pk=order.pk).exists()
    client.post(url, {"document": order.pk})  # the same order, chosen from the register
    roadmap.refresh_from_db()
    assert roadmap.status == RoadmapStatus.APPROVED and Document.objects.count() == 1


def test_only_the_district_approves_its_roadmap_and_a_school_roadmap_is_not_adopted(login, world, roadmap):
    assert login(world.methodist).post(reverse("roadmaps:adopt", args=[roadmap.pk]),
                                       {"number": "1", "date": "2021-09-01"}).status_code == 403
    school_roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    assert login(world.school_curator).get(reverse("roadmaps:adopt", args=[school_roadmap.pk])).status_code == 404


def draft_url(place, code, slug, fmt):
    return reverse(f"participants:{place}-document-draft", args=[code, slug, fmt])


def test_the_district_drafts_the_order_appointing_its_curators_from_the_base(login, world, tmp_path):
    world.school_curator.last_name, world.school_curator.first_name = "Орлова", "Ирина Викторовна"
    world.school_curator.save()
    Membership.objects.filter(user=world.school_curator).update(position="заместитель директора по УВР")
    client = login(world.curator)
    register = client.get(reverse("participants:district-documents", args=[world.district.code])).content.decode()
    assert "О назначении кураторов" in register
    pdf = client.get(draft_url("district", world.district.code, "kuratory", "pdf"))
    text = pdf_text(pdf.content, tmp_path)
    assert "О назначении кураторов внедрения целевой модели наставничества" in text
    assert "МБОУ Агинская СОШ № 1 Орлова Ирина Викторовна заместитель директора по УВР" in text
    word = docx_text(client.get(draft_url("district", world.district.code, "kuratory", "docx")).content)
    assert "ПРИКАЗЫВАЮ:" in word and "Орлова Ирина Викторовна" in word
    # The methodist reads the register but drafts no orders; a school's draft is not offered to a district
    assert login(world.methodist).get(draft_url("district", world.district.code, "kuratory", "pdf")).status_code == 403
    assert client.get(draft_url("district", world.district.code, "plany", "pdf")).status_code == 404


def test_a_school_drafts_plans_and_incentives_from_its_pairs(login, world, tmp_path):
    mentor = person(world.school, "teacher", grade="", last_name="Соколова", first_name="Мария")
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form(), status=PairStatus.ACTIVE,
                               start_date=date(2024, 9, 1), end_date=date(2025, 5, 31))
    pair.mentees.set([person(world.school, last_name="Белова")])
    client = login(world.school_curator)
    none = client.get(draft_url("organization", world.school.code, "pooshchrenie", "pdf"), follow=True)
    assert "Ни одна действующая пара не выполнила план" in none.content.decode()
    for n in range(10):
        PlanTask.objects.create(pair=pair, title=f"Пункт {n}", done=n < 9)  # 90 %
    plans = pdf_text(client.get(draft_url("organization", world.school.code, "plany", "pdf")).content, tmp_path)
    assert "Об утверждении индивидуальных планов" in plans and "Соколова Мария" in plans
    thanks = docx_text(client.get(draft_url("organization", world.school.code, "pooshchrenie", "docx")).content)
    assert "О поощрении наставников" in thanks and "Соколова Мария" in thanks and "90 %" in thanks
    assert ExportLog.objects.filter(organization=world.school).count() == 2


def test_the_final_order_of_a_monitoring_campaign_lists_each_schools_report(login, world, tmp_path):
    """Issue #21: drawn from the latest closed campaign (not December's, still open), with the district's figures
    against its targets from the accepted reports, and the roadmap's execution (seed 003 п.10.18)."""
    from monitoring.models import Campaign, Indicator, Target
    from monitoring.services import campaign_open
    from tests.factories import make_roadmap

    indicator = Indicator.objects.create(district=world.district, position=1, name="Доля обучающихся в наставничестве",
                                         method="computed", formula="students_in_mentoring")
    Target.objects.create(indicator=indicator, year=2024, value=35)
    may = campaign_open(district=world.district, title="Мониторинг, май 2024", year=2024, due_on=date(2024, 5, 20))
    may.reports.filter(organization=world.school).update(status="accepted", figures={str(indicator.pk): {
        "name": "Доля обучающихся в наставничестве", "value": 35.5, "ratio": [71, 200]}})
    campaign_open(district=world.district, title="Мониторинг, декабрь 2024", year=2025, due_on=date(2030, 12, 20))
    make_roadmap(world.district, period=(2023, 2024), sections={"Организация": [("Совещание", "Апрель 2024", "УО")]})
    url = draft_url("district", world.district.code, "itogi-monitoringa", "pdf")
    refused = login(world.curator).get(url, follow=True).content.decode()
    assert "Закрытых кампаний мониторинга ещё нет" in refused  # May is not closed yet: no order from an open one
    Campaign.objects.filter(pk=may.pk).update(is_closed=True)
    text = " ".join(pdf_text(login(world.curator).get(url).content, tmp_path).split())
    assert "Об итогах мониторинга реализации целевой модели наставничества (Мониторинг, май 2024)" in text
    assert "декабрь 2024" not in text
    assert "МБОУ Агинская СОШ № 1 Принят 35.5 %" in text
    assert "«Доля обучающихся в наставничестве» — 35.5 % при плане 35 %" in text
    assert "исполнение дорожной карты муниципалитета на 20.05.2024: выполнено мероприятий 0 из 1, просрочено 1" in text
    assert "Руководителям МБОУ Тинская СОШ представить отчёт" in text  # not handed in, past its due date