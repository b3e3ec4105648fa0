"""Every POST of a signed-in user is fingerprinted (the user, the address, the fields but the CSRF token, the
files' names and sizes). The fingerprint is inserted as a unique row before the view runs: a second identical
submission — a double click, the same form in two tabs, a browser's retry — while the first runs or within
ONCE_SECONDS after it finished finds the row and is answered without running the view, so no view can create
twice, whatever it does. A form shown again with its errors, or a failed view, frees its fingerprint at once: the
user corrects it and sends it again.

A request that never finished — its app host switched off in the middle (issue #27) — must not hold its retry back:
the retry would be told «already sent» while nothing was saved. On PostgreSQL the request running a fingerprint holds
an advisory lock on it from its own connection, which the database releases when that connection dies; a duplicate
that finds the lock free while the row says «unfinished» takes the submission over and acts. (Elsewhere, a row left
unfinished is freed after STUCK.)"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, connection, transaction
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


def _lock_id(key: str) -> int:
    return int(key[:15], 16)  # 60 bits of the fingerprint: a bigint


def _lock(key: str) -> bool | None:
    """PostgreSQL: whether this request took the fingerprint's lock (False: a request holding it is running now).
    None where the database has no such locks."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [_lock_id(key)])
        return bool(cursor.fetchone()[0])


def _unlock(key: str) -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_lock_id(key)])
    except Exception:  # noqa: BLE001 - the connection is gone, and its locks with it
        pass


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
        locked = _lock(key)
        if locked is False:
            return self._repeated(request)  # running now, on this or another app host
        try:
            try:
                with transaction.atomic():
                    submission = Submission.objects.create(key=key)
            except IntegrityError:
                # The fingerprint's request is running (no lock to take: SQLite) or finished within the window; or,
                # with the lock held here, it died in the middle and nothing says it acted: this one acts.
                submission = Submission.objects.filter(key=key).first()
                if not locked or submission is None or submission.finished_at is not None:
                    return self._repeated(request)
                Submission.objects.filter(pk=submission.pk).update(started_at=timezone.now())
            try:
                response = self.get_response(request)
            except BaseException:
                Submission.objects.filter(pk=submission.pk).delete()
                raise
        finally:
            if locked:
                _unlock(key)
        if _acted(request, response):
            Submission.objects.filter(pk=submission.pk).update(finished_at=timezone.now())
        else:
            Submission.objects.filter(pk=submission.pk).delete()
        return response

    @staticmethod
    def _repeated(request):
        """Answered without running the view: its first submission acts, or has acted."""
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
