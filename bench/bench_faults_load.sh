#!/usr/bin/env bash
# Issue #20's load check: 3 gunicorn workers and the background worker on the generated region, a big export (the
# region's adults) running the whole time, and wrk (32 connections, 30 s) on the sign-in page, a district's
# dashboard and a roadmap, signed in as the district curator. Prints requests per second and every error: non-2xx
# answers and socket errors; the export must end done.
#   DATABASE_URL=postgres://…/portal_bench bash bench/bench_faults_load.sh [seed] [seconds] [exports per page]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}; seconds=${2:-30}; exports=${3:-15}; port=8766
export DEBUG=0 SECRET_KEY="bench-only-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')" ALLOWED_HOSTS=127.0.0.1 \
       SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 LOG_LEVEL=WARNING \
       STATIC_ROOT="$(mktemp -d)" MEDIA_ROOT="$(mktemp -d)" AXES_PROXY_COUNT=0 JOBS_IN_FLIGHT_PER_USER=100 JOBS_IN_FLIGHT_PER_PLACE=100
.venv/bin/python manage.py collectstatic --no-input -v0
read -r cookie roadmap < <(.venv/bin/python - "$seed" <<'PY'
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "mentoring_portal.settings"
import django; django.setup()
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from participants.second_factor.middleware import SESSION_KEY as SECOND, not_needed
from roadmaps.models import Roadmap
seed = sys.argv[1]
user = get_user_model().objects.get(username=f"curator-{seed}-d01")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session[SECOND] = not_needed(user)
session.save()
roadmap = Roadmap.objects.filter(district__code=f"r{seed}-d01").first().pk
print(f"{settings.SESSION_COOKIE_NAME}={session.session_key}", roadmap)
PY
)
.venv/bin/gunicorn mentoring_portal.wsgi --bind 127.0.0.1:$port --workers 3 --log-level warning &
server=$!
.venv/bin/python manage.py run_worker -v0 &
worker=$!
trap 'kill $server $worker 2>/dev/null' EXIT
sleep 3
queue_exports() {  # the region's adults, several in a row: the worker is busy exporting for the whole run
  .venv/bin/python - "$seed" "$1" <<'PY'
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "mentoring_portal.settings"
import django; django.setup()
from django.contrib.auth import get_user_model
from mentoring_portal.jobs.services import job_start
from participants.registry.export_jobs import KIND, payload
from participants.models import Region
coordinator = get_user_model().objects.get(username=f"coordinator-{sys.argv[1]}")
region = Region.objects.first()
for _ in range(int(sys.argv[2])):
    job_start(kind=KIND, user=coordinator, owner=f"region:{region.pk}",
              payload=payload(region, "vzroslye", "Наставники и взрослые участники региона"))
PY
}
started=$(date -u +%Y-%m-%dT%H:%M:%S)
for path in /accounts/login/ "/d/r${seed}-d01/" "/roadmaps/${roadmap}/"; do
  queue_exports "$exports"
  printf '%-24s ' "$path"
  wrk -t 2 -c 32 -d "${seconds}s" -H "Cookie: $cookie" "http://127.0.0.1:$port$path" \
    | awk '/Requests\/sec/ {rps=$2} /Non-2xx/ {err=$NF} /Socket errors/ {sock=$0} /Latency/ && !lat {lat=$2}
           END {printf "%8s req/s  latency avg %s  non-2xx %s  %s\n", rps, lat, err+0, sock ? sock : "socket errors 0"}'
done
.venv/bin/python - "$started" <<'PY'
import os, sys, time
os.environ["DJANGO_SETTINGS_MODULE"] = "mentoring_portal.settings"
import django; django.setup()
from datetime import datetime, timezone
from mentoring_portal.jobs.models import Job, JobStatus
since = datetime.fromisoformat(sys.argv[1]).replace(tzinfo=timezone.utc)
jobs = Job.objects.filter(created_at__gte=since, kind="participants.export")
for _ in range(900):
    if not jobs.exclude(status__in=[JobStatus.DONE, JobStatus.FAILED]).exists():
        break
    time.sleep(1)
done = jobs.filter(status=JobStatus.DONE)
busy = sum((j.finished_at - j.created_at).total_seconds() for j in done[:1])
print(f"exports during the load: {done.count()} done, {jobs.filter(status=JobStatus.FAILED).count()} failed, "
      f"{jobs.exclude(status__in=[JobStatus.DONE, JobStatus.FAILED]).count()} unfinished; "
      f"rows each {(done.first().result or {}).get('rows') if done else None}")
PY
