"""Starting a job, finding it for its page, and using its result once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.jobs.tasks import run_job
from mentoring_portal.lib.replica import primary_position
from mentoring_portal.lib.uploads import UploadRefused, discard_pending, save_pending

log = logging.getLogger(__name__)
USED_OR_REFUSED = "Этот список уже загружен или в нём есть ошибки: загрузите файл ещё раз."
QUEUE_DOWN = ("Очередь фоновых задач сейчас недоступна: ничего не запущено и не сохранено. Повторите через "
              "минуту; если не получится — сообщите администратору портала.")


class JobRefused(Exception):
    """A job was not started; the message is Russian and is shown to the user as is."""


def job_start(*, kind: str, user, owner: str, payload: dict) -> Job:
    """Queues a job, within the limits of jobs in flight per user and per page; a queue that cannot be reached
    leaves the job failed with the reason (never «в очереди» for ever) and raises JobRefused."""

    in_flight = Job.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
    if in_flight.filter(user=user).count() >= settings.JOBS_IN_FLIGHT_PER_USER:
        raise JobRefused(f"У вас уже {settings.JOBS_IN_FLIGHT_PER_USER} задачи в работе: дождитесь, пока они "
                         "закончатся («Мои выгрузки»), и повторите.")
    if in_flight.filter(owner=owner).count() >= settings.JOBS_IN_FLIGHT_PER_PLACE:
        raise JobRefused("Для этой организации уже выполняется много фоновых задач: повторите через несколько минут.")
    # Where the primary stands: a report read from the replica waits for it (lib/replica.py), so it shows what its
    # user has just saved.
    position = primary_position()
    job = Job.objects.create(kind=kind, user=user, owner=owner,
                             payload={**payload, **({"primary_position": position} if position else {})})
    try:
        run_job.enqueue(str(job.pk))
    except Exception as exc:  # noqa: BLE001 - any backend's failure to queue (Redis down, database busy)
        log.exception("job %s (%s) could not be queued", job.pk, kind)
        Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED, error=QUEUE_DOWN, finished_at=timezone.now())
        raise JobRefused(QUEUE_DOWN) from exc
    return job


def upload_job_start(*, kind: str, user, owner: str, upload, payload: dict | None = None) -> Job:
    """A job that reads an uploaded file: the size is checked before the file is read, the file waits in the
    shared folder for the worker, and is removed again if the job cannot be queued."""
    if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
        raise UploadRefused(f"Файл больше {settings.MAX_UPLOAD_MB} МБ: разделите его или сохраните без картинок.")
    token = save_pending(upload.read())
    try:
        return job_start(kind=kind, user=user, owner=owner, payload={"token": token, "name": upload.name,
                                                                     **(payload or {})})
    except JobRefused:
        discard_pending(token)
        raise


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


@dataclass(frozen=True)
class Preview:
    """An import page's job, read one way: its parsed result to confirm, or the problems to show (the job's error,
    or the file's own); and, on «Подтвердить», the result used once."""

    kind: str
    from_json: Callable[[dict], object]
    problems_of: Callable[[Any], list]

    def shown(self, request, *, owner: str) -> tuple[Job | None, object | None, list]:
        job = page_job(request, kind=self.kind, owner=owner)
        if job is None or not job.is_finished:
            return job, None, []
        if job.error:
            return job, None, [job.error]
        parsed = self.from_json(job.result)
        problems = list(self.problems_of(parsed))
        return job, (None if problems else parsed), problems

    @contextmanager
    def confirmed(self, request, *, owner: str):
        """The posted job's result (None if it was used already or has problems), inside a transaction: what is
        saved with it commits together with its use, so a double click or a second tab saves once."""
        job = job_for(request, request.POST.get("job"), kind=self.kind, owner=owner)
        with transaction.atomic():
            used = job_consume(job)
            parsed = self.from_json(used.result) if used else None
            yield None if parsed is None or self.problems_of(parsed) else parsed

    def posted(self, request, *, owner: str, page: str, form, payload: Callable[[dict], dict],
               save: Callable[[Any], int], saved: str, refused: Callable[[Any, list[str]], HttpResponse],
               used: str = USED_OR_REFUSED):
        """An import page's POST, one way for every list read by a job: «Подтвердить» saves the job's result once
        (`save` returns how many rows, said by `saved`: «Записей загружено: {}.»); otherwise the upload `form`
        starts the job that reads it (its data → `payload`) and the page follows the job; a refused form or upload
        goes back to `refused(form, problems)` with nothing started."""
        if "confirm" in request.POST:
            with self.confirmed(request, owner=owner) as parsed:
                if parsed is None:
                    messages.error(request, used)
                    return redirect(page)
                count = save(parsed)
            messages.success(request, saved.format(count))
            return redirect(page)
        if not form.is_valid():
            return refused(form, [])
        try:
            job = upload_job_start(kind=self.kind, user=request.user, owner=owner, upload=form.cleaned_data["file"],
                                   payload=payload(form.cleaned_data))
        except (UploadRefused, JobRefused) as exc:
            return refused(form, [str(exc)])
        return redirect(f"{page}?job={job.pk}")
