"""Standing cast of every view test: a district with two schools and one person in every role, plus outsiders."""

import os
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from monitoring.models import Indicator, Invitation, Questionnaire
from monitoring.services import campaign_open
from participants.models import (
    Candidate,
    Consent,
    Deficit,
    Document,
    Letter,
    MenteeRequest,
    Pair,
    Partner,
    Practice,
    Programme,
    RecruitmentForm,
    Role,
    RouteStep,
    TrainingRecord,
)
from roadmaps.models import Event, Evidence, Item, VisitRequest
from tests.factories import (
    SAYANSKY_SECTIONS,
    DistrictFactory,
    OrganizationFactory,
    RegionFactory,
    form,
    make_roadmap,
    member,
    person,
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests last: Playwright's event loop stays open until the session ends, and Django refuses ORM calls
    in a thread with a running loop. Tests marked `exclusive` (they stop the machine's PostgreSQL) are left out of a
    parallel run and are all a run with PORTAL_EXCLUSIVE_ONLY=1 holds: scripts/test.sh runs them after, alone."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path))
    only = os.environ.get("PORTAL_EXCLUSIVE_ONLY") == "1"
    parallel = bool(getattr(config.option, "numprocesses", None)) or hasattr(config, "workerinput")
    if only or parallel:
        kept = [item for item in items if (item.get_closest_marker("exclusive") is not None) == only]
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path, request):
    if not {"demo_loaded", "standing_cast"} & set(request.fixturenames):  # shared data keep their files
        settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="class")
def demo_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for a class of tests that read it (it takes 15–20 s): the class's tests run in savepoints
    inside this transaction, each rolled back to the demo, and the class's end rolls the demo back too."""
    from django.db import transaction
    from django.test import override_settings

    from mentoring_portal.management.commands.load_demo import Command

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media")):
        with transaction.atomic():
            Command().handle(admin_password=None)
            yield
            transaction.set_rollback(True)


@dataclass
class Cast:
    world: "World"
    objects: dict


