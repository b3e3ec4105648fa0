"""Every POST of a signed-in user is fingerprinted (the user, the address, the fields but the CSRF token, the
files' names and sizes). The fingerprint is inserted as a unique row before the view runs: a second identical
submission — a double click, the same form in two tabs, a browser's retry — while the first runs or within
ONCE_SECONDS after it finished finds the row and is answered without running the view, so no view can create
twice, whatever it does. A form shown again with its errors, or a failed view, frees its fingerprint at once: the
user corrects it and sends it again."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from mentoring_portal.once.models import Submission

REPEATED = "Эта форма уже отправлена — повторное нажатие не выполнено."
STUCK = timedelta(minutes=10)  # a fingerprint whose request never finished (a killed worker) is freed after this


def fingerprint(request) -> str:
    digest = hashlib.sha256(f"{request.user.pk}\n{request.path}\n".encode())
    for name in sorted(request.POST):
        if name != "csrfmiddlewaretoken":
            for value in request.POST.getlist(name):
                digest.update(f"{name}={value}\n".encode())
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(f"{name}:{upload.name}:{upload.size}\n".encode())
    return digest.hexdigest()


def _acted(request, response) -> bool:
    """A change is answered with a redirect (or, to htmx, with the changed fragment); a form shown again with its
    errors (200 or 4xx) changed nothing, and the user may send it again at once."""
    if request.headers.get("HX-Request"):
        return response.status_code < 400
    return 300 <= response.status_code < 400


class OnceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.user.is_authenticated:
            return self.get_response(request)
        key = fingerprint(request)
        now = timezone.now()
        Submission.objects.filter(key=key).filter(  # one query on every POST: the window passed, or never finished
            Q(finished_at__lt=now - timedelta(seconds=settings.ONCE_SECONDS))
            | Q(finished_at__isnull=True, started_at__lt=now - STUCK)).delete()
        try:
            with transaction.atomic():
                submission = Submission.objects.create(key=key)
        except IntegrityError:
            return self._repeated(request)
        try:
            response = self.get_response(request)
        except BaseException:
            Submission.objects.filter(pk=submission.pk).delete()
            raise
        if _acted(request, response):
            Submission.objects.filter(pk=submission.pk).update(finished_at=timezone.now())
        else:
            Submission.objects.filter(pk=submission.pk).delete()
        return response

    @staticmethod
    def _repeated(request):
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)  # htmx: the first request's answer is what the page shows
        else:
            messages.info(request, REPEATED)
            back = request.META.get("HTTP_REFERER", "")
            if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
                back = request.path
            response = redirect(back)
        response["X-Repeated-Submission"] = "1"
        return response
