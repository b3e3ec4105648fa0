"""A job that could not be started (the queue unreachable, too many in flight) is a message on the page the user
came from, whichever view tried to start it: never a server error."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from mentoring_portal.jobs.services import JobRefused


class JobRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, JobRefused):
            return None
        messages.error(request, str(exception))
        back = request.META.get("HTTP_REFERER", "")
        if request.method == "GET" or not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = "/" if request.method == "GET" else request.path
        return redirect(back)
