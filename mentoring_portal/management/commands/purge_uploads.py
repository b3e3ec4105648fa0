"""Removes uploads no job read, finished jobs, exports past EXPORT_KEEP_HOURS with their files, and the fingerprints
of forms sent more than an hour ago (hourly, cron)."""

from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from mentoring_portal.jobs.kinds import export_kinds
from mentoring_portal.jobs.models import Job
from mentoring_portal.lib.uploads import purge_pending
from mentoring_portal.once.models import Submission


class Command(BaseCommand):
    help = "Удаляет загруженные файлы, импорт которых так и не подтвердили."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=float, default=None, help="старше скольких часов (по умолчанию из настроек)")

    def handle(self, *args, hours=None, **options):
        removed = purge_pending(older_than_hours=hours)
        now = timezone.now()
        # A job's result holds what was read from a file (people's names in a registry): it goes too. Exports stay
        # in «Мои выгрузки» for EXPORT_KEEP_HOURS, and their files go with them.
        exports = Job.objects.filter(kind__in=export_kinds(),
                                     created_at__lt=now - timedelta(hours=hours or settings.EXPORT_KEEP_HOURS))
        files = 0
        for job in exports.exclude(result=None):
            if job.result.get("path") and default_storage.exists(job.result["path"]):
                default_storage.delete(job.result["path"])
                files += 1
        exported, _ = exports.delete()
        others, _ = Job.objects.exclude(kind__in=export_kinds()).filter(
            created_at__lt=now - timedelta(hours=settings.PENDING_UPLOAD_HOURS if hours is None else hours)).delete()
        Submission.objects.filter(started_at__lt=now - timedelta(hours=1)).delete()
        self.stdout.write(f"Удалено неподтверждённых загрузок: {removed}, файлов выгрузок: {files}, "
                          f"старых фоновых задач: {exported + others}")
