"""Issue #26: the district writes to its schools — all, those of one kind, or those it picks — and sees who read the
letter; a school's curator reads its letters (new ones are counted in its navigation)."""

from datetime import date

import pytest
from django.core.cache import cache
from django.urls import reverse

from participants.letters.models import Letter, LetterCopy
from participants.models import Document


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def send(client, world, **fields):
    return client.post(reverse("participants:district-letters", args=[world.district.code]),
                       {"title": "О мониторинге", "text": "Сдайте отчёт до 20 мая.", "to": "all", **fields},
                       follow=True)


def test_a_letter_to_every_school_and_who_read_it(login, world):
    send(login(world.curator), world)
    letter = Letter.objects.get()
    assert sorted(letter.copies.values_list("organization__code", flat=True)) == ["agin-1", "tinskaya"]
    school = login(world.school_curator)
    nav = school.get(reverse("participants:organization", args=[world.school.code])).content.decode()
    assert "Письма муниципалитета" in nav and '<span class="visually-hidden">ждут: </span>1</span>' in nav
    copy = LetterCopy.objects.get(organization=world.school)
    assert "Сдайте отчёт до 20 мая." in school.get(reverse("participants:school-letter", args=[
        world.school.code, copy.pk])).content.decode()
    nav = school.get(reverse("participants:organization", args=[world.school.code])).content.decode()
    assert '<span class="visually-hidden">ждут: </span>1</span>' not in nav
    sent = login(world.methodist).get(reverse("participants:district-letter", args=[world.district.code, letter.pk]))
    html = sent.content.decode()
    assert html.count("не прочитано") == 1 and "МБОУ Тинская СОШ" in html


def test_a_letter_to_the_schools_picked(login, world):
    send(login(world.curator), world, to="chosen", schools=[world.other_school.pk])
    assert list(LetterCopy.objects.values_list("organization__code", flat=True)) == ["tinskaya"]
    refused = send(login(world.curator), world, title="Никому", to="chosen")
    assert "Выберите школы" in refused.content.decode() and Letter.objects.count() == 1


def test_a_school_reads_only_its_own_and_a_methodist_sends_nothing(login, world):
    send(login(world.curator), world, to="chosen", schools=[world.other_school.pk])
    copy = LetterCopy.objects.get()
    assert login(world.school_curator).get(reverse("participants:school-letter", args=[
        world.school.code, copy.pk])).status_code == 404
    assert send(login(world.methodist), world).status_code == 403
    assert Letter.objects.count() == 1


def test_a_letter_to_the_schools_lacking_a_mark_of_the_passport(login, world):
    """000 §2.1 with 000 §3.4: the district writes to the schools whose положение is not in the register."""
    Document.objects.create(organization=world.school, kind="regulation", title="Положение", number="7",
                            date=date(2021, 9, 1))
    page = login(world.curator).get(reverse("participants:district-letters", args=[world.district.code]))
    assert "нет отметки «Положение о наставничестве»" in page.content.decode()
    send(login(world.curator), world, title="О положении", to="mark", group="passport:regulation")
    assert list(Letter.objects.get().copies.values_list("organization__code", flat=True)) == ["tinskaya"]
    refused = send(login(world.curator), world, title="Без группы", to="mark", group="")
    assert "Выберите, каким школам по паспорту" in refused.content.decode() and Letter.objects.count() == 1
