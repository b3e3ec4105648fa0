"""Whose nudges: a school curator's — his schools' pairs and people; a mentor's — his own pairs. Providers (this
app's and those other apps register: monitoring's questionnaires) get that scope and return to-dos."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, Max, OuterRef, Q
from django.urls import reverse

from mentoring_portal.lib.plugins import Plugins
from participants.access import access_of
from participants.landing import Todo
from participants.models import Consent, Membership, Pair, PairStatus, Person, Role, RoleAction, RoleChange
from participants.nudges.rules import (
    ACCOUNT_NOT_ACCEPTED,
    CONSENT_MISSING,
    NO_MEETING,
    PLAN_BEHIND,
    PLAN_FULFILLED,
    TODOS_A_KIND,
    Staleness,
)
from participants.pairs.selectors import plan_completion, with_plan


@dataclass
class Scope:
    organizations: list  # the schools the user is curator of (empty for a mentor alone)
    mentor_user: object | None  # the user, when he mentors: his own pairs

    @property
    def is_empty(self) -> bool:
        return not self.organizations and self.mentor_user is None

    def pairs(self):
        """The live pairs in view: the curator's schools' and the mentor's own."""
        found = Q(organization__in=self.organizations) if self.organizations else Q(pk__in=[])
        if self.mentor_user is not None:
            found |= Q(mentor__user=self.mentor_user)
        return Pair.objects.filter(found, status__in=(PairStatus.FORMING, PairStatus.ACTIVE))

    def for_mentor_only(self, staleness: Staleness) -> bool:
        """A nudge a mentor is not told about, for someone who only mentors."""
        return not self.organizations and not staleness.mentor_too


def scope_of(user) -> Scope:
    memberships = access_of(user).memberships
    schools = [m.organization for m in memberships if m.role == Role.SCHOOL_CURATOR]
    mentors = any(m.role == Role.MENTOR for m in memberships)
    return Scope(schools, user if mentors else None)


Provider = Callable[[Scope, date], list[Todo]]
NUDGES: Plugins[Provider] = Plugins("nudges: what a curator is reminded of on the home page")


def nudges(user, today: date) -> list[Todo]:
    scope = scope_of(user)
    if scope.is_empty:
        return []
    return [todo for provider in NUDGES for todo in provider(scope, today)]


def capped(todos: list[Todo], more: str, url: str) -> list[Todo]:
    """At most TODOS_A_KIND lines of one kind; the rest as one line to the list."""
    if len(todos) <= TODOS_A_KIND:
        return todos
    return [*todos[:TODOS_A_KIND], Todo(f"{more}: ещё {len(todos) - TODOS_A_KIND}", url)]


def pair_url(pair) -> str:
    return reverse("participants:pair", args=[pair.organization.code, pair.pk])


def _pairs_url(scope: Scope) -> str:
    return reverse("participants:pairs", args=[scope.organizations[0].code]) if scope.organizations else \
        reverse("participants:my-pairs")


def _label(pair) -> str:
    mentees = ", ".join(m.short_name for m in pair.mentees.all())
    return f"{pair.form}: {pair.mentor.short_name} — {mentees}"


@NUDGES.add
def no_meeting(scope: Scope, today: date) -> list[Todo]:
    since = today - timedelta(days=NO_MEETING.days)
    pairs = (scope.pairs().filter(status=PairStatus.ACTIVE, start_date__lte=since)
             .annotate(last=Max("meetings__held_on")).filter(Q(last__lt=since) | Q(last__isnull=True))
             .select_related("organization", "mentor", "form").prefetch_related("mentees").order_by("last", "pk"))
    todos = [Todo(f"Нет встреч больше {NO_MEETING.days} дней"
                  f"{f' (последняя {p.last:%d.%m.%Y})' if p.last else ''}: {_label(p)}", pair_url(p)) for p in pairs]
    return capped(todos, "Пары без встреч больше месяца", _pairs_url(scope))


@NUDGES.add
def plan_behind(scope: Scope, today: date) -> list[Todo]:
    ending = with_plan(scope.pairs().filter(status=PairStatus.ACTIVE,
                                            end_date__lte=today + timedelta(days=PLAN_BEHIND.days)))
    todos = []
    for pair in ending.order_by("end_date", "pk"):
        completion = plan_completion(pair)
        if completion is not None and completion < PLAN_FULFILLED:
            todos.append(Todo(f"План выполнен на {completion} %, пара заканчивается {pair.end_date:%d.%m.%Y}: "
                              f"{_label(pair)}", pair_url(pair), urgent=pair.end_date <= today))
    return capped(todos, f"Планы ниже {PLAN_FULFILLED} % перед концом пары", _pairs_url(scope))


@NUDGES.add
def consent_missing(scope: Scope, today: date) -> list[Todo]:
    if scope.for_mentor_only(CONSENT_MISSING) or not scope.organizations:
        return []
    valid = Consent.objects.filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=today), person=OuterRef("pk"),
                                   given_on__lte=today)
    pairs = (scope.pairs().filter(status=PairStatus.ACTIVE, organization__in=scope.organizations)
             .select_related("organization", "mentor", "form").prefetch_related("mentees").order_by("pk"))
    todos = []
    without = _without(valid, scope.organizations)
    for pair in pairs.filter(Q(mentor__in=without) | Q(mentees__in=without)).distinct():
        todos.append(Todo(f"В работающей паре нет действующего согласия: {_label(pair)}", pair_url(pair),
                          urgent=True))
    return capped(todos, "Работающие пары без согласия", _pairs_url(scope))


def _without(valid, organizations):
    """The schools' people without a consent in force today (a subquery)."""

    return (Person.objects.filter(organization__in=organizations).annotate(consented=Exists(valid))
            .filter(consented=False).values("pk"))


@NUDGES.add
def account_not_accepted(scope: Scope, today: date) -> list[Todo]:
    if scope.for_mentor_only(ACCOUNT_NOT_ACCEPTED) or not scope.organizations:
        return []

    invited = RoleChange.objects.filter(action=RoleAction.INVITED, organization__in=scope.organizations,
                                        at__date__lte=today - timedelta(days=ACCOUNT_NOT_ACCEPTED.days),
                                        user__password__startswith="!", user__is_active=True)
    waiting = (Membership.objects.filter(organization__in=scope.organizations,
                                         user_id__in=invited.values("user_id"))
               .select_related("user", "organization").order_by("pk"))
    todos = [Todo(f"Приглашение в портал не принято больше {ACCOUNT_NOT_ACCEPTED.days} дней: "
                  f"{m.user.last_name} {m.user.first_name} ({m.get_role_display().lower()}) — отправьте снова",
                  reverse("participants:organization-users", args=[m.organization.code])) for m in waiting]
    return capped(todos, "Не принятые приглашения", reverse("participants:organization-users",
                                                             args=[scope.organizations[0].code]))
