"""Background work that survives faults: a job whose worker died is run again or ends failed with a message (never
«выполняется» for ever); the worker waits out a database restart; a queue that can't be reached is a message and
leaves nothing behind; one user can't fill the queue. The fault tests run real workers as subprocesses on
PostgreSQL (CI's own), kill one in the middle of a job and restart the database under another."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.jobs.recovery import jobs_recover
from mentoring_portal.jobs.services import job_start
from participants.models import Person
from tests.test_registry_io import row, workbook


def registry_page(world):
    return reverse("participants:people-import", args=[world.school.code])


def stale_job(world, *, attempts: int, status=JobStatus.RUNNING) -> Job:
    long_ago = timezone.now() - timedelta(minutes=5)
    job = Job.objects.create(kind="participants.registry-import", owner=f"organization:{world.school.pk}",
                             user=world.school_curator, status=status, attempts=attempts, heartbeat_at=long_ago,
                             payload={"name": "reestr.xlsx", "token": "0" * 32, "organization": world.school.pk})
    return job


def pending_files(settings) -> list:
    folder = Path(settings.MEDIA_ROOT) / "uploads"
    return list(folder.iterdir()) if folder.exists() else []


def test_a_job_whose_worker_died_is_run_again(world, django_capture_on_commit_callbacks):
    job = stale_job(world, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_recover() == 1
    job.refresh_from_db()
    # Run again (the immediate backend of the tests): its file is gone, so it ends with the reader's message
    assert job.attempts == 2 and job.status == JobStatus.FAILED and "загрузите его ещё раз" in job.error


def test_a_job_that_lost_its_worker_too_often_ends_failed_on_its_own_page(login, world):
    job = stale_job(world, attempts=2)
    client = login(world.school_curator)
    response = client.get(reverse("job-progress", args=[job.pk]))  # the page's poll finds it stale
    assert response.status_code == 204 and response["HX-Refresh"] == "true"
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    page = client.get(registry_page(world), {"job": job.pk}).content.decode()
    assert "Задача прервалась: обработчик фоновых задач остановился 2 раза" in page


def test_a_running_job_heard_from_lately_is_left_alone(world):
    job = stale_job(world, attempts=1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    assert jobs_recover() == 0
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING


def test_a_job_queued_twice_runs_once(world):
    from mentoring_portal.jobs.tasks import run_job

    job = job_start(kind="participants.registry-import", user=world.school_curator,
                    owner=f"organization:{world.school.pk}", payload={"name": "r.xlsx", "token": "0" * 32,
                                                                       "organization": world.school.pk})
    job.refresh_from_db()
    assert job.attempts == 1 and job.is_finished
    assert run_job.call(str(job.pk)) == "skipped"  # a second queue entry of a finished job does nothing
    job.refresh_from_db()
    assert job.attempts == 1


def test_a_queue_that_cannot_be_reached_is_a_message_and_leaves_nothing(login, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0", "SOCKET_CONNECT_TIMEOUT": 1}}
    response = login(world.school_curator).post(
        registry_page(world), {"file": SimpleUploadedFile("r.xlsx", workbook(row()))}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "Очередь фоновых задач сейчас недоступна" in page
    assert pending_files(settings) == [] and not Person.objects.exists()
    assert Job.objects.get().status == JobStatus.FAILED  # never «в очереди» for ever


def test_one_user_cannot_fill_the_queue(login, world, settings):
    for _ in range(settings.JOBS_IN_FLIGHT_PER_USER):
        Job.objects.create(kind="participants.export", owner=f"district:{world.district.pk}", user=world.school_curator,
                           status=JobStatus.QUEUED)
    response = login(world.school_curator).post(
        registry_page(world), {"file": SimpleUploadedFile("r.xlsx", workbook(row()))}, follow=True)
    assert "У вас уже 3 задачи в работе" in response.content.decode()
    assert pending_files(settings) == [] and Job.objects.count() == settings.JOBS_IN_FLIGHT_PER_USER
    other = login(world.curator).post(  # another user is not held back by them
        reverse("roadmaps:district-import", args=[world.district.code]),
        {"file": SimpleUploadedFile("plan.txt", "1\tСеминар\tМай 2024\n".encode())})
    assert other.status_code == 302 and "?job=" in other.url


# Real workers, killed and left without their database -----------------------------------------------------------
_MACHINES_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql" or os.geteuid() != 0 or not shutil.which("pg_ctlcluster"),
    reason="the fault tests run workers against the machine's PostgreSQL and restart it (CI, as root)")


def FAULTS(test):
    """Stops or restarts the machine's PostgreSQL: run alone, after the parallel suite (scripts/test.sh), since the
    other workers would lose their database meanwhile."""
    return pytest.mark.exclusive(_MACHINES_POSTGRES(test))

WORKER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, os.getcwd())
    os.environ["DJANGO_SETTINGS_MODULE"] = "mentoring_portal.settings_test"
    from django.conf import settings
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DATABASES["default"].update(NAME=sys.argv[1], TEST={"NAME": sys.argv[1]})
    import django
    django.setup()
    from mentoring_portal.jobs.kinds import HANDLERS

    def slow(job):  # the first run takes long (the test kills its worker meanwhile), a second one is quick
        job.report(50, "работаю")
        if job.payload.get("slow") and Job.objects.get(pk=job.pk).attempts == 1:
            time.sleep(60)
        return {"ran": True}

    from mentoring_portal.jobs.models import Job
    HANDLERS.add(slow, key="tests.slow")
    from django.core.management import call_command
    call_command("run_worker", "--interval", "0.2", "--recover-every", "1")
""")


