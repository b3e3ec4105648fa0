"""Deadlines in the product: occurrences, overdue, the curator's correction, landing lists, calendar feed, digest."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from roadmaps.models import Item, Occurrence
from roadmaps.occurrences import occurrence_mark_done, parse_manual_windows
from roadmaps.services import item_update
from tests.factories import SAYANSKY_SECTIONS, make_roadmap


@pytest.fixture
def roadmap(world):
    return make_roadmap(world.district, sections=SAYANSKY_SECTIONS)


@pytest.fixture
def today(monkeypatch):
    day = date(2023, 5, 10)
    monkeypatch.setattr(timezone, "localdate", lambda *args: day)
    return day


def item(roadmap, prefix) -> Item:
    return roadmap.items.get(name__startswith=prefix)


def dues(it: Item) -> list[str]:
    return [o.due.isoformat() for o in it.occurrences.order_by("due")]


def test_an_item_has_an_occurrence_per_window(roadmap):
    assert dues(item(roadmap, "Внутренний")) == ["2022-05-31", "2023-05-31", "2024-05-31"]
    assert dues(item(roadmap, "Участие в региональном")) == []


def test_a_new_deadline_keeps_the_done_marks_of_windows_that_stay(world, roadmap):
    monitoring = item(roadmap, "Внутренний")
    first = monitoring.occurrences.get(due=date(2022, 5, 31))
    occurrence_mark_done(occurrence=first, user=world.curator, done_on=date(2022, 5, 20), note="справка")
    item_update(item=monitoring, user=world.curator, version=monitoring.version,
                data={"deadline_text": "Май 2022,2023"})
    assert dues(monitoring) == ["2022-05-31", "2023-05-31"]
    assert monitoring.occurrences.get(due=date(2022, 5, 31)).done_on == date(2022, 5, 20)


def test_an_occurrence_past_its_due_date_and_not_done_is_overdue(login, world, roadmap, today):
    assert {o.item.name[:10] for o in Occurrence.objects.overdue(today)} == {
        "Утверждени", "Разработка", "Внутренний"}
    page = login(world.curator).get(reverse("roadmaps:item", args=[roadmap.pk, item(roadmap, "Внутренний").pk]))
    assert page.content.decode().count("просрочено") >= 1


def test_marking_every_occurrence_done_completes_the_item(login, world, roadmap):
    target = item(roadmap, "Утверждение")
    occurrence = target.occurrences.get()
    client = login(world.curator)
    client.post(reverse("roadmaps:occurrence-done", args=[roadmap.pk, target.pk, occurrence.pk]),
                {"done_on": "2021-10-25", "note": "Приказ № 5"})
    occurrence.refresh_from_db()
    target.refresh_from_db()
    assert (occurrence.done_on, occurrence.note, target.status) == (date(2021, 10, 25), "Приказ № 5", "done")
    client.post(reverse("roadmaps:occurrence-undo", args=[roadmap.pk, target.pk, occurrence.pk]))
    occurrence.refresh_from_db()
    assert occurrence.done_on is None


def test_a_read_only_role_cannot_mark_occurrences(login, world, roadmap):
    target = item(roadmap, "Утверждение")
    occurrence = target.occurrences.get()
    url = reverse("roadmaps:occurrence-done", args=[roadmap.pk, target.pk, occurrence.pk])
    assert login(world.methodist).post(url, {"done_on": "2021-10-25"}).status_code == 403
    assert login(world.outsider_curator).post(url, {"done_on": "2021-10-25"}).status_code == 404
    occurrence.refresh_from_db()
    assert occurrence.done_on is None


def test_the_curators_correction_wins_over_the_parser(login, world, roadmap):
    target = item(roadmap, "Участие в региональном")
    url = reverse("roadmaps:deadline-correct", args=[roadmap.pk, target.pk])
    login(world.curator).post(url, {"windows": "01.06.2022 – 20.06.2022\n20.12.2022"})
    target = Item.objects.get(pk=target.pk)
    assert target.deadline_text == "По отдельному графику региона"  # the text stays as typed
    assert dues(target) == ["2022-06-20", "2022-12-20"]
    page = login(world.curator).get(reverse("roadmaps:detail", args=[roadmap.pk])).content.decode()
    assert "(исправлено вручную)" in page
    login(world.curator).post(url, {"windows": ""})
    assert dues(Item.objects.get(pk=target.pk)) == []


def test_a_wrong_correction_is_explained(login, world, roadmap):
    target = item(roadmap, "Участие в региональном")
    response = login(world.curator).post(reverse("roadmaps:deadline-correct", args=[roadmap.pk, target.pk]),
                                         {"windows": "31.02.2022"})
    assert response.status_code == 400 and "такой даты нет в календаре" in response.content.decode()


@pytest.mark.parametrize("text, message", [
    ("май 2022", "укажите дату ДД.ММ.ГГГГ"), ("31.05.2022 - 01.05.2022", "конец окна раньше"),
])
def test_manual_windows_must_be_real_dates(text, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=message):
        parse_manual_windows(text)


def test_the_landing_page_lists_overdue_and_coming_deadlines(login, world, roadmap, today):
    content = login(world.methodist).get(reverse("participants:home")).content.decode()
    assert "Просрочено: 4" in content
    assert "Ближайшие 30 дней: 1" in content and "31.05.2023" in content


def test_the_landing_page_forgets_a_deadline_marked_done(login, world, roadmap, today):
    client = login(world.methodist)
    assert "Просрочено: 4" in client.get(reverse("participants:home")).content.decode()  # now cached
    occurrence = roadmap.items.get(name__startswith="Внутренний").occurrences.filter(done_on__isnull=True).first()
    login(world.curator).post(reverse("roadmaps:occurrence-done", args=[roadmap.pk, occurrence.item_id, occurrence.pk]),
                              {"done_on": "2023-05-01"})
    assert "Просрочено: 3" in login(world.methodist).get(reverse("participants:home")).content.decode()


def test_the_landing_page_shows_no_deadlines_of_other_districts(login, world, roadmap, today):
    content = login(world.outsider_curator).get(reverse("participants:home")).content.decode()
    assert "Просрочено" not in content


def test_the_district_page_counts_overdue_per_school(login, world, roadmap, today):
    make_roadmap(world.school, sections={"Раздел": [("Школьное", "Март 2023", "Директор")]})
    content = login(world.curator).get(reverse("participants:district", args=["sayansky"])).content.decode()
    assert "Дорожные карты и сроки по организациям" in content
    blocks = login(world.curator).get(reverse("participants:district", args=["sayansky"])).context["blocks"]
    block = next(b for b in blocks if b.title == "Дорожные карты и сроки по организациям")
    counts = {row.name: (row.overdue, row.upcoming) for row in block.context["rows"]}
    assert counts["Саянский район (муниципальная дорожная карта)"] == (4, 1)
    assert counts["МБОУ Агинская СОШ № 1"] == (1, 0)
    assert counts["МБОУ Тинская СОШ"] == (0, 0)
    statuses = {row.name: row.roadmap.get_status_display() if row.roadmap else None for row in block.context["rows"]}
    assert statuses["МБОУ Агинская СОШ № 1"] == "Черновик" and statuses["МБОУ Тинская СОШ"] is None
    assert "нет дорожной карты" in content


def test_overdue_is_one_number_on_every_page(login, world, monkeypatch):
    """An item is overdue once, however many of its windows have passed, and a window outside its roadmap's period is
    not the roadmap's debt: the landing page, the district page and the roadmap say the same number."""
    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2024, 10, 1))
    roadmap = make_roadmap(world.school, period=(2022, 2024), sections={"Раздел": [
        ("Внутренний мониторинг", "Май 2022,2023,2024", "Директор"),  # three windows past: one overdue item
        ("Совещание прошлых лет", "Октябрь 2019", "Директор"),  # before the roadmap's period
        ("Отчёт", "Март 2024", "Директор"),
    ]})
    client = login(world.school_curator)
    landing = client.get(reverse("participants:home")).content.decode()
    table = client.get(reverse("roadmaps:detail", args=[roadmap.pk])).context["table"]
    district = login(world.curator).get(reverse("participants:district", args=["sayansky"])).context["blocks"]
    [row] = [r for b in district if b.title == "Дорожные карты и сроки по организациям" for r in b.context["rows"]
             if r.name == world.school.short_name]
    assert "Просрочено: 2" in landing and table.overdue == 2 and row.overdue == 2


