"""Imported first by every bench script: the project on the path and Django set up against DATABASE_URL (DEBUG on,
so no SECRET_KEY is needed; quiet logs)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring_portal.settings")

import django  # noqa: E402

django.setup()