def _worker(database: str) -> subprocess.Popen:
    env = {**os.environ, "JOB_LEASE_SECONDS": "3", "JOB_HEARTBEAT_SECONDS": "1", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-c", WORKER, database], env=env, cwd=Path(__file__).parents[1],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _until(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        connections.close_all()
        try:
            if condition():
                return True
        except Exception:  # noqa: BLE001 - the database may be restarting
            pass
        time.sleep(0.3)
    return False


def _status(job) -> str:
    return Job.objects.values_list("status", flat=True).get(pk=job.pk)


def _stop(worker: subprocess.Popen) -> str:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(20)
        except subprocess.TimeoutExpired:
            worker.kill()
    return worker.stdout.read().decode(errors="replace")[-3000:]


@FAULTS
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_in_the_middle_of_a_job_leaves_it_to_the_next(reference_data, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    database = connection.settings_dict["NAME"]
    first = _worker(database)
    try:
        job = job_start(kind="tests.slow", user=world.school_curator, owner="tests", payload={"slow": True})
        assert _until(lambda: _status(job) == JobStatus.RUNNING, 30), _stop(first)
        first.kill()  # SIGKILL in the middle of the job: no chance to clean up
        first.wait(10)
        assert _status(job) == JobStatus.RUNNING
        second = _worker(database)
        try:
            assert _until(lambda: _status(job) == JobStatus.DONE, 45), _stop(second)
        finally:
            output = _stop(second)
        job.refresh_from_db()
        assert job.attempts == 2 and job.result == {"ran": True}, output
    finally:
        _stop(first)


@FAULTS
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_worker_waits_out_a_database_restart(reference_data, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker = _worker(connection.settings_dict["NAME"])
    try:
        before = job_start(kind="tests.slow", user=world.school_curator, owner="tests", payload={})
        assert _until(lambda: _status(before) == JobStatus.DONE, 30), _stop(worker)
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        connections.close_all()
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"], check=True,
                       timeout=60)
        assert _until(lambda: Job.objects.exists(), 30)  # the database is back
        time.sleep(1)
        assert worker.poll() is None, _stop(worker)  # the worker did not exit
        after = job_start(kind="tests.slow", user=world.school_curator, owner="tests", payload={})
        assert _until(lambda: _status(after) == JobStatus.DONE, 30), _stop(worker)
    finally:
        output = _stop(worker)
    assert "Обработчик остановлен." in output
