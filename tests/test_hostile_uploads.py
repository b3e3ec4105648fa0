"""Hostile and careless files meet the upload layer: bombs, DTDs, lying dimensions, oversize and wrong types are
refused with a Russian message and nothing created; waiting previews expire."""

import io
import os
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from mentoring_portal.lib.uploads import Kind, ReadBudget, UploadRefused, inspect, purge_pending, save_pending
from mentoring_portal.lib.uploads.pending import _folder
from participants.models import Person
from roadmaps.importing.services import parse_file
from roadmaps.models import Roadmap
from tests.documents import TABLE, docx_bytes, with_part, xlsx_bytes

BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')


def errors(result) -> str:
    return " ".join(str(e) for e in result.errors)


def bomb(part: str, megabytes: int) -> bytes:
    """A small zip that unpacks to `megabytes` of one repeated byte in `part` (plus the parts that name its type)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(part, "w", force_zip64=True) as stream:
            for _ in range(megabytes):
                stream.write(b" " * 1024 * 1024)
    return buffer.getvalue()


def test_it_refuses_a_docx_that_unpacks_to_far_more_than_its_size(settings):
    data = bomb("word/document.xml", 80)
    assert len(data) < 200_000
    result = parse_file("bomb.docx", data)
    assert not result.ok and "распакованном виде больше 60 МБ" in errors(result)


def test_it_refuses_a_part_compressed_like_a_bomb_even_under_the_total_limit(settings):
    settings.UPLOAD_MAX_UNPACKED_MB = 500
    result = parse_file("bomb.xlsx", bomb("xl/workbook.xml", 20))
    assert "сжат подозрительно сильно" in errors(result)


def test_it_stops_reading_a_sheet_at_the_row_limit(settings):
    settings.UPLOAD_MAX_ROWS = 100
    rows = [TABLE[0]] + [["1", f"Мероприятие {n}", "Май 2024", "Куратор", "Отчёт"] for n in range(300)]
    result = parse_file("long.xlsx", xlsx_bytes(rows))
    assert "больше 100 строк" in errors(result)


def test_it_ignores_a_sheets_declared_dimensions_that_would_pad_every_row():
    data = with_part(xlsx_bytes(TABLE), "xl/worksheets/sheet1.xml",
                     lambda xml: xml.replace(b'<dimension ref="A1:E5"/>', b'<dimension ref="A1:XFD1048576"/>'))
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    started = time.monotonic()
    result = parse_file("dimension.xlsx", data)
    assert result.ok and result.roadmaps[0].item_count == 2
    assert time.monotonic() - started < 5


def test_it_stops_reading_when_the_time_is_up(monkeypatch):
    budget = ReadBudget(seconds=1)
    clock = iter([1000.0, 1002.0])
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    budget._deadline = 1001.0
    budget.row(["a"])
    with pytest.raises(UploadRefused, match="дольше 1 с"):
        budget.row(["b"])


@pytest.mark.parametrize("name, part", [("laughs.docx", "word/document.xml"), ("laughs.xlsx", "xl/workbook.xml"),
                                        ("external.xlsx", "xl/styles.xml")])
def test_it_refuses_xml_with_entities_with_a_message_not_a_server_error(name, part):
    build = docx_bytes if name.endswith("docx") else xlsx_bytes

    def inject(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[-1]
        if name.startswith("external"):
            return b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + body
        return BILLION_LAUGHS + body

    result = parse_file(name, with_part(build(TABLE), part, inject))
    assert not result.ok and "объявления XML (DTD, сущности)" in errors(result)


def test_it_reads_a_docx_with_a_comment_inside_a_paragraph():
    data = with_part(docx_bytes(TABLE), "word/document.xml", lambda xml: xml.replace(b"<w:r>", b"<!-- c --><w:r>"))
    assert b"<!-- c -->" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    result = parse_file("comment.docx", data)
    assert result.ok, errors(result)
    assert result.roadmaps[0].item_count == 2


def test_it_decides_the_type_by_content_not_by_name():
    with pytest.raises(UploadRefused, match="назван «plan.pdf», но это не PDF"):
        inspect("plan.pdf", b"<html><script>alert(1)</script></html>", {Kind.PDF})
    with pytest.raises(UploadRefused, match="файл неизвестного вида"):
        inspect("picture", b"<svg onload=alert(1)>", {Kind.PDF, Kind.PNG, Kind.TEXT})
    assert inspect("отчёт", b"%PDF-1.7\n...", {Kind.PDF}).extension == ".pdf"


def test_the_registry_import_refuses_a_file_over_the_size_limit(login, world, settings):
    settings.MAX_UPLOAD_MB = 1
    url = reverse("participants:people-import", args=[world.school.code])
    response = login(world.school_curator).post(url, {"file": SimpleUploadedFile("big.xlsx", b"PK" + os.urandom(1_200_000))},
                                                follow=True)
    assert response.status_code == 200 and "Файл больше 1 МБ" in response.content.decode()
    assert not Person.objects.exists()


def test_the_roadmap_import_page_answers_a_bomb_with_a_message(login, world):
    url = reverse("roadmaps:organization-import", args=[world.school.code])
    response = login(world.school_curator).post(url, {"file": SimpleUploadedFile("plan.docx", bomb("word/document.xml", 80))},
                                                follow=True)
    assert response.status_code == 200 and "распакованном виде" in response.content.decode()
    assert not Roadmap.objects.exists()


def test_the_job_removes_the_file_once_it_has_read_it(login, world):
    client = login(world.school_curator)
    client.post(reverse("roadmaps:organization-import", args=[world.school.code]),
                {"file": SimpleUploadedFile("a.docx", docx_bytes(TABLE))})
    assert list(_folder().iterdir()) == []


def test_files_no_job_read_expire(world):
    token = save_pending(docx_bytes(TABLE))  # the worker was down
    (waiting,) = _folder().iterdir()
    assert waiting.name == token and purge_pending() == 0
    old = time.time() - 25 * 3600
    os.utime(waiting, (old, old))
    call_command("purge_uploads", stdout=io.StringIO())
    assert not waiting.exists()


def test_it_answers_broken_xml_inside_a_docx_with_a_message():
    data = with_part(docx_bytes(TABLE), "word/document.xml", lambda xml: xml.replace(b"<w:t>", b"<w:t>&undefined;", 1))
    result = parse_file("broken.docx", data)
    assert not result.ok and "Word" in errors(result)


LYING = [
    # (file name, kind, the member that lies, its true first bytes, a document around it)
    ("table.ods", Kind.ODS, "mimetype", b"application/vnd.oasis.opendocument.spreadsheet", None),
    ("plan.docx", Kind.DOCX, "word/media/image1.png", b"\x89PNG\r\n\x1a\n", "docx"),
    ("plan.xlsx", Kind.XLSX, "xl/sharedStrings.xml", b'<?xml version="1.0"?><sst>', "xlsx"),
]


@pytest.mark.parametrize("name, kind, part, head, around", LYING, ids=[row[0] for row in LYING])
def test_it_refuses_a_member_that_inflates_past_its_declared_size_without_reading_it_whole(name, kind, part, head,
                                                                                          around):
    import tracemalloc

    from tests.documents import lying_member

    document = {"docx": docx_bytes, "xlsx": xlsx_bytes}[around](TABLE) if around else None
    data = lying_member(part, head, 300, document)
    assert len(data) < 2_000_000 and zipfile.ZipFile(io.BytesIO(data)).getinfo(part).file_size == len(head)
    tracemalloc.start()
    try:
        with pytest.raises(UploadRefused, match="больше, чем сказано в его оглавлении"):
            inspect(name, data, {kind})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024, f"{peak / 1e6:.0f} MB read for a {len(data) / 1e6:.1f} MB file"


def test_it_refuses_an_encrypted_or_oddly_compressed_member_with_a_message():
    plain = xlsx_bytes(TABLE)
    encrypted = bytearray(plain)
    central = encrypted.index(b"PK\x01\x02")
    encrypted[central + 8] |= 0x1  # the «encrypted» flag of the first member in the directory
    with pytest.raises(UploadRefused, match="защищён паролем"):
        inspect("secret.xlsx", bytes(encrypted), {Kind.XLSX})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive, zipfile.ZipFile(io.BytesIO(plain)) as source:
        for item in source.infolist():
            archive.writestr(item.filename, source.read(item.filename))
    with pytest.raises(UploadRefused, match="упакован необычным способом"):
        inspect("bzip.xlsx", buffer.getvalue(), {Kind.XLSX})


def test_it_refuses_a_member_whose_compressed_bytes_are_junk():
    data = bytearray(xlsx_bytes(TABLE))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0]
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start:start + 8] = b"\xff" * 8
    with pytest.raises(UploadRefused, match="не распаковывается"):
        inspect("junk.xlsx", bytes(data), {Kind.XLSX})


def _hostile_files() -> dict[str, bytes]:
    from tests.documents import lying_member

    return {
        "lying-mimetype.ods": lying_member("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", 200),
        "lying-strings.xlsx": lying_member("xl/sharedStrings.xml", b"<sst>", 200, xlsx_bytes(TABLE)),
        "broken-workbook.xlsx": with_part(xlsx_bytes(TABLE), "xl/workbook.xml", lambda xml: b"<workbook><sheets>"),
        "no-sheets.xlsx": with_part(xlsx_bytes(TABLE), "xl/workbook.xml",
                                    lambda xml: xml.split(b"<sheets>")[0] + b"</workbook>"),
        "junk-styles.xlsx": with_part(xlsx_bytes(TABLE), "xl/styles.xml", lambda xml: b"\xff\xfe junk"),
    }


def _upload_points(world) -> dict[str, tuple]:
    from roadmaps.events.models import Event

    event = Event.objects.create(district=world.district, title="Семинар", kind="seminar", starts_at="2024-05-20T10:00Z")
    return {
        "registry": (world.school_curator, reverse("participants:people-import", args=[world.school.code]), {}),
        "training": (world.school_curator, reverse("participants:training-import", args=[world.school.code]),
                     {"topic": "mentoring"}),
        "sign-in sheet": (world.curator, reverse("roadmaps:event-sign-in-sheet", args=[event.pk]), {}),
        "roadmap": (world.curator, reverse("roadmaps:district-import", args=[world.district.code]), {}),
        "order": (world.curator, reverse("roadmaps:order-upload", args=[world.district.code]), {}),
    }


def test_every_import_point_answers_hostile_files_with_a_russian_message(login, world):
    """Each import reads its file in a background job (the immediate backend in tests) through the one checking
    layer: no server error, a refusal the user reads on the page, nothing created."""
    for point, (user, url, fields) in _upload_points(world).items():
        client = login(user)
        for name, data in _hostile_files().items():
            response = client.post(url, {**fields, "file": SimpleUploadedFile(name, data)}, follow=True)
            page = response.content.decode()
            assert response.status_code in (200, 400), (point, name, response.status_code)
            assert any(word in page for word in ("повреждён", "не принят", "не похож", "но это не", "принимается",
                                                 "нет ни одного листа", "не найден")), (point, name)
    assert not Person.objects.exists() and not Roadmap.objects.exists()
