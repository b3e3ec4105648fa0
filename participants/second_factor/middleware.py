"""After the password: a user with a second factor enters the code before anything else; a curator whose region
requires it and who has none sets it up first. «Anything else» is every page but signing in and out and the second
factor's own pages — the password change included. The decision is kept in the session with the version of the
user's devices (a cache counter, bumped when a device is added or removed), so a signed-in page costs no queries
once it is made, and a session opened before a device was added is asked for the code on its next page."""

from django.db.models.signals import post_delete, post_save
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from mentoring_portal.lib import versions
from participants.second_factor.policy import has_second_factor, required_for

SESSION_KEY = "second_factor"  # "verified" | "not-needed:<devices' version>"
OPEN_PREFIXES = ("/static/", "/calendar/", "/q/", "/p/")  # assets, secret links, the public pages
OPEN_NAMES = ("login", "logout", "participants:second-factor", "participants:second-factor-verify")


def devices_version(user) -> int:
    return versions.version(f"second-factor:{user.pk}")


def _devices_changed(sender, instance, **kwargs) -> None:
    versions.bump(f"second-factor:{instance.user_id}")


post_save.connect(_devices_changed, sender=TOTPDevice, dispatch_uid="second_factor_devices_saved")
post_delete.connect(_devices_changed, sender=TOTPDevice, dispatch_uid="second_factor_devices_deleted")


def not_needed(user) -> str:
    return f"not-needed:{devices_version(user)}"


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths: tuple[str, ...] | None = None

    def _open(self, path: str) -> bool:
        if self._open_paths is None:
            self._open_paths = tuple(reverse(name) for name in OPEN_NAMES)
        return path.startswith(OPEN_PREFIXES) or path in self._open_paths

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or self._open(request.path) or user.is_verified():
            return self.get_response(request)
        if request.session.get(SESSION_KEY) == not_needed(user):
            return self.get_response(request)
        if has_second_factor(user):
            return redirect(f"{reverse('participants:second-factor-verify')}?next={request.get_full_path()}")
        if required_for(user):
            return redirect("participants:second-factor")
        request.session[SESSION_KEY] = not_needed(user)
        return self.get_response(request)
