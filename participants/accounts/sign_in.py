"""Sign-in lock-outs. django-axes locks a user name from one address after AXES_FAILURE_LIMIT wrong passwords (the
pair: not everyone behind the office's address, not the named curator at her own desk). One address trying many
names is held back here, at a higher limit (AXES_ADDRESS_FAILURE_LIMIT within AXES_COOLOFF_MINUTES): a school's
whole staff mistyping stays under it, a password-spraying script does not."""

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse


def client_address(request) -> str:
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or "unknown"


def _key(request) -> str:
    return f"sign-in-failures:{client_address(request)}"


def _failed(sender, credentials, request=None, **kwargs) -> None:
    if request is None:
        return
    key, seconds = _key(request), int(settings.AXES_COOLOFF_TIME.total_seconds())
    if cache.add(key, 1, seconds):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired meanwhile
        cache.set(key, 1, seconds)


user_login_failed.connect(_failed, dispatch_uid="sign_in_address_failures")


class AddressThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (request.method == "POST" and request.path == reverse("login")
                and (cache.get(_key(request)) or 0) >= settings.AXES_ADDRESS_FAILURE_LIMIT):
            return render(request, settings.AXES_LOCKOUT_TEMPLATE,
                          {"cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}, status=429)
        return self.get_response(request)
