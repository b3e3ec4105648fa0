#!/usr/bin/env bash
# Issue #27: docs/DEPLOYMENT.md's multi-machine topology on one machine — network namespaces as hosts (two app hosts
# behind nginx, a PostgreSQL primary and a streaming replica, Redis with two RQ workers, a shared folder) — brought
# up, broken on purpose and torn down (scripts/cluster_test.py). Needs root; installs nginx and wrk if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v nginx >/dev/null || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || bash scripts/setup.sh
exec .venv/bin/python scripts/cluster_test.py "$@"
