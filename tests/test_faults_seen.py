"""Faults a user sees: the database away for a moment is «Портал временно недоступен» (503, Retry-After) while
cached public pages are still served, and the portal comes back by itself; a full disk says nothing was saved and
leaves no half-written file and no row; the sign-in lock-out fits the documented deployment behind nginx."""

import errno
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection, connections
from django.test import Client
from django.urls import reverse

from participants.models import Document, PublicPage
from tests.test_registry_io import row, workbook

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def document(client, world, data: bytes):
    return client.post(reverse("participants:district-document-create", args=[world.district.code]), {
        "kind": "regulation", "title": "Положение о наставничестве", "date": "2021-09-01",
        "file": SimpleUploadedFile("положение.pdf", data)})


def test_a_database_that_went_away_is_a_russian_503_with_retry_after(world, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    client = Client(raise_request_exception=False)
    client.force_login(world.school_curator)
    monkeypatch.setattr("participants.access.access_of", down)
    response = client.get(reverse("participants:district", args=[world.district.code]))
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "Портал временно недоступен, повторите через минуту" in response.content.decode()


def test_any_other_failure_is_the_plain_server_error_page(world, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("participants.access.access_of", broken)
    client = Client(raise_request_exception=False)
    client.force_login(world.school_curator)
    response = client.get(reverse("participants:district", args=[world.district.code]))
    assert response.status_code == 500 and "Ошибка на сервере" in response.content.decode()


@pytest.mark.django_db(transaction=True)  # as in production: no test transaction around the request
def test_a_disk_that_fills_up_while_a_file_is_written_leaves_no_part_of_it_and_no_row(reference_data, world, settings,
                                                                                       monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    client = Client(raise_request_exception=False)
    client.force_login(world.curator)
    response = document(client, world, PDF)
    assert response.status_code == 507 and "на сервере закончилось место" in response.content.decode()
    assert not Document.objects.exists()
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []
    # An upload waiting for its job: the same, as a message on the import page
    client.force_login(world.school_curator)
    page = client.post(reverse("participants:people-import", args=[world.school.code]),
                       {"file": SimpleUploadedFile("r.xlsx", workbook(row()))}, follow=True).content.decode()
    assert "На сервере закончилось место: файл не сохранён" in page
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []


def _can_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    folder = tempfile.mkdtemp()
    try:
        return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder],
                              capture_output=True).returncode == 0 and subprocess.run(["umount", folder]).returncode == 0
    finally:
        os.rmdir(folder)


@pytest.mark.slow
@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a small tmpfs as MEDIA_ROOT (CI)")
@pytest.mark.django_db(transaction=True)
def test_a_really_full_disk_under_media_root(reference_data, world, settings):
    folder = tempfile.mkdtemp()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", folder], check=True)
    try:
        settings.MEDIA_ROOT = folder
        client = Client(raise_request_exception=False)
        client.force_login(world.curator)
        big = PDF + b"%" + b"x" * 600_000
        response = document(client, world, big)
        assert response.status_code == 507 and not Document.objects.exists()
        assert [p for p in Path(folder).rglob("*") if p.is_file()] == []
        assert document(client, world, PDF).status_code == 302  # a file that fits is saved whole
        saved = Document.objects.get()
        assert Path(folder, saved.file.name).read_bytes() == PDF
    finally:
        subprocess.run(["umount", folder], check=True)
        os.rmdir(folder)


def test_the_lock_out_is_by_user_and_address_together(settings):
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_ten_bad_passwords_for_one_curator_from_one_address_do_not_lock_out_another(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    url = reverse("login")
    for _ in range(3):
        client.post(url, {"username": "school_curator", "password": "неверно"}, REMOTE_ADDR="10.0.0.7")
    world.curator.set_password("верный-пароль-1")
    world.curator.save()
    other = client.post(url, {"username": "curator", "password": "верный-пароль-1"}, REMOTE_ADDR="10.0.0.7")
    assert other.status_code == 302  # someone else from the same office still signs in
    world.school_curator.set_password("верный-пароль-2")
    world.school_curator.save()
    elsewhere = client.post(url, {"username": "school_curator", "password": "верный-пароль-2"},
                            REMOTE_ADDR="10.0.0.8")
    assert elsewhere.status_code == 302  # and the curator named by the attacker signs in from her own address
    locked = client.post(url, {"username": "school_curator", "password": "верный-пароль-2"}, REMOTE_ADDR="10.0.0.7")
    assert locked.status_code == 429 or "заблокирован" in locked.content.decode().lower()


def test_check_deploy_warns_when_the_proxy_count_does_not_fit(settings):
    from mentoring_portal.checks import proxy_count_fits

    settings.AXES_IPWARE_PROXY_COUNT = None
    warnings = proxy_count_fits(None)
    assert warnings and warnings[0].id == "portal.W001" and "AXES_PROXY_COUNT" in warnings[0].msg
    settings.AXES_IPWARE_PROXY_COUNT = 1
    assert proxy_count_fits(None) == []


# The database really stopped (PostgreSQL of the machine, as root) ----------------------------------------------
_MACHINES_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql" or os.geteuid() != 0 or not shutil.which("pg_ctlcluster"),
    reason="stops and starts the machine's PostgreSQL (CI, as root)")


def FAULTS(test):
    """Stops or restarts the machine's PostgreSQL: run alone, after the parallel suite (scripts/test.sh), since the
    other workers would lose their database meanwhile."""
    return pytest.mark.exclusive(_MACHINES_POSTGRES(test))


def _cluster(action: str) -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    connections.close_all()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action], check=True, timeout=60)


@FAULTS
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_database_stopped_gives_503_keeps_public_pages_and_recovers_by_itself(reference_data, world):
    PublicPage.objects.create(organization=world.school, is_published=True, blocks=["contact"], contact="куратор ЦМН")
    public = reverse("public-page", args=["o", world.school.code])
    visitor = Client(raise_request_exception=False)
    assert visitor.get(public).status_code == 200  # cached now
    curator = Client(raise_request_exception=False)
    curator.force_login(world.curator)
    district = reverse("participants:district", args=[world.district.code])
    assert curator.get(district).status_code == 200
    _cluster("stop")
    try:
        down = curator.get(district)
        assert down.status_code == 503 and down["Retry-After"] == "60"
        assert "Портал временно недоступен" in down.content.decode()
        cached = visitor.get(public)
        assert cached.status_code == 200 and "куратор ЦМН" in cached.content.decode()
    finally:
        _cluster("start")
    for _ in range(30):  # back without restarting anything
        if curator.get(district).status_code == 200:
            break
        time.sleep(1)
    assert curator.get(district).status_code == 200


def test_a_shared_folder_without_hard_links_still_gets_whole_files(tmp_path, monkeypatch):
    from mentoring_portal.lib.storage import write_whole

    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_whole(str(tmp_path / "файл.pdf"), [b"%PDF-1.7", b" whole"])
    assert (tmp_path / "файл.pdf").read_bytes() == b"%PDF-1.7 whole"
    assert [p.name for p in tmp_path.iterdir()] == ["файл.pdf"]  # no part left behind
    with pytest.raises(FileExistsError):
        write_whole(str(tmp_path / "файл.pdf"), [b"again"])
