"""Programmes of mentoring: a school writes one and approves it by its order (the register keeps the order), the
district reviews and recommends it, keeps model programmes and copies them to schools; pairs follow a programme."""


from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participants.models import Document, MentoringForm, Programme, ProgrammeStatus
from tests.factories import OrganizationFactory

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def fields(**overrides):
    return {"title": "Шаг в профессию", "form": MentoringForm.objects.get(name="ученик – ученик", district=None).pk,
            "target_group": "обучающиеся 7–9 классов", "goals": "адаптация", "duration": "1 учебный год",
            "start_date": "2024-09-01", "end_date": "2025-05-31", **overrides}


def test_a_school_writes_a_programme_and_approves_it_by_order(login, world):
    client = login(world.school_curator)
    client.post(reverse("participants:programme-create", args=[world.school.code]),
                fields(file=SimpleUploadedFile("программа.pdf", PDF)))
    programme = Programme.objects.get()
    assert programme.organization == world.school and programme.status == ProgrammeStatus.DRAFT
    client.post(reverse("participants:programme-edit", args=[world.school.code, programme.pk]),
                {"approve": "1", "order_number": "77-од", "order_date": "2024-08-30"})
    programme.refresh_from_db()
    assert programme.status == ProgrammeStatus.APPROVED and programme.approval_line == "приказ от 30.08.2024 № 77-од"
    order = Document.objects.get(organization=world.school)
    assert order.number == "77-од" and "Шаг в профессию" in order.title
    page = client.get(reverse("participants:programmes", args=[world.school.code])).content.decode()
    assert "Утверждена приказом ОО" in page


def test_the_form_keeps_what_was_typed_and_says_what_is_wrong(login, world):
    response = login(world.school_curator).post(reverse("participants:programme-create", args=[world.school.code]),
                                                fields(end_date="2024-01-01", title="Наставник рядом"))
    page = response.content.decode()
    assert response.status_code == 400 and "Окончание раньше начала" in page and 'value="Наставник рядом"' in page
    assert not Programme.objects.exists()


def test_the_district_reviews_and_recommends_a_school_programme(login, world):
    programme = Programme.objects.create(organization=world.school, title="Шаг в профессию",
                                         status=ProgrammeStatus.APPROVED)
    draft = Programme.objects.create(organization=world.other_school, title="Наброски программы")
    client = login(world.curator)
    base = client.get(reverse("participants:district-programmes", args=[world.district.code]),
                      {"status": "approved"}).content.decode()
    assert "Шаг в профессию" in base and "Наброски программы" not in base
    review = reverse("participants:programme-review", args=[world.district.code, programme.pk])
    empty = client.post(review, {"comment": "", "decision": "recommend"})
    assert empty.status_code == 400 and "Обязательное поле" in empty.content.decode()
    client.post(review, {"comment": "Программа соответствует методологии", "decision": "recommend"})
    programme.refresh_from_db()
    assert programme.status == ProgrammeStatus.RECOMMENDED and programme.reviewed_by == world.curator
    refused = client.post(reverse("participants:programme-review", args=[world.district.code, draft.pk]),
                          {"comment": "рано", "decision": "recommend"}, follow=True)
    assert "утверждённую приказом организации" in refused.content.decode()
    # A methodist reads the base but does not review; another district does not see the programme
    assert login(world.methodist).post(review, {"comment": "x", "decision": "recommend"}).status_code == 403
    assert login(world.outsider_curator).get(
        reverse("participants:district-programme", args=[world.district.code, programme.pk])).status_code == 404


def test_a_model_programme_is_copied_to_schools_once(login, world):
    client = login(world.curator)
    client.post(reverse("participants:model-programme-create", args=[world.district.code]),
                fields(title="Типовая программа «Учитель – учитель»"))
    model = Programme.objects.get(district=world.district)
    copy = reverse("participants:programme-copy", args=[world.district.code, model.pk])
    client.post(copy, {"schools": [world.school.pk]})
    response = client.post(copy, {"schools": [world.school.pk, world.other_school.pk]}, follow=True)
    assert "Скопировано в организации: 1; уже была у 1." in response.content.decode()
    copies = Programme.objects.filter(source=model)
    assert sorted(copies.values_list("organization__code", flat=True)) == ["agin-1", "tinskaya"]
    assert all(c.status == ProgrammeStatus.DRAFT and c.title == model.title for c in copies)
    elsewhere = OrganizationFactory(district=world.other_district, code="klin-1")
    assert client.post(copy, {"schools": [elsewhere.pk]}).status_code == 400  # not a school of the district


def test_a_pair_follows_a_programme_of_its_school(login, world):
    own = Programme.objects.create(organization=world.school, title="Своя")
    other = Programme.objects.create(organization=world.other_school, title="Чужая")
    page = login(world.school_curator).get(reverse("participants:pair-create", args=[world.school.code]))
    choices = [str(c) for c in page.context["form"].fields["programme"].queryset]
    assert "Своя" in choices and "Чужая" not in choices and own.pk != other.pk
