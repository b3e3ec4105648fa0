"""One occurrence per window of an item's deadline («Май 2022,2023,2024» has three), each marked done on its own."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F


class OccurrenceQuerySet(models.QuerySet):
    def open(self) -> "OccurrenceQuerySet":
        """Not done, of an item that is alive and neither done nor cancelled as a whole."""
        return self.filter(
            done_on__isnull=True, item__deleted_at__isnull=True, item__status__in=["planned", "in_progress"]
        )

    def in_period(self) -> "OccurrenceQuerySet":
        """Windows inside their roadmap's period: one outside it («Октябрь 2019» copied into a 2022–2024 plan) is not
        the roadmap's debt."""
        return self.filter(due__gte=F("item__roadmap__period_start"), start__lte=F("item__roadmap__period_end"))

    def overdue(self, today) -> "OccurrenceQuerySet":
        """The one definition of overdue (pages count the items these belong to: roadmaps.agenda.overdue_items)."""
        return self.open().in_period().filter(due__lt=today)

    def due_between(self, first, last) -> "OccurrenceQuerySet":
        return self.open().in_period().filter(due__gte=first, due__lte=last)


class Occurrence(models.Model):
    item = models.ForeignKey("roadmaps.Item", on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateField("начало окна")
    due = models.DateField("срок")
    done_on = models.DateField("выполнено", null=True, blank=True)
    note = models.TextField("отметка", blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = "срок выполнения"
        verbose_name_plural = "сроки выполнения"
        ordering = ["due", "id"]
        constraints = [models.UniqueConstraint(fields=["item", "start", "due"], name="occurrence_one_per_window")]
        indexes = [models.Index(fields=["due", "done_on"])]

    def __str__(self) -> str:
        return f"{self.item} · до {self.due:%d.%m.%Y}"

    def is_overdue(self, today) -> bool:
        """As OccurrenceQuerySet.overdue, for one occurrence whose item and roadmap are at hand."""
        roadmap = self.item.roadmap
        return (self.done_on is None and self.due < today and self.item.status in ("planned", "in_progress")
                and self.due >= roadmap.period_start and self.start <= roadmap.period_end)


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a user's calendar feed URL: whoever has the URL sees that user's deadlines, so it can be reset."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"календарь {self.user}"

    def reset(self) -> None:
        self.token = _new_token()
        self.save(update_fields=["token", "created_at"])


class DigestSent(models.Model):
    """When the weekly e-mail last told the user of their deadlines: an item overdue since then is news, one already
    told is counted, not listed again (roadmaps/digest.py)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField("последнее письмо")

    class Meta:
        verbose_name = "письмо о сроках"
        verbose_name_plural = "письма о сроках"

    def __str__(self) -> str:
        return f"{self.user} — {self.sent_on:%d.%m.%Y}"
