"""Campaigns that open by themselves: for each active schedule and each of its due dates, the campaign of every
district it covers opens `open_days_before` days ahead (once: a district has one campaign per due date)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from django.db import transaction

from mentoring_portal.lib.schoolyear import school_year_of
from monitoring.models import Campaign, CampaignSchedule
from monitoring.schedules.models import parse_due_dates
from monitoring.services import campaign_open
from participants.models import District


def next_due(day: int, month: int, today: date) -> date:
    """The next «day.month» on or after today (29.02 is the 28th in a common year)."""
    this_year = date(today.year, month, min(day, monthrange(today.year, month)[1]))
    if this_year >= today:
        return this_year
    return date(today.year + 1, month, min(day, monthrange(today.year + 1, month)[1]))


def _districts(schedule: CampaignSchedule, with_own: set[int]):
    if schedule.district_id:
        return [schedule.district]
    return list(District.objects.filter(region=schedule.region_id).exclude(pk__in=with_own))


@transaction.atomic
def open_due_campaigns(today: date, schedules=None) -> list[Campaign]:
    active = list((schedules if schedules is not None else CampaignSchedule.objects.filter(is_active=True))
                  .select_related("district", "region"))
    with_own = set(CampaignSchedule.objects.filter(is_active=True, district__isnull=False)
                   .values_list("district_id", flat=True))
    opened = []
    for schedule in active:
        for day, month in parse_due_dates(schedule.due_dates):
            due = next_due(day, month, today)
            if today < due - timedelta(days=schedule.open_days_before):
                continue
            for district in _districts(schedule, with_own):
                if Campaign.objects.filter(district=district, due_on=due).exists():
                    continue
                campaign = campaign_open(district=district, title=f"Мониторинг ЦМН: отчёт к {due:%d.%m.%Y}",
                                         year=school_year_of(due) + 1, due_on=due, check_title=False)
                Campaign.objects.filter(pk=campaign.pk).update(scheduled=True)
                opened.append(campaign)
    return opened


def schedule_from_order(sender, *, order, parsed, **kwargs) -> str | None:
    """An imported order whose clause says when monitoring happens (seed 003 п.8: «… не позднее 20 мая и 20 декабря,
    ежегодно») sets the district's schedule — unless the district keeps one already, which is left as it is."""
    clause = next((duty for duty in parsed.duties if duty.schedules_monitoring), None)
    if clause is None:
        return None
    due_dates = ", ".join(f"{day:02d}.{month:02d}" for day, month in clause.yearly_days)
    existing = CampaignSchedule.objects.filter(district=order.district).first()
    if existing is not None:
        if parse_due_dates(existing.due_dates) == parse_due_dates(due_dates):
            return None
        return (f"П. {clause.number} приказа задаёт сроки мониторинга {due_dates}; у муниципалитета своё расписание "
                f"({existing.due_dates}) — оно не изменено, поменяйте его на странице расписания, если нужно.")
    CampaignSchedule.objects.create(district=order.district, due_dates=due_dates)
    return (f"По п. {clause.number} приказа задано расписание мониторинга: отчёты школ каждый год к {due_dates}, "
            "кампании будут открываться сами.")
