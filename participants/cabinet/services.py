"""What the participant's page changes: links given and resolved, plan tasks marked, messages to the curator, the
consent given or withdrawn — each asked of the rules table first (cabinet/rules.py)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from mentoring_portal.lib import versions
from participants.cabinet.models import (
    LinkKind,
    MentorChoice,
    ParticipantMessage,
    PersonalLink,
    new_token,
    token_hash,
)
from participants.cabinet.page import in_a_live_pair, offered_mentors
from participants.cabinet.rules import CABINET, Viewer
from participants.models import Consent, ConsentGiver, Person, PlanTask
from participants.registry.services import consent_record
from participants.registry.services import consent_withdraw as registry_consent_withdraw

OPENED_EVERY = timedelta(minutes=5)  # the last opening is written at most this often


@transaction.atomic
def link_issue(*, person, kind: str, actor, today: date) -> str:
    """A new personal link (the previous one of the same kind stops working); returns the token, shown once."""
    CABINET.check("issue", person=person, kind=kind, today=today)
    PersonalLink.objects.filter(person=person, kind=kind, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token = new_token()
    try:
        with transaction.atomic():
            PersonalLink.objects.create(person=person, kind=kind, token_hash=token_hash(token), created_by=actor)
    except IntegrityError:  # a second click at the same instant made one: end it too and make ours
        PersonalLink.objects.filter(person=person, kind=kind, revoked_at__isnull=True).update(
            revoked_at=timezone.now())
        PersonalLink.objects.create(person=person, kind=kind, token_hash=token_hash(token), created_by=actor)
    return token


def link_revoke(*, person, kind: str) -> int:
    return PersonalLink.objects.filter(person=person, kind=kind, revoked_at__isnull=True).update(
        revoked_at=timezone.now())


def viewer_of_token(token: str) -> Viewer | None:
    """The viewer a link opens the page for; None for an unknown, ended or erased one."""
    link = (PersonalLink.objects.filter(token_hash=token_hash(token), revoked_at__isnull=True,
                                        person__anonymised_on__isnull=True)
            .select_related("person__organization").first())
    if link is None:
        return None
    now = timezone.now()
    if link.last_opened_at is None or now - link.last_opened_at > OPENED_EVERY:
        PersonalLink.objects.filter(pk=link.pk).update(last_opened_at=now)
    return Viewer(link.person, link.kind)


def viewers_of_user(user) -> list[Viewer]:
    """A signed-in mentee: the registry entries tied to his account that are mentees of a pair."""

    if not user.is_authenticated:
        return []
    people = (Person.objects.filter(user=user, anonymised_on__isnull=True, mentored_in__isnull=False)
              .select_related("organization").distinct().order_by("pk"))
    return [Viewer(person, LinkKind.MENTEE) for person in people]


def _own_task(viewer: Viewer, task_id: int) -> PlanTask:
    """A task of a pair the viewer's person is a mentee of; anything else is not found."""
    return PlanTask.objects.select_related("pair").get(pk=task_id, pair__mentees=viewer.person)


@transaction.atomic
def task_mark(*, viewer: Viewer, task_id: int, done: bool, today: date) -> PlanTask:
    task = _own_task(viewer, task_id)
    CABINET.check("mark_task", viewer=viewer, pair=task.pair, today=today)
    if task.done != done:
        task.done = done
        task.save(update_fields=["done"])
    return task


@transaction.atomic
def mentors_choose(*, viewer: Viewer, chosen: list[int], today: date) -> list[MentorChoice]:
    """The mentee's (or the parent's) choice, in order; a new choice replaces the previous one."""

    offered = {pk for pk, _ in offered_mentors(viewer.person, today)}
    CABINET.check("choose_mentors", viewer=viewer, live_pair=in_a_live_pair(viewer.person), chosen=chosen,
                  offered=offered, today=today)
    MentorChoice.objects.filter(person=viewer.person).delete()
    return MentorChoice.objects.bulk_create([MentorChoice(person=viewer.person, mentor_id=pk, rank=rank,
                                                          author=viewer.kind)
                                             for rank, pk in enumerate(chosen, start=1)])


def message_send(*, viewer: Viewer, text: str, today: date) -> ParticipantMessage:
    text = text.strip()
    sent_today = ParticipantMessage.objects.filter(person=viewer.person, created_at__date=today).count()
    CABINET.check("write", viewer=viewer, text=text, sent_today=sent_today, today=today)
    return ParticipantMessage.objects.create(person=viewer.person, author=viewer.kind, text=text)


def consent_in_force(viewer: Viewer, today: date) -> Consent | None:
    return next((c for c in viewer.person.consents.all() if c.is_valid_on(today)), None)


@transaction.atomic
def consent_give(*, viewer: Viewer, given_by: str, confirmed: bool, today: date) -> Consent:
    CABINET.check("give_consent", viewer=viewer, consent=consent_in_force(viewer, today), confirmed=confirmed,
                  today=today)
    giver = ConsentGiver.REPRESENTATIVE if viewer.is_parent else ConsentGiver.SELF
    consent = consent_record(person=viewer.person, giver=giver, given_by=given_by, given_on=today,
                             document="дано на портале по личной ссылке", today=today)
    ParticipantMessage.objects.create(person=viewer.person, author=viewer.kind,
                                      text=f"Дано согласие на обработку персональных данных ({consent.given_by}).")
    return consent


@transaction.atomic
def consent_withdraw(*, viewer: Viewer, today: date) -> Consent:
    consent = consent_in_force(viewer, today)
    CABINET.check("withdraw_consent", viewer=viewer, consent=consent, today=today)
    registry_consent_withdraw(consent=consent, on=today)
    ParticipantMessage.objects.create(
        person=viewer.person, author=viewer.kind,
        text="Согласие на обработку персональных данных отозвано. Участника нельзя оставлять в работающей паре.")
    return consent


def messages_read(*, person, user) -> int:
    unread = ParticipantMessage.objects.filter(person=person, read_at__isnull=True)
    one = unread.first()
    read = unread.update(read_at=timezone.now(), read_by=user)
    if one is not None:
        versions.touch(one)  # the curators' landing block (an update sends no signal)
    return read
