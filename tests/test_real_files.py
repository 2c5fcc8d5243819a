"""Workbooks other people made, for their own use, given to every command.

Each run ends with exit 0/1 and its output, or exit 2 with an Indonesian message that names the
file (and the sheet and cell where it says one) -- never a crash, never another exit code; the
input is never modified and a refused build leaves nothing behind.

The files live in ../shared/data beside the repository (see its README). The Renstra reader's own
reading of them (hierarchy of the sesendok template, the tujuan/sasaran list) is tested in
tests/readers/test_renstra.py and not repeated here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.cli_runner import Run, digest, run_cli

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SAMPLE_A = ROOT / "samples" / "bkpsdm_purwakarta_2024" / "matriks.xlsx"

pytestmark = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"folder data bersama {DATA} tidak ada (clone tanpa ../shared)"
)

KNOWN = [
    "real/andri000me_renja_biro_perekonomian_lampiran.xls",
    "real/indigo_template_perencanaan_iku.xlsx",
    "real/kaizer26_template_import_capaian_kinerja.xlsx",
    "real/renstra_template_sesendok.xlsx",
    "real/tujuan_sasaran_renstra_sesendok.xlsx",
    "nomenklatur/subkegiatan_kepmendagri_900_2023.xlsx",
    "nomenklatur/subkegiatan_pemutakhiran_2027.xlsx",
]


def _collect() -> list[str]:
    """Every workbook in real/ and nomenklatur/: a file added there is tested without a change."""
    if not DATA.is_dir():
        return KNOWN
    found = {
        f"{folder}/{p.name}"
        for folder in ("real", "nomenklatur")
        for p in (DATA / folder).glob("*.xls*")
    }
    return sorted(found | set(KNOWN))


FILES = _collect()
NOMENKLATUR = [f for f in FILES if f.startswith("nomenklatur/")]
# Indonesian words every message of this tool uses in some combination.
INDONESIAN = re.compile(r"\b(berkas|tidak|bukan|kolom|sel|tabel|gunakan|tahun)\b")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """Copies of the real files (their names kept), so that no run can touch the originals."""
    folder = tmp_path_factory.mktemp("asli")
    for name in FILES:
        shutil.copy(DATA / name, folder / Path(name).name)
    return folder


_RUNS: dict[tuple[str, ...], Run] = {}


def _run_once(*argv: object) -> Run:
    """Each command once per session: the xfail check below reuses the reconcile runs."""
    key = tuple(str(a) for a in argv)
    if key not in _RUNS:
        _RUNS[key] = run_cli(*argv)
    return _RUNS[key]


def _sheet_names(path: Path) -> list[str] | None:
    if path.suffix.lower() != ".xlsx":
        return None
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _assert_outcome(run: Run, path: Path) -> None:
    """Exit 0/1 with output and nothing on stderr, or exit 2 with a message about `path`."""
    assert run.code in (0, 1, 2), run
    assert "Traceback" not in run.err
    assert "kesalahan internal" not in run.err, run.err  # the CLI's catch-all for crashes
    if run.code in (0, 1):
        assert run.out.strip(), "exit 0/1 without output"
        assert run.err == ""
        return
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pokin-xl: "), run.err
    message = lines[0]
    assert path.name in message, message
    assert INDONESIAN.search(message), message
    sheet = re.search(r"sheet '([^']*)'", message)
    names = _sheet_names(path)
    if sheet and names is not None and "tidak ditemukan" not in message:
        assert sheet.group(1) in names, (sheet.group(1), names)
    if ", sel " in message:
        assert re.search(r", sel [A-Z]{1,3}[1-9]\d*:", message), message


@pytest.mark.parametrize("name", FILES)
def test_validate(name, inputs):
    path = inputs / Path(name).name
    before = digest(path)
    run = _run_once("validate", path)
    _assert_outcome(run, path)
    assert digest(path) == before


@pytest.mark.parametrize("name", FILES)
def test_build_writes_whole_or_nothing(name, inputs, tmp_path):
    path = inputs / Path(name).name
    before = digest(path)
    out_dir = tmp_path / "keluaran"
    out_dir.mkdir()
    out = out_dir / "hasil_cascading.xlsx"
    run = run_cli("build", path, "-o", out, "--quiet")
    _assert_outcome(run, path)
    assert digest(path) == before
    left = sorted(p.name for p in out_dir.iterdir())
    if run.code == 2:
        assert left == [], "a refused build left files behind"
    else:
        assert left == [out.name] and zipfile.is_zipfile(out)
    assert sorted(p.name for p in inputs.iterdir()) == sorted(Path(n).name for n in FILES)


@pytest.mark.parametrize("name", FILES)
def test_dokumen_writes_whole_or_nothing(name, inputs, tmp_path):
    path = inputs / Path(name).name
    before = digest(path)
    out_dir = tmp_path / "keluaran"
    out_dir.mkdir()
    out = out_dir / "hasil_dokumen.xlsx"
    run = run_cli("dokumen", path, "-o", out, "--format", "json")
    _assert_outcome(run, path)
    assert digest(path) == before
    left = sorted(p.name for p in out_dir.iterdir())
    assert left == ([] if run.code == 2 else [out.name])


@pytest.mark.parametrize("name", FILES)
def test_reconcile_with_the_file_as_b(name, inputs):
    path = inputs / Path(name).name
    before = digest(path), digest(SAMPLE_A)
    run = _run_once("reconcile", SAMPLE_A, path, "--format", "json")
    _assert_outcome(run, path)
    assert (digest(path), digest(SAMPLE_A)) == before
    if run.code in (0, 1):
        payload = json.loads(run.out)
        assert payload["summary"]["b"] == path.name
        errors = [f for f in payload["findings"] if f["severity"] == "error"]
        assert run.code == (1 if errors else 0)


def test_sesendok_renstra_with_tahun_awal_reconciles_to_a_workbook(inputs, tmp_path):
    """The message for this file asks for --tahun-awal; given it, the comparison runs through."""
    path = inputs / "renstra_template_sesendok.xlsx"
    before = digest(path)
    out = tmp_path / "rekonsiliasi.xlsx"
    run = run_cli(
        "reconcile", SAMPLE_A, path, "--tahun-awal", "2024", "--format", "xlsx", "-o", out
    )
    assert run.code == 1, run
    assert run.err == "" and str(out) in run.out
    book = openpyxl.load_workbook(out, read_only=True)
    assert "Rekonsiliasi" in book.sheetnames
    book.close()
    # Tahun 2024 is the first of five: the targets come from TARGET TAHUN 1 (column G).
    text = run_cli("reconcile", SAMPLE_A, path, "--tahun-awal", "2024")
    assert "renstra_template_sesendok.xlsx sel G6" in text.out
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rekonsiliasi.xlsx"]


def test_one_process_validating_the_small_real_files_prints_no_traceback(inputs):
    """A reviewer's batch in a real process: one Indonesian line per unusable file, nothing else."""
    small = [inputs / Path(n).name for n in FILES if n.startswith("real/")]
    digests = [digest(p) for p in small]
    done = subprocess.run(
        [sys.executable, "-m", "pokin_xl.cli", "validate", *map(str, small)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2  # some are neither a matriks nor a planning table with a year
    assert "Traceback" not in done.stderr and "Warning" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert all(line.startswith("pokin-xl: ") for line in lines), done.stderr
    for path in small:  # refused in one line, or checked as a planning table
        refused = sum(path.name in line for line in lines)
        assert refused == 1 or (refused == 0 and path.name in done.stdout), path.name
    assert [digest(p) for p in small] == digests


def test_nomenclature_list_has_no_targets_to_differ(inputs):
    path = inputs / "subkegiatan_kepmendagri_900_2023.xlsx"
    run = _run_once("reconcile", SAMPLE_A, path, "--format", "json")
    if run.code == 2:  # refusing the file as "not a Renstra" is a right answer too
        return
    findings = json.loads(run.out)["findings"]
    assert [f["message"] for f in findings if f["code"] == "R002"] == []
