"""Writes of monitoring: the catalogue and targets, campaigns and the schools' reports, questionnaire answers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mentoring_portal.lib.collation import search_text
from mentoring_portal.lib.locks import hold
from monitoring.models import (
    Answer,
    Campaign,
    Indicator,
    Invitation,
    ManualValue,
    ReportStatus,
    SchoolReport,
    Target,
)
from participants.models import Organization


@transaction.atomic
def indicator_save(*, indicator: Indicator, targets: dict[int, Decimal | None]) -> Indicator:
    indicator.full_clean()
    indicator.save()
    for year, value in targets.items():
        if value is None:
            Target.objects.filter(indicator=indicator, organization__isnull=True, year=year).delete()
        else:
            Target.objects.update_or_create(indicator=indicator, organization=None, year=year,
                                            defaults={"value": value})
    return indicator


@transaction.atomic
def school_targets_save(*, organization: Organization, values: dict[tuple[int, int], Decimal | None]) -> None:
    for (indicator_id, year), value in values.items():
        if value is None:
            Target.objects.filter(indicator_id=indicator_id, organization=organization, year=year).delete()
        else:
            Target.objects.update_or_create(indicator_id=indicator_id, organization=organization, year=year,
                                            defaults={"value": value})


@transaction.atomic
def _title_taken(owner, title: str) -> bool:
    return any(search_text(t) == search_text(title) for t in owner.campaigns.values_list("title", flat=True))


TITLE_TAKEN = "Мониторинг с таким названием уже открыт (возможно, форма была отправлена дважды)."


@transaction.atomic
def campaign_open(*, district, title: str, year: int, due_on: date, check_title: bool = True) -> Campaign:
    """A monitoring campaign with an empty report for every organization of the district. Two openings of the same
    title at once (a double click, two curators) open one: the district's row is held and the title re-checked
    (a region's or a schedule's campaign, made for the district, keeps its own title whatever the district has)."""
    if check_title:
        hold(district)
        if _title_taken(district, title):
            raise ValidationError(TITLE_TAKEN)
    campaign = Campaign.objects.create(district=district, title=title, year=year, due_on=due_on)
    SchoolReport.objects.bulk_create([SchoolReport(campaign=campaign, organization=o)
                                      for o in district.organizations.all()])
    return campaign


@transaction.atomic
def region_campaign_open(*, region, title: str, year: int, due_on: date) -> Campaign:
    """The region's campaign: the reports of its own schools, and the same campaign opened in each of its districts
    for their schools (the district runs it as its own; the region reads them together)."""
    from participants.models import Organization

    hold(region)
    if _title_taken(region, title):
        raise ValidationError(TITLE_TAKEN)
    parent = Campaign.objects.create(region=region, title=title, year=year, due_on=due_on)
    SchoolReport.objects.bulk_create([SchoolReport(campaign=parent, organization=o) for o in
                                      Organization.objects.filter(region=region, district__isnull=True)])
    for district in region.districts.all():
        child = campaign_open(district=district, title=title, year=year, due_on=due_on, check_title=False)
        Campaign.objects.filter(pk=child.pk).update(parent=parent)
    return parent


def campaign_close(*, campaign: Campaign, closed: bool) -> Campaign:
    """Closing stops the schools' editing (their drafts stay for the district); reopening lets them go on."""
    campaign.is_closed = closed
    campaign.save(update_fields=["is_closed"])
    return campaign


@transaction.atomic
def campaign_delete(*, campaign: Campaign) -> None:
    """Only a campaign nobody has reported in yet: a submitted report is the school's document, close instead."""
    sent = campaign.reports.exclude(status=ReportStatus.DRAFT).count()
    if sent:
        raise ValidationError(f"Удалить нельзя: отчёты уже сданы ({sent}). Закройте мониторинг — отчёты сохранятся.")
    campaign.delete()


@transaction.atomic
def report_save(*, report: SchoolReport, user, texts: dict, manual: dict[int, Decimal | None],
                figures: dict | None = None, submit: bool = False, at=None) -> SchoolReport:
    """`at`: when it is handed in (now, unless a test or the demo says otherwise)."""
    if report.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED):
        raise ValidationError("Отчёт уже сдан: изменить его можно, если муниципалитет вернёт его на доработку.")
    if report.campaign.is_closed:
        raise ValidationError("Мониторинг закрыт.")
    for field, value in texts.items():
        setattr(report, field, value)
    for indicator_id, value in manual.items():
        if value is None:
            ManualValue.objects.filter(indicator_id=indicator_id, organization=report.organization,
                                       year=report.campaign.year).delete()
        else:
            ManualValue.objects.update_or_create(indicator_id=indicator_id, organization=report.organization,
                                                 year=report.campaign.year,
                                                 defaults={"value": value, "entered_by": user})
    if submit:
        report.status, report.submitted_at, report.submitted_by = ReportStatus.SUBMITTED, at or timezone.now(), user
        report.figures = figures or {}
    report.save()
    return report


def report_review(*, report: SchoolReport, accept: bool, comment: str = "") -> SchoolReport:
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError("Отчёт ещё не сдан.")
    if not accept and not comment.strip():
        raise ValidationError("Напишите, что доработать.")
    report.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    report.return_comment = "" if accept else comment.strip()
    report.save(update_fields=["status", "return_comment"])
    return report


@transaction.atomic
def answers_record(*, invitation: Invitation, scores: dict[int, int | None], texts: dict[int, str],
                   entered_by=None) -> Invitation:
    """One set of answers per invitation: a second attempt is refused, whoever makes it."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.answered_at:
        raise ValidationError("На эту анкету уже ответили: каждый участник отвечает один раз.")
    Answer.objects.bulk_create(
        [Answer(invitation=locked, question_id=q, score=s) for q, s in scores.items() if s is not None]
        + [Answer(invitation=locked, question_id=q, text=t) for q, t in texts.items() if t]
    )
    locked.answered_at, locked.entered_by = timezone.now(), entered_by
    locked.save(update_fields=["answered_at", "entered_by"])
    return locked