def test_my_items_come_first_and_the_whole_list_is_a_click_away(login, world, roadmap, today):
    from django.contrib.auth.models import User

    world.curator.last_name, world.curator.first_name = "Абашева", "Елена Андреевна"
    world.curator.save()
    mine = item(roadmap, "Разработка дорожных карт")
    item_update(item=mine, user=world.curator, data={"responsible": "Абашева Е.А."}, version=mine.version)
    assert User.objects.get(pk=world.curator.pk) in Item.objects.get(pk=mine.pk).responsible_users.all()
    client = login(world.curator)
    [block] = [b for b in client.get(reverse("participants:home")).context["blocks"] if b.title == "Сроки"]
    assert block.context["agenda"].overdue[0].item_id == mine.pk  # not the earliest overdue, but the user's own
    full = client.get(reverse("roadmaps:deadlines"), {"due": "overdue"})
    rows = list(full.context["page"].object_list)
    assert full.context["page"].paginator.count == 4 and rows[0].pk == mine.pk and rows[0].is_mine
    only = client.get(reverse("roadmaps:deadlines"), {"due": "overdue", "mine": "1"}).context["page"].object_list
    assert [i.pk for i in only] == [i.pk for i in rows]  # the district curator answers for the whole roadmap


def test_a_mentor_sees_his_meetings_not_the_schools_deadlines(login, world, today):
    from participants.models import Pair, PairStatus
    from tests.factories import form, person

    make_roadmap(world.school, sections={"Раздел": [("Школьное", "Март 2023", "Директор")]})
    mentor = person(world.school, "teacher", grade="", user=world.mentor)
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form("учитель – учитель"),
                               start_date=date(2023, 4, 1), end_date=date(2023, 12, 1), status=PairStatus.ACTIVE)
    pair.meetings.create(kind="acquaintance", planned_on=date(2023, 5, 2))
    pair.meetings.create(kind="trial", planned_on=date(2023, 5, 20))
    blocks = {b.title: b for b in login(world.mentor).get(reverse("participants:home")).context["blocks"]}
    meetings = blocks["Мои встречи"].context["meetings"]
    assert [m.kind for m in meetings.overdue] == ["acquaintance"] and [m.kind for m in meetings.upcoming] == ["trial"]
    assert "Сроки" not in blocks  # the school's item does not name him


