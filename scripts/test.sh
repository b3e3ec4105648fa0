#!/usr/bin/env bash
# Sets up the same environment and runs the whole test suite (SQLite unless DATABASE_URL says otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The browser tests drive Debian's Chromium (Playwright cannot download its own browser on these machines).
if [ ! -x /usr/bin/chromium ]; then
  echo "Устанавливаю Chromium для браузерных тестов"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
# One worker per core (pytest-xdist), each with its own test database; TEST_WORKERS=0 runs in this process. The tests
# that stop the machine's PostgreSQL (marked exclusive) run after the others, alone.
workers="${TEST_WORKERS:-auto}"
[ "$workers" = 0 ] && exec .venv/bin/python -m pytest "$@"
status=0
.venv/bin/python -m pytest -n "$workers" "$@" || status=$?
PORTAL_EXCLUSIVE_ONLY=1 .venv/bin/python -m pytest "$@" || { alone=$?; [ "$alone" = 5 ] || status=$alone; }
[ "$status" = 5 ] && status=0  # nothing selected in the parallel run: the exclusive ones ran alone
exit "$status"
