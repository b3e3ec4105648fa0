"""The «методический десант» (seed 002: «по заявкам ОО»): a school asks, the district answers with an event at the
school or declines with a reason, the school may withdraw an unanswered request; one request of a school waits at a
time. The rules row by row, a stateful test of their invariants, then the pages as the two curators use them."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from participants.models import Deficit, HeadCount
from roadmaps.events.models import Event
from roadmaps.visits.models import OPEN_STATES, VisitRequest, VisitState
from roadmaps.visits.rules import VISIT
from roadmaps.visits.services import visit_accept, visit_decline, visit_submit, visit_withdraw
from tests.factories import OrganizationFactory, person
from tests.test_workflow_rules import WORLD, run

TODAY = date(2026, 12, 7)


def _request(school, **fields) -> VisitRequest:
    return VisitRequest.objects.create(organization=school, topic="ИКУ: недопустимый уровень", teachers=3,
                                       wished_from=TODAY, wished_until=TODAY + timedelta(days=14), **fields)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=10))


# (action, the case, allowed?, the rule it quotes)
ROWS = [
    ("submit", "no request waits; from today", True, "одна заявка школы на рассмотрении"),
    ("submit", "one submitted waits", False, "одна заявка школы на рассмотрении"),
    ("submit", "one accepted, not held yet", False, "одна заявка школы на рассмотрении"),
    ("submit", "the last one held", True, "одна заявка школы на рассмотрении"),
    ("submit", "the last one declined", True, "одна заявка школы на рассмотрении"),
    ("submit", "wished from yesterday", False, "желательный период: с сегодняшнего дня"),
    ("submit", "ends before it starts", False, "конец не раньше начала"),
    ("accept", "submitted, on today", True, "десант назначают на сегодня или позже"),
    ("accept", "submitted, on yesterday", False, "десант назначают на сегодня или позже"),
    ("accept", "declined already", False, "муниципалитет отвечает на поданную заявку"),
    ("decline", "submitted, with a reason", True, "отказ — с причиной"),
    ("decline", "submitted, no reason", False, "отказ — с причиной"),
    ("decline", "accepted already", False, "муниципалитет отвечает на поданную заявку"),
    ("withdraw", "submitted", True, "школа отзывает заявку, пока на неё не ответили"),
    ("withdraw", "accepted already", False, "школа отзывает заявку, пока на неё не ответили"),
]


@pytest.mark.parametrize("action, case, allowed, source", ROWS, ids=[r[1] for r in ROWS])
def test_a_visit_rule(world, action, case, allowed, source):
    school = world.school
    event = Event.objects.create(district=world.district, title="Десант", kind="methodical_visit", starts_at=_at(TODAY),
                                 held_on=TODAY if "held" in case and "not held" not in case else None)
    existing = None
    if "submitted" in case or "one submitted" in case:
        existing = _request(school)
    elif "accepted" in case or "held" in case:
        existing = _request(school, event=event)
    elif "declined" in case:
        existing = _request(school, declined_on=TODAY, decline_reason="нет методиста")
    wished_from = TODAY - timedelta(days=1) if "yesterday" in case and action == "submit" else TODAY
    wished_until = wished_from - timedelta(days=1) if "ends before" in case else wished_from + timedelta(days=7)
    context = {
        "submit": dict(organization=school, wished_from=wished_from, wished_until=wished_until, today=TODAY),
        "accept": dict(request=existing, starts_on=TODAY - timedelta(days=1) if "yesterday" in case else TODAY,
                       today=TODAY),
        "decline": dict(request=existing, reason="" if "no reason" in case else "Методист занят до января"),
        "withdraw": dict(request=existing),
    }[action]
    assert VISIT.allows(action, **context) is allowed, source


class VisitMachine(RuleBasedStateMachine):
    """Random submissions, answers, withdrawals and held events of one school: at most one request waits; an accepted
    request has an event of the school's district at the school; a declined one its reason; an answered or withdrawn
    request never changes again."""

    @initialize()
    def a_school(self):
        self.world = WORLD["world"]
        self.school = OrganizationFactory(district=self.world.district)
        self.today = TODAY
        self.ended: dict[int, str] = {}  # request → the final state it reached

    @rule(days=st.integers(min_value=0, max_value=5))
    def a_day_passes(self, days):
        self.today += timedelta(days=days)

    @rule(start=st.integers(min_value=-2, max_value=5), length=st.integers(min_value=-2, max_value=20))
    def the_school_submits(self, start, length):
        wished_from = self.today + timedelta(days=start)
        request = VisitRequest(organization=self.school, topic="ИКУ", teachers=2, wished_from=wished_from,
                               wished_until=wished_from + timedelta(days=length))
        try:
            visit_submit(request, user=None, today=self.today)
        except ValidationError:
            pass

    def _pick(self, data):
        return data.draw(st.sampled_from(list(VisitRequest.objects.filter(organization=self.school))))

    @precondition(lambda self: VisitRequest.objects.filter(organization=self.school).exists())
    @rule(data=st.data(), shift=st.integers(min_value=-2, max_value=10), how=st.sampled_from(["accept", "decline",
                                                                                             "withdraw", "hold"]))
    def someone_answers(self, data, shift, how):
        request = self._pick(data)
        try:
            if how == "accept":
                visit_accept(request, user=None, starts_at=_at(self.today + timedelta(days=shift)), place="",
                             title="Десант", today=self.today)
            elif how == "decline":
                visit_decline(request, reason=data.draw(st.sampled_from(["", "Нет методиста"])), today=self.today)
            elif how == "withdraw":
                visit_withdraw(request, today=self.today)
            elif request.event_id:
                Event.objects.filter(pk=request.event_id).update(held_on=self.today)
        except ValidationError:
            pass

    @invariant()
    def at_most_one_request_waits(self):
        if hasattr(self, "school"):
            requests = VisitRequest.objects.filter(organization=self.school).select_related("event")
            assert sum(r.state in OPEN_STATES for r in requests) <= 1

    @invariant()
    def answers_are_whole_and_final(self):
        if not hasattr(self, "school"):
            return
        for r in VisitRequest.objects.filter(organization=self.school).select_related("event"):
            if r.state in (VisitState.ACCEPTED, VisitState.HELD):
                assert r.event.district_id == self.school.district_id
                assert list(r.event.schools.all()) == [self.school]
            if r.state == VisitState.DECLINED:
                assert r.decline_reason
            if r.pk in self.ended and self.ended[r.pk] != VisitState.HELD:
                assert r.state == self.ended[r.pk]
            if r.state in (VisitState.DECLINED, VisitState.WITHDRAWN):
                self.ended[r.pk] = r.state


def test_visit_invariants_hold_for_random_sequences(world):
    run(VisitMachine, world, examples=20, steps=12)


def test_a_school_asks_and_the_district_answers_with_an_event_at_the_school(login, world):
    today = timezone.localdate()
    HeadCount.objects.create(organization=world.school, school_year=today.year if today.month >= 9 else today.year - 1,
                             students=100, teachers=5, young_teachers=1)
    Deficit.objects.create(person=person(world.school, "teacher", grade=""), competence="psychological",
                           description="ОВЗ", diagnostic="iku", found_on=today, unacceptable=True)
    district_page = reverse("roadmaps:district-visits", args=[world.district.code])
    assert "МБОУ Агинская СОШ № 1 — 1 пед. (20 %)" in login(world.curator).get(district_page).content.decode()
    school = login(world.school_curator)
    page = school.get(reverse("roadmaps:visits", args=[world.school.code])).content.decode()
    assert "Недопустимый уровень ИКУ/РИКУ: психолого-педагогические компетенции — 1 пед." in page
    submit = reverse("roadmaps:visit-submit", args=[world.school.code])
    wished = {"topic": "Работа с детьми с ОВЗ", "teachers": 4, "wished_from": today.isoformat(),
              "wished_until": (today + timedelta(days=20)).isoformat()}
    assert "отправлена в муниципалитет" in school.post(submit, wished, follow=True).content.decode()
    again = school.post(submit, {**wished, "topic": "Ещё раз"})
    assert again.status_code == 400 and "У школы уже есть заявка «Работа с детьми с ОВЗ» (подана)" in \
        again.content.decode() and 'value="Ещё раз"' in again.content.decode()
    visit = VisitRequest.objects.get()
    curator = login(world.curator)
    listing = curator.get(district_page).content.decode()
    assert "Работа с детьми с ОВЗ" in listing and "рекомендован" not in listing  # the school asked already
    accept = reverse("roadmaps:visit-accept", args=[world.district.code, visit.pk])
    past = curator.post(accept, {f"r{visit.pk}-title": "Десант в Агинскую СОШ",
                                 f"r{visit.pk}-starts_at": f"{today - timedelta(days=1)}T10:00"})
    assert past.status_code == 400 and "Десант назначают на сегодня или позже." in past.content.decode()
    assert 'value="Десант в Агинскую СОШ"' in past.content.decode()
    done = curator.post(accept, {f"r{visit.pk}-title": "Десант в Агинскую СОШ",
                                 f"r{visit.pk}-starts_at": f"{today + timedelta(days=3)}T10:00",
                                 f"r{visit.pk}-place": "Актовый зал"}, follow=True)
    event = Event.objects.get(kind="methodical_visit")
    assert done.redirect_chain[-1][0] == event.get_absolute_url() and list(event.schools.all()) == [world.school]
    assert event.district == world.district
    assert "Назначен десант" in school.get(reverse("roadmaps:visits", args=[world.school.code])).content.decode()
    decline = reverse("roadmaps:visit-decline", args=[world.district.code, visit.pk])
    assert curator.post(decline, {f"r{visit.pk}-reason": "поздно"}).status_code == 400  # answered already


def test_a_declined_request_shows_its_reason_and_another_school_sees_nothing(login, world):
    visit = _request(world.school)
    curator = login(world.curator)
    curator.post(reverse("roadmaps:visit-decline", args=[world.district.code, visit.pk]),
                 {f"r{visit.pk}-reason": "Десант запланирован на январь для всех школ"})
    page = login(world.school_curator).get(reverse("roadmaps:visits", args=[world.school.code])).content.decode()
    assert "Отклонена" in page and "Причина: Десант запланирован на январь для всех школ" in page
    other = login(world.other_curator)
    assert other.post(reverse("roadmaps:visit-withdraw", args=[world.school.code, visit.pk])).status_code == 404
    assert login(world.outsider_curator).get(reverse("roadmaps:district-visits",
                                                     args=[world.district.code])).status_code == 404
