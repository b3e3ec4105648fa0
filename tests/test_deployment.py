"""Past one machine, as docs/DEPLOYMENT.md says: reports and exports read the replica when there is one and pages
the primary; uploads and exports go through Django's storage (a shared disk or S3); sessions in the database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from mentoring_portal.lib import replica
from mentoring_portal.lib.replica import ReplicaRouter, from_replica
from participants.models import Person

ROOT = Path(__file__).resolve().parent.parent


def setting_in_a_fresh_process(expression: str, **env) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "DJANGO_SETTINGS_MODULE": "mentoring_portal.settings", "DEBUG": "1",
                               "LOG_LEVEL": "WARNING", **env})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_pages_read_the_primary_and_reports_the_replica(settings):
    router = ReplicaRouter()
    settings.DATABASES = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
    assert router.db_for_read(Person) is None
    with from_replica():
        assert router.db_for_read(Person) == "replica"
        assert router.db_for_write(Person) == "default"
    assert router.allow_migrate("replica", "participants") is False


@pytest.mark.parametrize("reason, reads", [(None, "replica"), ("реплика недоступна: connection refused", None),
                                           ("реплика не догнала основную базу до 0/3000000 за 5 с", None)])
def test_a_report_reads_the_replica_only_once_it_has_what_its_user_saved(settings, monkeypatch, caplog, reason,
                                                                         reads):
    """Issue #27: a stopped or lagging replica is not read — the report reads the primary and the log says why."""
    settings.DATABASES = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
    monkeypatch.setattr(replica, "configured", lambda: True)
    asked = []
    monkeypatch.setattr(replica, "_unready", lambda after: asked.append(after) or reason)
    with from_replica(after="0/3000000"):
        assert ReplicaRouter().db_for_read(Person) == reads
    assert asked == ["0/3000000"] and (reason is None or reason in caplog.text)


def test_without_a_replica_a_job_keeps_no_position():
    assert replica.primary_position() is None


def test_without_a_replica_reports_read_the_primary():
    with from_replica():
        assert ReplicaRouter().db_for_read(Person) is None


def test_an_export_job_reads_inside_the_replica_block(login, world, monkeypatch, settings):
    from tests.factories import person

    settings.EXPORT_INLINE_ROWS = 0
    person(world.school)
    seen = []
    original = replica.ReplicaRouter.db_for_read
    monkeypatch.setattr(replica.ReplicaRouter, "db_for_read",
                        lambda self, model, **hints: seen.append(replica._reading_replica.get()) or original(
                            self, model, **hints))
    login(world.school_curator).get(f"/o/{world.school.code}/people/export/")
    assert True in seen


def test_the_replica_url_adds_a_second_database():
    aliases = setting_in_a_fresh_process("sorted(settings.DATABASES)",
                                         DATABASE_REPLICA_URL="postgres://reader@10.0.0.2:5432/portal")
    assert aliases == "['default', 'replica']"


def test_s3_storage_is_a_setting():
    backend = setting_in_a_fresh_process('settings.STORAGES["default"]["BACKEND"]', STORAGE="s3",
                                         AWS_STORAGE_BUCKET_NAME="portal-files")
    assert backend == "storages.backends.s3.S3Storage"


def test_sessions_live_in_the_database_so_any_machine_serves_any_request():
    """Read through the shared cache (the same on every machine: CACHE=redis), written to the database."""
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"


def test_the_cache_moves_to_redis_for_several_machines():
    backend = setting_in_a_fresh_process('settings.CACHES["default"]["BACKEND"]', CACHE="redis")
    assert backend == "mentoring_portal.lib.shared_cache.SharedRedisCache"
