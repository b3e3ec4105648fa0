"""Jobs whose worker died: queued again or ended failed with a message (every few minutes from cron; the worker
does the same between jobs, so this matters only when no worker is alive)."""

from django.core.management.base import BaseCommand

from mentoring_portal.jobs.recovery import jobs_recover


class Command(BaseCommand):
    help = "Подбирает фоновые задачи, обработчик которых остановился: запускает их заново или завершает с ошибкой."

    def handle(self, *args, **options):
        self.stdout.write(f"Подобрано прерванных задач: {jobs_recover()}")