def feed(client, user) -> Calendar:
    client.force_login(user)
    page = client.get(reverse("roadmaps:calendar"))
    url = page.context["feed_url"].replace("http://testserver", "")
    client.logout()
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_calendar_feed_opens_in_a_calendar_client(client, world, roadmap, today):
    calendar = feed(client, world.curator)
    events = calendar.walk("VEVENT")
    summaries = sorted(str(e["summary"]) for e in events)
    assert len(events) == 6
    assert "Срок: Внутренний мониторинг в ОО" in summaries
    event = next(e for e in events if "рабочей группы" in str(e["summary"]))
    assert event.decoded("dtstart") == date(2021, 10, 31)
    assert "Октябрь 2021г" in str(event["description"])


def test_the_calendar_feed_holds_only_the_users_own_deadlines(client, world, roadmap, today):
    make_roadmap(world.other_district, sections={"Раздел": [("Чужое", "Май 2023", "")]})
    assert not feed(client, world.school_curator).walk("VEVENT")
    summaries = [str(e["summary"]) for e in feed(client, world.curator).walk("VEVENT")]
    assert not any("Чужое" in s for s in summaries)


def test_a_reset_calendar_address_stops_the_old_one(client, world, roadmap):
    client.force_login(world.curator)
    old = client.get(reverse("roadmaps:calendar")).context["feed_url"].replace("http://testserver", "")
    client.post(reverse("roadmaps:calendar"))
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_the_digest_sends_what_is_overdue_and_due_next_week(world, roadmap, capsys):
    world.curator.email = "ryabtseva@uo-sayan.ru"
    world.curator.save()
    world.methodist.email = "methodist@uo-sayan.ru"  # a methodist edits nothing and is named nowhere
    world.methodist.save()
    call_command("send_deadline_digest", "--date", "2023-05-26")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ryabtseva@uo-sayan.ru"]
    assert message.subject == "Сроки дорожных карт ЦМН — просрочено: 4, на неделе: 1"
    assert "ПРОСРОЧЕНО (4)" in message.body and "31.10.2021: Утверждение состава" in message.body
    assert "НА БЛИЖАЙШЕЙ НЕДЕЛЕ (1)" in message.body and "31.05.2023: Внутренний мониторинг" in message.body
    assert "Отправлено писем: 1" in capsys.readouterr().out


def test_the_digest_dry_run_sends_nothing(world, roadmap, capsys):
    world.curator.email = "ryabtseva@uo-sayan.ru"
    world.curator.save()
    call_command("send_deadline_digest", "--date", "2023-05-26", "--dry-run")
    assert not mail.outbox and "Было бы отправлено писем: 1" in capsys.readouterr().out


