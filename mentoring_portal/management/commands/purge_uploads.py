"""Removes uploads no job read and jobs older than PENDING_UPLOAD_HOURS (run hourly from cron)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from mentoring_portal.jobs.models import Job
from mentoring_portal.lib.uploads import purge_pending


class Command(BaseCommand):
    help = "Удаляет загруженные файлы, импорт которых так и не подтвердили."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=float, default=None, help="старше скольких часов (по умолчанию из настроек)")

    def handle(self, *args, hours=None, **options):
        removed = purge_pending(older_than_hours=hours)
        # A job's result holds what was read from the file (people's names in a registry): it goes too.
        cutoff = timezone.now() - timedelta(hours=settings.PENDING_UPLOAD_HOURS if hours is None else hours)
        jobs, _ = Job.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Удалено неподтверждённых загрузок: {removed}, старых фоновых задач: {jobs}")
