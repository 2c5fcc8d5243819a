"""LibreOffice prints the sample's documents: every sheet reaches the PDF, and each PK starts on
a page of its own (its statement page names its pihak pertama and no one else's).
"""

from __future__ import annotations

import shutil
import subprocess

from pokin_xl.dokumen import make_documents
from scripts.render_readme_picture import convert_to_pdf
from tests.documents.test_sample_documents import SAMPLE
from tests.writers.test_libreoffice import _soffice

PK_TITLE = "PERJANJIAN KINERJA TAHUN 2024"


def test_every_sheet_prints_and_each_pk_starts_on_its_own_page(tmp_path):
    _soffice()
    source = tmp_path / "matriks.xlsx"
    shutil.copy(SAMPLE, source)
    result = make_documents(source)
    outdir = tmp_path / "pdf"
    outdir.mkdir()
    pdf = convert_to_pdf(result.path, outdir, timeout=180)
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    # The body of a page, below the running header that repeats the document's title.
    bodies = [page.split("\n", 2)[-1] if page.strip() else "" for page in pages]
    statements = [i for i, body in enumerate(bodies) if body.lstrip().startswith(PK_TITLE)]
    assert len(statements) == len(result.manifest["pk"])
    for index, item in zip(statements, result.manifest["pk"], strict=True):
        body = bodies[index]
        others = [o["nama"] for o in result.manifest["pk"] if o["nama"] and o is not item]
        first = item["nama"] or item["jabatan"]
        assert f": {first}" in " ".join(body.split()), (item["sheet"], body[:300])
        assert not any(f": {name}" in body for name in others if name != item["pihak_kedua"])
        # The annex starts on the next page.
        assert bodies[index + 1].lstrip().startswith("LAMPIRAN " + PK_TITLE)
    text = "\n".join(bodies)
    for title in ("DOKUMEN KINERJA", "INDIKATOR KINERJA UTAMA", "RENCANA AKSI TAHUN 2024"):
        assert title in text
    assert text.count("SASARAN KINERJA PEGAWAI TAHUN 2024") >= len(result.manifest["skp"])
