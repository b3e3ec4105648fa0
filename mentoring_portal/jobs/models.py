"""A job in the background, as its page sees it."""

import uuid

from django.conf import settings
from django.db import models


class JobStatus(models.TextChoices):
    QUEUED = "queued", "в очереди"
    RUNNING = "running", "выполняется"
    DONE = "done", "готово"
    FAILED = "failed", "не удалось"


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField("вид", max_length=60)
    owner = models.CharField("чья страница", max_length=60, help_text="Например organization:12")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    payload = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    stage = models.CharField(max_length=200, blank=True)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    consumed_at = models.DateTimeField(null=True, blank=True, help_text="Когда результат использован (импорт подтверждён)")
    # The lease: a running job's worker touches `heartbeat_at` every few seconds; a job not heard from for
    # JOB_LEASE_SECONDS lost its worker (killed, machine gone) and is run again or ends failed (recovery.py).
    attempts = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "фоновая задача"
        verbose_name_plural = "фоновые задачи"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "kind", "owner"]), models.Index(fields=["status", "heartbeat_at"])]

    def __str__(self) -> str:
        return f"{self.kind} · {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    def report(self, progress: int, stage: str = "") -> None:
        """Progress as the worker goes (a plain UPDATE: no other field of the row is touched); it renews the lease."""
        from django.utils import timezone

        Job.objects.filter(pk=self.pk).update(progress=max(0, min(progress, 100)), stage=stage[:200],
                                              heartbeat_at=timezone.now())
