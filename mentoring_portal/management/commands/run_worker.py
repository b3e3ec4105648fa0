"""The background worker of the installation: django-tasks-db's worker, kept alive through faults.

`db_worker` exits when its database goes away (a PostgreSQL restart, a failover) and nothing brings it back but a
supervisor; here the same worker loop runs inside a loop of its own that waits for the database and starts it again,
and between rounds it recovers jobs whose worker died (mentoring_portal/jobs/recovery.py). The service unit in
deploy/ restarts the process itself if it dies anyway."""

from __future__ import annotations

import logging
import signal
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils.crypto import get_random_string
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from mentoring_portal.jobs.recovery import jobs_recover

log = logging.getLogger(__name__)
MAX_WAIT = 10  # seconds between two tries to reach the database


class Command(BaseCommand):
    help = "Фоновый обработчик задач портала: переживает перезапуск базы данных и подбирает прерванные задачи."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Пауза между проверками очереди, с")
        parser.add_argument("--recover-every", type=float, default=30.0, help="Как часто подбирать прерванные задачи, с")
        parser.add_argument("--worker-id", default="", help="Имя обработчика (по умолчанию — случайное)")

    def handle(self, *, interval: float, recover_every: float, worker_id: str, **options):
        if not isinstance(task_backends["default"], DatabaseBackend):
            raise CommandError("Очередь задач — не в базе данных (TASKS_BACKEND=rq): запускайте "
                               "`manage.py rqworker default --job-class django_tasks_rq.Job`, а `recover_jobs` — из cron.")
        self.stopping = False
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self._stop)
        worker_id = worker_id or get_random_string(32)
        wait, last_recovery = 1.0, 0.0
        while not self.stopping:
            try:
                if time.monotonic() - last_recovery >= recover_every:
                    recovered = jobs_recover()
                    if recovered:
                        log.warning("recovered %d interrupted job(s)", recovered)
                    last_recovery = time.monotonic()
                # One round: the upstream worker runs what is queued, then returns (batch), or after a few tasks.
                Worker(queue_names=["default"], interval=interval, batch=True, backend_name="default",
                       startup_delay=False, max_tasks=20, worker_id=worker_id, excluded_queue_names=[]).run()
                wait = 1.0
                self._sleep(interval)
            except (OperationalError, InterfaceError, DatabaseError) as exc:
                log.warning("database unavailable (%s): trying again in %.0f s", exc.__class__.__name__, wait)
                connections.close_all()
                self._sleep(wait)
                wait = min(wait * 2, MAX_WAIT)
        self.stdout.write("Обработчик остановлен.")

    def _stop(self, signum, frame) -> None:
        self.stopping = True

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < end:
            time.sleep(min(0.2, end - time.monotonic()) if end > time.monotonic() else 0)
