"""A creating form sent twice at once — a double click, two tabs — creates once. One table of every creating view
with a valid submission and what it creates: on PostgreSQL the two are sent at the same instant from two threads,
on SQLite one after the other within the guard's window. A new creating view missing from the table (or from the
list of views that create nothing twice for a reason of their own) fails the completeness test, as the scoping
table does for URLs."""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Campaign, Indicator, Invitation, Questionnaire
from participants.models import (
    ContentPlanItem,
    Deficit,
    Document,
    HeadCount,
    Membership,
    MentoringForm,
    News,
    Pair,
    Partner,
    Person,
    Practice,
    Programme,
    RouteStep,
    TrainingRecord,
)
from participants.models.pairs import Meeting, PlanTask
from roadmaps.contests.models import Application, Contest
from roadmaps.events.models import Event
from roadmaps.models import Item, Roadmap, Section, VisitRequest
from tests.factories import form, make_roadmap, person
from tests.test_scoping import url_patterns
from tests.threads import at_once

D, S = "sayansky", "agin-1"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = timezone.localdate()
YEAR = TODAY.year


def pdf(name="файл.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def form_pk(name="ученик – ученик"):
    return MentoringForm.objects.get(name=name, district=None).pk


def future_roadmap(o, w):
    """A district roadmap whose item is still ahead, so «В школы» copies it to both schools."""
    return make_roadmap(w.district, period=(YEAR, YEAR + 1),
                        sections={"Организация": [("Семинар кураторов", f"Декабрь {YEAR + 1}", "Рябцева Е.В.")]})


@dataclass
class Creating:
    user: str
    args: object  # (objects, world) → URL arguments
    data: object  # (objects, world) → the form's fields, made anew for each submission (files are read once)
    count: object  # world → how many of what it creates there are
    creates: int = 1  # what one submission creates
    setup: object = None  # (objects, world) → an object the arguments or the data need


PROGRAMME = {"title": "Шаг в профессию", "target_group": "обучающиеся 7–9 классов", "goals": "адаптация",
             "duration": "1 учебный год", "start_date": "2024-09-01", "end_date": "2025-05-31"}
INVITED = {"email": "new@school.example", "last_name": "Новикова", "first_name": "Анна", "position": ""}

CREATING = {
    "monitoring:campaign-create": Creating(
        "curator", lambda o, w: [D], lambda o, w: {"title": "Мониторинг, декабрь", "year": YEAR,
                                                   "due_on": str(TODAY + timedelta(days=10))},
        lambda w: Campaign.objects.filter(district=w.district).count()),
    "monitoring:region-campaign-create": Creating(
        "coordinator", lambda o, w: [w.region.code], lambda o, w: {"title": "Региональный мониторинг", "year": YEAR,
                                                                   "due_on": str(TODAY + timedelta(days=10))},
        lambda w: Campaign.objects.filter(region=w.region).count()),
    "roadmaps:copy": Creating(
        "curator", lambda o, w: [o["setup"].pk],
        lambda o, w: {"items": [i.pk for i in o["setup"].items.all()], "all_schools": "on"},
        lambda w: Item.objects.filter(roadmap__organization__district=w.district, source_item__isnull=False).count(),
        creates=2, setup=future_roadmap),
    "participants:district-invite": Creating(
        "curator", lambda o, w: [D], lambda o, w: {**INVITED, "role": "district_methodist"},
        lambda w: Membership.objects.count()),
    "participants:organization-invite": Creating(
        "school_curator", lambda o, w: [S], lambda o, w: {**INVITED, "role": "mentor"},
        lambda w: Membership.objects.count()),
    "participants:region-invite": Creating(
        "coordinator", lambda o, w: [w.region.code], lambda o, w: {**INVITED, "role": "regional_coordinator"},
        lambda w: Membership.objects.count()),
    "participants:person-create": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"last_name": "Смирнова", "first_name": "Дарья", "patronymic": "Игоревна", "category": "student",
                      "grade": "6А", "birth_date": "2013-02-03"},
        lambda w: Person.objects.count()),
    "participants:headcount-create": Creating(
        "curator", lambda o, w: [S],
        lambda o, w: {"school_year": 2024, "students": 612, "teachers": 48, "young_teachers": 7,
                      "additional_students": 390},
        lambda w: HeadCount.objects.count()),
    "participants:partner-add": Creating(
        "curator", lambda o, w: [D],
        lambda o, w: {"name": "Сибирский федеральный университет", "agreement_number": "15/2024",
                      "agreement_date": "2024-02-01", "agreement_end": "2026-02-01", "offers": ["mentors"],
                      "schools": [w.school.pk], "contact": "Иванов И. И.", "agreement_file": pdf("соглашение.pdf")},
        lambda w: Partner.objects.count()),
    "participants:partner-create": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"name": "Библиотека", "agreement_end": "2027-01-01", "offers": ["sites"]},
        lambda w: Partner.objects.count()),
    "participants:programme-create": Creating(
        "school_curator", lambda o, w: [S], lambda o, w: {**PROGRAMME, "form": form_pk(), "file": pdf()},
        lambda w: Programme.objects.count()),
    "participants:model-programme-create": Creating(
        "curator", lambda o, w: [D], lambda o, w: {**PROGRAMME, "title": "Типовая", "form": form_pk()},
        lambda w: Programme.objects.count()),
    "participants:practice-create": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"title": "Учимся вместе", "level": "basic", "form": form_pk(), "description": "Мастерские.",
                      "results": "8 из 10 повысили оценки", "submit": "1"},
        lambda w: Practice.objects.count()),
    "participants:training-add": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"person": o["mentor"].pk, "programme": "Наставничество в ОО", "topic": "mentoring",
                      "end_date": "2024-02-28"},
        lambda w: TrainingRecord.objects.count()),
    "participants:deficit-add": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"person": o["mentor"].pk, "competence": "subject", "description": "Олимпиадные задачи",
                      "diagnostic": "iku", "found_on": "2024-10-15"},
        lambda w: Deficit.objects.count()),
    "participants:route-step-add": Creating(
        "school_curator", lambda o, w: [S, o["mentor"].pk],
        lambda o, w: {"kind": "mentor", "title": "Уроки наставника", "due_on": "2025-02-01"},
        lambda w: RouteStep.objects.count()),
    "participants:district-form-create": Creating(
        "curator", lambda o, w: [D], lambda o, w: {"name": "выпускник – ученик", "variants": "успешный выпускник\n"},
        lambda w: MentoringForm.objects.count()),
    "participants:meeting-create": Creating(
        "school_curator", lambda o, w: [S, o["pair"].pk],
        lambda o, w: {"kind": "work", "topic": "План", "planned_on": str(TODAY + timedelta(days=3))},
        lambda w: Meeting.objects.count()),
    "participants:task-create": Creating(
        "school_curator", lambda o, w: [S, o["pair"].pk], lambda o, w: {"title": "Подготовить проект"},
        lambda w: PlanTask.objects.count()),
    "participants:district-news-add": Creating(
        "curator", lambda o, w: [D], lambda o, w: {"title": "Итоги года", "text": "…", "published_on": "2024-05-30"},
        lambda w: News.objects.count()),
    **{f"participants:{kind}-plan-add": Creating(
        user, lambda o, w, kind=kind: [D if kind == "district" else S],
        lambda o, w: {"rubric": "События", "title": "О педсовете", "due": "2030-01-20", "responsible": "куратор"},
        lambda w: ContentPlanItem.objects.count()) for kind, user in (("district", "curator"),
                                                                      ("organization", "school_curator"))},
    "participants:organization-news-add": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"title": "Итоги года", "text": "…", "published_on": "2024-05-30"},
        lambda w: News.objects.count()),
    "participants:district-document-create": Creating(
        "curator", lambda o, w: [D],
        lambda o, w: {"kind": "regulation", "title": "Положение о наставничестве", "date": "2021-09-01",
                      "file": pdf()},
        lambda w: Document.objects.count()),
    "participants:organization-document-create": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"kind": "order_curator", "title": "О назначении куратора", "date": "2021-09-01", "file": pdf()},
        lambda w: Document.objects.count()),
    "participants:region-document-create": Creating(
        "coordinator", lambda o, w: [w.region.code],
        lambda o, w: {"kind": "regulation", "title": "Региональное положение", "date": "2021-09-01", "file": pdf()},
        lambda w: Document.objects.count()),
    "roadmaps:district-create": Creating(
        "curator", lambda o, w: [D],
        lambda o, w: {"title": "Дорожная карта района", "period_start": f"{YEAR}-01-01",
                      "period_end": f"{YEAR + 1}-12-31"},
        lambda w: Roadmap.objects.count()),
    "roadmaps:organization-create": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"title": "Дорожная карта школы", "period_start": f"{YEAR}-09-01",
                      "period_end": f"{YEAR + 1}-05-31"},
        lambda w: Roadmap.objects.count()),
    "roadmaps:section-create": Creating(
        "curator", lambda o, w: [o["district_roadmap"].pk], lambda o, w: {"title": "Информационное сопровождение"},
        lambda w: Section.objects.count()),
    "roadmaps:item-create": Creating(
        "curator", lambda o, w: [o["district_roadmap"].pk, o["section"].pk],
        lambda o, w: {"name": "Совещание кураторов", "deadline_text": "Декабрь 2021", "status": "planned"},
        lambda w: Item.objects.count()),
    "roadmaps:district-event-create": Creating(
        "curator", lambda o, w: [D],
        lambda o, w: {"title": "Совещание кураторов", "kind": "meeting", "starts_at": f"{YEAR + 1}-02-10T10:00",
                      "place": "УО, каб. 12", "schools": [w.school.pk]},
        lambda w: Event.objects.count()),
    "participants:library-copy": Creating(
        "school_curator", lambda o, w: [S, o["sample"].pk], lambda o, w: {},
        lambda w: Document.objects.filter(organization=w.school).count()),
    "roadmaps:visit-submit": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"topic": "Работа с детьми с ОВЗ", "teachers": 3, "wished_from": str(TODAY),
                      "wished_until": str(TODAY + timedelta(days=10))},
        lambda w: VisitRequest.objects.count(), setup=lambda o, w: o["visit"].delete()),
    "roadmaps:organization-event-create": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"title": "Педсовет", "kind": "council", "starts_at": f"{YEAR + 1}-02-10T10:00"},
        lambda w: Event.objects.count()),
    "roadmaps:contest-create": Creating(
        "curator", lambda o, w: [D],
        lambda o, w: {"title": "Наставник года", "year": YEAR + 1, "applications_until": f"{YEAR + 2}-03-01",
                      "judging_until": f"{YEAR + 2}-04-01", "criteria": "Актуальность", "nominations": "Педагоги"},
        lambda w: Contest.objects.count()),
    "roadmaps:region-contest-create": Creating(
        "coordinator", lambda o, w: [w.region.code],
        lambda o, w: {"title": "Наставник года края", "year": YEAR + 1, "applications_until": f"{YEAR + 2}-03-01",
                      "judging_until": f"{YEAR + 2}-04-01", "criteria": "Актуальность", "nominations": "Педагоги"},
        lambda w: Contest.objects.count()),
    "roadmaps:contest-apply": Creating(
        "school_curator", lambda o, w: [S, o["contest"].pk],
        lambda o, w: {"nomination": o["contest"].nominations.get().pk, "title": "Второй дуэт", "pair": o["pair"].pk},
        lambda w: Application.objects.count()),
    "monitoring:indicator-create": Creating(
        "curator", lambda o, w: [D],
        lambda o, w: {"position": 3, "name": "Новый показатель", "project": "other", "unit": "%", "method": "manual",
                      "formula": "", "collection": "monitoring"},
        lambda w: Indicator.objects.count()),
    "monitoring:invitations-create": Creating(
        "school_curator", lambda o, w: [S], lambda o, w: {"pair": o["pair"].pk, "stage": "final"},
        lambda w: Invitation.objects.count(), creates=2),  # the mentor's questionnaire and the mentee's
    "monitoring:organization-builder-copy": Creating(
        "school_curator", lambda o, w: [S, o["district_questionnaire"].pk], lambda o, w: {},
        lambda w: Questionnaire.objects.filter(organization=w.school).count()),
    "participants:pair-create": Creating(
        "school_curator", lambda o, w: [S],
        lambda o, w: {"form": form().pk, "mentor": o["setup"][0].pk, "mentees": [o["setup"][1].pk],
                      "start_date": "2024-10-01", "end_date": "2025-05-31"},
        lambda w: Pair.objects.count(),
        setup=lambda o, w: (person(w.school, "student", grade="11А", last_name="Зуев"), person(w.school))),
}

