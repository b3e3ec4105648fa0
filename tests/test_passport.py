"""Issue #26: the compliance passport of a school (000 §3.4 «соблюдение норм законодательства») is computed from
the portal's records, never typed; each mark both ways, the district's table with its links, the region's summary,
both in Excel, and the queries do not grow with the schools."""

import io
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from monitoring.passport.marks import passports
from monitoring.services import campaign_open
from participants.models import Consent, Document, News, Pair, PairStatus, Programme, PublicPage
from roadmaps.models import RoadmapStatus
from tests.factories import OrganizationFactory, form, make_roadmap, person

TODAY = timezone.localdate()


def mark(world, key):
    return next(p for p in passports([world.school], TODAY) if p.organization == world.school).marks[key]


def pdf():
    return ContentFile(b"%PDF-1.4", name="d.pdf")


def test_the_curator_needs_a_role_and_an_order(world):
    assert mark(world, "curator").ok is False  # a curator, but no order in the register
    Document.objects.create(organization=world.school, kind="order_curator", title="О назначении куратора",
                            number="58", date=date(2021, 10, 20), file=pdf())
    found = mark(world, "curator")
    assert found.ok and "приказ № 58 от 20.10.2021" in found.detail


def test_the_regulation(world):
    assert mark(world, "regulation").ok is False
    Document.objects.create(organization=world.school, kind="regulation", title="Положение", date=date(2021, 9, 1),
                            file=pdf())
    assert mark(world, "regulation").ok


@pytest.mark.parametrize("status, period, ok", [(RoadmapStatus.APPROVED, (TODAY.year - 1, TODAY.year + 1), True),
                                                (RoadmapStatus.DRAFT, (TODAY.year - 1, TODAY.year + 1), False),
                                                (RoadmapStatus.APPROVED, (2019, 2020), False)])
def test_an_approved_roadmap_for_today(world, status, period, ok):
    roadmap = make_roadmap(world.school, period=period)
    roadmap.status = status
    roadmap.save()
    assert mark(world, "roadmap").ok is ok


def _pair(world, name="ученик – ученик", consent=True):
    pair = Pair.objects.create(organization=world.school, mentor=person(world.school, grade="10А"), form=form(name),
                               status=PairStatus.ACTIVE, start_date=date(2025, 9, 1), end_date=date(2030, 5, 31))
    pair.mentees.set([person(world.school, consent=consent)])
    return pair


def test_a_programme_for_each_form_in_use(world):
    assert mark(world, "programmes").ok is None  # no pairs: nothing to check
    pair = _pair(world)
    assert "нет программы: ученик – ученик" in mark(world, "programmes").detail
    Programme.objects.create(organization=world.school, title="Равный — равному", form=pair.form, status="approved")
    assert mark(world, "programmes").ok


def test_the_public_section(world):
    PublicPage.objects.create(organization=world.school, is_published=False)
    assert mark(world, "public").ok is False
    PublicPage.objects.filter(organization=world.school).update(is_published=True)
    assert mark(world, "public").ok and mark(world, "public").url == "/p/o/agin-1/"


def test_consents_of_every_participant_of_an_active_pair(world):
    _pair(world, consent=False)
    assert mark(world, "consents").detail == "нет согласия у 1"


def test_monitoring_handed_in_on_time(world):
    assert mark(world, "monitoring").ok is None
    campaign_open(district=world.district, title="Май", year=2025, due_on=TODAY - timedelta(days=1))
    assert mark(world, "monitoring").ok is False  # owed past its date


def test_the_district_table_links_each_mark_and_the_region_counts(login, world):
    Document.objects.create(organization=world.school, kind="regulation", title="Положение", date=date(2021, 9, 1),
                            file=pdf())
    page = login(world.curator).get(reverse("monitoring:district-passport", args=[world.district.code]))
    html = page.content.decode()
    assert page.status_code == 200 and "МБОУ Тинская СОШ" in html
    assert reverse("participants:organization-documents", args=[world.school.code]) in html
    workbook = load_workbook(io.BytesIO(login(world.curator).get(reverse(
        "monitoring:district-passport-export", args=[world.district.code, "xlsx"])).content))
    values = [c for row in workbook.active.iter_rows(values_only=True) for c in row]
    assert "да: от 01.09.2021" in values
    region = login(world.coordinator).get(reverse("monitoring:region-passport", args=[world.region.code]))
    assert "Саянский район" in region.content.decode() and "1 из 2" in region.content.decode()


