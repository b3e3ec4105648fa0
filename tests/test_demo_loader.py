"""The demo data: the organizations and people of the seed documents, loaded again without duplicates."""

import io
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from participants import demo
from participants.models import District, HeadCount, Membership, Organization, Role


def test_it_builds_the_seed_organizations_with_their_people(db):
    result = demo.load(date(2024, 10, 1))
    assert set(District.objects.values_list("name", flat=True)) >= {
        "Саянский район", "Городской округ Клин", "Пижанский район",
    }
    asshi = Organization.objects.get(short_name="ГБОУ АО АСШИ № 2")
    assert asshi.district is None and asshi.region.name == "Архангельская область"
    assert Organization.objects.get(short_name="МОУ ДО ЦК «Китеж»").kind == "additional"
    assert Membership.objects.get(user__username="ryabtseva").role == Role.DISTRICT_CURATOR
    assert Membership.objects.get(user__username="toropova").district.code == "pizhansky"
    assert {login.role for login in result.logins} == {
        "Региональный координатор", "Муниципальный куратор", "Методист муниципалитета", "Куратор ОО", "Наставник",
        "Эксперт муниципалитета", "Наставляемая (молодой педагог)",
    }


def test_it_enters_head_counts_up_to_the_current_school_year(db):
    demo.load(date(2024, 10, 1))
    years = set(HeadCount.objects.filter(organization__code="agin-1").values_list("school_year", flat=True))
    assert years == {2020, 2021, 2022, 2023, 2024}
    for hc in HeadCount.objects.all():
        assert hc.young_teachers <= hc.teachers


def test_it_loads_twice_without_duplicates(db):
    demo.load(date(2024, 10, 1))
    counts = (Organization.objects.count(), get_user_model().objects.count(), Membership.objects.count(),
              HeadCount.objects.count())
    demo.load(date(2024, 10, 1))
    assert counts == (Organization.objects.count(), get_user_model().objects.count(), Membership.objects.count(),
                      HeadCount.objects.count())


def test_it_keeps_a_password_a_demo_user_has_changed(db):
    demo.load(date(2024, 10, 1))
    user = get_user_model().objects.get(username="ryabtseva")
    user.set_password("my-own-password-2024")
    user.save()
    demo.load(date(2024, 10, 1))
    user.refresh_from_db()
    assert user.check_password("my-own-password-2024")


def test_every_demo_login_lands_on_its_own_page_in_russian(client, db):
    result = demo.load(date(2024, 10, 1))
    expected = {
        "koordinator": "Саянский район",
        "ryabtseva": "Саянский район",
        "abasheva": "Саянский район",
        "kurator.agin1": "Моя организация",
        "nastavnik.agin1": "Я наставник",
        "ekspert.sayan": "Саянский район",
        "molodoy.agin1": "Вам пока не назначена ни одна роль",  # her pair comes with the registry: test_cabinet.py
    }
    for login in result.logins:
        response = client.post(reverse("login"), {"username": login.username, "password": result.password},
                               follow=True)
        assert response.status_code == 200
        assert expected[login.username] in response.content.decode()
        client.logout()


def test_the_command_prints_the_demo_logins(db, capsys):
    from monitoring.rounds.selectors import school_comparison
    from participants.models import Organization
    from participants.recruitment.models import Candidate

    call_command("load_demo")
    out = capsys.readouterr().out
    assert "ryabtseva" in out and "demo-nastavnik" in out and "/k/demo-roditel-agin1/" in out
    # Issue #25: a quarterly round in the demo with its comparison table, and candidates from open links
    comparison = school_comparison(Organization.objects.get(code="agin-1"), "entry")
    school = next(change for line, _, change in comparison.rows if line.label == "МБОУ Агинская СОШ № 1")
    assert len(comparison.periods) == 2 and school > 0  # the scores grew from one quarter to the next
    assert Candidate.objects.filter(form__organization__code="agin-1").count() == 2


def test_it_imports_the_seed_roadmaps_through_the_importer(db):
    from django.db.models import Q

    from roadmaps import demo as roadmaps_demo
    from roadmaps.models import Roadmap

    demo.load(date(2024, 10, 1))
    assert roadmaps_demo.load(date(2024, 10, 1)) == 6  # five seed roadmaps and seed 003's order as tasks
    assert roadmaps_demo.load(date(2024, 10, 1)) == 0
    imported = Roadmap.objects.exclude(organization__code="agin-1").exclude(district__code="pizhansky").exclude(
        organization__district__code="pizhansky")
    counts = {r.owner.code: r.items.count() for r in imported}
    assert counts == {"sayansky": 24, "asshi-2": 25, "klin": 19, "kitezh": 12}
    pizhansky = {r.owner.code: r.items.count() for r in Roadmap.objects.filter(
        Q(district__code="pizhansky") | Q(organization__district__code="pizhansky"))}
    assert pizhansky == {"pizhansky": 51, "pizhanka-school": 18, "obukhovo-school": 18, "pizhanka-ddt": 18}
    sayansky = Roadmap.objects.get(district__code="sayansky")
    assert sayansky.items.filter(status="done").exists() and sayansky.items.exclude(status="done").exists()
    draft = Roadmap.objects.get(organization__code="agin-1")
    assert draft.status == "draft" and draft.items.count() == 10
    assert (str(draft.period_start), str(draft.period_end)) == ("2024-09-01", "2025-08-31")


