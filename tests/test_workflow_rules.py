"""Each workflow as its rules, row by row: every row names the action, the day (or the state) on either side of the
rule's boundary, what the rule decides, and the document or rule it quotes. Then a hypothesis stateful test per
workflow drives random actions and days through the services and checks the invariants the documents imply."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from monitoring.models import Campaign, ReportStatus
from monitoring.models.campaigns import late_reports
from monitoring.services import campaign_open
from participants.models import District, Pair, PairStatus, Role
from roadmaps.contests.models import Application, Contest, Nomination, Score
from roadmaps.contests.rules import CONTEST
from roadmaps.contests.services import contest_apply, contest_publish, contest_score
from roadmaps.events.models import Event
from roadmaps.events.rules import EVENT, upcoming
from roadmaps.events.services import event_hold
from roadmaps.models import Item
from tests.factories import RegionFactory, form, member, person

UNTIL = date(2026, 12, 20)  # applications until
DAY_BEFORE, DAY_AFTER = UNTIL - timedelta(days=1), UNTIL + timedelta(days=1)


def _contest(world, **fields):
    contest = Contest.objects.create(district=world.district, title="Педагогический дуэт", year=2026,
                                     applications_until=UNTIL, judging_until=UNTIL + timedelta(days=10),
                                     criteria="Актуальность", **fields)
    Nomination.objects.create(contest=contest, name="Педагоги")
    return contest


def _application(world, contest, *, scored_by=None):
    pair = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade=""),
                               form=form("учитель – учитель"), status=PairStatus.ACTIVE, start_date=date(2024, 9, 1),
                               end_date=date(2030, 5, 31))
    application = Application.objects.create(contest=contest, nomination=contest.nominations.get(),
                                             organization=world.school, pair=pair, title="Урок вдвоём")
    if scored_by:
        Score.objects.create(application=application, juror=scored_by, points=[7], total=7)
    return application


# (action, the case, the day, allowed?, the rule it quotes)
CONTEST_ROWS = [
    ("apply", "the last day of applications", UNTIL, True, "заявки принимаются до …: включительно"),
    ("apply", "the day after", DAY_AFTER, False, "заявки принимаются до …"),
    ("apply", "results out (even before the date)", DAY_BEFORE, False, "итоги подведены: приём закончен"),
    ("publish", "while applications are open", UNTIL, False, "итоги — после окончания приёма заявок"),
    ("publish", "the day after they close, every application scored", DAY_AFTER, True, "итоги — после приёма"),
    ("publish", "an application no juror scored", DAY_AFTER, False, "каждая заявка оценена жюри"),
    ("publish", "published already", DAY_AFTER, False, "итоги публикуются один раз"),
    ("score", "a juror", DAY_AFTER, True, "оценивает жюри"),
    ("score", "not on the jury", DAY_AFTER, False, "оценивает жюри"),
    ("score", "after the results", DAY_AFTER, False, "оценки после итогов не меняются"),
]


@pytest.mark.parametrize("action, case, day, allowed, source", CONTEST_ROWS, ids=[r[1] for r in CONTEST_ROWS])
def test_a_contest_rule(world, action, case, day, allowed, source):
    jury = member(Role.DISTRICT_EXPERT, world.district, username="juror")
    contest = _contest(world, results_published_on=day if "published" in case or "results out" in case
                       or "after the results" in case else None)
    contest.jury.set([jury])
    _application(world, contest, scored_by=None if "no juror" in case else jury)
    juror = world.curator if "not on the jury" in case else jury
    assert CONTEST.allows(action, contest=contest, today=day, juror=juror) is allowed, source


EVENT_DAY = date(2026, 12, 10)
EVENT_ROWS = [
    ("hold", "on its day", EVENT_DAY, EVENT_DAY, True, "проводится в назначенный день или позже"),
    ("hold", "a week before its day (the protocol of 03.12 for 10.12)", EVENT_DAY - timedelta(days=7), EVENT_DAY,
     False, "не раньше назначенного дня"),
    ("hold", "after its day", EVENT_DAY + timedelta(days=2), EVENT_DAY + timedelta(days=5), True, "или позже"),
    ("hold", "a day still ahead", EVENT_DAY + timedelta(days=1), EVENT_DAY, False, "не позже сегодняшней"),
]


@pytest.mark.parametrize("action, case, held_on, today, allowed, source", EVENT_ROWS, ids=[r[1] for r in EVENT_ROWS])
def test_an_event_rule(world, action, case, held_on, today, allowed, source):
    event = Event.objects.create(organization=world.school, title="Педсовет", kind="council",
                                 starts_at=timezone.make_aware(datetime.combine(EVENT_DAY, datetime.min.time())))
    assert EVENT.allows(action, event=event, held_on=held_on, today=today) is allowed, source


def test_a_held_event_is_not_upcoming(world):
    ahead = timezone.now() + timedelta(days=3)
    event = Event.objects.create(organization=world.school, title="Педсовет", kind="council", starts_at=ahead)
    assert list(upcoming(Event.objects.all(), timezone.localdate())) == [event]
    Event.objects.filter(pk=event.pk).update(held_on=timezone.localdate())
    assert list(upcoming(Event.objects.all(), timezone.localdate())) == []


# Random sequences of actions and days ------------------------------------------------------------------------------
class ContestMachine(RuleBasedStateMachine):
    """A contest driven by random applications, scores, publications and days: no results before the applications
    close, no application taken after its date or after the results, every placed application has a score."""

    def __init__(self):
        super().__init__()
        self.contest = None

    @initialize()
    def announce(self):
        self.world = WORLD["world"]
        self.jury = WORLD["jury"]
        self.taken = []
        self.contest = _contest(self.world)
        self.contest.jury.set([self.jury])
        self.today = UNTIL - timedelta(days=5)

    @rule(days=st.integers(min_value=0, max_value=4))
    def a_day_passes(self, days):
        self.today += timedelta(days=days)

    @rule()
    def a_school_applies(self):
        pair = Pair.objects.create(organization=self.world.school, mentor=WORLD["mentor"], form=form("учитель – учитель"),
                                   status=PairStatus.ACTIVE, start_date=date(2024, 9, 1), end_date=date(2030, 5, 31))
        application = Application(nomination=self.contest.nominations.get(), organization=self.world.school,
                                  pair=pair, title="Заявка")
        try:
            contest_apply(contest=self.contest, application=application, today=self.today)
        except ValidationError:
            return
        self.taken.append(self.today)

    @precondition(lambda self: self.contest.applications.exists())
    @rule(points=st.integers(min_value=0, max_value=10), data=st.data())
    def the_jury_scores(self, points, data):
        application = data.draw(st.sampled_from(list(self.contest.applications.all())))
        try:
            contest_score(application=application, juror=self.jury, points=[points])
        except ValidationError:
            pass

    @rule()
    def the_district_publishes(self):
        try:
            contest_publish(contest=self.contest, today=self.today)
        except ValidationError:
            pass
        self.contest.refresh_from_db()

    @invariant()
    def no_results_before_the_applications_close(self):
        if self.contest and self.contest.results_published_on:
            assert self.contest.results_published_on > self.contest.applications_until

    @invariant()
    def nothing_taken_after_the_date_or_the_results(self):
        if not self.contest:
            return
        published = self.contest.results_published_on
        for taken in self.taken:
            assert taken <= self.contest.applications_until
            assert published is None or taken <= published

    @invariant()
    def every_placed_application_was_scored(self):
        if self.contest:
            for application in self.contest.applications.exclude(place=None).prefetch_related("scores"):
                assert application.scores.exists()


WORLD: dict = {}  # what the machines share with their test: the world, made once per test by pytest


def run(machine, world, *, examples: int, steps: int, **shared) -> None:
    WORLD.clear()
    WORLD.update(world=world, **shared)
    machine.TestCase.settings = settings(max_examples=examples, stateful_step_count=steps, deadline=None,
                                         suppress_health_check=list(HealthCheck))
    machine.TestCase().runTest()


def test_contest_invariants_hold_for_random_sequences(world):
    run(ContestMachine, world, examples=25, steps=12,
        jury=member(Role.DISTRICT_EXPERT, world.district, username="juror"), mentor=person(world.school, "teacher", grade=""))


class EventMachine(RuleBasedStateMachine):
    """An event driven by random days and attempts to hold it: never held before its day nor on a day to come, and
    a held event is never upcoming."""

    @initialize()
    def plan(self):
        self.planned = EVENT_DAY
        self.event = Event.objects.create(organization=WORLD["world"].school, title="Педсовет", kind="council",
                                          starts_at=timezone.make_aware(datetime.combine(EVENT_DAY,
                                                                                         datetime.min.time())))
        self.today = EVENT_DAY - timedelta(days=10)

    @rule(days=st.integers(min_value=0, max_value=5))
    def a_day_passes(self, days):
        self.today += timedelta(days=days)

    @rule(back=st.integers(min_value=-3, max_value=12))
    def the_school_holds_it(self, back):
        held_on = self.today - timedelta(days=back)
        try:
            event_hold(event=self.event, user=WORLD["world"].school_curator, held_on=held_on, today=self.today)
        except ValidationError:
            pass
        self.event.refresh_from_db()

    @invariant()
    def never_held_before_its_day(self):
        if self.event.held_on:
            assert self.planned <= self.event.held_on <= self.today

    @invariant()
    def a_held_event_is_not_upcoming(self):
        if self.event.held_on:
            assert not upcoming(Event.objects.filter(pk=self.event.pk), self.today).exists()


def test_event_invariants_hold_for_random_sequences(world):
    run(EventMachine, world, examples=25, steps=10)


# Campaigns and reports --------------------------------------------------------------------------------------------
DUE = date(2026, 5, 20)  # «не позднее 20 мая» (seed 003 п.8)
REPORT_ROWS = [
    ("owed, the day of the date", "draft", None, DUE, False, "сдать не позднее 20 мая: в срок, включительно"),
    ("owed, the day after", "draft", None, DUE + timedelta(days=1), True, "не сдан к сроку — опаздывает"),
    ("returned and not sent again after the date", "returned", DUE - timedelta(days=3), DUE + timedelta(days=1), True,
     "возвращён на доработку — снова должен"),
    ("handed in on the date", "submitted", DUE, DUE + timedelta(days=30), False, "сдан в срок"),
    ("handed in the day after the date", "submitted", DUE + timedelta(days=1), DUE + timedelta(days=30), True,
     "сдан после срока — сдан с опозданием"),
    ("accepted, handed in late", "accepted", DUE + timedelta(days=5), DUE + timedelta(days=30), True,
     "принят, но сдан после срока"),
]


@pytest.mark.parametrize("case, status, sent, today, late, source", REPORT_ROWS, ids=[r[0] for r in REPORT_ROWS])
def test_a_report_is_late_by_its_date(world, case, status, sent, today, late, source):
    campaign = campaign_open(district=world.district, title="Мониторинг, май", year=2025, due_on=DUE)
    report = campaign.reports.get(organization=world.school)
    campaign.reports.exclude(pk=report.pk).delete()
    at = timezone.make_aware(datetime.combine(sent, datetime.min.time().replace(hour=12))) if sent else None
    type(report).objects.filter(pk=report.pk).update(status=status, submitted_at=at)
    report.refresh_from_db()
    assert report.is_late(today) is late, source
    counted = Campaign.objects.filter(pk=campaign.pk).annotate(late=Count("reports", filter=late_reports(today)))
    assert counted.get().late == int(late), "the query's twin agrees"


@pytest.mark.parametrize("post", [{}, {"accept": "1", "return": "1"}, {"decision": "maybe"}])
def test_an_unknown_review_decision_is_refused_not_read_as_return(login, world, post):
    campaign = campaign_open(district=world.district, title="Мониторинг", year=2025, due_on=DUE)
    report = campaign.reports.get(organization=world.school)
    type(report).objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    response = login(world.curator).post(reverse("monitoring:report-decide", args=[world.district.code, campaign.pk,
                                                                                  report.pk]),
                                         {**post, "comment": "доработать"}, follow=True)
    assert "неизвестное решение не принимается" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_a_school_under_the_region_hands_in_to_the_region_and_the_opening_says_who_is_reached(login, world):

    District.objects.filter(region=world.region).update(region=RegionFactory(code="elsewhere"))  # no districts
    response = login(world.coordinator).post(reverse("monitoring:region-campaign-create", args=[world.region.code]), {
        "title": "Региональный мониторинг", "year": 2026, "due_on": str(timezone.localdate() + timedelta(days=20))},
        follow=True)
    page = response.content.decode()
    assert "открыт: 1 школа регионального подчинения." in page and "муниципалитетов: 0" not in page
    report = Campaign.objects.get(region=world.region).reports.get(organization=world.direct_school)
    curator = member(Role.SCHOOL_CURATOR, world.direct_school, username="direct_curator")
    sent = login(curator).post(reverse("monitoring:report-fill", args=[world.direct_school.code, report.pk]),
                               {"achievements": "Пары работают", "submit": "1"}, follow=True)
    assert "Отчёт сдан в регион." in sent.content.decode()


# Consent (152-ФЗ ст. 9; ГК РФ ст. 26, 28), programmes, the curators' order ----------------------------------------
CONSENT_ROWS = [
    ("an adult signs himself", "self", "", True, "152-ФЗ ст. 9: согласие даёт субъект"),
    ("an adult signs himself, his name written", "self", "Громова В. П.", True, "субъект — он сам"),
    ("«сам участник» with another person as the signer", "self", "Петров Иван Сергеевич", False,
     "сам участник подписывает сам: другой подписавший — это представитель"),
    ("a representative, named", "representative", "Громов Павел Иванович (отец)", True, "законный представитель"),
    ("a representative named as the participant himself", "representative", "Громова Вера Павловна", False,
     "представитель — другой человек"),
]


@pytest.mark.parametrize("case, giver, given_by, valid, source", CONSENT_ROWS, ids=[r[0] for r in CONSENT_ROWS])
def test_a_consent_rule(world, case, giver, given_by, valid, source):
    from participants.models.registry import consent_problems

    adult = person(world.school, "teacher", grade="", last_name="Громова", first_name="Вера", patronymic="Павловна",
                   birth_date=date(1985, 3, 1), consent=False)
    problems = consent_problems(adult, giver=giver, given_by=given_by, given_on=date(2024, 9, 2),
                                today=date(2024, 9, 10))
    assert (not problems) is valid, (source, problems)


def test_a_programmes_approval_order_is_filed_as_a_programme(world):
    from participants.models import Document, DocumentKind, Programme
    from participants.programmes.services import programme_approve

    programme = Programme.objects.create(organization=world.school, title="Шаг в профессию")
    programme_approve(programme=programme, user=world.school_curator, number="45-од", date=date(2024, 9, 1))
    assert Document.objects.get(organization=world.school).kind == DocumentKind.PROGRAMME


def test_the_curators_order_prints_the_position_given_at_the_invitation(world):
    from participants.accounts.services import invite
    from participants.documents.order_drafts import curators_order

    for position in ("", "Заместитель директора по УВР"):  # invited again, now with the position
        invite(actor=world.curator, email="petrova@school.example", last_name="Петрова", first_name="Анна",
               role=Role.SCHOOL_CURATOR, place=world.other_school, position=position, site_url="http://testserver")
    rows = curators_order(world.district, world.curator, timezone.localdate()).rows
    assert [row[3] for row in rows if "Петрова" in row[2]] == ["Заместитель директора по УВР"]


class ReportMachine(RuleBasedStateMachine):
    """A campaign and one school's report driven by random days, submissions, reviews, closing and reopening: a
    report handed in after its date is late for good; nothing is handed in to a closed campaign; the draft order
    «Об итогах мониторинга» names the campaign only once it is closed."""

    @initialize()
    def open_campaign(self):
        from monitoring.models import SchoolReport

        world = WORLD["world"]
        Campaign.objects.filter(district=world.district).delete()
        self.campaign = campaign_open(district=world.district, title="Мониторинг, май", year=2026, due_on=DUE)
        self.report = SchoolReport.objects.get(campaign=self.campaign, organization=world.school)
        self.today = DUE - timedelta(days=4)
        self.handed_in_late = False
        self.sent_while_closed = False

    @rule(days=st.integers(min_value=0, max_value=3))
    def a_day_passes(self, days):
        self.today += timedelta(days=days)

    @rule()
    def the_school_hands_it_in(self):
        from monitoring.services import report_save

        closed = self.campaign.is_closed
        try:
            report_save(report=self.report, user=None, texts={"achievements": "работаем"}, manual={}, submit=True,
                        at=timezone.make_aware(datetime.combine(self.today, datetime.min.time().replace(hour=12))))
        except ValidationError:
            return
        self.sent_while_closed |= closed
        self.handed_in_late = self.today > DUE

    @rule(accept=st.booleans())
    def the_district_reviews(self, accept):
        from monitoring.services import report_review

        try:
            report_review(report=self.report, accept=accept, comment="" if accept else "Доработайте")
        except ValidationError:
            pass

    @rule(closed=st.booleans())
    def the_district_closes_or_reopens(self, closed):
        from monitoring.services import campaign_close

        campaign_close(campaign=self.campaign, closed=closed)

    @invariant()
    def a_report_handed_in_late_is_late(self):
        self.report.refresh_from_db()
        if self.report.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED):
            assert self.report.is_late(self.today) is self.handed_in_late

    @invariant()
    def nothing_is_handed_in_to_a_closed_campaign(self):
        assert not self.sent_while_closed

    @invariant()
    def the_order_names_only_a_closed_campaign(self):
        from monitoring.final_order import final_order

        self.campaign.refresh_from_db()
        order = final_order(WORLD["world"].district, None, self.today)
        assert (order is not None) is self.campaign.is_closed


def test_report_invariants_hold_for_random_sequences(world):
    run(ReportMachine, world, examples=25, steps=12)


class ClauseMachine(RuleBasedStateMachine):
    """One order's clauses copied into schools' roadmaps of different periods, marked done at random, read on random
    days: a clause's state is the same in every school that has done the same (one clause, one state)."""

    @initialize()
    def import_the_order(self):
        from roadmaps.orders.services import order_import
        from tests.factories import make_roadmap
        from tests.test_orders import seed_order

        world = WORLD["world"]
        if "order" not in WORLD:  # imported once: the machine changes only the copies' marks
            make_roadmap(world.school, period=(2024, 2025), sections={"Организация": [("Совет", "Май 2025", "УО")]})
            WORLD["order"] = order_import(district=world.district, parsed=seed_order(), user=world.curator)
        self.order = WORLD["order"]
        self.schools = [world.school, world.other_school]
        Item.objects.filter(source_item__roadmap=self.order.roadmap).update(status="planned")
        self.today = date(2021, 1, 10)

    @rule(days=st.integers(min_value=0, max_value=120))
    def time_passes(self, days):
        self.today += timedelta(days=days)

    @rule(data=st.data())
    def a_school_marks_a_clause_done(self, data):
        copies = list(Item.objects.filter(source_item__roadmap=self.order.roadmap).order_by("pk"))
        copy = data.draw(st.sampled_from(copies))
        Item.objects.filter(pk=copy.pk).update(status="done")

    @invariant()
    def one_clause_one_state(self):
        from roadmaps.orders.selectors import checklist

        for _, states in checklist(self.order, self.schools, self.today).rows:
            by_progress = {}
            for state in states:
                if state is not None:
                    by_progress.setdefault(state.done, set()).add(state.overdue)
            assert all(len(overdue) == 1 for overdue in by_progress.values()), states


