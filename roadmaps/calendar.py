"""Deadlines and events as an iCalendar feed (RFC 5545) that Outlook and Yandex Calendar subscribe to."""

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar, Event

EVENT_LENGTH = timedelta(hours=2)  # an event has a start only; calendars need an end


def calendar_feed(user, occurrences, site_url: str, events=()) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Портал наставничества ЦМН//RU")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Сроки ЦМН: {user.get_full_name() or user.username}")
    calendar.add("x-wr-timezone", "Europe/Moscow")
    stamp = timezone.now()
    for occurrence in occurrences.select_related(
        "item__roadmap__district", "item__roadmap__organization"
    ).order_by("due", "id"):
        item, roadmap = occurrence.item, occurrence.item.roadmap
        done = occurrence.done_on is not None or item.status in ("done", "cancelled")
        event = Event()
        event.add("uid", f"occurrence-{occurrence.pk}@mentoring-portal")
        event.add("dtstamp", stamp)
        event.add("dtstart", occurrence.due)
        event.add("dtend", occurrence.due + timedelta(days=1))
        event.add("summary", f"{'✓ ' if done else ''}Срок: {item.name[:150]}")
        event.add("description", "\n".join(filter(None, [
            f"{roadmap.owner}: {roadmap.title[:200]}",
            f"Срок в документе: {item.deadline_text}",
            f"Ответственные: {item.responsible}" if item.responsible else "",
            f"Ожидаемый результат: {item.result}" if item.result else "",
        ])))
        event.add("url", f"{site_url.rstrip('/')}/roadmaps/{roadmap.pk}/items/{item.pk}/")
        event.add("categories", ["ЦМН"])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    for meeting in events:
        event = Event()
        event.add("uid", f"event-{meeting.pk}@mentoring-portal")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.starts_at + EVENT_LENGTH)
        event.add("summary", f"{meeting.get_kind_display()}: {meeting.title[:150]}")
        event.add("description", "\n".join(filter(None, [str(meeting.owner), meeting.audience, meeting.online_link,
                                                         meeting.programme[:500]])))
        if meeting.place:
            event.add("location", meeting.place)
        event.add("url", f"{site_url.rstrip('/')}{meeting.get_absolute_url()}")
        event.add("categories", ["ЦМН"])
        calendar.add_component(event)
    return calendar.to_ical()
