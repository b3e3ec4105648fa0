"""Jobs whose worker is gone: a running job not heard from for JOB_LEASE_SECONDS is queued again (the handlers are
pure: they read a file or the database and write only the job's result, so a second run is safe) until it has run
JOB_MAX_ATTEMPTS times, then it ends failed with a message its user reads. A job queued long ago whose queue entry
was lost (Redis restarted without its data) is queued again too: the claim in tasks.py runs it once. Called by the
worker between jobs, by a job's progress page, and by `manage.py recover_jobs` from cron."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.jobs.services import QUEUE_DOWN
from mentoring_portal.jobs.tasks import run_job

log = logging.getLogger(__name__)
GAVE_UP = ("Задача прервалась: обработчик фоновых задач остановился {attempts} раза. Запустите её ещё раз; если "
           "повторится — сообщите администратору портала.")
REQUEUED = "запущено заново: обработчик остановился"


def _stale(now) -> Q:
    lease = now - timedelta(seconds=settings.JOB_LEASE_SECONDS)
    return Q(status__in=[JobStatus.RUNNING, JobStatus.QUEUED]) & (
        Q(heartbeat_at__lt=lease) | Q(heartbeat_at__isnull=True, created_at__lt=lease))


def jobs_recover(jobs=None) -> int:
    """Recovers the stale ones among `jobs` (all by default); returns how many were queued again or failed."""

    now = timezone.now()
    found = 0
    with transaction.atomic():
        stale = (jobs if jobs is not None else Job.objects.all()).filter(_stale(now))
        for job in stale.select_for_update(skip_locked=True)[:100]:
            found += 1
            if job.status == JobStatus.RUNNING and job.attempts >= settings.JOB_MAX_ATTEMPTS:
                Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, finished_at=now, progress=100,
                                                     error=GAVE_UP.format(attempts=job.attempts))
                continue
            stage = REQUEUED if job.status == JobStatus.RUNNING else job.stage
            Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, heartbeat_at=now, stage=stage)
            transaction.on_commit(partial(_enqueue, run_job, str(job.pk)))
    return found


def _enqueue(run_job, pk: str) -> None:
    try:
        run_job.enqueue(pk)
    except Exception:  # noqa: BLE001 - the queue is down: the job fails visibly rather than wait for ever
        log.exception("job %s could not be queued again", pk)
        Job.objects.filter(pk=pk, status=JobStatus.QUEUED).update(status=JobStatus.FAILED, error=QUEUE_DOWN,
                                                                  finished_at=timezone.now())


def queue_position(job: Job) -> int:
    """How many jobs were queued before this one and still wait or run (what the progress page tells)."""
    return Job.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING], created_at__lt=job.created_at).count()
