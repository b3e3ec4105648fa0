"""Settings for the test suite: the production settings with fast hashing and plain static storage."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-any-deployment-0123456789abcdef")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from mentoring_portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "mentoring_portal.lib.storage.WholeFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True  # no collectstatic before tests
# Jobs run at once inside the request in tests; tests/test_jobs.py also runs one through the database queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:6379/15"}}  # a database of its own for tests/test_jobs.py
# Tests send the same form again on purpose (a second click finds nothing to do): only submissions at the same
# instant are held back here; tests/test_double_submit.py sets the production window where it tries it.
ONCE_SECONDS = 0
# The immediate task backend would compute every warmer inside each test's saves; tests/test_warming.py turns it on.
WARM_CACHES = False
