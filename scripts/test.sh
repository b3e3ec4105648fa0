#!/usr/bin/env bash
# Sets up the same environment and runs the whole test suite (SQLite unless DATABASE_URL says otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
