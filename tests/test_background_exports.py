"""Large exports are made in the background: the page sends the user to «Мои выгрузки», the bar moves, the file
waits there for its owner only, a failure says why and can be retried, and old files expire."""

import io
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mentoring_portal.jobs.models import Job, JobStatus
from mentoring_portal.jobs.services import job_start
from participants.models import ExportLog, Membership
from participants.registry.export_jobs import KIND, payload
from tests.factories import OrganizationFactory, person


@pytest.fixture
def big_school(world, settings):
    settings.EXPORT_INLINE_ROWS = 3
    for n in range(5):
        person(world.school, last_name=f"Участникова{n}")
    return world.school


def export_url(world):
    return reverse("participants:people-export", args=[world.school.code])


def test_a_large_registry_is_made_in_the_background_and_waits_in_my_exports(login, world, big_school):
    client = login(world.school_curator)
    response = client.get(export_url(world))
    assert response.status_code == 302 and response.url == reverse("my-exports")
    job = Job.objects.get()
    assert job.status == JobStatus.DONE and job.result["rows"] == 5
    page = client.get(response.url).content.decode()
    assert "Реестр наставников и наставляемых" in page and "строк: 5" in page and "Скачать" in page
    download = client.get(reverse("export-file", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert sum(1 for _ in book.active.iter_rows()) == 2 + 5  # heading, header, people
    assert ExportLog.objects.get().rows == 5


def test_a_small_registry_is_downloaded_at_once(login, world):
    person(world.school)
    response = login(world.school_curator).get(export_url(world))
    assert response.status_code == 200 and not Job.objects.exists()


@pytest.mark.parametrize("who", ["other_curator", "curator"])
def test_nobody_else_downloads_my_export(login, world, big_school, who):
    login(world.school_curator).get(export_url(world))
    job = Job.objects.get()
    assert login(getattr(world, who)).get(reverse("export-file", args=[job.pk])).status_code == 404


def test_a_failed_export_says_why_and_is_retried(login, world, big_school, monkeypatch):
    from participants.registry.exports import RegistryXlsx

    monkeypatch.setattr(RegistryXlsx, "render", lambda self, o: 1 / 0)
    client = login(world.school_curator)
    client.get(export_url(world))
    page = client.get(reverse("my-exports")).content.decode()
    assert "не удалось" in page and "Повторить" in page
    monkeypatch.undo()
    client.post(reverse("export-retry", args=[Job.objects.get().pk]))
    assert Job.objects.filter(status=JobStatus.DONE).count() == 1


def test_the_worker_checks_access_again(world, big_school):
    Membership.objects.filter(user=world.school_curator).delete()  # the role was taken away after the order
    job = job_start(kind=KIND, user=world.school_curator, owner=f"organization:{world.school.pk}",
                    payload=payload(world.school, "reestr", "Реестр"))
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "Нет прав" in job.error


def test_old_exports_expire_with_their_files(login, world, big_school):
    login(world.school_curator).get(export_url(world))
    job = Job.objects.get()
    path = job.result["path"]
    assert default_storage.exists(path)
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(hours=49))
    call_command("purge_uploads", stdout=io.StringIO())
    assert not Job.objects.exists() and not default_storage.exists(path)


def test_the_district_exports_its_adults_never_a_child(login, world):
    person(world.school, "teacher", last_name="Наставникова", grade="")
    person(world.school, last_name="Ребёнкова")
    person(OrganizationFactory(district=world.other_district), "teacher", last_name="Чужая")
    client = login(world.methodist)
    response = client.get(reverse("participants:district-export", args=[world.district.code, "vzroslye"]))
    assert response.url == reverse("my-exports")
    job = Job.objects.get()
    data = b"".join(client.get(reverse("export-file", args=[job.pk])).streaming_content)
    cells = {c.value for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row}
    assert "Наставникова" in cells and "Ребёнкова" not in cells and "Чужая" not in cells
    assert ExportLog.objects.get().what.endswith("Саянский район")


def test_the_region_exports_its_adults_for_its_coordinator(login, world):
    from participants.models import Region

    person(world.school, "teacher", last_name="Наставникова", grade="")
    person(world.direct_school, "teacher", last_name="Краевая", grade="")
    person(world.school, last_name="Ребёнкова")
    elsewhere = Region.objects.create(name="Другая область", code="other-region")
    person(OrganizationFactory(region=elsewhere, district=None), "teacher", last_name="Чужая")
    client = login(world.coordinator)
    assert "Наставники и взрослые участники: Красноярский край" in client.get(
        reverse("participants:home")).content.decode()
    response = client.get(reverse("participants:region-export", args=[world.region.code, "vzroslye"]))
    assert response.url == reverse("my-exports")
    data = b"".join(client.get(reverse("export-file", args=[Job.objects.get().pk])).streaming_content)
    cells = {c.value for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row}
    assert {"Наставникова", "Краевая"} <= cells and "Ребёнкова" not in cells and "Чужая" not in cells
    assert ExportLog.objects.get().what.endswith("Красноярский край")


@pytest.mark.parametrize("who", ["curator", "methodist", "school_curator", "outsider_curator"])
def test_only_the_regions_coordinator_exports_the_region(login, world, who):
    url = reverse("participants:region-export", args=[world.region.code, "vzroslye"])
    assert login(getattr(world, who)).get(url).status_code == 404 and not Job.objects.exists()