def test_the_demo_roadmaps_show_overdue_items_as_of_today(db):
    from participants import demo as participants_demo
    from roadmaps import demo as roadmaps_demo

    participants_demo.load(date(2026, 11, 23))
    roadmaps_demo.load(date(2026, 11, 23))
    overdue = Occurrence.objects.overdue(date(2026, 11, 23))
    assert overdue.filter(item__roadmap__district__code="sayansky").exists()
    assert not overdue.filter(due__lt=date(2023, 1, 1)).exists()


def test_a_schools_draft_puts_nothing_on_the_district_curators_list_of_deadlines(login, world, today):
    """Issue #23 item 8: a school importing last year's roadmap as a draft put 11 of the district curator's 20
    «Просрочено» lines on her landing page. The school's own curator still sees them; the district sees them once the
    plan is approved (and the district page's table counts the draft beside its state «Черновик»)."""
    from roadmaps.models import RoadmapStatus

    school_roadmap = make_roadmap(world.school, sections={"Раздел": [("Школьное прошлогоднее", "Март 2023",
                                                                      "Директор")]})
    assert "Школьное прошлогоднее" not in login(world.curator).get(reverse("participants:home")).content.decode()
    assert "Школьное прошлогоднее" not in login(world.curator).get(reverse("roadmaps:deadlines")).content.decode()
    assert "Школьное прошлогоднее" in login(world.school_curator).get(reverse("participants:home")).content.decode()
    school_roadmap.status = RoadmapStatus.APPROVED
    school_roadmap.save()
    assert "Школьное прошлогоднее" in login(world.curator).get(reverse("roadmaps:deadlines")).content.decode()
    assert "Школьное прошлогоднее" in login(world.curator).get(reverse("participants:home")).content.decode()


def test_the_digest_lists_items_not_windows_and_says_only_what_is_new(world):
    """Issue #23 item 9: «ПРОСРОЧЕНО (14)» listed 9 items, some twice (one line per window), and the same stale lines
    came every week. Now one line per item with its missed windows, and an item already told is counted, not listed."""
    world.curator.email = "ryabtseva@uo-sayan.ru"
    world.curator.save()
    make_roadmap(world.district, period=(2022, 2024), sections={"Мониторинг": [
        ("Внутренний мониторинг", "Май 2022,2023,2024", "Рябцева Е.В."),  # three windows, one item
        ("Отчёт в регион", "Ноябрь 2024", "Рябцева Е.В."),
    ]})
    call_command("send_deadline_digest", "--date", "2024-10-20")
    first = mail.outbox[-1].body
    assert "ПРОСРОЧЕНО (1)" in first and first.count("Внутренний мониторинг") == 1
    assert "31.05.2022: Внутренний мониторинг (пропущено сроков: 3)" in first
    assert "Отчёт в регион" not in first

    call_command("send_deadline_digest", "--date", "2024-10-27")  # a week on: nothing new is overdue…
    assert len(mail.outbox) == 1, "no e-mail of the same stale lines"
    call_command("send_deadline_digest", "--date", "2024-12-05")  # …then «Отчёт в регион» is
    second = mail.outbox[-1].body
    assert "ПРОСРОЧЕНО (1)" in second and "Отчёт в регион" in second and "Внутренний мониторинг" not in second
    assert "По-прежнему просрочено мероприятий, о которых мы уже писали: 1" in second and "/my/deadlines/" in second


def test_the_list_of_deadlines_is_kept_until_a_roadmap_changes_and_no_longer(login, world, roadmap, today,
                                                                              django_assert_max_num_queries):
    """Issue #24: a coordinator's /my/deadlines/ ordered the whole region's overdue items on every view (0.6–0.9 s on
    a full region). The ordered list is kept until a roadmap of the user's regions changes — and a change shows at
    once: an item marked done leaves the list on the next view."""
    client = login(world.curator)
    url = reverse("roadmaps:deadlines")
    first = client.get(url)
    listed = [item.name for item in first.context["page"].object_list]
    assert "Утверждение состава муниципальной рабочей группы" in " ".join(listed)
    with django_assert_max_num_queries(12):
        assert [i.name for i in client.get(url).context["page"].object_list] == listed
    item = Item.objects.get(roadmap=roadmap, name__startswith="Утверждение состава")
    for occurrence in item.occurrences.all():
        occurrence_mark_done(occurrence=occurrence, user=world.curator, done_on=date(2023, 5, 1), note="")
    after = [i.name for i in client.get(url).context["page"].object_list]
    assert not any(name.startswith("Утверждение состава") for name in after) and len(after) == len(listed) - 1
