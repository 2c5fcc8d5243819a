"""Render the Sekretariat cascading page of the sample to docs/cascading_sekretariat.png.

Builds samples/bkpsdm_purwakarta_2024/matriks.xlsx into a cascade workbook in a temporary
folder, converts it to PDF with LibreOffice (headless, a fresh profile), finds the first page of
the Sekretariat chart and renders it with pdftoppm at 80 dpi.

Run from the repository root:  .venv/bin/python scripts/render_readme_picture.py
Needs soffice (LibreOffice) and poppler-utils (pdftoppm, pdftotext).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "bkpsdm_purwakarta_2024" / "matriks.xlsx"
PICTURE = ROOT / "docs" / "cascading_sekretariat.png"
PAGE_TITLE = "CASCADING SEKRETARIAT"
TIMEOUT = 180


def convert_to_pdf(xlsx: Path, outdir: Path, *, timeout: int = TIMEOUT) -> Path:
    """Convert with LibreOffice headless in a fresh, throw-away user profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise FileNotFoundError("soffice (LibreOffice) tidak ditemukan")
    profile = Path(tempfile.gettempdir()) / f"lo_profile_{uuid.uuid4().hex}"
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(xlsx),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / f"{xlsx.stem}.pdf"


def find_page(pdf: Path, text: str) -> int:
    """The first page (from 1) whose text starts with `text` (page header included)."""
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    for number, page in enumerate(pages, start=1):
        if text in page:
            return number
    raise LookupError(f"halaman '{text}' tidak ditemukan di {pdf.name}")


def render_page(pdf: Path, page: int, target: Path, *, dpi: int = 80) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
        capture_output=True,
    )
    return target


def main() -> int:
    from pokin_xl.build import build

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / SAMPLE.name
        shutil.copy(SAMPLE, source)
        output, _ = build(source)
        pdf = convert_to_pdf(output, work)
        page = find_page(pdf, PAGE_TITLE)
        render_page(pdf, page, PICTURE)
    print(f"{PICTURE.relative_to(ROOT)} (halaman {page})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
