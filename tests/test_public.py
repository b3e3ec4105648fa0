"""The public «Наставничество» section: pages of a school and a district without sign-in, made of live data, blocks
chosen by the curator, cached; an embeddable version and a news feed; never a person's name except the mentors who
agreed, never a minor's."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participants.models import Document, MentorProfile, News, Pair, PairStatus, PublicPage
from roadmaps.events.models import Event
from roadmaps.models import RoadmapStatus
from tests.factories import SAYANSKY_SECTIONS, form, make_roadmap, person

ALL = ["news", "documents", "roadmap", "programmes", "forms", "figures", "mentors", "practices", "events", "contact"]


@pytest.fixture
def page(world):
    return PublicPage.objects.create(organization=world.school, is_published=True, blocks=ALL,
                                     contact="куратор ЦМН, +7 (39140) 2-11-35")


def url(world, variant="public-page"):
    return reverse(variant, args=["o", world.school.code])


def test_an_unpublished_section_is_not_found_and_a_published_one_needs_no_sign_in(client, world, page):
    page.is_published = False
    page.save()
    assert client.get(url(world)).status_code == 404
    page.is_published = True
    page.save()
    response = client.get(url(world))
    assert response.status_code == 200 and "куратор ЦМН, +7 (39140) 2-11-35" in response.content.decode()


def test_only_mentors_who_agreed_and_never_a_child_are_named(client, world, page):
    agreed = person(world.school, "teacher", grade="", last_name="Соколова", first_name="Мария",
                    birth_date=date(1980, 1, 1))
    silent = person(world.school, "teacher", grade="", last_name="Молчанова", birth_date=date(1981, 1, 1))
    pupil = person(world.school, "student", last_name="Ёлочкин", birth_date=date(timezone.localdate().year - 15, 1, 1))
    MentorProfile.objects.create(person=agreed, public_name_consent=True)
    MentorProfile.objects.create(person=silent)
    MentorProfile.objects.create(person=pupil, public_name_consent=True)
    pair = Pair.objects.create(organization=world.school, mentor=pupil, form=form(), status=PairStatus.ACTIVE,
                               start_date=date(2024, 9, 1), end_date=date(2030, 5, 31))
    pair.mentees.set([person(world.school, last_name="Малышкин")])
    roadmap = make_roadmap(world.school, sections=SAYANSKY_SECTIONS)
    roadmap.status = RoadmapStatus.APPROVED
    roadmap.save()
    text = client.get(url(world)).content.decode()
    assert "Соколова Мария" in text
    assert "Молчанова" not in text and "Ёлочкин" not in text and "Малышкин" not in text
    assert "ученик – ученик — 1" in text  # the pair is counted, not named
    assert roadmap.items.first().name in text and "Рябцева" not in text  # items without the responsible names


def test_blocks_are_shown_as_the_curator_chose(client, world, page):
    News.objects.create(page=page, title="Стартовала школа наставников", text="…", published_on=date(2024, 9, 2))
    assert "Стартовала школа наставников" in client.get(url(world)).content.decode()
    login_client = client
    login_client.force_login(world.school_curator)
    login_client.post(reverse("participants:organization-public", args=[world.school.code]),
                      {"is_published": "on", "blocks": ["contact"], "contact": "куратор ЦМН"})
    login_client.logout()
    text = client.get(url(world)).content.decode()
    assert "Стартовала школа наставников" not in text and "куратор ЦМН" in text


def test_the_page_is_cached_and_a_change_shows_at_once(client, world, page):
    client.get(url(world))
    with CaptureQueriesContext(connection) as captured:
        client.get(url(world))
    assert len(captured) <= 3  # the place, its page and the version: the blocks are not read again
    client.force_login(world.school_curator)
    client.post(reverse("participants:organization-news-add", args=[world.school.code]),
                {"title": "Итоги года", "text": "…", "published_on": "2024-05-30"})
    client.logout()
    assert "Итоги года" in client.get(url(world)).content.decode()


def test_the_embed_may_be_framed_and_the_page_may_not(client, world, page):
    embed = client.get(url(world, "public-embed"))
    assert "X-Frame-Options" not in embed.headers and "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    assert client.get(url(world)).headers["X-Frame-Options"] == "DENY"


def test_the_news_feed_is_atom(client, world, page):
    News.objects.create(page=page, title="Педсовет о наставничестве", text="Прошёл педсовет.",
                        published_on=date(2024, 3, 1))
    feed = client.get(url(world, "public-feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Педсовет о наставничестве" in feed.content.decode()


def test_documents_are_downloaded_only_while_their_block_is_shown(client, world, page):
    from django.core.files.base import ContentFile

    document = Document.objects.create(organization=world.school, kind="regulation", title="Положение",
                                       date=date(2021, 10, 1), file=ContentFile(b"%PDF-1.4", name="p.pdf"))
    link = reverse("public-document", args=["o", world.school.code, document.pk])
    assert link in client.get(url(world)).content.decode()
    assert client.get(link).status_code == 200
    page.blocks = ["contact"]
    page.save()
    assert client.get(link).status_code == 404


def test_upcoming_events_of_the_school_and_its_district_are_listed(client, world, page):
    soon = timezone.make_aware(datetime(timezone.localdate().year + 1, 2, 10, 15, 0))
    Event.objects.create(organization=world.school, title="Фестиваль наставников", starts_at=soon)
    invited = Event.objects.create(district=world.district, title="Семинар района", starts_at=soon)
    invited.schools.set([world.school])
    text = client.get(url(world)).content.decode()
    assert "Фестиваль наставников" in text and "Семинар района" in text


def test_only_the_schools_curator_edits_its_section(login, world):
    settings_url = reverse("participants:organization-public", args=[world.school.code])
    assert login(world.methodist).post(settings_url, {"contact": "x"}).status_code == 403
    assert login(world.other_curator).get(settings_url).status_code == 404
    assert login(world.school_curator).get(settings_url).status_code == 200


def test_no_public_page_of_the_demo_names_a_minor(client, db):
    """Every school and district of the demo, every block on: no full name of anyone under 18 appears."""
    from mentoring_portal.management.commands.load_demo import Command
    from participants.models import District, Organization, Person

    Command().handle(admin_password=None)
    for place in [*Organization.objects.all(), *District.objects.all()]:
        kind = "organization" if isinstance(place, Organization) else "district"
        PublicPage.objects.update_or_create(**{kind: place}, defaults={"is_published": True, "blocks": ALL})
    MentorProfile.objects.update(public_name_consent=True)  # even if every mentor, children too, had said yes
    today = timezone.localdate()
    people = list(Person.objects.all())
    adults = {p.full_name for p in people if not (p.birth_date and p.is_minor(today))}
    # The demo's names come from a short list: a child who shares an adult's full name can't be told apart in text
    minors = [p for p in people if p.birth_date and p.is_minor(today) and p.full_name not in adults]
    assert len(minors) > 100
    pages = [client.get(reverse("public-page", args=["o" if isinstance(place, Organization) else "d", place.code]))
             .content.decode() for place in [*Organization.objects.all(), *District.objects.all()]]
    text = "\n".join(pages)
    assert all(page for page in pages)
    named = [m.full_name for m in minors if m.full_name in text]
    assert named == []
