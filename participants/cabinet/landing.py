"""The school curator's landing block «Сообщения участников»: what mentees and parents wrote and nobody read yet."""

from __future__ import annotations

from django.urls import reverse

from mentoring_portal.lib import versions
from participants.access import access_of
from participants.cabinet.models import ParticipantMessage
from participants.cabinet.services import viewers_of_user
from participants.caches import place as place_cache
from participants.landing import LandingBlock, Todo
from participants.models import Pair, Person, Role


def unread_messages(user, today, place=None) -> list[LandingBlock]:
    schools = [m.organization for m in access_of(user).memberships if m.role == Role.SCHOOL_CURATOR]
    if not schools:
        return []
    unread = list(ParticipantMessage.objects.filter(person__organization__in=schools, read_at__isnull=True)
                  .select_related("person__organization").order_by("-created_at")[:10])
    if not unread:
        return []
    todos = [Todo(f"{m.person.short_name} ({'родитель' if m.author == 'parent' else 'участник'}): "
                  f"{m.text[:80]}", reverse("participants:person", args=[m.person.organization.code, m.person.pk])
                  + "#cabinet", urgent="отозвано" in m.text) for m in unread]
    return [LandingBlock("Сообщения участников", "", todos=todos, order=15)]


def my_mentoring(user, today, place=None) -> list[LandingBlock]:
    """A signed-in mentee: his own page, first on the landing."""

    viewers = viewers_of_user(user)
    if not viewers:
        return []
    return [LandingBlock("Моё наставничество", "participants/cabinet/landing_block.html", {"viewers": viewers},
                         order=5)]


def mentee_version(user) -> list[str]:
    return [f"{MENTEE}:{user.pk}"]


MENTEE = "cabinet-mentee"


def _names_of(instance, created: bool = False) -> list[str]:
    """A message moves its school's landing (the curators' block); a registry entry tied to an account moves that
    account's «Моё наставничество» (and so do its pairs' mentees, below)."""

    if isinstance(instance, ParticipantMessage):
        organization_id = Person.objects.filter(pk=instance.person_id).values_list("organization_id", flat=True).first()
        return [place_cache.version_of("organization", organization_id)] if organization_id else []
    if isinstance(instance, Pair):
        users = instance.mentees.exclude(user=None).values_list("user_id", flat=True) if instance.pk else []
    else:
        users = [instance.user_id] if instance.user_id else []
    return [f"{MENTEE}:{pk}" for pk in users]


def connect() -> None:
    from participants.models import Pair, Person

    versions.watch("cabinet", _names_of, models=(ParticipantMessage, Person, Pair), m2m=(Pair.mentees.through,))
