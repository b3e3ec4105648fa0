"""The weekly e-mail: what is overdue and what falls due next week, for everyone who has something."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string

from participants.landing import HOME, blocks_for
from roadmaps.agenda import my_occurrences


@dataclass
class Digest:
    user: object
    overdue: list
    next_week: list
    todos: list = field(default_factory=list)  # «Нужно сделать» of the landing page: reports to hand in, reviews…

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


def digest_for(user, today: date) -> Digest | None:
    user._portal_access = None
    occurrences = my_occurrences(user).select_related("item__roadmap__district", "item__roadmap__organization")
    overdue = list(occurrences.overdue(today).order_by("due", "id"))
    next_week = list(occurrences.due_between(today, today + timedelta(days=7)).order_by("due", "id"))
    # The landing page's to-dos that other apps contribute (a monitoring report to hand in, practices to review)
    todos = [todo for block in blocks_for(HOME, user, today) for todo in block.todos]
    if not overdue and not next_week and not todos:
        return None
    return Digest(user, overdue, next_week, todos)


def send_digests(today: date, site_url: str, *, dry_run: bool = False) -> list[Digest]:
    """One e-mail per user with an address and something due; all through one SMTP connection."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("id")
    digests = [d for d in (digest_for(user, today) for user in users) if d]
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
    return digests
