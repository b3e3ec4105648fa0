"""Office files of other programs turned into the formats the readers know: Word 97–2003 (.doc), RTF and
OpenDocument text (.odt, from LibreOffice, МойОфис, Р7-Офис) into .docx; Excel 97–2003 (.xls) and OpenDocument
spreadsheets (.ods) into .xlsx. LibreOffice does it, headless, as a well-kept reader of all of them rather than
readers written here: in the background job only, each conversion with a profile folder of its own (two soffice
processes sharing one block each other), killed past UPLOAD_CONVERT_SECONDS, its memory capped, and its output
checked by the same upload layer as any upload. Without LibreOffice installed the portal still runs; these formats
then get a message saying what to install."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings

from mentoring_portal.lib.uploads.checks import Checked, Kind, UploadRefused, inspect

TARGET = {Kind.OLE: None, Kind.ODT: Kind.DOCX, Kind.RTF: Kind.DOCX, Kind.ODS: Kind.XLSX}
CONVERTIBLE = frozenset(TARGET)
NOT_INSTALLED = ("Файлы {what} портал читает через LibreOffice, а он на сервере не установлен (администратору: "
                 "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui). Пока сохраните файл как "
                 ".docx или .xlsx и загрузите его.")
MEMORY = 1536 * 1024 * 1024  # bytes of address space a conversion may take


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _target(checked: Checked) -> Kind:
    if checked.kind is Kind.OLE:  # .doc or .xls: the name's extension says which (the content is OLE for both)
        return Kind.XLSX if checked.extension == ".xls" else Kind.DOCX
    assert checked.kind is not None, "a checked upload has a kind"
    return TARGET[checked.kind]


def _limits() -> None:  # in the child, before soffice starts
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    os.setsid()  # its own process group: a timeout kills soffice and whatever it started


def to_ooxml(checked: Checked) -> Checked:
    """The same document as .docx or .xlsx, checked again; a Russian refusal if it can't be converted."""
    if checked.kind not in CONVERTIBLE:
        return checked
    target = _target(checked)
    program = soffice()
    if program is None:
        raise UploadRefused(NOT_INSTALLED.format(what=checked.extension))
    extension = ".docx" if target is Kind.DOCX else ".xlsx"
    with tempfile.TemporaryDirectory(prefix="portal-convert-") as folder:
        source = Path(folder, "document" + checked.extension)
        source.write_bytes(checked.data)
        profile = Path(folder, "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                   "--nodefault", "--nolockcheck", "--convert-to", extension.lstrip("."), "--outdir", folder,
                   str(source)]
        try:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       preexec_fn=_limits, env={**os.environ, "HOME": folder})
            process.wait(timeout=settings.UPLOAD_CONVERT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
            raise UploadRefused(f"Файл не удалось прочитать за {settings.UPLOAD_CONVERT_SECONDS} с: сохраните его "
                                "как .docx или .xlsx и загрузите снова.") from None
        result = Path(folder, "document" + extension)
        if process.returncode != 0 or not result.exists():
            raise UploadRefused(f"Файл {checked.extension} не удалось прочитать: возможно, он повреждён или защищён "
                                "паролем. Откройте его и сохраните как .docx или .xlsx.")
        converted = result.read_bytes()
    return inspect(Path(checked.name).stem + extension, converted, {target})
