"""What a user sees when the server fails: the database away for a moment (a restart, a failover) is «Портал
временно недоступен» with Retry-After, not «Ошибка сервера»; a full disk says that nothing was saved; anything else
is the plain 500 page. The pages are rendered without the request's context: the context processors read the
database, which may be the thing that is down."""

from __future__ import annotations

import errno
import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)
RETRY_AFTER = 60  # seconds
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


def database_unavailable(exc: BaseException | None) -> bool:
    """A database that can't be reached (or dropped the connection): OperationalError, InterfaceError, or what the
    driver raised for them, anywhere in the chain of causes."""
    while exc is not None:
        if isinstance(exc, (OperationalError, InterfaceError)):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def disk_full(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno in DISK_FULL:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request, *args, **kwargs) -> HttpResponse:
    exc = sys.exc_info()[1]
    if database_unavailable(exc):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    if disk_full(exc):
        return HttpResponse(render_to_string("507.html"), status=507)
    return HttpResponse(render_to_string("500.html"), status=500)


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """A form sent from a page that went stale (opened before a sign-out or a sign-in in another tab, or kept open
    for hours) or from a browser that keeps no cookies: said in Russian with what to do, not Django's English page."""
    from django.middleware.csrf import REASON_NO_CSRF_COOKIE
    from django.shortcuts import render

    return render(request, "403_csrf.html", {"no_cookie": reason == REASON_NO_CSRF_COOKIE}, status=403)
