"""Issue #25: a region, a district or a school builds its own questionnaires — sections, a scale with labels, single
and multiple choice, free text, number, date; required or not; who answers — and versions them: answers stay with
the version asked. Schools copy the region's and the district's."""

from datetime import date

import pytest
from django.urls import reverse

from monitoring.builder import services
from monitoring.models import Answer, Invitation, Questionnaire
from participants.models import Pair, PairStatus
from tests.factories import form, person


def build(login, user, kind, code, title="Анкета удовлетворённости"):
    client = login(user)
    client.post(reverse(f"monitoring:{kind}-builder", args=[code]),
                {"title": title, "respondent": "mentee", "intro": "Ответьте честно"})
    questionnaire = Questionnaire.objects.get(title=title)
    add = reverse(f"monitoring:{kind}-builder-question", args=[code, questionnaire.pk])
    client.post(add, {"section": "Встречи", "text": "Насколько полезны встречи?", "kind": "scale",
                      "low_label": "бесполезны", "high_label": "очень полезны", "required": "on"})
    client.post(add, {"section": "Встречи", "text": "Что было на встречах?", "kind": "multiple",
                      "choices": "Разбор задач\nПроекты\nБеседы", "required": "on"})
    client.post(add, {"section": "О себе", "text": "Когда начали заниматься?", "kind": "date"})
    client.post(add, {"section": "О себе", "text": "Сколько часов в неделю?", "kind": "number"})
    client.post(add, {"section": "О себе", "text": "Любимый предмет", "kind": "single",
                      "choices": "Математика\nИстория"})
    return client, questionnaire


def test_a_school_builds_publishes_and_asks_its_questionnaire(login, client, world):
    curator, questionnaire = build(login, world.school_curator, "organization", world.school.code)
    assert list(questionnaire.questions.values_list("kind", flat=True)) == ["scale", "multiple", "date", "number",
                                                                            "single"]
    refused = curator.post(reverse("monitoring:organization-builder-question", args=[world.school.code,
                                                                                     questionnaire.pk]),
                           {"text": "Один вариант", "kind": "single", "choices": "Да"})
    assert refused.status_code == 400 and "хотя бы два варианта" in refused.content.decode()
    curator.post(reverse("monitoring:organization-builder-publish", args=[world.school.code, questionnaire.pk]))
    questionnaire.refresh_from_db()
    assert questionnaire.status == "published"

    pair = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade=""),
                               form=form(), status=PairStatus.ACTIVE, start_date=date(2025, 9, 1),
                               end_date=date(2030, 5, 31))
    pair.mentees.set([person(world.school, last_name="Орлов")])
    curator.post(reverse("monitoring:invitations-create", args=[world.school.code]),
                 {"pair": pair.pk, "stage": f"q{questionnaire.pk}"})
    invitation = Invitation.objects.get(questionnaire=questionnaire)  # the mentee only: he is who answers
    assert invitation.person.last_name == "Орлов"

    page = client.get(reverse("monitoring:answer", args=[invitation.token])).content.decode()
    assert "Встречи" in page and "1 — бесполезны, 10 — очень полезны" in page and 'type="date"' in page
    questions = {q.text: q.pk for q in questionnaire.questions.all()}
    missing = client.post(reverse("monitoring:answer", args=[invitation.token]), {})
    assert missing.status_code == 400 and "Отметьте хотя бы один вариант." in missing.content.decode()
    client.post(reverse("monitoring:answer", args=[invitation.token]), {
        f"q{questions['Насколько полезны встречи?']}": 9,
        f"q{questions['Что было на встречах?']}": ["Разбор задач", "Проекты"],
        f"q{questions['Когда начали заниматься?']}": "2025-10-01",
        f"q{questions['Сколько часов в неделю?']}": "2,5",  # as a Russian keyboard types it
        f"q{questions['Любимый предмет']}": "История"})
    answers = {a.question.text: (a.score, a.text) for a in Answer.objects.filter(invitation=invitation)}
    assert answers == {"Насколько полезны встречи?": (9, ""), "Что было на встречах?": (None, "Разбор задач; Проекты"),
                       "Когда начали заниматься?": (None, "2025-10-01"), "Сколько часов в неделю?": (None, "2.5"),
                       "Любимый предмет": (None, "История")}


def test_an_asked_questionnaire_is_changed_in_its_next_version(login, world):
    curator, questionnaire = build(login, world.school_curator, "organization", world.school.code)
    services.publish(questionnaire)
    invitation = Invitation.objects.create(questionnaire=questionnaire, organization=world.school,
                                           person=person(world.school))
    first = questionnaire.questions.order_by("position").first()
    response = curator.post(reverse("monitoring:organization-builder-question-delete",
                                    args=[world.school.code, questionnaire.pk, first.pk]), follow=True)
    assert "изменения сохранены в версии 2" in response.content.decode()
    questionnaire.refresh_from_db()
    following = Questionnaire.objects.get(family=questionnaire, version=2)
    assert not questionnaire.is_current and following.is_current and following.status == "draft"
    assert questionnaire.questions.count() == 5 and following.questions.count() == 4  # the asked one kept its own
    assert invitation.questionnaire_id == questionnaire.pk
    curator.post(reverse("monitoring:organization-builder-question-move",
                         args=[world.school.code, following.pk, following.questions.order_by("position").last().pk,
                               "up"]))
    assert list(following.questions.order_by("position").values_list("text", flat=True))[-2:] == [
        "Любимый предмет", "Сколько часов в неделю?"]
    assert Questionnaire.objects.filter(family=questionnaire).count() == 1  # a draft no one was asked changes in place


