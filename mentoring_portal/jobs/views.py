"""The progress of a job, as an htmx fragment its page polls; when the job is finished the page reloads itself."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mentoring_portal.jobs.kinds import export_kinds
from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.jobs.recovery import jobs_recover, queue_position
from mentoring_portal.jobs.services import job_start


@login_required
def job_progress(request, pk):
    job = get_object_or_404(Job, pk=pk, user=request.user)
    if not job.is_finished and jobs_recover(Job.objects.filter(pk=job.pk)):
        job.refresh_from_db()  # its worker was gone: queued again, or failed with the reason
    if job.is_finished:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # the page itself shows the result (or the error) of a finished job
        return response
    return render(request, "jobs/progress.html", {"job": job, "ahead": queue_position(job)})


@login_required
def my_exports(request):
    """The signed-in user's exports: in progress (with a bar), ready (a download), failed (the reason and a retry)."""
    jobs = Job.objects.filter(user=request.user, kind__in=export_kinds()).order_by("-created_at")[:50]
    running = any(not job.is_finished for job in jobs)
    return render(request, "jobs/my_exports.html", {"jobs": jobs, "running": running,
                                                     "keep_hours": settings.EXPORT_KEEP_HOURS})


@login_required
def export_file(request, pk):
    job = get_object_or_404(Job, pk=pk, user=request.user, kind__in=export_kinds(), status=JobStatus.DONE)
    if not default_storage.exists(job.result["path"]):
        raise Http404("Файл выгрузки уже удалён: сформируйте его снова.")
    response = FileResponse(default_storage.open(job.result["path"], "rb"), as_attachment=True,
                            filename=job.result["filename"], content_type=job.result["content_type"])
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def export_retry(request, pk):
    job = get_object_or_404(Job, pk=pk, user=request.user, kind__in=export_kinds())
    job_start(kind=job.kind, user=request.user, owner=job.owner, payload=job.payload)
    messages.info(request, "Выгрузка поставлена в очередь ещё раз.")
    return redirect("my-exports")
