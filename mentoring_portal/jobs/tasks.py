"""The task of every user's job: run a job by its id (the other task of the queue, lib/warming's `warm`, makes a
kept page ready after a change and belongs to no user). A refusal the user can act
on (`UploadRefused`) becomes the job's error as it is; anything else is logged and the user gets a short Russian
message.

The job is claimed first (queued → running, one UPDATE): a job queued twice — recovery re-queues a job whose queue
entry may still exist — runs once. While it runs a thread renews its lease every JOB_HEARTBEAT_SECONDS, so a long
step (a PDF) is not taken for a dead worker."""

import logging
import threading

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import close_old_connections, connection
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from mentoring_portal.jobs.kinds import HANDLERS
from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.lib.uploads import UploadRefused

log = logging.getLogger(__name__)
FAILED = "Не удалось выполнить: ошибка записана в журнал сервера. Попробуйте ещё раз."


def _claim(job_id: str) -> bool:
    return bool(Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, progress=5, attempts=F("attempts") + 1, heartbeat_at=timezone.now()))


class _Heartbeat(threading.Thread):
    """Renews the job's lease from its own database connection until the job ends."""

    def __init__(self, job_id: str):
        super().__init__(daemon=True)
        self.job_id, self.done = job_id, threading.Event()

    def run(self) -> None:
        try:
            while not self.done.wait(settings.JOB_HEARTBEAT_SECONDS):
                try:
                    Job.objects.filter(pk=self.job_id, status=JobStatus.RUNNING).update(heartbeat_at=timezone.now())
                except Exception:  # noqa: BLE001 - a database away for a moment: the next beat tries again
                    close_old_connections()
        finally:
            connection.close()


@task()
def run_job(job_id: str) -> str:
    if not _claim(job_id):
        return "skipped"  # running elsewhere, finished, or gone
    job = Job.objects.get(pk=job_id)
    heartbeat = _Heartbeat(job_id)
    heartbeat.start()
    try:
        result, status, error = HANDLERS.get(job.kind)(job), JobStatus.DONE, ""
    except (UploadRefused, PermissionDenied) as exc:
        result, status, error = None, JobStatus.FAILED, str(exc)
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        result, status, error = None, JobStatus.FAILED, FAILED
    finally:
        heartbeat.done.set()
    Job.objects.filter(pk=job.pk).update(status=status, progress=100, result=result, error=error,
                                         finished_at=timezone.now())
    return status
