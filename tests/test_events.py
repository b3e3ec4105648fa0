"""Events: a district or a school plans one, invites from the registry and the accounts, marks who came (by hand or
from the sign-in sheet, all or nothing), holds it with its protocol — which marks the roadmap item it fulfils —; the
schools see the district's events they are invited to, also in their calendar feed; a deleted event keeps its
history; attendance by event and by school."""

import io
import re
from datetime import date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from openpyxl import Workbook

from participants.models import Pair, PairStatus
from roadmaps.events.models import Attendance, Event
from roadmaps.models import CalendarToken, Evidence, ItemStatus
from tests.factories import form, make_roadmap, person

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def at(day: date, hour=10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


def sheet(*names) -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(["№", "ФИО", "Подпись"])
    for n, name in enumerate(names, start=1):
        book.active.append([n, name, ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("лист.xlsx", buffer.getvalue())


@pytest.fixture
def seminar(world):
    event = Event.objects.create(district=world.district, title="Семинар кураторов ОО", kind="seminar",
                                 starts_at=at(timezone.localdate() - timedelta(days=3)))
    event.schools.set([world.school])
    return event


def test_a_district_plans_an_event_and_invites_curators_and_mentors(login, world):
    mentor = person(world.school, "teacher", grade="", last_name="Соколова")
    pair = Pair.objects.create(organization=world.school, mentor=mentor, form=form("учитель – учитель"),
                               status=PairStatus.ACTIVE, start_date=date(2024, 9, 1), end_date=date(2030, 5, 31))
    pair.mentees.set([person(world.school, "teacher", grade="")])
    client = login(world.curator)
    client.post(reverse("roadmaps:district-event-create", args=[world.district.code]), {
        "title": "Совещание кураторов", "kind": "meeting", "starts_at": "2030-02-10T10:00", "place": "УО, каб. 12",
        "schools": [world.school.pk]})
    event = Event.objects.get()
    client.post(reverse("roadmaps:event-invite", args=[event.pk]), {"groups": ["curators", "mentors"]})
    names = set(event.attendances.values_list("name", flat=True))
    assert any("Соколова" in n for n in names) and len(names) == 2  # the school's curator and its mentor
    client.post(reverse("roadmaps:event-invite", args=[event.pk]), {"groups": ["curators"]})
    assert event.attendances.count() == 2  # invited once
    # The invited school sees the district's event; another school does not
    school_page = login(world.school_curator).get(reverse("roadmaps:organization-events", args=[world.school.code]))
    assert "Совещание кураторов" in school_page.content.decode()
    assert login(world.other_curator).get(event.get_absolute_url()).status_code == 404
    assert login(world.school_curator).post(reverse("roadmaps:event-attendance", args=[event.pk])).status_code == 403


def test_a_form_with_a_bad_date_keeps_what_was_typed(login, world):
    response = login(world.curator).post(reverse("roadmaps:district-event-create", args=[world.district.code]),
                                         {"title": "Педсовет", "kind": "council", "starts_at": "когда-нибудь"})
    assert response.status_code == 400 and 'value="Педсовет"' in response.content.decode()
    assert "Введите правильную дату и время" in response.content.decode()


def test_attendance_is_marked_by_hand_and_from_the_sign_in_sheet(login, world, seminar):
    anna = Attendance.objects.create(event=seminar, name="Белова Анна Петровна", organization=world.school)
    boris = Attendance.objects.create(event=seminar, name="Орлов Борис", organization=world.school)
    client = login(world.curator)
    client.post(reverse("roadmaps:event-attendance", args=[seminar.pk]), {"present": [anna.pk]})
    assert set(seminar.attendances.filter(attended=True)) == {anna}
    url = reverse("roadmaps:event-sign-in-sheet", args=[seminar.pk])
    bad = client.post(url, {"file": sheet("ОРЛОВ БОРИС", "Незваный Гость")}, follow=True)
    assert "?job=" in bad.redirect_chain[0][0]  # read by a background job, not in the request
    assert "Строка 3: «Незваный Гость» нет среди приглашённых." in bad.content.decode()
    assert "Подтвердить" not in bad.content.decode()
    assert set(seminar.attendances.filter(attended=True)) == {anna}  # nothing changed
    good = client.post(url, {"file": sheet("орлов борис")}, follow=True)
    assert "будут отмечены присутствовавшими (1): Орлов Борис." in good.content.decode()
    assert set(seminar.attendances.filter(attended=True)) == {anna}  # not before it is confirmed
    job = good.redirect_chain[0][0].split("job=")[1]
    client.post(url, {"confirm": "1", "job": job})
    assert set(seminar.attendances.filter(attended=True)) == {boris}
    client.post(reverse("roadmaps:event-attendance", args=[seminar.pk]), {"present": [anna.pk]})
    again = client.post(url, {"confirm": "1", "job": job}, follow=True)  # a second click on the same preview
    assert "уже учтён" in again.content.decode() and set(seminar.attendances.filter(attended=True)) == {anna}
    client.post(reverse("roadmaps:event-attendance", args=[seminar.pk]), {"present": [boris.pk]})
    page = client.get(seminar.get_absolute_url()).content.decode()
    assert "пришли 1 из 2 (50 %)" in page


def test_a_held_event_marks_the_roadmap_item_it_fulfils_with_the_protocol(login, world):
    roadmap = make_roadmap(world.school, sections={"Организация": [("Педагогический совет по наставничеству",
                                                                     "Май 2024", "Белова О.П.")]}, period=(2023, 2024))
    item = roadmap.items.get()
    event = Event.objects.create(organization=world.school, title="Педсовет", kind="council",
                                 starts_at=at(date(2024, 5, 20)), item=item)
    login(world.school_curator).post(reverse("roadmaps:event-held", args=[event.pk]), {
        "held_on": "2024-05-20", "protocol": SimpleUploadedFile("протокол.pdf", PDF)})
    event.refresh_from_db()
    item.refresh_from_db()
    assert event.held_on == date(2024, 5, 20)
    occurrence = item.occurrences.get()
    assert occurrence.done_on == date(2024, 5, 20) and "Педсовет" in occurrence.note
    assert item.status == ItemStatus.DONE
    assert Evidence.objects.get(item=item).title == "Протокол: Педсовет"


def test_an_event_cannot_be_held_in_the_future(login, world):
    event = Event.objects.create(organization=world.school, title="Фестиваль", starts_at=at(date(2030, 5, 20)))
    response = login(world.school_curator).post(reverse("roadmaps:event-held", args=[event.pk]),
                                                {"held_on": "2030-05-20"}, follow=True)
    assert "дата проведения в будущем" in response.content.decode()
    event.refresh_from_db()
    assert event.held_on is None


def test_a_deleted_event_leaves_the_lists_and_keeps_its_history(login, world, seminar):
    Attendance.objects.create(event=seminar, name="Белова Анна", attended=True, organization=world.school)
    client = login(world.curator)
    client.post(reverse("roadmaps:event-delete", args=[seminar.pk]))
    listed = client.get(reverse("roadmaps:district-events", args=[world.district.code])).content.decode()
    assert f'href="{seminar.get_absolute_url()}"' not in listed
    assert client.get(seminar.get_absolute_url()).status_code == 404
    assert Event.objects.get(pk=seminar.pk).attendances.count() == 1


def test_the_district_sees_attendance_by_school(login, world, seminar):
    seminar.held_on = seminar.starts_at.date()
    seminar.save()
    Attendance.objects.create(event=seminar, name="А", attended=True, organization=world.school)
    Attendance.objects.create(event=seminar, name="Б", attended=False, organization=world.school)
    page = login(world.curator).get(reverse("roadmaps:district-events", args=[world.district.code])).content.decode()
    row = "<td>МБОУ Агинская СОШ № 1</td><td>2</td><td>1</td><td>50 %</td>"
    assert row in re.sub(r">\s+<", "><", page)  # the template puts one cell a line


def test_the_invited_schools_calendar_feed_has_the_event(client, world, seminar):
    token = CalendarToken.objects.create(user=world.school_curator)
    feed = Calendar.from_ical(client.get(reverse("roadmaps:calendar-feed", args=[token.token])).content)
    summaries = [str(c.get("summary")) for c in feed.walk("VEVENT")]
    assert "Семинар, практикум: Семинар кураторов ОО" in summaries
    other = CalendarToken.objects.create(user=world.other_curator)
    feed = Calendar.from_ical(client.get(reverse("roadmaps:calendar-feed", args=[other.token])).content)
    assert not any("Семинар кураторов" in str(c.get("summary")) for c in feed.walk("VEVENT"))


def test_the_analytical_report_has_the_years_events_contests_and_training(login, world, seminar):
    from monitoring.reports import analytical_report
    from monitoring.selectors import current_year

    today = timezone.localdate()
    seminar.held_on = seminar.starts_at.date()
    seminar.save()
    Attendance.objects.create(event=seminar, name="Белова Анна", attended=True, organization=world.school)
    report = analytical_report(world.district, world.curator, current_year(today), today)
    assert report.work.events == [("Семинар кураторов ОО", seminar.held_on, "Семинар, практикум", 1, 1)]
    page = login(world.curator).get(reverse("monitoring:district-report", args=[world.district.code])).content.decode()
    assert "Мероприятия, конкурсы и обучение" in page