def test_the_demo_district_curator_is_linked_to_her_items(db):
    from roadmaps import demo as roadmaps_demo

    demo.load(date(2024, 10, 1))
    roadmaps_demo.load(date(2024, 10, 1))
    ryabtseva = get_user_model().objects.get(username="ryabtseva")
    assert ryabtseva.responsible_items.count() == 3


def test_it_builds_a_plausible_registry_with_pairs(db):
    from participants.models import Pair, Person
    from participants.registry import demo as demo_registry

    demo.load(date(2024, 10, 1))
    assert demo_registry.load(date(2024, 10, 1)) > 200
    assert demo_registry.load(date(2024, 10, 1)) == 0
    assert Person.objects.count() > 200
    assert Pair.objects.filter(status="active").exists() and Pair.objects.filter(status="forming").exists()
    mentor = Person.objects.get(user__username="nastavnik.agin1")
    assert mentor.full_name == "Ёлкин Андрей Васильевич" and mentor.mentoring.exists()
    names = {p.last_name for p in Person.objects.all()}
    assert all(not n.endswith(("вва", "ва ")) for n in names) and "Иванова" in names | {"Иванова"}


def test_the_demo_holds_the_workspace_of_the_seed_places(db):
    """Issue #13's «done when» for the demo: both bases, documents, a programme followed by pairs, a published
    practice, a district roadmap approved by order, Клин's bank counted by its indicator."""
    from monitoring import demo as monitoring_demo
    from participants import demo_workspace
    from participants.models import Document, Pair, Partner, Practice, PracticeStatus, Programme
    from participants.registry import demo as demo_registry
    from roadmaps import demo as roadmaps_demo
    from roadmaps.models import Roadmap, RoadmapStatus

    today = date(2024, 10, 1)
    demo.load(today)
    demo_registry.load(today)
    demo_workspace.load(today)
    roadmaps_demo.load(today)
    monitoring_demo.load(today)
    assert demo_workspace.load(today) == 0  # a second run adds nothing
    assert Document.objects.filter(district__code="sayansky").count() >= 3
    assert Partner.objects.filter(district__code="sayansky").count() == 2
    programme = Programme.objects.get(organization__code="agin-1")
    assert Pair.objects.filter(programme=programme).exists()
    assert Practice.objects.filter(status=PracticeStatus.PUBLISHED, organization__district__code="klin").exists()
    sayansky = Roadmap.objects.get(district__code="sayansky", status=RoadmapStatus.APPROVED)
    assert sayansky.approval_document.kind == "order_roadmap"
    assert Membership.objects.filter(user__username="ekspert.sayan", role=Role.DISTRICT_EXPERT).exists()


def test_the_demo_holds_klins_events_contest_and_training(db):
    """Issue #14's «done when»: Клин's plan of events as events with attendance, a «Педагогический дуэт» contest with
    applications and results, training records; a school's roadmap item done by a held event."""
    from participants import demo_workspace
    from participants.models import TrainingRecord
    from participants.registry import demo as demo_registry
    from roadmaps import demo as roadmaps_demo
    from roadmaps.models import Application, Event, ItemStatus

    today = date(2024, 11, 20)
    demo.load(today)
    demo_registry.load(today)
    demo_workspace.load(today)
    roadmaps_demo.load(today)
    held = Event.objects.filter(district__code="klin", held_on__isnull=False)
    assert held.exists() and all(e.attendances.filter(attended=True).exists() for e in held)
    assert Application.objects.filter(contest__title="Педагогический дуэт", result="winner").count() == 1
    assert TrainingRecord.objects.filter(person__organization__code="kitezh").exists()
    council = Event.objects.get(organization__code="agin-1")
    assert council.held_on and council.item.status == ItemStatus.DONE


def test_the_demo_order_gives_pizhanka_its_schedule_and_the_final_order_a_closed_campaign(db):
    """Issue #21: seed 003 п.8 sets Пижанский район's schedule (20 May, 20 December); Саянский район's draft order
    «Об итогах мониторинга» is drawn from a closed campaign, with its figures."""
    from django.utils import timezone

    from monitoring.final_order import final_order
    from monitoring.models import CampaignSchedule
    call_command("load_demo", stdout=io.StringIO())
    assert CampaignSchedule.objects.get(district__code="pizhansky").due_dates == "20.05, 20.12"
    sayansky = District.objects.get(code="sayansky")
    order = final_order(sayansky, None, timezone.localdate())
    assert "декабрь" in order.title and "Принять к сведению достижение районных показателей" in " ".join(order.clauses)
    assert any("%" in cell for row in order.rows for cell in row[3:])