# Creating-sounding views that create nothing twice for a reason of their own (each reason is tested where named).
EXEMPT = {
    "participants:people-import": "the upload starts a job; the confirmation consumes the job once (job_consume)",
    "participants:training-import": "as the registry import (tests/test_training.py)",
    "participants:deficit-import": "as the registry import (tests/test_routes.py)",
    "participants:deficit-reopen": "a state change: reopening an open deficit changes nothing",
    "roadmaps:district-import": "as the registry import (tests/test_roadmap_import.py)",
    "roadmaps:organization-import": "as the registry import",
    "roadmaps:order-upload": "as the registry import (tests/test_orders.py)",
    "roadmaps:event-sign-in-sheet": "as the registry import (tests/test_events.py)",
    "participants:programme-copy": "copies to each school once, by the model programme it came from",
    "participants:person-request": "one request per person, edited in place",
    "participants:request-close": "a state change: closing a closed request changes nothing",
    "participants:practice-nominate": "a state change",
    "participants:district-news-delete": "a deletion", "participants:organization-news-delete": "a deletion",
    "roadmaps:submit": "a workflow step: the second finds the roadmap submitted (tests/test_roadmap_workflow.py)",
    "roadmaps:reopen": "a workflow step", "roadmaps:contest-publish": "a workflow step",
    "roadmaps:contest-score": "one score per juror and application, updated in place",
    "roadmaps:event-invite": "an invitation per person is unique (ignore_conflicts)",
    "monitoring:campaign-remind": "e-mails, held back by the guard like every form (tests below)",
    "monitoring:answer": "a questionnaire answered once per invitation link",
    "monitoring:answer-enter": "as monitoring:answer",
    "export-retry": "a new export of the same rows: a second one is harmless",
    "monitoring:invitations-create-for-category": "one link per person and questionnaire: who has one is skipped "
                                                  "(tests/test_builder.py)",
    "monitoring:district-builder-copy": "the view of monitoring:organization-builder-copy, for a district",
    "monitoring:region-builder-copy": "the same view: a region copies nothing (nothing is offered above it)",
    **{f"monitoring:{kind}-builder-publish": "a workflow step: publishing a published questionnaire changes nothing"
       for kind in ("region", "district", "organization")},
}
CREATING_WORDS = re.compile(r"create|new|add|invite|import|copy|open|apply|upload|submit|grant|send|remind|nominate|"
                            r"retry|score|publish|request|answer|reply|sign-in|enter")