def test_order_clause_invariants_hold_for_random_sequences(world):
    run(ClauseMachine, world, examples=10, steps=8)


# The approval of a school's roadmap -------------------------------------------------------------------------------
class ApprovalMachine(RuleBasedStateMachine):
    """A school's roadmap driven by random submits, approvals, returns and reopenings: it moves only along the
    state table (roadmaps/approval_rules.MOVES), an approved plan was reviewed by someone, a returned one says what
    to rework."""

    @initialize()
    def a_roadmap(self):
        from tests.factories import make_roadmap

        world = WORLD["world"]
        self.roadmap = make_roadmap(world.school, sections={"Организация": [("Совет", "Май 2025", "Директор")]})
        self.moves = []

    def _try(self, action, service, **kwargs):
        before = self.roadmap.status
        try:
            service(roadmap=self.roadmap, **kwargs)
        except ValidationError:
            self.roadmap.refresh_from_db()
            assert self.roadmap.status == before  # a refused move changes nothing
            return
        self.roadmap.refresh_from_db()
        self.moves.append((action, before, self.roadmap.status))

    @rule()
    def the_school_submits(self):
        from roadmaps.services import roadmap_submit

        self._try("submit", roadmap_submit, user=WORLD["world"].school_curator)

    @rule()
    def the_district_approves(self):
        from roadmaps.services import roadmap_approve

        self._try("approve", roadmap_approve, user=WORLD["world"].curator)

    @rule(comment=st.sampled_from(["", "Добавьте сроки"]))
    def the_district_returns(self, comment):
        from roadmaps.services import roadmap_return

        self._try("return", roadmap_return, user=WORLD["world"].curator, comment=comment)

    @rule()
    def the_school_reopens(self):
        from roadmaps.services import roadmap_reopen

        self._try("reopen", roadmap_reopen, user=WORLD["world"].school_curator)

    @invariant()
    def it_moves_only_along_the_table(self):
        from roadmaps.approval_rules import MOVES

        for action, before, after in self.moves:
            starts, leads_to = MOVES[action]
            assert before in starts and after == leads_to

    @invariant()
    def an_approved_plan_was_reviewed_and_a_returned_one_says_why(self):
        from roadmaps.models import RoadmapStatus

        if self.roadmap.status == RoadmapStatus.APPROVED:
            assert self.roadmap.reviewed_by_id and self.roadmap.reviewed_at
        if self.roadmap.status == RoadmapStatus.RETURNED:
            assert self.roadmap.review_comment.strip()


def test_approval_invariants_hold_for_random_sequences(world):
    run(ApprovalMachine, world, examples=20, steps=12)
