"""Settings come from the environment and a bad value stops the start with a clear message."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mentoring_portal.lib.env import env_bool, env_database, env_int, env_list

ROOT = Path(__file__).resolve().parent.parent


def test_it_reads_booleans_in_every_usual_spelling(monkeypatch):
    for raw, expected in [("1", True), ("yes", True), ("On", True), ("0", False), ("false", False), ("", False)]:
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG") is expected


def test_it_rejects_a_boolean_it_cannot_read(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_it_rejects_a_number_it_cannot_read(monkeypatch):
    monkeypatch.setenv("COUNT", "ten")
    with pytest.raises(ImproperlyConfigured, match="COUNT"):
        env_int("COUNT", 1)


def test_it_splits_lists_on_commas(monkeypatch):
    monkeypatch.setenv("HOSTS", "portal.example.ru, 10.0.0.5 ,")
    assert env_list("HOSTS", []) == ["portal.example.ru", "10.0.0.5"]


def test_it_defaults_to_sqlite_in_the_project_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = env_database("DATABASE_URL", "sqlite:////tmp/x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"


def test_it_reads_a_postgres_url(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://portal:secret@db.local:5432/portal")
    config = env_database("DATABASE_URL", "sqlite:///x")
    assert (config["ENGINE"], config["HOST"], config["NAME"]) == ("django.db.backends.postgresql", "db.local", "portal")


def test_it_rejects_an_unsupported_database(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "mysql://root@localhost/portal")
    with pytest.raises(ImproperlyConfigured, match="postgres"):
        env_database("DATABASE_URL", "sqlite:///x")


def run_manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")}
    clean["DJANGO_SETTINGS_MODULE"] = "mentoring_portal.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_it_refuses_to_start_with_a_bad_debug_value():
    result = run_manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG='perhaps'" in result.stderr


@pytest.mark.slow
def test_it_passes_the_deployment_checklist_when_debug_is_off():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="0", SECRET_KEY="x" * 20 + "-a-long-random-production-secret-value-" + "y" * 20,
        ALLOWED_HOSTS="portal.example.ru",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_no_vendored_static_file_names_a_file_that_is_not_shipped():
    """The manifest storage of `collectstatic` refuses a reference to a missing file (Bootstrap's source maps were),
    and every page then answers 500 with DEBUG off."""
    import re
    from pathlib import Path

    static = Path(__file__).resolve().parent.parent / "static"
    missing = []
    for path in list(static.rglob("*.js")) + list(static.rglob("*.css")):
        for name in re.findall(r"sourceMappingURL=([^\s*]+)", path.read_text(errors="ignore")):
            if not (path.parent / name).exists():
                missing.append(f"{path.relative_to(static)} → {name}")
    assert missing == []