def test_every_creating_view_is_in_the_double_submit_table():
    names = {name for _, name in url_patterns() if name and not name.startswith("admin:")}
    creating = {name for name in names if CREATING_WORDS.search(name.split(":")[-1])}
    assert sorted(creating - set(CREATING) - set(EXEMPT)) == []
    assert sorted((set(CREATING) | set(EXEMPT)) - names) == []  # no line for a view that is gone


def _two_at_once(clients, url, data) -> list:
    responses = []
    assert at_once(*[lambda c=c: responses.append(c.post(url, data())) for c in clients]) == [None] * len(clients)
    return responses


POSTGRES = connection.vendor == "postgresql"


@pytest.mark.parametrize("name", sorted(CREATING))
@pytest.mark.django_db(transaction=True)
def test_a_creating_form_sent_twice_creates_once(reference_data, world, objects, settings, name):
    row = CREATING[name]
    settings.ONCE_SECONDS = 5
    objects = {**objects, "setup": row.setup(objects, world) if row.setup else None}
    user = getattr(world, row.user)
    url = reverse(name, args=row.args(objects, world))
    before = row.count(world)
    clients = [Client(), Client()]
    for client in clients:
        client.force_login(user)
    if POSTGRES:  # the same instant, from two threads
        responses = _two_at_once(clients, url, lambda: row.data(objects, world))
    else:  # SQLite has one writer at a time: one after the other, inside the guard's window
        responses = [client.post(url, row.data(objects, world)) for client in clients]
    assert all(r.status_code < 400 for r in responses), [(r.status_code, r.content.decode()[:300]) for r in responses]
    assert row.count(world) - before == row.creates
    assert sum(r.get("X-Repeated-Submission") == "1" for r in responses) == 1


