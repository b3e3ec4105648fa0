"""The demo's participants' side: the young teacher Ёлкин А.В. mentors signs in as herself (`molodoy.agin1`), and a
pupil's parent of МБОУ Агинская СОШ № 1 has a personal link with a fixed address, named in the README."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from participants.cabinet.models import LinkKind, PersonalLink, token_hash
from participants.models import Pair, PairStatus, Person

MENTEE_LOGIN = "molodoy.agin1"
PARENT_TOKEN = "demo-roditel-agin1"  # a real link is 32 random characters; the demo's is easy to type
PARENT_PATH = f"/k/{PARENT_TOKEN}/"


def load(today: date) -> str | None:
    """Ties the demo mentee's account and makes the parent's link; returns the link's path (None without a pupil)."""
    _link_mentee(today)
    return _parent_link(today)


def _link_mentee(today: date) -> None:
    user = get_user_model().objects.filter(username=MENTEE_LOGIN).first()
    if user is None or Person.objects.filter(user=user).exists():
        return
    pair = (Pair.objects.filter(organization__code="agin-1", form__name="учитель – учитель", mentor__user__isnull=False,
                                status=PairStatus.ACTIVE).first()
            or Pair.objects.filter(organization__code="agin-1", form__name="учитель – учитель",
                                   status=PairStatus.ACTIVE).first())
    mentee = pair.mentees.filter(category="teacher").first() if pair else None
    if mentee is None:
        return
    Person.objects.filter(pk=mentee.pk).update(user=user, last_name="Ветрова", first_name="Дарья",
                                               patronymic="Сергеевна")
    _a_plan(pair, today, ["Посетить три урока наставника и разобрать их", "Провести открытый урок",
                          "Составить технологическую карту урока"])


def _parent_link(today: date) -> str | None:
    if PersonalLink.objects.filter(token_hash=token_hash(PARENT_TOKEN)).exists():
        return PARENT_PATH
    for pair in Pair.objects.filter(organization__code="agin-1", form__name="ученик – ученик",
                                    status=PairStatus.ACTIVE).prefetch_related("mentees").order_by("pk"):
        child = next((m for m in pair.mentees.all() if m.age(today) is not None and m.age(today) < 14), None)
        if child is not None:
            PersonalLink.objects.create(person=child, kind=LinkKind.PARENT, token_hash=token_hash(PARENT_TOKEN))
            _a_plan(pair, today, ["Решить пять задач олимпиады прошлого года", "Подготовить сообщение о проекте"])
            return PARENT_PATH
    return None


def _a_plan(pair: Pair, today: date, titles: list[str]) -> None:
    if not pair.tasks.exists():
        pair.tasks.create(title=titles[0], due=today - timedelta(days=10), done=True)
        for days, title in enumerate(titles[1:], start=1):
            pair.tasks.create(title=title, due=today + timedelta(days=14 * days))
    if not pair.meetings.filter(held_on__isnull=True, planned_on__gte=today).exists():
        pair.meetings.create(kind="work", planned_on=today + timedelta(days=5), topic="Разбор задач плана")
