"""A round: one questionnaire stage asked of a school's live pairs in one quarter."""

from __future__ import annotations

from django.conf import settings
from django.db import models

QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


class RoundStage(models.TextChoices):
    """Which pair of questionnaires a round asks: the mentors get the mentor's, the mentees the mentee's."""

    ENTRY = "entry", "Входная диагностика"
    FINAL = "final", "Итоговая диагностика"


class Round(models.Model):
    organization = models.ForeignKey("participants.Organization", on_delete=models.CASCADE, related_name="rounds",
                                     verbose_name="организация")
    stage = models.CharField("анкеты", max_length=10, choices=RoundStage.choices)
    year = models.PositiveSmallIntegerField("год")
    quarter = models.PositiveSmallIntegerField("квартал", choices=[(q, f"{n} квартал") for q, n in QUARTERS.items()])
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "monitoring"
        verbose_name = "раунд анкетирования"
        verbose_name_plural = "раунды анкетирования"
        ordering = ["year", "quarter", "pk"]
        constraints = [models.UniqueConstraint(fields=["organization", "stage", "year", "quarter"],
                                               name="round_once_a_quarter")]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.period}"

    @property
    def period(self) -> str:
        return f"{QUARTERS[self.quarter]} кв. {self.year}"
