"""One submission in flight or just done: its fingerprint is unique, so the database itself refuses the second."""

from django.db import models


class Submission(models.Model):
    key = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "mentoring_portal"
        verbose_name = "отправка формы"
        verbose_name_plural = "отправки форм"
        indexes = [models.Index(fields=["started_at"])]

    def __str__(self) -> str:
        return f"{self.key[:12]} · {self.started_at:%d.%m.%Y %H:%M:%S}"
