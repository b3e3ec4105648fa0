#!/usr/bin/env bash
# Sets up the portal with the demo data on SQLite and serves it at http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DEBUG="${DEBUG:-1}"
.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py load_demo
# Files are read by a background worker (imports show a progress bar); it stops together with the portal.
.venv/bin/python manage.py run_worker -v0 &
worker=$!
trap 'kill $worker 2>/dev/null' EXIT
echo "Портал: http://${PORT_BIND:-127.0.0.1:8000} (остановить: Ctrl+C)"
.venv/bin/python manage.py runserver "${PORT_BIND:-127.0.0.1:8000}"
