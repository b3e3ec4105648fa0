#!/usr/bin/env bash
# Requests per second under load from a second process (wrk, 32 connections, 30 s) against gunicorn on the generated
# region: the sign-in page, a district's indicators dashboard and a roadmap page, signed in as the district curator.
#   DATABASE_URL=postgres://…/portal_full [WORKERS=2] bash bench/bench_load.sh [seed] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}; seconds=${2:-30}; port=8765; workers=${WORKERS:-2}
export DEBUG=0 SECRET_KEY="bench-only-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')" ALLOWED_HOSTS=127.0.0.1 \
       SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 LOG_LEVEL=WARNING \
       STATIC_ROOT="$(mktemp -d)"
.venv/bin/python manage.py collectstatic --no-input -v0
cookie=$(.venv/bin/python - "$seed" <<'PY'
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "mentoring_portal.settings"
import django; django.setup()
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
user = get_user_model().objects.get(username=f"curator-{sys.argv[1]}-d01")
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY], session[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session["second_factor"] = "not-needed"
session.save()
print(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
PY
)
roadmap=$(.venv/bin/python manage.py shell -c "from roadmaps.models import Roadmap; print(Roadmap.objects.filter(district__code='r${seed}-d01').first().pk)" 2>/dev/null | tail -1)
.venv/bin/gunicorn mentoring_portal.wsgi --bind 127.0.0.1:$port --workers "$workers" --log-level warning &
server=$!
trap 'kill $server' EXIT
sleep 3
for path in /accounts/login/ "/d/r${seed}-d01/indicators/" "/roadmaps/${roadmap}/"; do
  printf '%-28s ' "$path"
  wrk -t 2 -c 32 -d "${seconds}s" -H "Cookie: $cookie" "http://127.0.0.1:$port$path" \
    | awk '/Requests\/sec/ {rps=$2} /Non-2xx/ {err=$NF} /Latency/ && !lat {lat=$2} END {printf "%8s req/s  latency avg %s  non-2xx %s\n", rps, lat, err+0}'
done
