#!/usr/bin/env bash
# Shared by demo.sh and test.sh: system libraries, the virtual environment, the dependencies. Idempotent:
# a second run installs nothing unless pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

missing=()
# WeasyPrint needs Pango and at least one font (it crashes without one); pdftotext checks PDFs in tests.
# LibreOffice (headless, no GUI) reads the .doc, .xls, .odt, .ods and .rtf files users upload (lib/uploads/convert.py);
# without it the portal runs and those formats get a message. PORTAL_NO_LIBREOFFICE=1 skips it (about 220 MB).
office=(libreoffice-writer-nogui libreoffice-calc-nogui)
[ "${PORTAL_NO_LIBREOFFICE:-0}" = 1 ] && office=()
for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 poppler-utils \
           "${office[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
"$PY" -c "import ensurepip" 2>/dev/null || missing+=("python3-venv")
if [ ${#missing[@]} -gt 0 ]; then
  echo "Устанавливаю системные пакеты: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "Создаю виртуальное окружение .venv"
  "$PY" -m venv .venv
fi
stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  echo "Устанавливаю зависимости Python"
  .venv/bin/pip install -q --disable-pip-version-check -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
