"""The one direction of imports (docs/ARCHITECTURE.md): monitoring → roadmaps → participants → mentoring_portal.lib,
and lib imports no app — checked by import-linter over every module, imports inside functions included (its
contracts are in pyproject.toml), so the direction cannot drift."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_keeps_the_one_direction():
    done = subprocess.run([str(Path(sys.executable).with_name("lint-imports"))], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout
