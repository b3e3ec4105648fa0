"""Settings of the mentoring portal. Every deployment-specific value comes from the environment."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from mentoring_portal.lib.env import env_bool, env_database, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "template_partials",
    "axes",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mentoring_portal",
    "participants",
    "roadmaps",
    "monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "mentoring_portal.jobs.middleware.JobRefusedMiddleware",
    "mentoring_portal.once.middleware.OnceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "participants.second_factor.middleware.SecondFactorMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "participants.accounts.sign_in.AddressThrottleMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it turns a lock-out into the Russian page
]

ROOT_URLCONF = "mentoring_portal.urls"
WSGI_APPLICATION = "mentoring_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "participants.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# A streaming replica for reports and exports (mentoring_portal/lib/replica.py, docs/DEPLOYMENT.md).
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {**env_database("DATABASE_REPLICA_URL", ""), "TEST": {"MIRROR": "default"}}
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 3  # a stopped replica: the primary at once
# How long a report waits for the replica to replay what its user saved before it reads the primary instead.
REPLICA_WAIT_SECONDS = env_int("REPLICA_WAIT_SECONDS", 5)
DATABASE_ROUTERS = ["mentoring_portal.lib.replica.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two users saving at once: WAL lets readers work during a write, IMMEDIATE takes the write lock when a transaction
    # starts (no deadlocked upgrade from a read lock), and a writer waits up to 20 s instead of failing at once with
    # «database is locked». The conflict message of optimistic locking then reaches the user instead of a 500.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # counts failures; refuses a locked user or address before the password
    "django.contrib.auth.backends.ModelBackend",
]
# Lock-out (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name, or from one address, sign-in is
# refused for AXES_COOLOFF_MINUTES. A curator can be unlocked earlier with `manage.py axes_reset_username <name>`.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
# By the pair: ten wrong passwords for one name from one address lock that pair only — not everyone behind the
# office's one address, and not the named curator at her own desk.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# One address trying many names (participants/accounts/sign_in.py).
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 100)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# Behind nginx (the documented deployment, hence the default 1) the client's address is in X-Forwarded-For;
# AXES_PROXY_COUNT says how many proxies to trust (0: the portal faces the clients itself). `check --deploy` warns
# when it is 0 while the settings say a proxy terminates TLS (mentoring_portal/checks.py).
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 1) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
# Background work (mentoring_portal/jobs): the database queue by default, run by `manage.py db_worker`;
# TASKS_BACKEND=rq moves it to Redis (REDIS_URL), run by `manage.py rqworker --job-class django_tasks_rq.Job` on as
# many machines as needed (docs/DEPLOYMENT.md).
TASKS_BACKENDS = {"db": "django_tasks_db.DatabaseBackend", "rq": "django_tasks_rq.RQBackend"}
_tasks_backend = env_str("TASKS_BACKEND", "db")
if _tasks_backend not in TASKS_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND={_tasks_backend!r}: expected one of {', '.join(TASKS_BACKENDS)}")
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[_tasks_backend], **({"QUEUES": ["default"]} if _tasks_backend == "rq" else {})}}
# The cache every process shares (the dashboard's figures, monitoring/figures_cache.py): files on one machine,
# Redis (REDIS_URL) when there are several.
_cache = env_str("CACHE", "file")
if _cache not in ("file", "redis"):
    raise ImproperlyConfigured(f"CACHE={_cache!r}: expected file or redis")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                      "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / ".cache")), "OPTIONS": {"MAX_ENTRIES": 20000}}
          if _cache == "file" else
          {"BACKEND": "mentoring_portal.lib.shared_cache.SharedRedisCache",  # kept working while Redis is away
           "LOCATION": env_str("REDIS_URL", "redis://127.0.0.1:6379/0"),
           "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2}}}
RQ_QUEUES = {"default": {"URL": env_str("REDIS_URL", "redis://127.0.0.1:6379/0"), "DEFAULT_TIMEOUT": 3600}}
OTP_TOTP_ISSUER = "Портал наставничества"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "participants:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский")]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Uploads, evidence and exports: MEDIA_ROOT on a disk every machine shares (NFS), or an S3-compatible object store
# through django-storages (STORAGE=s3, `pip install "django-storages[s3]"`, the AWS_* variables of docs/DEPLOYMENT.md).
_storage = env_str("STORAGE", "filesystem")
if _storage not in ("filesystem", "s3"):
    raise ImproperlyConfigured(f"STORAGE={_storage!r}: expected filesystem or s3")
STORAGES = {
    "default": {"BACKEND": "mentoring_portal.lib.storage.WholeFileSystemStorage"} if _storage == "filesystem" else {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"), "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
                    "default_acl": "private", "querystring_auth": True, "file_overwrite": False},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Every upload passes mentoring_portal/lib/uploads (docs/SECURITY.md): these are its limits.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 10)
UPLOAD_MAX_UNPACKED_MB = env_int("UPLOAD_MAX_UNPACKED_MB", 60)  # a .docx/.xlsx unpacked, all parts together
UPLOAD_MAX_ZIP_ENTRIES = env_int("UPLOAD_MAX_ZIP_ENTRIES", 2000)
UPLOAD_MAX_RATIO = env_int("UPLOAD_MAX_RATIO", 200)  # unpacked / packed, for parts over 1 MB
UPLOAD_MAX_ROWS = env_int("UPLOAD_MAX_ROWS", 20000)
UPLOAD_MAX_COLUMNS = env_int("UPLOAD_MAX_COLUMNS", 200)
UPLOAD_PARSE_SECONDS = env_int("UPLOAD_PARSE_SECONDS", 20)
UPLOAD_CONVERT_SECONDS = env_int("UPLOAD_CONVERT_SECONDS", 60)  # LibreOffice converting a .doc, .xls, .odt, .ods, .rtf
PENDING_UPLOAD_HOURS = env_int("PENDING_UPLOAD_HOURS", 24)
# Background jobs: how many one user and one page may have queued or running at once (one user's exports can't
# hold everyone's imports), and the lease: a running job not heard from for JOB_LEASE_SECONDS is run again (its
# worker was killed) up to JOB_MAX_ATTEMPTS times, then ends failed with a message.
# A form sent again while the first is handled, or within this many seconds after, is not acted on again.
ONCE_SECONDS = env_int("ONCE_SECONDS", 5)
# After a change the worker makes the kept pages ready again (dashboard figures, coordinators' deadlines, the region
# overview: mentoring_portal/lib/warming.py), so the next view does not compute them.
WARM_CACHES = env_bool("WARM_CACHES", True)
JOBS_IN_FLIGHT_PER_USER = env_int("JOBS_IN_FLIGHT_PER_USER", 3)
JOBS_IN_FLIGHT_PER_PLACE = env_int("JOBS_IN_FLIGHT_PER_PLACE", 6)
JOB_LEASE_SECONDS = env_int("JOB_LEASE_SECONDS", 90)
JOB_HEARTBEAT_SECONDS = env_int("JOB_HEARTBEAT_SECONDS", 10)
JOB_MAX_ATTEMPTS = env_int("JOB_MAX_ATTEMPTS", 2)
# Exports: up to EXPORT_INLINE_ROWS rows are downloaded at once, larger ones and every PDF of a district are made in
# the background and kept in «Мои выгрузки» for EXPORT_KEEP_HOURS.
EXPORT_INLINE_ROWS = env_int("EXPORT_INLINE_ROWS", 2000)
EXPORT_KEEP_HOURS = env_int("EXPORT_KEEP_HOURS", 48)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_MB * 1024 * 1024 + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@localhost")
# How long the link of an invitation (and of a password reset) works: Django's token, in seconds.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 3600)

# Behind a TLS-terminating proxy (nginx → gunicorn) in production; plain HTTP on a developer's machine.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
CSRF_FAILURE_VIEW = "mentoring_portal.errors.csrf_failure"  # Russian, with what to do (templates/403_csrf.html)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere (tests/test_html_safety.py scans the pages, the browser test listens for
# violations): what a user typed can't run even if a template forgot to escape it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 12) * 60 * 60  # a working day; then sign in again
# Sessions in the database, read through the shared cache (file on one machine, Redis on several): any app machine
# serves any request, and a page no longer asks the database for the session each time (issue #24); a session the
# cache dropped is read from the database.
SESSION_ENGINE = env_str("SESSION_ENGINE", "django.contrib.sessions.backends.cached_db")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# The audit trail (django-auditlog): the models are registered in each app's auditing module (docs/SECURITY.md).
AUDITLOG_INCLUDE_ALL_MODELS = False
