"""A monitoring schedule set once (seed 003, item 8: «не позднее 20 мая и 20 декабря, ежегодно»): the campaigns of the
district — or of every district of a region that has none of its own — open by themselves before each due date."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models

from mentoring_portal.lib.constraints import exactly_one

DAY_MONTH = re.compile(r"^(\d{1,2})\.(\d{1,2})$")


def parse_due_dates(text: str) -> list[tuple[int, int]]:
    """«20.05, 20.12» → [(20, 5), (20, 12)]; a Russian message for what is not a day and a month."""
    found = []
    for part in (p.strip() for p in re.split(r"[,;\s]+", text) if p.strip()):
        match = DAY_MONTH.match(part)
        day, month = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        try:
            date(2024, month, day)  # a leap year: 29.02 is a day
        except ValueError:
            raise ValidationError(f"«{part}» — укажите день и месяц как ДД.ММ, например 20.05.") from None
        found.append((day, month))
    if not found:
        raise ValidationError("Укажите хотя бы один срок сдачи, например «20.05, 20.12».")
    return sorted(set(found), key=lambda dm: (dm[1], dm[0]))


class CampaignSchedule(models.Model):
    district = models.OneToOneField("participants.District", on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="campaign_schedule")
    region = models.OneToOneField("participants.Region", on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="campaign_schedule")
    due_dates = models.CharField("сроки сдачи отчётов", max_length=200,
                                 help_text="День и месяц через запятую, каждый год: «20.05, 20.12».")
    open_days_before = models.PositiveSmallIntegerField("открывать за (дней)", default=30)
    is_active = models.BooleanField("расписание действует", default=True)

    class Meta:
        app_label = "monitoring"
        verbose_name = "расписание мониторинга"
        verbose_name_plural = "расписания мониторинга"
        constraints = [exactly_one("schedule_has_one_owner", "district", "region")]

    def __str__(self) -> str:
        return f"Мониторинг {self.district or self.region}: {self.due_dates}"

    def clean(self) -> None:
        try:
            parse_due_dates(self.due_dates)
        except ValidationError as error:
            raise ValidationError({"due_dates": error.messages}) from None