@pytest.fixture(scope="class")
def standing_cast(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world and its objects built once for a class of table tests (tests/cast.py: OnTheStandingCast), the way
    demo_loaded keeps the demo: each test runs in a savepoint inside this transaction and rolls back to the cast."""
    from django.db import transaction
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("cast-media")):
        with transaction.atomic():
            world = build_world()
            yield Cast(world, build_objects(world))
            transaction.set_rollback(True)


@pytest.fixture
def demo(demo_loaded, db):
    """The demo (loaded once for the class: see demo_loaded), for one test."""


@pytest.fixture(autouse=True)
def _empty_cache():
    """Ids repeat between tests (rolled back), so figures cached by one test must not meet the next."""
    from django.core.cache import cache

    cache.clear()


@dataclass
class World:
    region: object
    district: object
    school: object
    other_school: object
    other_district: object
    direct_school: object
    coordinator: object
    curator: object
    methodist: object
    school_curator: object
    mentor: object
    other_curator: object
    outsider_curator: object


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    region = RegionFactory(name="Красноярский край", code="krasnoyarsk")
    district = DistrictFactory(region=region, name="Саянский район", code="sayansky")
    school = OrganizationFactory(district=district, short_name="МБОУ Агинская СОШ № 1", code="agin-1")
    other_school = OrganizationFactory(district=district, short_name="МБОУ Тинская СОШ", code="tinskaya")
    other_district = DistrictFactory(name="Городской округ Клин", code="klin")
    direct_school = OrganizationFactory(district=None, region=region, short_name="ГБОУ КК Школа-интернат", code="direct")
    return World(
        region=region,
        district=district,
        school=school,
        other_school=other_school,
        other_district=other_district,
        direct_school=direct_school,
        coordinator=member(Role.REGIONAL_COORDINATOR, region, username="coordinator"),
        curator=member(Role.DISTRICT_CURATOR, district, username="curator"),
        methodist=member(Role.DISTRICT_METHODIST, district, username="methodist"),
        school_curator=member(Role.SCHOOL_CURATOR, school, username="school_curator"),
        mentor=member(Role.MENTOR, school, username="mentor"),
        other_curator=member(Role.SCHOOL_CURATOR, other_school, username="other_curator"),
        outsider_curator=member(Role.DISTRICT_CURATOR, other_district, username="outsider"),
    )


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def objects(world):
    """One of everything in the school and the district of the world, for tables of pages."""
    return build_objects(world)


def build_objects(world) -> dict:
    district_roadmap = make_roadmap(world.district, sections=SAYANSKY_SECTIONS)
    school_roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    item = district_roadmap.items.order_by("pk").first()
    deleted = district_roadmap.items.order_by("pk").last()
    Item.objects.filter(pk=deleted.pk).update(deleted_at="2024-01-01T00:00Z")
    mentor = person(world.school, "teacher", grade="")
    mentee = person(world.school)
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form(), start_date=date(2024, 10, 1),
                               end_date=date(2025, 5, 31))
    pair.mentees.set([mentee])
    campaign = campaign_open(district=world.district, title="Май", year=2024, due_on=date(2024, 5, 20))
    return {
        "district_roadmap": district_roadmap, "school_roadmap": school_roadmap, "item": item, "deleted": deleted,
        "section": item.section, "occurrence": item.occurrences.first(), "mentor": mentor, "mentee": mentee,
        "pair": pair, "meeting": pair.meetings.create(kind="acquaintance"), "task": pair.tasks.create(title="План"),
        "consent": Consent.objects.get(person=mentee),
        "request": MenteeRequest.objects.create(person=mentee, help_wanted="математика"),
        "campaign": campaign, "report": campaign.reports.get(organization=world.school),
        "indicator": Indicator.objects.create(district=world.district, position=1, name="x", method="manual"),
        "evidence": Evidence.objects.create(item=item, title="Приказ", file=ContentFile(b"%PDF-1.4", name="p.pdf")),
        "invitation": Invitation.objects.create(questionnaire=Questionnaire.objects.get(kind="mentor_entry"),
                                                organization=world.school, person=mentor, pair=pair),
        "methodist_role": world.methodist.memberships.get(), "mentor_role": world.mentor.memberships.get(),
        "curator_role": world.school_curator.memberships.get(),
        "school_questionnaire": (school_q := Questionnaire.objects.create(kind="custom", title="Анкета школы",
                                                                          organization=world.school,
                                                                          respondent="mentee")),
        "school_question": school_q.questions.create(text="Полезны ли встречи?"),
        "district_questionnaire": (district_q := Questionnaire.objects.create(kind="custom", title="Анкета района",
                                                                              district=world.district,
                                                                              respondent="mentee")),
        "district_question": district_q.questions.create(text="Полезны ли встречи?"),
        "letter": (letter := Letter.objects.create(district=world.district, title="Письмо", text="…")),
        "letter_copy": letter.copies.create(organization=world.school),
        "recruitment": (recruitment := RecruitmentForm.objects.create(organization=world.school, audience="council",
                                                                      title="Педсовет")),
        "candidate": Candidate.objects.create(form=recruitment, wish="mentor", category="teacher", last_name="Петров",
                                              first_name="Олег", about="физика", consent_by="Петров Олег",
                                              consent_giver="self"),
        "programme": Programme.objects.create(organization=world.school, title="Шаг в профессию",
                                              file=ContentFile(b"%PDF-1.4", name="pr.pdf")),
        "practice": Practice.objects.create(organization=world.school, title="Практика", level="basic", description="x",
                                            results="y", status="submitted"),
        "partner": Partner.objects.create(district=world.district, name="Завод",
                                          agreement_file=ContentFile(b"%PDF-1.4", name="s.pdf")),
        "training": TrainingRecord.objects.create(person=mentor, programme="Наставничество", end_date=date(2024, 2, 1),
                                                  certificate=ContentFile(b"%PDF-1.4", name="c.pdf")),
        "deficit": (deficit := Deficit.objects.create(person=mentor, competence="methodical", description="Задачи урока",
                                                      diagnostic="riku", found_on=date(2024, 10, 1))),
        "route_step": RouteStep.objects.create(person=mentor, deficit=deficit, kind="course", title="Курсы",
                                               due_on=date(2024, 12, 1)),
        "visit": VisitRequest.objects.create(organization=world.school, topic="ИКУ", teachers=2,
                                             wished_from=date(2024, 10, 1), wished_until=date(2024, 10, 20)),
        "event": Event.objects.create(district=world.district, title="Совещание кураторов",
                                      starts_at=timezone.make_aware(datetime(2024, 10, 15, 10, 0)),
                                      protocol=ContentFile(b"%PDF-1.4", name="protocol.pdf")),
        **_contest(world, pair),
        **_news(world),
        "district_document": Document.objects.create(district=world.district, kind="regulation", title="Положение",
                                                     date=date(2021, 9, 1), file=ContentFile(b"%PDF-1.4", name="p.pdf")),
        "sample": Document.objects.create(district=world.district, kind="media_plan", title="Медиаплан (образец)",
                                          date=date(2024, 9, 1), is_sample=True,
                                          file=ContentFile(b"%PDF-1.4", name="m.pdf")),
        "school_document": Document.objects.create(organization=world.school, kind="order_curator", title="О кураторе",
                                                   date=date(2021, 9, 1), file=ContentFile(b"%PDF-1.4", name="o.pdf")),
    }


def _news(world) -> dict:
    from participants.models import News, PublicPage

    found = {}
    for key, place in (("district_news", {"district": world.district}), ("school_news", {"organization": world.school})):
        page = PublicPage.objects.create(**place, is_published=True, blocks=["news", "documents", "forms", "contact"],
                                         contact="куратор ЦМН")
        found[key] = News.objects.create(page=page, title="Новость", text="…", published_on=date(2024, 9, 1))
    return found


def _contest(world, pair) -> dict:
    from roadmaps.contests.models import Application, Contest, Nomination

    contest = Contest.objects.create(district=world.district, title="Лучший наставник", year=2025,
                                     applications_until=date(2030, 3, 1), judging_until=date(2030, 4, 1),
                                     criteria="Актуальность", rules=ContentFile(b"%PDF-1.4", name="rules.pdf"))
    nomination = Nomination.objects.create(contest=contest, name="Педагоги")
    application = Application.objects.create(contest=contest, nomination=nomination, organization=world.school,
                                             pair=pair, title="Урок", file=ContentFile(b"%PDF-1.4", name="a.pdf"))
    return {"contest": contest, "application": application}


@pytest.fixture
def reference_data(transactional_db):
    """A transactional test flushes the database afterwards, and the reference data the migrations seeded (forms of
    mentoring, questionnaires) with it; this puts it back the way the migrations do (both are idempotent)."""
    import importlib

    from django.apps import apps

    importlib.import_module("participants.migrations.0003_standard_forms").add_forms(apps, None)
    importlib.import_module("participants.migrations.0006_form_roles").set_roles(apps, None)
    importlib.import_module("monitoring.migrations.0002_questionnaires").add(apps, None)
