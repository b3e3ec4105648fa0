"""Issue #25: personal links go by e-mail when they are made, and one reminder follows three days later to whoever
has not answered; the curator's list says who got a letter, a reminder, or has no address."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Invitation, Questionnaire
from monitoring.questionnaire_mail import REMIND_AFTER_DAYS, send_lost, send_reminders
from participants.models import Pair, PairStatus
from tests.factories import form, person

TODAY = timezone.localdate()
SITE = "https://nastavnik.example.ru"


@pytest.fixture
def pair(world):
    pair = Pair.objects.create(organization=world.school, mentor=person(world.school, "teacher", grade="",
                                                                         last_name="Громова",
                                                                         email="gromova@example.ru"),
                               form=form("учитель – учитель"), status=PairStatus.ACTIVE, start_date=date(2025, 9, 1),
                               end_date=date(2030, 5, 31))
    pair.mentees.set([person(world.school, "teacher", grade="", last_name="Ветрова")])  # no address
    return pair


def test_opening_a_round_mails_each_link_to_its_participant(login, world, pair, mailoutbox,
                                                             django_capture_on_commit_callbacks):
    client = login(world.school_curator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("monitoring:rounds", args=[world.school.code]), {"stage": "entry"})
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["gromova@example.ru"]
    invitation = Invitation.objects.get(person=pair.mentor)
    assert reverse("monitoring:answer", args=[invitation.token]) in mailoutbox[0].body
    assert "Ветрова" not in mailoutbox[0].body and invitation.sent_at is not None
    page = client.get(reverse("monitoring:invitations", args=[world.school.code])).content.decode()
    assert "нет адреса почты" in page and f"отправлено {TODAY:%d.%m.%Y}" in page


def test_links_made_for_a_pair_are_mailed_too(login, world, pair, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        login(world.school_curator).post(reverse("monitoring:invitations-create", args=[world.school.code]),
                                         {"pair": pair.pk, "stage": "final"})
    assert [m.to for m in mailoutbox] == [["gromova@example.ru"]]


@pytest.mark.parametrize("sent_days_ago, answered, reminded", [
    (REMIND_AFTER_DAYS, False, True), (REMIND_AFTER_DAYS - 1, False, False), (REMIND_AFTER_DAYS + 5, True, False)])
def test_one_reminder_three_days_after(world, pair, mailoutbox, sent_days_ago, answered, reminded):
    invitation = Invitation.objects.create(questionnaire=Questionnaire.objects.get(kind="mentor_entry"),
                                           organization=world.school, person=pair.mentor, pair=pair)
    Invitation.objects.filter(pk=invitation.pk).update(
        sent_at=timezone.now() - timedelta(days=sent_days_ago), answered_at=timezone.now() if answered else None)
    assert bool(send_reminders(TODAY, SITE)) is reminded
    assert len(mailoutbox) == int(reminded)
    if reminded:
        assert mailoutbox[0].subject.startswith("Напоминание") and SITE in mailoutbox[0].body
        assert send_reminders(TODAY + timedelta(days=1), SITE) == []  # once


def test_the_daily_command(world, pair, capsys):
    call_command("send_questionnaire_reminders", "--site-url", SITE, "--dry-run")
    assert "Было бы отправлено напоминаний: 0" in capsys.readouterr().out


@pytest.mark.parametrize("made_ago, mailed", [
    (timedelta(minutes=59), False),  # the worker may still send it
    (timedelta(hours=1, minutes=1), True),
    (timedelta(days=6, hours=23), True),
    (timedelta(days=7, minutes=1), False),  # an old link: the curator's to hand out
])
def test_a_letter_the_queue_lost_goes_with_the_daily_run(world, pair, mailoutbox, made_ago, mailed):
    invitation = Invitation.objects.create(questionnaire=Questionnaire.objects.get(kind="mentor_entry"),
                                           organization=world.school, person=pair.mentor, pair=pair)
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - made_ago)
    call_command("send_questionnaire_reminders", "--site-url", SITE)
    assert len(mailoutbox) == int(mailed)
    invitation.refresh_from_db()
    assert (invitation.sent_at is not None) is mailed
    if mailed:
        assert not mailoutbox[0].subject.startswith("Напоминание")
        assert send_lost(SITE) == []  # once
