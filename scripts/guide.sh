#!/usr/bin/env bash
# Regenerates the user guide: runs every browser journey with screenshots on, then writes docs/GUIDE.md from them.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f docs/screenshots/*.png
GUIDE_SCREENSHOTS=1 bash scripts/test.sh tests/browser -q
echo "Руководство обновлено: docs/GUIDE.md, снимки — docs/screenshots/"
