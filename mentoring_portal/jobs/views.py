"""The progress of a job, as an htmx fragment its page polls; when the job is finished the page reloads itself."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from mentoring_portal.jobs.models import Job


@login_required
def job_progress(request, pk):
    job = get_object_or_404(Job, pk=pk, user=request.user)
    if job.is_finished:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # the page itself shows the result (or the error) of a finished job
        return response
    return render(request, "jobs/progress.html", {"job": job})