def test_the_table_costs_the_same_for_two_schools_and_twenty(world):
    def queries() -> int:
        with CaptureQueriesContext(connection) as found:
            passports(list(world.district.organizations.all()), TODAY)
        return len(found)

    _pair(world)
    few = queries()
    for number in range(18):
        school = OrganizationFactory(district=world.district, short_name=f"Школа {number}", code=f"s{number}")
        Pair.objects.create(organization=school, mentor=person(school), form=form(), status=PairStatus.ACTIVE,
                            start_date=date(2025, 9, 1), end_date=date(2030, 5, 31)).mentees.set([person(school)])
    assert queries() == few


def stage_of(world) -> str:
    return next(p for p in passports([world.school], TODAY) if p.organization == world.school).stage_label


def test_the_stage_of_introduction_is_the_first_one_not_yet_met(world):
    from participants.models import MenteeRequest, MentorProfile, TrainingRecord

    assert stage_of(world) == "1. Подготовка условий"
    Document.objects.create(organization=world.school, kind="order_curator", title="О куратре", date=date(2021, 9, 1),
                            file=pdf())
    Document.objects.create(organization=world.school, kind="regulation", title="Положение", date=date(2021, 9, 1),
                            file=pdf())
    roadmap = make_roadmap(world.school, period=(TODAY.year - 1, TODAY.year + 1))
    roadmap.status = RoadmapStatus.APPROVED
    roadmap.save()
    assert stage_of(world) == "2. Формирование базы наставляемых"
    mentee = person(world.school)
    MenteeRequest.objects.create(person=mentee, help_wanted="математика")
    assert stage_of(world) == "3. Формирование базы наставников"
    mentor = person(world.school, "teacher", grade="")
    MentorProfile.objects.create(person=mentor, competencies="математика")
    assert stage_of(world) == "4. Отбор и обучение наставников"
    TrainingRecord.objects.create(person=mentor, programme="Наставничество", end_date=TODAY - timedelta(days=30))
    assert stage_of(world) == "5. Формирование пар и групп"
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form(), status=PairStatus.ACTIVE,
                               start_date=TODAY - timedelta(days=60), end_date=TODAY + timedelta(days=60))
    pair.mentees.set([mentee])
    assert stage_of(world) == "6. Работа пар и групп"
    pair.meetings.create(kind="work", held_on=TODAY - timedelta(days=5))
    assert stage_of(world) == "7. Завершение"  # every step met: it is at the last one


@pytest.mark.parametrize("change", ["document", "consent", "news"])
def test_the_regions_summary_is_kept_and_a_change_is_there_at_the_next_view(login, world, change):
    """1,530 schools take 2 s: the summary is kept until something it reads changes (monitoring/passport/kept.py)."""
    pair = _pair(world) if change == "consent" else None
    cache.clear()
    client = login(world.coordinator)
    url = reverse("monitoring:region-passport", args=[world.region.code])
    client.get(url)
    with CaptureQueriesContext(connection) as kept:
        assert client.get(url).status_code == 200
    assert not any("participants_pair" in q["sql"] for q in kept.captured_queries)  # nothing recomputed
    if change == "document":
        Document.objects.create(organization=world.school, kind="regulation", title="Положение", number="3",
                                date=date(2021, 9, 1))
        seen = "1 из 2"
    elif change == "consent":
        met = client.get(url).content.decode().count(">1 из 1<")  # consents among them
        Consent.objects.filter(person=pair.mentor).delete()  # the pair's own records do not move
        assert client.get(url).content.decode().count(">1 из 1<") == met - 1
        return
    else:
        page = PublicPage.objects.create(organization=world.school, is_published=False)
        for number in range(5):  # seed 001's five publications in two rubrics: the mark «Публикации»
            News.objects.create(page=page, title=f"Новость {number}", text="…", published_on=TODAY,
                                rubric="Наши наставники" if number % 2 else "Новости")
        seen = "1 из 2"
    text = " ".join(client.get(url).content.decode().split())
    assert seen in text
