"""An order turned into tasks (seed 003, Пижанский район, приказ № 78-ОД): its numbered duties with their executors
and deadlines, the schools' duties in every school's roadmap, each school's checklist and the district's view."""

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from roadmaps.importing.readers import read_blocks
from roadmaps.models import Item, Order
from roadmaps.orders.parse import DISTRICT, SCHOOLS, parse_order

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "003_pizhanka_order.txt"


def seed_order():
    return parse_order(read_blocks(SEED.name, SEED.read_bytes()))


def test_the_order_gives_its_number_date_and_every_numbered_duty():
    order = seed_order()
    assert (order.number, order.date) == ("78-ОД", date(2020, 12, 3)) and order.ok
    duties = {d.number: d for d in order.duties}
    assert len(order.duties) == 51 and "10" not in duties and "11" not in duties  # addressee lines are not duties
    assert duties["10.7"].deadline == "в срок до 22.01.2021 г" and duties["10.7"].level == DISTRICT
    assert duties["10.7"].addressee.startswith("МКУ «РЦ образования Пижанского района»")
    assert duties["11.3"].deadline == "в срок до 20.01.2021 г" and duties["11.3"].level == SCHOOLS
    assert duties["10.12"].deadline == "в срок до ноября 2021 г" and duties["10.18"].deadline == "в ноябре 2021 г"
    assert sum(d.level == SCHOOLS for d in order.duties) == 18


def upload(client, world, data: bytes, name="prikaz.txt"):
    url = reverse("roadmaps:order-upload", args=[world.district.code])
    return client.post(url, {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_the_district_loads_the_order_and_the_schools_get_their_duties(login, world):
    client = login(world.curator)
    preview = upload(client, world, SEED.read_bytes())
    content = preview.content.decode()
    assert "Приказ от 03.12.2020 № 78-ОД" in content and "каждая школа" in content and "Пунктов: 51" in content
    assert not Order.objects.exists()  # nothing until confirmed
    done = client.post(reverse("roadmaps:order-upload", args=[world.district.code]),
                       {"confirm": "1", "job": preview.context["job"].pk}, follow=True)
    order = Order.objects.get()
    assert done.status_code == 200 and order.roadmap.items.count() == 51
    for school in (world.school, world.other_school):
        copies = Item.objects.filter(roadmap__organization=school, source_item__roadmap=order.roadmap)
        assert copies.count() == 18  # the duties of «Руководителям муниципальных образовательных организаций»
    curator = copies.get(name__startswith="назначить куратора")
    assert curator.deadline_text == "в срок до 20.01.2021 г"


def test_the_school_marks_a_duty_done_and_the_district_sees_it(login, world):
    from roadmaps.orders.services import order_import

    order = order_import(district=world.district, parsed=seed_order(), user=world.curator)
    duty = Item.objects.get(roadmap__organization=world.school, name__startswith="назначить куратора")
    Item.objects.filter(pk=duty.pk).update(status="done")
    checklist = login(world.school_curator).get(reverse("roadmaps:organization-orders", args=[world.school.code]))
    assert "назначить куратора" in checklist.content.decode() and "✓ выполнено" in checklist.content.decode()
    page = login(world.curator).get(order.get_absolute_url())
    done = dict(zip([s.code for s in page.context["checklist"].schools], page.context["checklist"].done_per_school))
    assert done == {"agin-1": 1, "tinskaya": 0}


def test_the_same_order_twice_is_refused_and_a_letter_is_explained(login, world):
    from roadmaps.orders.services import order_import

    order_import(district=world.district, parsed=seed_order(), user=world.curator)
    client = login(world.curator)
    again = upload(client, world, SEED.read_bytes())
    refused = client.post(reverse("roadmaps:order-upload", args=[world.district.code]),
                          {"confirm": "1", "job": again.context["job"].pk}, follow=True)
    assert "уже загружен" in refused.content.decode() and Order.objects.count() == 1
    letter = upload(client, world, "Уважаемые коллеги!\nПросим направить сведения.\n".encode())
    assert "не найдены номер и дата приказа" in letter.content.decode().lower()


@pytest.mark.parametrize("who, status", [("methodist", 403), ("school_curator", 404), ("outsider_curator", 404)])
def test_only_the_district_curator_loads_orders(login, world, who, status):
    response = login(getattr(world, who)).post(reverse("roadmaps:order-upload", args=[world.district.code]),
                                               {"file": SimpleUploadedFile("p.txt", SEED.read_bytes())})
    assert response.status_code == status and not Order.objects.exists()


@pytest.mark.parametrize("who, status", [("methodist", 200), ("coordinator", 200), ("school_curator", 404),
                                         ("outsider_curator", 404)])
def test_an_orders_page_is_the_districts(login, world, who, status):
    from roadmaps.orders.services import order_import

    order = order_import(district=world.district, parsed=seed_order(), user=world.curator)
    assert login(getattr(world, who)).get(order.get_absolute_url()).status_code == status


def test_one_clause_has_one_state_whatever_roadmap_its_copy_lands_in(world):
    """Issue #21: «в работе» for one school and «просрочено» for four. A clause is overdue by the order's deadline."""
    from django.utils import timezone

    from roadmaps.orders.selectors import checklist
    from roadmaps.orders.services import order_import
    from tests.factories import make_roadmap

    make_roadmap(world.school, period=(2024, 2025), sections={"Организация": [("Совет", "Май 2025", "Директор")]})
    order = order_import(district=world.district, parsed=seed_order(), user=world.curator)
    copy = Item.objects.get(roadmap__organization=world.school, name__startswith="назначить куратора")
    assert copy.roadmap.period_start.year == 2024  # it landed in the school's roadmap of another period
    found = checklist(order, [world.school, world.other_school], timezone.localdate())
    curator = next(duty for duty, _ in found.rows if duty.name.startswith("назначить куратора"))
    states = dict(found.rows)[curator]
    assert [state.overdue for state in states] == [True, True]  # «в срок до 20.01.2021»: overdue in both


def test_a_clause_that_says_when_monitoring_happens_sets_the_districts_schedule(world):
    """Seed 003 п.8: «с периодичностью 1 раз в полугодие, не позднее 20 мая и 20 декабря, ежегодно» — every year's
    two dates, and the district's campaign schedule; a schedule the district keeps already is not overwritten."""
    from monitoring.models import CampaignSchedule
    from roadmaps.orders.services import order_import

    parsed = seed_order()
    clause = next(duty for duty in parsed.duties if duty.number == "8")
    assert clause.deadline == "не позднее 20 мая и 20 декабря, ежегодно" and clause.yearly_days == [(20, 5), (20, 12)]
    order = order_import(district=world.district, parsed=parsed, user=world.curator)
    assert CampaignSchedule.objects.get(district=world.district).due_dates == "20.05, 20.12"
    assert "задано расписание мониторинга: отчёты школ каждый год к 20.05, 20.12" in " ".join(order.notes)
    item = order.roadmap.items.get(result__startswith="п. 8 ")
    assert sorted({(o.due.day, o.due.month) for o in item.occurrences.all()}) == [(20, 5), (20, 12)]
    assert item.occurrences.count() > 1  # not one deadline in December 2020

    CampaignSchedule.objects.filter(district=world.other_district).delete()
    CampaignSchedule.objects.create(district=world.other_district, due_dates="25.05")
    parsed.number = "79-ОД"
    again = order_import(district=world.other_district, parsed=parsed, user=world.curator)
    assert CampaignSchedule.objects.get(district=world.other_district).due_dates == "25.05"
    assert "оно не изменено" in " ".join(again.notes)
