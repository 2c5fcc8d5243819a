"""Render one Perjanjian Kinerja page of the sample to docs/perjanjian_kinerja.png.

Writes the sample's documents (pokin-xl dokumen) in a temporary folder, converts them to PDF
with LibreOffice and renders the annex page of the PK of the Kepala Subbagian Perencanaan,
Keuangan dan Pelaporan at 80 dpi.

Run from the repository root:  .venv/bin/python scripts/render_pk_picture.py
Needs soffice (LibreOffice), poppler-utils and the Liberation fonts (Arial's metrics).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from scripts.render_readme_picture import ROOT, SAMPLE, convert_to_pdf, find_page, render_page

PICTURE = ROOT / "docs" / "perjanjian_kinerja.png"
PAGE_TEXT = "KEPALA SUBBAGIAN PERENCANAAN, KEUANGAN DAN PELAPORAN BADAN"


def main() -> int:
    from pokin_xl.dokumen import make_documents

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / SAMPLE.name
        shutil.copy(SAMPLE, source)
        result = make_documents(source)
        pdf = convert_to_pdf(result.path, work)
        page = find_page(pdf, PAGE_TEXT)
        render_page(pdf, page, PICTURE)
    print(f"{PICTURE.relative_to(ROOT)} (halaman {page})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
