import hashlib
import json
import shutil
import subprocess
import sys

import pytest

from pokin_xl.cli import main
from tests.bad_inputs import ole2_bytes
from tests.builders import chain, write_matriks


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pokin_xl.cli", *argv], capture_output=True, text=True, check=False
    )


def test_validate_json_summary_of_the_sample(sample_dir, capsys):
    code = main(["validate", str(sample_dir / "matriks.xlsx"), "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    units = payload["summary"]["units"]
    assert units["Sekretariat"]["Sasaran Kegiatan"] == 8
    assert units["Sekretariat"]["Sasaran Sub Kegiatan"] == 34
    assert units["Bidang Pengembangan SDM"]["Sasaran Kegiatan"] == 4
    assert units["Bidang Pengembangan SDM"]["Sasaran Sub Kegiatan"] == 10
    assert isinstance(payload["findings"], list)
    errors = [f for f in payload["findings"] if f["severity"] == "error"]
    assert code == (1 if errors else 0)
    for f in payload["findings"]:
        assert set(f) == {
            "code",
            "severity",
            "message",
            "file",
            "sheet",
            "cell",
            "unit",
            "tingkat",
            "kode",
            "subject",
        }


def test_validate_text_lists_units_and_counts(sample_dir, capsys):
    main(["validate", str(sample_dir / "matriks.xlsx")])
    out = capsys.readouterr().out
    assert "Sekretariat: Sasaran Program 1, Sasaran Kegiatan 8, Sasaran Sub Kegiatan 34" in out
    assert "Temuan:" in out


def test_clean_workbook_exits_zero(tmp_path, capsys):
    path = write_matriks(tmp_path / "ok.xlsx", chain())
    assert main(["validate", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_error_findings_exit_one_and_select_ignore_filter(tmp_path, capsys):
    rows = chain()
    rows[2]["Tingkat"] = "Sasaran Antara"  # unreadable level: B001 error
    path = write_matriks(tmp_path / "bad.xlsx", rows)
    assert main(["validate", str(path), "--format", "json"]) == 1
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "B001" in codes
    assert main(["validate", str(path), "--format", "json", "--ignore", "B"]) in (0, 1)
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not any(c.startswith("B") for c in codes)
    main(["validate", str(path), "--format", "json", "--select", "B001"])
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert codes == {"B001"}


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p: None, "tidak ditemukan"),
        (lambda p: p.write_bytes(b"not excel"), "bukan berkas Excel"),
        (lambda p: p.write_bytes(ole2_bytes("EncryptedPackage")), "terenkripsi"),
    ],
)
def test_bad_input_exit_two_indonesian_message_no_traceback(tmp_path, setup, expected):
    path = tmp_path / "input.xlsx"
    setup(path)
    before = path.read_bytes() if path.exists() else None
    done = run("validate", str(path))
    assert done.returncode == 2
    assert expected in done.stderr
    assert "input.xlsx" in done.stderr
    assert "Traceback" not in done.stderr
    assert (path.read_bytes() if path.exists() else None) == before


def test_missing_column_names_sheet_and_cell(tmp_path):
    path = write_matriks(tmp_path / "cols.xlsx", [], headers=["Kode", "Tingkat", "Sasaran"])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    done = run("validate", str(path))
    assert done.returncode == 2
    assert "sheet 'Kinerja'" in done.stderr and "sel A1" in done.stderr
    assert "'Indikator'" in done.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_usage_errors_exit_two(tmp_path):
    assert run("validate").returncode == 2
    done = run("validate", "x.xlsx", "--select", "Z999")
    assert done.returncode == 2
    assert "tidak dikenal" in done.stderr
    assert run("terbang").returncode == 2


def test_validate_does_not_touch_the_input(tmp_path, sample_dir):
    copy = tmp_path / "m.xlsx"
    shutil.copy(sample_dir / "matriks.xlsx", copy)
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    run("validate", str(copy), "--format", "json")
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsx"]


def test_validate_several_files_for_a_reviewer(tmp_path, sample_dir, capsys):
    good = write_matriks(tmp_path / "baik.xlsx", chain())
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan excel")
    code = main(
        ["validate", str(good), str(sample_dir / "matriks.xlsx"), str(broken), "--format", "json"]
    )
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    assert [item["summary"]["file"] for item in payload] == ["baik.xlsx", "matriks.xlsx"]
    assert payload[0]["findings"] == []
    assert "rusak.xlsx" in captured.err
    assert code == 2


def test_build_writes_beside_the_input_and_exits_one_on_errors(tmp_path, sample_dir, capsys):
    copy = tmp_path / "matriks.xlsx"
    shutil.copy(sample_dir / "matriks.xlsx", copy)
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()
    assert main(["build", str(copy)]) == 1
    assert (tmp_path / "matriks_cascading.xlsx").exists()
    assert "Workbook cascading ditulis" in capsys.readouterr().out
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == digest


def test_build_refuses_to_overwrite_its_input(tmp_path):
    path = write_matriks(tmp_path / "m.xlsx", chain())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    done = run("build", str(path), "-o", str(path))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_build_clean_workbook_exits_zero(tmp_path):
    path = write_matriks(tmp_path / "m.xlsx", chain())
    out = tmp_path / "keluar.xlsx"
    assert main(["build", str(path), "-o", str(out), "--quiet"]) == 0
    assert out.exists()


def test_build_with_renstra_adds_the_reconciliation_sheet(tmp_path, sample_dir):
    import openpyxl

    out = tmp_path / "out.xlsx"
    code = main(
        [
            "build",
            str(sample_dir / "matriks.xlsx"),
            "--renstra",
            str(sample_dir / "renstra.xlsx"),
            "--tahun",
            "2024",
            "-o",
            str(out),
        ]
    )
    assert code == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[-1] == "Rekonsiliasi"
    temuan = [c.value for c in book["Temuan"]["B"]]
    assert "R002" in temuan and "R003" in temuan


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_reconcile_lists_the_documents_disagreements(sample_dir, capsys, fmt):
    code = main(
        [
            "reconcile",
            str(sample_dir / "matriks.xlsx"),
            str(sample_dir / "pohon_kinerja_dokumen.xlsx"),
            "--format",
            fmt,
        ]
    )
    out = capsys.readouterr().out
    assert code == 1  # R002: the chapters state different targets
    if fmt == "json":
        codes = {f["code"] for f in json.loads(out)["findings"]}
        assert {"R001", "R002"} <= codes
    else:
        assert "R002" in out and "Pakaian Dinas" in out


def test_reconcile_xlsx_beside_a_and_never_over_an_input(tmp_path, sample_dir):
    a = tmp_path / "matriks.xlsx"
    shutil.copy(sample_dir / "matriks.xlsx", a)
    assert main(["reconcile", str(a), str(sample_dir / "renstra.xlsx"), "--format", "xlsx"]) == 1
    assert (tmp_path / "matriks_rekonsiliasi.xlsx").exists()
    done = run(
        "reconcile", str(a), str(sample_dir / "renstra.xlsx"), "--format", "xlsx", "-o", str(a)
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_reconcile_output_option_means_xlsx(tmp_path, sample_dir):
    out = tmp_path / "rekon.xlsx"
    a, b = sample_dir / "matriks.xlsx", sample_dir / "renstra.xlsx"
    assert main(["reconcile", str(a), str(b), "-o", str(out)]) == 1
    assert out.exists()
    done = run("reconcile", str(a), str(b), "--format", "json", "-o", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2 and "-o hanya untuk --format xlsx" in done.stderr


class PanicException(BaseException):
    """As pyo3 raises a Rust panic of an extension: not an Exception."""


@pytest.mark.parametrize("error", [KeyError, PanicException])
def test_an_internal_error_exits_3_asking_to_report_with_the_traceback_only_under_debug(
    tmp_path, monkeypatch, error
):
    import pokin_xl.validate as validate_module
    from tests.cli_runner import run_cli

    def bug(*_args, **_kwargs):
        raise error("kolom_hilang")

    monkeypatch.setattr(validate_module, "validate", bug)
    path = write_matriks(tmp_path / "m.xlsx", chain())
    plain = run_cli("validate", path)
    assert plain.code == 3 and "Traceback" not in plain.err
    assert "kesalahan internal" in plain.err and "laporkan" in plain.err
    debug = run_cli("--debug", "validate", path)
    assert debug.code == 3 and "Traceback" in debug.err and "kolom_hilang" in debug.err


def test_argparse_texts_are_indonesian_without_touching_argparse_itself(capsys):
    import argparse

    from pokin_xl.cli import build_parser, indonesian_error

    assert argparse._("usage: ") == "usage: "  # the module-level gettext alias is untouched
    help_text = build_parser().format_help()
    assert help_text.startswith("penggunaan: ") and "pilihan:" in help_text
    assert "tampilkan bantuan ini lalu keluar" in help_text
    assert indonesian_error(
        "argument --format: invalid choice: 'x' (choose from 'text', 'json')"
    ) == ("argumen --format: pilihan 'x' tidak dikenal (pilih dari 'text', 'json')")
    assert indonesian_error("the following arguments are required: FILE") == (
        "argumen berikut wajib diisi: FILE"
    )


def test_build_with_renstra_reads_the_matriks_once(sample_dir, tmp_path, monkeypatch):
    import pokin_xl.checked
    import pokin_xl.reconcile

    reads = []
    real = pokin_xl.checked.read_matriks

    def counted(path):
        reads.append(path)
        return real(path)

    monkeypatch.setattr(pokin_xl.checked, "read_matriks", counted)
    monkeypatch.setattr(pokin_xl.reconcile, "read_matriks", counted)
    out = tmp_path / "o.xlsx"
    code = main(
        [
            "build",
            str(sample_dir / "matriks.xlsx"),
            "--renstra",
            str(sample_dir / "renstra.xlsx"),
            "-o",
            str(out),
            "--tahun",
            "2024",
            "--quiet",
        ]
    )
    assert code == 1 and out.is_file()
    assert len(reads) == 1
