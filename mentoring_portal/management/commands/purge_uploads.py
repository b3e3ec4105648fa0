"""Removes uploads that waited for confirmation longer than PENDING_UPLOAD_HOURS (run hourly or daily from cron)."""

from django.core.management.base import BaseCommand

from mentoring_portal.lib.uploads import purge_pending


class Command(BaseCommand):
    help = "Удаляет загруженные файлы, импорт которых так и не подтвердили."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=float, default=None, help="старше скольких часов (по умолчанию из настроек)")

    def handle(self, *args, hours=None, **options):
        removed = purge_pending(older_than_hours=hours)
        self.stdout.write(f"Удалено неподтверждённых загрузок: {removed}")