def test_a_school_copies_its_districts_questionnaire_and_another_district_cannot(login, world):
    _, district_one = build(login, world.curator, "district", world.district.code, "Анкета района")
    services.publish(district_one)
    curator = login(world.school_curator)
    listing = curator.get(reverse("monitoring:organization-builder", args=[world.school.code])).content.decode()
    assert "Анкета района" in listing and "скопировать себе" in listing
    curator.post(reverse("monitoring:organization-builder-copy", args=[world.school.code, district_one.pk]))
    copy = Questionnaire.objects.get(organization=world.school)
    assert copy.copied_from == district_one and copy.questions.count() == 5 and copy.status == "draft"
    assert login(world.outsider_curator).post(reverse("monitoring:district-builder-copy", args=[
        world.other_district.code, district_one.pk])).status_code == 404


def test_a_mentor_or_a_methodist_builds_nothing(login, world):
    for user, kind, code in ((world.mentor, "organization", world.school.code),
                             (world.methodist, "district", world.district.code)):
        assert login(user).post(reverse(f"monitoring:{kind}-builder", args=[code]),
                                {"title": "x", "respondent": "mentee"}).status_code == 403
    assert not Questionnaire.objects.filter(kind="custom", created_by__isnull=False).exists()


def test_the_region_builds_for_its_districts(login, world):
    _, regional = build(login, world.coordinator, "region", world.region.code, "Анкета региона")
    services.publish(regional)
    page = login(world.curator).get(reverse("monitoring:district-builder", args=[world.district.code]))
    assert "Анкета региона" in page.content.decode()


@pytest.mark.parametrize("kind, choices, problems", [("single", "Да\nНет", []), ("multiple", "Да", 1),
                                                     ("scale", "", [])])
def test_choices_are_checked(kind, choices, problems):
    assert len(services.question_problems(kind, choices)) == (problems if isinstance(problems, int) else 0)


def test_the_methodologys_swot_for_each_form_is_copied_and_filled_in_by_the_curator(login, world):
    swots = Questionnaire.objects.filter(title__startswith="SWOT-анализ", organization__isnull=True)
    assert swots.count() == 5 and Questionnaire.objects.filter(title="Анкета куратора").exists()
    swot = swots.get(title__contains="«учитель – учитель»")
    assert list(dict.fromkeys(swot.questions.values_list("section", flat=True))) == [
        "Сильные стороны", "Слабые стороны", "Возможности", "Угрозы", "Условия формы"]
    curator = login(world.school_curator)
    assert swot.title in curator.get(reverse("monitoring:organization-builder", args=[world.school.code])
                                     ).content.decode()
    curator.post(reverse("monitoring:organization-builder-copy", args=[world.school.code, swot.pk]))
    copy = Questionnaire.objects.get(organization=world.school)
    services.publish(copy)
    sheet = curator.post(reverse("monitoring:organization-builder-fill", args=[world.school.code, copy.pk]))
    invitation = Invitation.objects.get(questionnaire=copy)
    assert sheet.url == reverse("monitoring:answer-enter", args=[world.school.code, invitation.pk])
    answers = {f"q{q.pk}": ("Сильный коллектив" if q.kind == "text" else 8) for q in copy.questions.all()}
    curator.post(sheet.url, answers)
    invitation.refresh_from_db()
    assert invitation.answered_at and invitation.entered_by == world.school_curator and invitation.person is None


def test_a_questionnaire_for_teachers_goes_to_every_teacher_of_the_registry_once(login, world, mailoutbox,
                                                                                  django_capture_on_commit_callbacks):
    for name in ("Громова", "Белова"):
        person(world.school, "teacher", grade="", last_name=name, email=f"{name}@example.ru".lower())
    person(world.school, last_name="Орлов")  # a pupil: not asked
    questionnaire = Questionnaire.objects.create(kind="custom", title="Методическая помощь", respondent="teacher",
                                                 organization=world.school)
    questionnaire.questions.create(text="Нужна ли помощь наставника?", kind="single", choices="Да\nНет")
    curator = login(world.school_curator)
    url = reverse("monitoring:invitations-create-for-category", args=[world.school.code])
    with django_capture_on_commit_callbacks(execute=True):
        curator.post(url, {"questionnaire": questionnaire.pk})
    assert sorted(Invitation.objects.filter(questionnaire=questionnaire).values_list("person__last_name", flat=True)
                  ) == ["Белова", "Громова"]
    assert len(mailoutbox) == 2
    again = curator.post(url, {"questionnaire": questionnaire.pk}, follow=True)
    assert "У всех уже есть ссылка" in again.content.decode()
    assert Invitation.objects.filter(questionnaire=questionnaire).count() == 2

