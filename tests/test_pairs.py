"""Pairs and groups: every rule of the methodology with its Russian message, the plan and its completion."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mentoring_portal.lib.wording import counted
from participants.models import MentorProfile, Pair, PairStatus, Partner
from participants.models.registry import years_between
from participants.pairs.selectors import plan_completion
from participants.pairs.services import meeting_save, pair_activate, pair_create, pair_finish
from tests.factories import form, person

TODAY = date(2024, 10, 1)


@pytest.fixture
def people(world):
    mentor = person(world.school, "student", last_name="Ёлкин", first_name="Андрей", patronymic="Васильевич",
                    grade="11А")
    MentorProfile.objects.create(person=mentor, competencies="математика", max_mentees=2)
    return {
        "mentor": mentor,
        "anna": person(world.school, last_name="Белова", first_name="Анна"),
        "boris": person(world.school, last_name="Белов", first_name="Борис"),
        "vera": person(world.school, last_name="Веселова", first_name="Вера"),
        "no_consent": person(world.school, last_name="Гаврилов", first_name="Глеб", consent=False),
        "stranger": person(world.other_school, last_name="Чужой", first_name="Пётр"),
    }


def make(world, mentor, mentees, name="ученик – ученик", start=date(2024, 10, 1), end=date(2025, 5, 31)):
    return pair_create(organization=world.school, mentor=mentor, mentees=mentees, form=form(name), start_date=start,
                       end_date=end, today=TODAY)


def messages_of(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def test_it_creates_a_pair_with_the_methodologys_meetings(world, people):
    pair = make(world, people["mentor"], [people["anna"]])
    assert pair.status == PairStatus.FORMING
    assert [m.get_kind_display() for m in pair.meetings.order_by("planned_on")] == [
        "Встреча-знакомство", "Пробная встреча", "Встреча-планирование", "Совместная работа", "Итоговая встреча"]


def test_a_group_has_several_mentees(world, people):
    assert make(world, people["mentor"], [people["anna"], people["boris"]]).is_group


def test_nobody_mentors_themselves(world, people):
    with pytest.raises(ValidationError) as excinfo:
        make(world, people["anna"], [people["anna"]])
    assert "не может быть наставником самому себе" in messages_of(excinfo)


def test_a_mentor_takes_no_more_mentees_than_the_profile_allows(world, people):
    make(world, people["mentor"], [people["anna"], people["boris"]])
    with pytest.raises(ValidationError) as excinfo:
        make(world, people["mentor"], [people["vera"]], name="учитель – учитель")
    assert "будет 3 наставляемых при ограничении 2" in messages_of(excinfo)


def test_a_finished_pair_frees_the_mentors_places(world, people):
    pair = make(world, people["mentor"], [people["anna"], people["boris"]])
    pair_finish(pair=pair, status=PairStatus.COMPLETED, result="План выполнен")
    make(world, people["mentor"], [people["vera"]])


def test_a_mentee_is_in_one_live_pair_of_a_form(world, people):
    other_mentor = person(world.school, "student", last_name="Орлова", first_name="Ольга", grade="10А")
    student = person(world.school, "university_student", last_name="Сидоров", first_name="Семён", grade="")
    make(world, people["mentor"], [people["anna"]])
    with pytest.raises(ValidationError) as excinfo:
        make(world, other_mentor, [people["anna"]])
    assert "Белова Анна Петровна уже в формирующейся паре формы «ученик – ученик»" in messages_of(excinfo)
    make(world, student, [people["anna"]], name="студент – ученик")  # another form is fine


@pytest.mark.parametrize("name, mentor, mentee, message", [
    ("ученик – ученик", "teacher", "student",
     "В форме «ученик – ученик» наставник — обучающийся; Орлова Ольга Петровна — педагог."),
    ("учитель – учитель", "teacher", "student",
     "В форме «учитель – учитель» наставляемый — педагог: Белова Анна Петровна (обучающийся)."),
    ("работодатель – ученик", "student", "student", "наставник — представитель партнёра/работодателя"),
])
def test_each_form_has_its_roles(world, people, name, mentor, mentee, message):
    other_mentor = person(world.school, mentor, last_name="Орлова", first_name="Ольга", grade="")
    with pytest.raises(ValidationError) as excinfo:
        make(world, other_mentor, [people["anna"]], name=name)
    assert message in messages_of(excinfo)


def test_a_form_the_district_added_without_roles_takes_anyone(world, people):
    from participants.models import MentoringForm

    added = MentoringForm.objects.create(name="учитель – ученик", district=world.district)
    teacher = person(world.school, "teacher", last_name="Орлова", first_name="Ольга", grade="")
    pair = pair_create(organization=world.school, mentor=teacher, mentees=[people["anna"]], form=added,
                       start_date=date(2024, 10, 1), end_date=date(2025, 5, 31), today=TODAY)
    assert pair.mentor == teacher


def test_the_end_comes_after_the_start(world, people):
    with pytest.raises(ValidationError) as excinfo:
        make(world, people["mentor"], [people["anna"]], start=date(2025, 5, 1), end=date(2024, 9, 1))
    assert "Дата окончания раньше даты начала" in messages_of(excinfo)


def test_consent_comes_before_activation(world, people):
    pair = make(world, people["mentor"], [people["anna"], people["no_consent"]])
    with pytest.raises(ValidationError) as excinfo:
        pair_activate(pair=pair, today=TODAY)
    assert "Нет действующего согласия на обработку персональных данных: Гаврилов Глеб Петровна" in messages_of(excinfo)
    assert Pair.objects.get(pk=pair.pk).status == PairStatus.FORMING


def test_a_withdrawn_consent_does_not_count(world, people):
    consent = people["anna"].consents.get()
    consent.withdrawn_on = date(2024, 9, 20)
    consent.save()
    pair = make(world, people["mentor"], [people["anna"]])
    with pytest.raises(ValidationError):
        pair_activate(pair=pair, today=TODAY)


def test_with_every_consent_the_pair_starts(world, people):
    pair = pair_activate(pair=make(world, people["mentor"], [people["anna"]]), today=TODAY)
    assert pair.status == PairStatus.ACTIVE


def test_members_belong_to_the_school_or_its_partners(world, people):
    with pytest.raises(ValidationError) as excinfo:
        make(world, people["mentor"], [people["stranger"]])
    assert "Чужой Пётр Петровна не состоит в МБОУ Агинская СОШ № 1" in messages_of(excinfo)
    partner = Partner.objects.create(organization=world.school, name="ООО «Агроресурс»")
    engineer = person(world.other_school, "partner", last_name="Инженеров", first_name="Иван", partner=partner)
    make(world, engineer, [people["anna"]], name="работодатель – ученик")


def test_early_termination_needs_a_reason(world, people):
    pair = make(world, people["mentor"], [people["anna"]])
    with pytest.raises(ValidationError, match="причину"):
        pair_finish(pair=pair, status=PairStatus.TERMINATED)
    pair_finish(pair=pair, status=PairStatus.TERMINATED, reason="Переезд наставляемого")
    assert Pair.objects.get(pk=pair.pk).termination_reason == "Переезд наставляемого"


def test_a_meeting_is_not_held_before_the_pair_starts(world, people):
    pair = make(world, people["mentor"], [people["anna"]])
    with pytest.raises(ValidationError, match="раньше начала"):
        meeting_save(pair=pair, meeting=pair.meetings.first(), held_on=date(2024, 9, 1))


def test_a_meeting_is_not_held_in_the_future(world, people):
    pair = make(world, people["mentor"], [people["anna"]])
    meeting = pair.meetings.first()
    with pytest.raises(ValidationError) as excinfo:
        meeting_save(pair=pair, meeting=meeting, held_on=date(2024, 10, 3), today=date(2024, 10, 2))
    assert "Встреча ещё не прошла" in messages_of(excinfo)
    assert meeting_save(pair=pair, meeting=meeting, held_on=date(2024, 10, 2), today=date(2024, 10, 2)).held_on


def test_plan_completion_counts_held_meetings_and_done_tasks(world, people):
    pair = make(world, people["mentor"], [people["anna"]])
    assert plan_completion(pair) == 0
    for meeting in list(pair.meetings.order_by("planned_on"))[:3]:
        meeting_save(pair=pair, meeting=meeting, held_on=date(2024, 10, 20))
    pair.tasks.create(title="План развития", done=True)
    assert plan_completion(pair) == 67  # 4 of 6


# Through the pages ---------------------------------------------------------------------------------------------------
def pair_form_data(people, **changes):
    return {"form": form().pk, "mentor": people["mentor"].pk, "mentees": [people["anna"].pk],
            "start_date": "2024-10-01", "end_date": "2025-05-31", **changes}


def test_a_school_curator_forms_a_pair_on_the_page(login, world, people):
    response = login(world.school_curator).post(reverse("participants:pair-create", args=[world.school.code]),
                                                pair_form_data(people))
    pair = Pair.objects.get()
    assert response.status_code == 302 and response.url == pair.get_absolute_url()


def test_the_page_shows_the_broken_rule_and_keeps_the_choices(login, world, people):
    response = login(world.school_curator).post(reverse("participants:pair-create", args=[world.school.code]),
                                                pair_form_data(people, mentees=[people["mentor"].pk]))
    content = response.content.decode()
    assert response.status_code == 400 and "не может быть наставником самому себе" in content
    assert f'value="{people["mentor"].pk}" selected' in content
    assert not Pair.objects.exists()


def test_the_page_says_each_problem_once_in_russian(login, world, people):
    response = login(world.school_curator).post(reverse("participants:pair-create", args=[world.school.code]),
                                                pair_form_data(people, end_date="2024-09-01"))
    content = response.content.decode()
    assert response.status_code == 400
    assert content.count("Дата окончания раньше даты начала.") == 1
    assert "pair_end_after_start" not in content and "ограничение" not in content


def test_the_picker_tells_namesakes_apart_in_russian_order(login, world, people):
    person(world.school, last_name="Белова", first_name="Анна", grade="9В", birth_date=date(2010, 2, 1))
    person(world.school, last_name="Аксенова", first_name="Ася")
    page = login(world.school_curator).get(reverse("participants:pair-create", args=[world.school.code]))
    labels = [label for _, label in page.context["form"].fields["mentees"].choices]
    age = years_between(date(2010, 2, 1), timezone.localdate())
    assert {"Белова Анна Петровна — 7Б, обучающийся",
            f"Белова Анна Петровна — 9В, {counted(age, 'год', 'года', 'лет')}, обучающийся"} <= set(labels)
    names = [label.split(" — ")[0] for label in labels]
    assert names[0].startswith("Аксенова") and names[-1].startswith("Ёлкин")
    assert 'data-picker' in page.content.decode()


@pytest.mark.parametrize("who, status", [("mentor", 403), ("methodist", 403), ("curator", 403),
                                         ("other_curator", 404), ("outsider_curator", 404)])
def test_only_the_school_curator_forms_pairs(login, world, people, who, status):
    response = login(getattr(world, who)).post(reverse("participants:pair-create", args=[world.school.code]),
                                               pair_form_data(people))
    assert response.status_code == status and not Pair.objects.exists()


def test_a_mentor_sees_and_records_only_own_pairs(login, world, people):
    people["mentor"].user = world.mentor
    people["mentor"].save()
    own = make(world, people["mentor"], [people["anna"]])
    other_mentor = person(world.school, "student", last_name="Орлова", first_name="Ольга", grade="10А")
    other = make(world, other_mentor, [people["boris"]])
    client = login(world.mentor)
    assert [r.pair for r in client.get(reverse("participants:my-pairs")).context["rows"]] == [own]
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    meeting = own.meetings.order_by("planned_on").first()
    client.post(reverse("participants:meeting-edit", args=[world.school.code, own.pk, meeting.pk]),
                {"kind": meeting.kind, "held_on": "2024-10-02", "notes": "Познакомились"})
    meeting.refresh_from_db()
    assert meeting.held_on == date(2024, 10, 2) and meeting.notes == "Познакомились"
    task = own.tasks.create(title="Прочитать книгу")
    client.post(reverse("participants:task-toggle", args=[world.school.code, own.pk, task.pk]))
    task.refresh_from_db()
    assert task.done
    assert client.post(reverse("participants:task-toggle", args=[world.school.code, other.pk, 1])).status_code == 404
    assert client.post(reverse("participants:pair-activate", args=[world.school.code, own.pk])).status_code == 403


def test_the_order_draft_lists_the_chosen_pairs(login, world, people, tmp_path):
    import subprocess

    from participants.models import ExportLog

    first = make(world, people["mentor"], [people["anna"]])
    make(world, people["mentor"], [people["boris"]])
    response = login(world.school_curator).get(reverse("participants:pair-order", args=[world.school.code]),
                                               {"pair": [first.pk]})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    pdf = tmp_path / "order.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "О закреплении наставнических пар/групп" in flat and "Белова Анна Петровна" in flat
    assert "Белов Борис" not in flat
    assert ExportLog.objects.get().user == world.school_curator


def test_the_order_comes_in_word_for_last_edits(login, world, people):
    import io

    import docx

    first = make(world, people["mentor"], [people["anna"], people["boris"]])
    response = login(world.school_curator).get(reverse("participants:pair-order", args=[world.school.code]),
                                               {"pair": [first.pk], "format": "docx"})
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "О закреплении наставнических пар/групп" in text and "ПРИКАЗЫВАЮ:" in text
    [table] = document.tables
    row = [c.text for c in table.rows[1].cells]
    assert row[1].startswith("Ёлкин Андрей") and row[2] == "Белов Борис Петровна (7Б); Белова Анна Петровна (7Б)"


def test_the_district_adds_its_own_form_for_its_schools(login, world):
    from participants.models import MentoringForm

    url = reverse("participants:district-form-create", args=["sayansky"])
    login(world.curator).post(url, {"name": "выпускник – ученик", "variants": "успешный выпускник – ученик\n",
                                    "mentor_categories": ["graduate"], "mentee_categories": ["student"]})
    added = MentoringForm.objects.get(name="выпускник – ученик")
    assert added.district == world.district and [v.name for v in added.variants.all()] == ["успешный выпускник – ученик"]
    assert added.roles == "выпускник → обучающийся"
    assert added in MentoringForm.objects.for_organization(world.school)
    assert added not in MentoringForm.objects.for_organization(world.direct_school)
    again = login(world.curator).post(url, {"name": "выпускник – ученик"})
    assert "Такая форма в муниципалитете уже есть" in again.content.decode()


@pytest.mark.parametrize("who, status", [("methodist", 403), ("outsider_curator", 404), ("school_curator", 404)])
def test_only_the_district_curator_adds_forms(login, world, who, status):
    from participants.models import MentoringForm

    url = reverse("participants:district-form-create", args=["sayansky"])
    assert login(getattr(world, who)).post(url, {"name": "новая форма"}).status_code == status
    assert not MentoringForm.objects.filter(name="новая форма").exists()


def test_a_big_schools_pair_form_holds_only_the_chosen_and_finds_the_rest_as_one_types(login, world, people,
                                                                                        django_assert_max_num_queries):
    """Issue #24: the pair form rendered two selects of every person of a 2,000-person school. Past PICKER_INLINE the
    page holds only the chosen people; the pickers ask participants:people-search, scoped like the form."""
    from participants.models import Person
    from participants.pairs.forms import PICKER_INLINE

    Person.objects.bulk_create([Person(organization=world.school, category="student", last_name=f"Ученик{n:04d}",
                                       first_name="Иван", grade="5А", search=f"ученик{n:04d} иван 5а")
                                for n in range(PICKER_INLINE + 50)])
    person(world.other_school, last_name="Чужаков", first_name="Пётр")  # another school's: never offered
    client = login(world.school_curator)
    url = reverse("participants:pair-create", args=[world.school.code])
    page = client.get(url, {"mentor": people["mentor"].pk})
    form = page.context["form"]
    assert [label.split(" — ")[0] for _, label in form.fields["mentees"].widget.choices] == []
    assert [label.split(" — ")[0] for value, label in form.fields["mentor"].widget.choices if value] == [
        "Ёлкин Андрей Васильевич"]  # the chosen one, from a matching suggestion
    search = reverse("participants:people-search", args=[world.school.code])
    assert f'data-search-url="{search}"' in page.content.decode()
    with django_assert_max_num_queries(12):
        found = client.get(search, {"q": "белова АННА"}).json()["results"]
    assert [r["text"].split(" — ")[0] for r in found] == ["Белова Анна Петровна"]
    assert client.get(search, {"q": "ученик"}).json()["results"].__len__() == 30  # a page of them, not all
    assert client.get(search, {"q": "чужаков"}).json()["results"] == []
    saved = client.post(url, pair_form_data(people))  # the whole scope still validates what is posted
    assert saved.status_code == 302
    assert login(world.methodist).get(search, {"q": "белова"}).status_code == 403


def test_a_form_of_the_pairs_page_sent_back_keeps_what_was_typed(login, world, people):
    """Issue #28: the meeting, the task and the result are shown again, bound, with their problems — not a flash
    message over an empty form."""
    pair = make(world, people["mentor"], [people["anna"]])
    client = login(world.school_curator)
    meeting = client.post(reverse("participants:meeting-create", args=[world.school.code, pair.pk]),
                          {"kind": "work", "topic": "Разбор олимпиадных задач", "planned_on": "не дата"})
    assert meeting.status_code == 400 and 'value="Разбор олимпиадных задач"' in meeting.content.decode()
    task = client.post(reverse("participants:task-create", args=[world.school.code, pair.pk]),
                       {"title": "", "due": "2025-03-01"})
    assert task.status_code == 400 and 'value="2025-03-01"' in task.content.decode()
    assert "Задача не добавлена" in task.content.decode()
    finish = client.post(reverse("participants:pair-finish", args=[world.school.code, pair.pk]),
                         {"status": "terminated", "result": "Переезд в другой город", "reason": ""})
    page = finish.content.decode()
    assert finish.status_code == 400 and "Переезд в другой город</textarea>" in page
    pair.refresh_from_db()
    assert pair.status != "terminated" and not pair.meetings.filter(topic="Разбор олимпиадных задач").exists()


def test_a_profile_or_a_request_on_the_card_sent_back_keeps_what_was_typed(login, world, people):
    """Issue #28: the mentor's profile and the mentee's request are shown again, bound, with their problems."""
    client = login(world.school_curator)
    profile = client.post(reverse("participants:person-profile", args=[world.school.code, people["vera"].pk]),
                          {"competencies": "Олимпиадная математика", "max_mentees": "много"})
    assert profile.status_code == 400 and "Олимпиадная математика</textarea>" in profile.content.decode()
    wanted = client.post(reverse("participants:person-request", args=[world.school.code, people["vera"].pk]),
                         {"help_wanted": "", "interests": "шахматы и робототехника"})
    assert wanted.status_code == 400 and "шахматы и робототехника</textarea>" in wanted.content.decode()
