"""Documents saved by other programs, made in the tests by LibreOffice itself (as a school's computer would save
them): a .docx or .xlsx of the project's own layout builder converted to .doc, .odt, .rtf, .pdf, .xls, .ods."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

FILTERS = {"doc": "doc:MS Word 97", "odt": "odt", "rtf": "rtf", "pdf": "pdf:writer_pdf_Export",
           "xls": "xls:MS Excel 97", "ods": "ods"}
needs_libreoffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed (.ci/run "
                                                                           "installs it)")


def saved_as(data: bytes, source: str, target: str) -> bytes:
    """`data` (a .docx or .xlsx) saved by LibreOffice as `target` (doc, odt, rtf, pdf, xls, ods; a workbook's pdf is
    printed as Calc prints it). A .doc is saved
    from the document opened in Writer, as a person does (python-docx's file straight to .doc loses its table in
    LibreOffice 7.4's export)."""
    if source == "docx" and target == "doc":
        data, source = saved_as(data, "docx", "odt"), "odt"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"карта.{source}")
        path.write_bytes(data)
        export = "pdf:calc_pdf_Export" if (source, target) == ("xlsx", "pdf") else FILTERS[target]
        subprocess.run(["soffice", f"-env:UserInstallation={Path(folder, 'profile').as_uri()}", "--headless",
                        "--norestore", "--convert-to", export, "--outdir", folder, str(path)],
                       check=True, capture_output=True, timeout=120)
        return Path(folder, f"карта.{target}").read_bytes()
