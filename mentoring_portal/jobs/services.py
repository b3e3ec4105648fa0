"""Starting a job, finding it for its page, and using its result once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from mentoring_portal.jobs.models import Job, JobStatus


def job_start(*, kind: str, user, owner: str, payload: dict) -> Job:
    from mentoring_portal.jobs.tasks import run_job

    job = Job.objects.create(kind=kind, user=user, owner=owner, payload=payload)
    run_job.enqueue(str(job.pk))
    return job


def job_for(request, job_id, *, kind: str, owner: str) -> Job:
    """The signed-in user's own job of this kind on this page; 404 for anyone else's or a malformed id."""
    try:
        return Job.objects.get(pk=job_id, kind=kind, owner=owner, user=request.user)
    except (Job.DoesNotExist, ValueError, ValidationError) as exc:  # a malformed id raises ValidationError
        raise Http404 from exc


def page_job(request, *, kind: str, owner: str) -> Job | None:
    """The job named by the page's `?job=` (its result or its progress is what the page shows), if any."""
    job_id = request.GET.get("job")
    return job_for(request, job_id, kind=kind, owner=owner) if job_id else None


@transaction.atomic
def job_consume(job: Job) -> Job | None:
    """The finished job, marked as used, or None if it was used already (a double click, two tabs, two users at
    once: the row lock makes the second wait and then find it used)."""
    locked = Job.objects.select_for_update().get(pk=job.pk)
    if locked.status != JobStatus.DONE or locked.consumed_at is not None:
        return None
    locked.consumed_at = timezone.now()
    locked.save(update_fields=["consumed_at"])
    return locked
