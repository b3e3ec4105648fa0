#!/usr/bin/env bash
# Requests per second under load from a second process (wrk, 32 connections) against gunicorn on the generated region:
# the sign-in page, then every page a user opens first (mentoring_portal/generate/pages.py: the landings of the
# coordinator, the district curator and the school curator, the region overview, the district page, the dashboard,
# the roadmaps, the school page, the registry and the pairs), each signed in as its user, with each page's rate as a
# share of the sign-in page's in the same run (issue #24's goal: ≥ 33 %).
#   DATABASE_URL=postgres://…/portal_bench [WORKERS=2] bash bench/bench_load.sh [seed] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-1}; seconds=${2:-20}; port=8765; workers=${WORKERS:-2}
export DEBUG=0 SECRET_KEY="bench-only-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')" ALLOWED_HOSTS=127.0.0.1 \
       SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 LOG_LEVEL=WARNING \
       STATIC_ROOT="$(mktemp -d)"
.venv/bin/python manage.py collectstatic --no-input -v0
targets=$(.venv/bin/python bench/load_targets.py --seed "$seed")
.venv/bin/gunicorn mentoring_portal.wsgi --bind 127.0.0.1:$port --workers "$workers" --log-level warning &
server=$!
trap 'kill $server' EXIT
sleep 3
login_rate=""
printf '%-34s %9s %7s %12s %8s\n' page "req/s" share "latency avg" errors
while read -r cookie path; do
  header=(); [ "$cookie" = - ] || header=(-H "Cookie: $cookie")
  curl -s -o /dev/null "${header[@]}" "http://127.0.0.1:$port$path"  # the page's caches settle before the run
  result=$(wrk -t 2 -c 32 -d "${seconds}s" "${header[@]}" "http://127.0.0.1:$port$path" \
    | awk '/Requests\/sec/ {rps=$2} /Non-2xx/ {err+=$NF} /Socket errors/ {gsub(/,/, ""); err+=$4+$6+$8+$10} /Latency/ && !lat {lat=$2}
           END {printf "%s %s %d", rps, lat, err}')
  read -r rate latency errors <<<"$result"
  [ -n "$login_rate" ] || login_rate=$rate
  share=$(awk -v r="$rate" -v l="$login_rate" 'BEGIN {printf "%.0f%%", 100 * r / l}')
  printf '%-34s %9s %7s %12s %8s\n' "$path" "$rate" "$share" "$latency" "$errors"
done <<<"$targets"
