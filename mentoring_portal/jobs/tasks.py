"""The one task of the portal: run a job by its id. A refusal the user can act on (`UploadRefused`) becomes the
job's error as it is; anything else is logged and the user gets a short Russian message."""

import logging

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tasks import task

from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.jobs.registry import handler_for
from mentoring_portal.lib.uploads import UploadRefused

log = logging.getLogger(__name__)


@task()
def run_job(job_id: str) -> str:
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, progress=5)
    try:
        result, status, error = handler_for(job.kind)(job), JobStatus.DONE, ""
    except (UploadRefused, PermissionDenied) as exc:
        result, status, error = None, JobStatus.FAILED, str(exc)
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        error = "Не удалось выполнить: ошибка записана в журнал сервера. Попробуйте ещё раз."
        result, status = None, JobStatus.FAILED
    Job.objects.filter(pk=job.pk).update(status=status, progress=100, result=result, error=error,
                                         finished_at=timezone.now())
    return status
