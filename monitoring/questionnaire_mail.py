"""Personal links by e-mail (issue #25): when links are made — for a pair or for a quarterly round — each participant
with an address gets his link; three days later, one reminder to whoever has not answered. The letters go from the
worker, never inside the request; the curator's list says who got a letter, a reminder, or has no address."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from monitoring.models import Invitation

logger = logging.getLogger(__name__)
REMIND_AFTER_DAYS = 3  # participants/nudges/rules.QUESTIONNAIRE_UNANSWERED says the same to the curator
# A link whose letter the queue lost (the queue was down, the worker killed): the daily run sends it once the worker
# has had an hour, and only for links of the last week — an older link is the curator's to hand out.
LOST_AFTER = timedelta(hours=1)
LOST_WITHIN = timedelta(days=7)


def address_of(invitation: Invitation) -> str:
    person = invitation.person
    if person is None or person.anonymised_on:
        return ""
    return person.email or (person.user.email if person.user_id else "")


def _letter(invitation: Invitation, site_url: str, *, reminder: bool) -> EmailMessage:
    link = site_url.rstrip("/") + reverse("monitoring:answer", args=[invitation.token])
    context = {"invitation": invitation, "link": link, "reminder": reminder}
    subject = ("Напоминание: " if reminder else "") + f"анкета «{invitation.questionnaire.title}»"
    return EmailMessage(subject=subject, body=render_to_string("monitoring/email/invitation.txt", context),
                        from_email=settings.DEFAULT_FROM_EMAIL, to=[address_of(invitation)])


def _send(invitations: list[Invitation], site_url: str, *, field: str, reminder: bool) -> int:
    addressed = [i for i in invitations if address_of(i)]
    if not addressed:
        return 0
    get_connection().send_messages([_letter(i, site_url, reminder=reminder) for i in addressed])
    Invitation.objects.filter(pk__in=[i.pk for i in addressed]).update(**{field: timezone.now()})
    return len(addressed)


def _loaded(queryset):
    return list(queryset.select_related("questionnaire", "organization", "person__user"))


@task()
def mail_invitations(invitation_ids: list[int], site_url: str) -> int:
    """The links just made, each to its participant's address (not yet sent, not yet answered)."""
    return _send(_loaded(Invitation.objects.filter(pk__in=invitation_ids, sent_at__isnull=True,
                                                   answered_at__isnull=True)), site_url, field="sent_at",
                 reminder=False)


def invitations_made(invitation_ids: list[int], site_url: str) -> None:
    """Called by whoever made links: the worker sends them once the links are committed."""
    ids = list(invitation_ids)
    transaction.on_commit(lambda: _enqueue(ids, site_url))


def _enqueue(ids: list[int], site_url: str) -> None:
    try:
        mail_invitations.enqueue(ids, site_url)
    except Exception:  # the queue is down: the links are on the curator's list, the daily run sends them (`lost`)
        logger.exception("Не удалось поставить в очередь письма с анкетами")


def send_lost(site_url: str, *, dry_run: bool = False, now=None) -> list[Invitation]:
    """The first letter of each link made between a week and an hour ago that never went (not sent, not answered)."""
    now = now or timezone.now()
    lost = _loaded(Invitation.objects.filter(answered_at__isnull=True, sent_at__isnull=True,
                                             created_at__range=(now - LOST_WITHIN, now - LOST_AFTER)))
    if not dry_run:
        _send(lost, site_url, field="sent_at", reminder=False)
    return [i for i in lost if address_of(i)]


def send_reminders(today: date, site_url: str, *, dry_run: bool = False) -> list[Invitation]:
    """One reminder to each participant who got a letter three days ago or more and has not answered."""
    due = _loaded(Invitation.objects.filter(answered_at__isnull=True, sent_at__isnull=False, reminded_at__isnull=True,
                                            sent_at__date__lte=today - timedelta(days=REMIND_AFTER_DAYS)))
    if not dry_run:
        _send(due, site_url, field="reminded_at", reminder=True)
    return [i for i in due if address_of(i)]
