#!/usr/bin/env bash
# Requests per second of a cached public «Наставничество» page (no sign-in) under load from a second process
# (wrk, 32 connections) against gunicorn on the generated region; the first school of the region gets a published
# page with every block.
#   DATABASE_URL=postgres://…/portal_full [WORKERS=2] bash bench/bench_public.sh [seed] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}; seconds=${2:-20}; port=8766; workers=${WORKERS:-2}
export DEBUG=0 SECRET_KEY="bench-only-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')" ALLOWED_HOSTS=127.0.0.1 \
       SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 LOG_LEVEL=WARNING \
       STATIC_ROOT="$(mktemp -d)"
.venv/bin/python manage.py collectstatic --no-input -v0
code=$(.venv/bin/python manage.py shell -c "
from participants.models import Organization, PublicPage
from participants.public.blocks import all_blocks
school = Organization.objects.filter(region__code='region-${seed}').order_by('pk').first()
PublicPage.objects.update_or_create(organization=school, defaults={'is_published': True,
                                    'blocks': [b.key for b in all_blocks()], 'contact': 'куратор ЦМН'})
print(school.code)" 2>/dev/null | tail -1)
.venv/bin/gunicorn mentoring_portal.wsgi --bind 127.0.0.1:$port --workers "$workers" --log-level warning &
server=$!
trap 'kill $server' EXIT
sleep 3
curl -s -o /dev/null "http://127.0.0.1:$port/p/o/$code/"  # the first view fills the cache
for path in /accounts/login/ "/p/o/$code/" "/p/o/$code/embed/"; do
  printf '%-28s ' "$path"
  wrk -t 2 -c 32 -d "${seconds}s" "http://127.0.0.1:$port$path" \
    | awk '/Requests\/sec/ {rps=$2} /Non-2xx/ {err=$NF} /Latency/ && !lat {lat=$2} END {printf "%8s req/s  latency avg %s  non-2xx %s\n", rps, lat, err+0}'
done
