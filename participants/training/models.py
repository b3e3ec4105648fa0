"""Training of mentors and curators (курсы повышения квалификации, ДПО: seed 000 2.9, seed 002 item 7, seed 003 10.14,
11.12, 11.17): who, which programme, provider, hours, dates, the certificate. The share trained in the last three years
is a computed indicator (monitoring.formulas)."""

from django.conf import settings
from django.db import models

TRAINED_WITHIN_YEARS = 3


class TrainingTopic(models.TextChoices):
    MENTORING = "mentoring", "Наставничество"
    TUTORING = "tutoring", "Тьюторство"
    SUBJECT = "subject", "Предметная подготовка"
    OTHER = "other", "Иное"


class TrainingRecordQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TrainingRecordQuerySet":
        """The records of the people the user may see (a district reader: adults only; a mentor: himself)."""
        from participants.models import Person

        return self.filter(person__in=Person.objects.visible_to(user))


class TrainingRecord(models.Model):
    person = models.ForeignKey("participants.Person", on_delete=models.CASCADE, related_name="trainings",
                               verbose_name="кто обучался")
    programme = models.CharField("программа", max_length=400)
    topic = models.CharField("направление", max_length=20, choices=TrainingTopic.choices,
                             default=TrainingTopic.MENTORING)
    provider = models.CharField("кто обучал", max_length=300, blank=True)
    hours = models.PositiveSmallIntegerField("часов", null=True, blank=True)
    start_date = models.DateField("начало", null=True, blank=True)
    end_date = models.DateField("окончание")
    certificate_number = models.CharField("номер удостоверения", max_length=100, blank=True)
    certificate = models.FileField("удостоверение (файл)", upload_to="training/%Y/%m/", blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        app_label = "participants"
        verbose_name = "обучение"
        verbose_name_plural = "обучение наставников и кураторов"
        ordering = ["-end_date", "pk"]
        indexes = [models.Index(fields=["person", "end_date"])]

    def __str__(self) -> str:
        return f"{self.programme} ({self.end_date:%d.%m.%Y})"
