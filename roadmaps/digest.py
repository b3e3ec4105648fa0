"""The weekly e-mail: what is overdue and what falls due next week, for everyone who has something new.

Lines are items, not windows: an item three of whose windows have passed is one line («пропущено сроков: 3»), as on
every page. An item already overdue when the last e-mail was sent is not listed again, only counted with a link to
the full list: the e-mail says what changed. A user with nothing new gets no e-mail."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string

from participants.landing import HOME, blocks_for
from roadmaps.agenda import my_occurrences
from roadmaps.models import DigestSent


@dataclass
class Line:
    """One item: its first open due date in the list, and how many of its windows the list holds."""

    occurrence: object
    windows: int = 1

    @property
    def item(self):
        return self.occurrence.item

    @property
    def due(self) -> date:
        return self.occurrence.due


@dataclass
class Digest:
    user: object
    overdue: list[Line]  # overdue since the last e-mail (all of them in the first one)
    next_week: list[Line]
    todos: list = field(default_factory=list)  # «Нужно сделать» of the landing page: reports to hand in, reviews…
    still_overdue: int = 0  # items already overdue in the last e-mail: counted, not listed again

    @property
    def subject(self) -> str:
        parts = []
        if self.overdue:
            parts.append(f"просрочено: {len(self.overdue)}")
        if self.next_week:
            parts.append(f"на неделе: {len(self.next_week)}")
        if self.todos:
            parts.append(f"нужно сделать: {len(self.todos)}")
        return "Сроки дорожных карт ЦМН — " + ", ".join(parts)


def _lines(occurrences) -> list[Line]:
    """One line per item, at its earliest window (the occurrences come ordered by due date)."""
    lines: dict[int, Line] = {}
    for occurrence in occurrences:
        if occurrence.item_id in lines:
            lines[occurrence.item_id].windows += 1
        else:
            lines[occurrence.item_id] = Line(occurrence)
    return list(lines.values())


def digest_for(user, today: date, last_sent: date | None = None) -> Digest | None:
    user._portal_access = None
    occurrences = my_occurrences(user).select_related("item__roadmap__district", "item__roadmap__organization")
    overdue = _lines(occurrences.overdue(today).order_by("due", "id"))
    next_week = _lines(occurrences.due_between(today, today + timedelta(days=7)).order_by("due", "id"))
    # News: an item with a window that fell due since the last e-mail. The rest was said then.
    recent = set() if last_sent is None else set(
        occurrences.overdue(today).filter(due__gte=last_sent).values_list("item_id", flat=True))
    fresh = overdue if last_sent is None else [line for line in overdue if line.occurrence.item_id in recent]
    # The landing page's to-dos that other apps contribute (a monitoring report to hand in, practices to review)
    todos = [todo for block in blocks_for(HOME, user, today) for todo in block.todos]
    if not fresh and not next_week and not todos:
        return None
    return Digest(user, fresh, next_week, todos, still_overdue=len(overdue) - len(fresh))


def send_digests(today: date, site_url: str, *, dry_run: bool = False) -> list[Digest]:
    """One e-mail per user with an address and something new; all through one SMTP connection."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("id")
    last_sent = dict(DigestSent.objects.values_list("user_id", "sent_on"))
    digests = [d for d in (digest_for(user, today, last_sent.get(user.pk)) for user in users) if d]
    if dry_run or not digests:
        return digests
    messages = [
        EmailMessage(
            subject=d.subject,
            body=render_to_string("roadmaps/email/digest.txt", {"digest": d, "today": today,
                                                                 "site_url": site_url.rstrip("/")}),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[d.user.email],
        )
        for d in digests
    ]
    get_connection().send_messages(messages)
    for d in digests:
        DigestSent.objects.update_or_create(user=d.user, defaults={"sent_on": today})
    return digests
