"""Deployment checks of the portal's own settings, shown by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def proxy_count_fits(app_configs, **kwargs):
    """Behind a TLS proxy (SECURE_PROXY_SSL_HEADER) every request comes from the proxy's address: with no proxy to
    trust, the sign-in lock-out sees one client for everyone."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not settings.AXES_IPWARE_PROXY_COUNT:
        return [Warning(
            "AXES_PROXY_COUNT=0 behind a TLS proxy: every client has the proxy's address, so ten wrong passwords "
            "from anyone lock the sign-in of that name for all.",
            hint="Set AXES_PROXY_COUNT to the number of proxies in front of gunicorn (1 for nginx), or unset "
                 "SECURE_PROXY_SSL_HEADER if clients reach the portal directly.",
            id="portal.W001")]
    return []
