"""Reading an uploaded file is a background job: the page shows its progress, then its result or its error; only
its own user sees it; and it runs for real through the database queue and `db_worker`."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from mentoring_portal.jobs.models import Job, JobStatus
from participants.models import Person
from tests.test_registry_io import row, workbook


def registry_page(world):
    return reverse("participants:people-import", args=[world.school.code])


def queued_job(world, **fields) -> Job:
    return Job.objects.create(kind="participants.registry-import", owner=f"organization:{world.school.pk}",
                              user=world.school_curator, payload={"name": "reestr.xlsx"}, **fields)


def test_the_page_shows_the_progress_of_a_job_still_running(login, world):
    job = queued_job(world, status=JobStatus.RUNNING, progress=40, stage="прочитано строк: 600")
    page = login(world.school_curator).get(registry_page(world), {"job": job.pk}).content.decode()
    assert '<progress class="w-100" max="100" value="40"' in page and "прочитано строк: 600" in page
    assert 'hx-trigger="every 1s"' in page and "Прочитать файл" not in page


def test_the_progress_fragment_reloads_the_page_when_the_job_is_done(login, world):
    job = queued_job(world, status=JobStatus.DONE, result={"people": [], "duplicates": [], "errors": []})
    response = login(world.school_curator).get(reverse("job-progress", args=[job.pk]))
    assert response.status_code == 204 and response["HX-Refresh"] == "true"


def test_a_failed_job_shows_its_error(login, world):
    job = queued_job(world, status=JobStatus.FAILED, error="Документ сжат подозрительно сильно.")
    page = login(world.school_curator).get(registry_page(world), {"job": job.pk}).content.decode()
    assert "Документ сжат подозрительно сильно." in page and "Прочитать файл" in page


@pytest.mark.parametrize("who", ["other_curator", "curator", "mentor"])
def test_nobody_else_sees_a_job(login, world, who):
    job = queued_job(world, status=JobStatus.RUNNING)
    client = login(getattr(world, who))
    assert client.get(reverse("job-progress", args=[job.pk])).status_code == 404


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_registry_file_is_read_by_the_worker(reference_data, client, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(world.school_curator)
    response = client.post(registry_page(world), {"file": SimpleUploadedFile("r.xlsx", workbook(row(), row(last="Ким")))})
    job = Job.objects.get()
    assert response.url.endswith(f"?job={job.pk}") and job.status == JobStatus.QUEUED
    assert "<progress" in client.get(response.url).content.decode()
    call_command("db_worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())
    preview = client.get(response.url)
    assert "Будут добавлены: 2" in preview.content.decode()
    client.post(registry_page(world), {"confirm": "1", "job": job.pk})
    assert Person.objects.filter(organization=world.school).count() == 2


def _redis_up() -> bool:
    import redis

    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not _redis_up(), reason="Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
def test_the_same_job_runs_through_redis_and_an_rq_worker(client, world, settings):
    """The switch for installations of several machines: TASKS_BACKEND=rq, workers anywhere that reach Redis."""
    import django_rq
    from django_tasks_rq import Job as RQJob
    from rq import SimpleWorker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default", job_class=RQJob)
    assert queue.connection.connection_pool.connection_kwargs["db"] == 15  # tests' own Redis database
    queue.connection.flushdb()
    client.force_login(world.school_curator)
    response = client.post(registry_page(world), {"file": SimpleUploadedFile("r.xlsx", workbook(row()))})
    job = Job.objects.get()
    assert job.status == JobStatus.QUEUED
    assert queue.count == 1
    SimpleWorker([queue], connection=queue.connection, job_class=RQJob).work(burst=True)
    assert "Будут добавлены: 1" in client.get(response.url).content.decode()
