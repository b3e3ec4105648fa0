"""«Напомнить»: an e-mail to the curators of each school late with its monitoring report, from the campaign's page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from monitoring.models import Campaign
from participants.selectors import curator_addresses


@dataclass
class Reminded:
    schools: int  # late schools that got the e-mail
    addresses: int
    without_address: list[str]  # late schools whose curators have no e-mail in the portal


def remind_late_schools(*, campaign: Campaign, today: date, site_url: str) -> Reminded:
    late = [r for r in campaign.reports.select_related("organization") if r.is_owed_late(today)]
    addresses = curator_addresses([r.organization_id for r in late])
    messages, without = [], []
    for report in late:
        to = addresses.get(report.organization_id)
        if not to:
            without.append(report.organization.short_name)
            continue
        link = site_url.rstrip("/") + reverse("monitoring:report-fill", args=[report.organization.code, report.pk])
        messages.append(EmailMessage(
            subject=f"Напоминание: отчёт «{campaign.title}» не сдан",
            body=render_to_string("monitoring/email/reminder.txt", {"campaign": campaign, "report": report,
                                                                     "link": link}),
            from_email=settings.DEFAULT_FROM_EMAIL, to=to))
    if messages:
        get_connection().send_messages(messages)
    return Reminded(len(messages), sum(len(m.to) for m in messages), without)