def test_a_repeat_after_the_window_or_of_a_refused_form_is_acted_on(login, world, settings):
    settings.ONCE_SECONDS = 5
    client = login(world.school_curator)
    url = reverse("participants:person-create", args=[S])
    person = {"last_name": "Смирнова", "first_name": "Дарья", "category": "student", "grade": "6А"}
    refused = client.post(url, {**person, "last_name": ""})  # a refused form frees its fingerprint at once
    assert refused.status_code in (200, 400) and refused.get("X-Repeated-Submission") is None
    assert client.post(url, {**person, "last_name": ""}).get("X-Repeated-Submission") is None
    client.post(url, person)
    repeated = client.post(url, person, follow=True)
    assert "Эта форма уже отправлена" in repeated.content.decode()  # held back, with a message
    settings.ONCE_SECONDS = 0  # the window has passed
    client.post(url, person)
    assert Person.objects.filter(last_name="Смирнова").count() == 2


def _fingerprint_of(user, url: str, data: dict) -> str:
    from django.test import RequestFactory

    from mentoring_portal.once.middleware import fingerprint

    request = RequestFactory().post(url, data)
    request.user = user
    return fingerprint(request)


@pytest.mark.skipif(not POSTGRES, reason="the lock that dies with its connection is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_submission_whose_request_died_does_not_hold_its_retry_back(world):
    """Issue #27: the app host running a form was switched off in the middle; the user's retry must act — told
    «already sent», he would lose what he typed."""
    from mentoring_portal.once.models import Submission

    url = reverse("participants:person-create", args=[S])
    person = {"last_name": "Оборванова", "first_name": "Дарья", "category": "student", "grade": "6А"}
    Submission.objects.create(key=_fingerprint_of(world.school_curator, url, person))  # started, never finished
    client = Client()
    client.force_login(world.school_curator)
    response = client.post(url, person)
    assert response.get("X-Repeated-Submission") is None and Person.objects.filter(last_name="Оборванова").exists()


@pytest.mark.skipif(not POSTGRES, reason="the lock that dies with its connection is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_submission_running_on_another_host_holds_its_duplicate_back(world):
    from django.db import connections

    from mentoring_portal.once.middleware import _lock_id

    url = reverse("participants:person-create", args=[S])
    person = {"last_name": "Двойнова", "first_name": "Дарья", "category": "student", "grade": "6А"}
    other = connections.create_connection("default")  # the other app host's connection
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [_lock_id(_fingerprint_of(world.school_curator, url,
                                                                                     person))])
        client = Client()
        client.force_login(world.school_curator)
        assert client.post(url, person).get("X-Repeated-Submission") == "1"
        assert not Person.objects.filter(last_name="Двойнова").exists()
    finally:
        other.close()
