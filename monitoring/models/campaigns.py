"""Monitoring campaigns: the district asks, each school reports, the district accepts or returns."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from mentoring_portal.lib.constraints import exactly_one


class Campaign(models.Model):
    """A district's monitoring campaign, or a region's: the region's holds the reports of its own schools and is the
    parent of the campaign it opened in each district (its consolidated table rolls them up)."""

    district = models.ForeignKey("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="campaigns")
    region = models.ForeignKey("participants.Region", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="campaigns")
    parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children",
                               verbose_name="мониторинг региона")
    title = models.CharField("название", max_length=200, help_text="Например: «Мониторинг, май 2024»")
    year = models.PositiveSmallIntegerField("отчётный год")
    due_on = models.DateField("срок сдачи")
    is_closed = models.BooleanField("закрыт", default=False)
    scheduled = models.BooleanField("открыт по расписанию", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "мониторинг"
        verbose_name_plural = "мониторинги"
        ordering = ["-due_on", "-id"]
        constraints = [exactly_one("campaign_has_one_owner", "district", "region")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.district_id is None:
            return reverse("monitoring:region-campaign", kwargs={"region": self.region.code, "pk": self.pk})
        return reverse("monitoring:campaign", kwargs={"district": self.district.code, "pk": self.pk})


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Не сдан"
    SUBMITTED = "submitted", "Сдан"
    RETURNED = "returned", "Возвращён на доработку"
    ACCEPTED = "accepted", "Принят"


class SchoolReport(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reports")
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE,
                                     related_name="monitoring_reports")
    status = models.CharField("статус", max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    figures = models.JSONField("значения на момент сдачи", default=dict, blank=True)
    achievements = models.TextField("достижения", blank=True)
    problems = models.TextField("трудности", blank=True)
    plans = models.TextField("планы", blank=True)
    submitted_at = models.DateTimeField("сдан", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    return_comment = models.TextField("комментарий муниципалитета", blank=True)

    class Meta:
        verbose_name = "отчёт организации"
        verbose_name_plural = "отчёты организаций"
        ordering = ["campaign", "organization__short_name"]
        constraints = [models.UniqueConstraint(fields=["campaign", "organization"], name="report_one_per_school")]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.organization}"

    def is_owed_late(self, today) -> bool:
        """Not handed in (or returned) and its due date is past: a reminder is due."""
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED) and today > self.campaign.due_on

    @property
    def handed_in_late(self) -> bool:
        return (self.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED) and self.submitted_at is not None
                and timezone.localdate(self.submitted_at) > self.campaign.due_on)

    def is_late(self, today) -> bool:
        """Late: still owed past its date, or handed in after it (`late_reports` is the twin for a query)."""
        return self.is_owed_late(today) or self.handed_in_late

    def state_label(self, today) -> str:
        if self.is_owed_late(today):
            return "опаздывает"
        return self.get_status_display() + (" с опозданием" if self.handed_in_late else "")


SENT = [ReportStatus.SUBMITTED, ReportStatus.ACCEPTED]


def late_reports(today) -> Q:
    """Twin of SchoolReport.is_late, counting a campaign's reports: Count("reports", filter=late_reports(today))."""
    return (~Q(reports__status__in=SENT) & Q(due_on__lt=today)) | (
        Q(reports__status__in=SENT) & Q(reports__submitted_at__date__gt=F("due_on")))
