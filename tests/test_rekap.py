"""rekap over a folder of built workbooks with known findings; validate/build of many files."""

from __future__ import annotations

import importlib
import io
import json
from pathlib import Path

import pytest

from pokin_xl.pool import Progress, run_jobs
from pokin_xl.rekap import Job, collect_files, examine, failed
from tests.builders import region_folder, write_agency
from tests.cli_runner import run_cli


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> Path:
    return region_folder(tmp_path_factory.mktemp("region") / "kabupaten")


@pytest.fixture(scope="module")
def recap_json(region) -> dict:
    run = run_cli("rekap", region, "--format", "json", "--jobs", "2")
    assert run.code == 2, run.err  # a file could not be read: the worst exit code says so
    return json.loads(run.out)


def _by_file(recap: dict) -> dict[str, dict]:
    return {f["file"]: f for f in recap["files"]}


def test_the_folder_is_read_recursively_with_relative_names(recap_json):
    assert sorted(_by_file(recap_json)) == [
        "dinkes.xlsx",
        "disdik.xlsx",
        "rusak.xlsx",
        "sub/dp3a.xlsx",
    ]
    assert recap_json["summary"] | {"seconds": 0} == {
        "files": 4,
        "read": 3,
        "refused": 1,
        "severity": {"error": 1, "warning": 0, "info": 0},
        "lintas": 2,
        "rpjmd": "",
        "jobs": 2,
        "seconds": 0,
    }


def test_recap_counts_equal_per_file_validate_counts(region, recap_json):
    files = _by_file(recap_json)
    for name in ("dinkes.xlsx", "disdik.xlsx", "sub/dp3a.xlsx"):
        run = run_cli("validate", region / name, "--format", "json")
        alone = json.loads(run.out)
        assert files[name]["severity"] == alone["summary"]["severity"]
        assert files[name]["findings"] == alone["findings"]
    assert [f["code"] for f in files["dinkes.xlsx"]["findings"]] == ["T001"]
    assert files["dinkes.xlsx"]["families"]["T"] == 1


def test_a_broken_file_is_a_row_with_its_reason(recap_json):
    broken = _by_file(recap_json)["rusak.xlsx"]
    assert broken["status"] == "ditolak"
    assert "bukan berkas Excel" in broken["reason"]
    assert broken["rank"] is None and broken["findings"] == []


def test_ranks_and_coverage(recap_json):
    files = _by_file(recap_json)
    assert files["dinkes.xlsx"]["rank"] == 3  # the only one with an error
    assert {files["disdik.xlsx"]["rank"], files["sub/dp3a.xlsx"]["rank"]} == {1, 2}
    clean = files["disdik.xlsx"]["coverage"]
    assert clean["sasaran_berpengampu"] == 1.0
    assert clean["sub_kegiatan_nomenklatur"] == 1.0
    assert clean["pagu_total"] == 1000
    assert files["dinkes.xlsx"]["coverage"]["indikator_target_satuan"] < 1.0
    lke = {p["code"]: p["status"] for p in files["disdik.xlsx"]["lke"]}
    assert lke["LKE-1"] == "memenuhi" and lke["LKE-5"] == "tidak dapat dinilai"


def test_one_process_and_two_give_the_same_recap(region, recap_json):
    run = run_cli("rekap", region, "--format", "json", "--jobs", "1")
    one = json.loads(run.out)

    def stable(recap: dict) -> dict:
        recap = json.loads(json.dumps(recap))
        recap["summary"].pop("seconds")
        recap["summary"].pop("jobs")
        for f in recap["files"]:
            f.pop("seconds")
        return recap

    assert stable(one) == stable(recap_json)


def test_the_text_recap_names_the_broken_file_and_the_crosscutting(region):
    run = run_cli("rekap", region, "--jobs", "1")
    assert "rusak.xlsx: bukan berkas Excel" in run.out
    assert "L002" in run.out and "Menurunnya prevalensi stunting" in run.out


def test_an_unexpected_exception_in_the_worker_is_a_row(tmp_path, monkeypatch):
    path = write_agency(tmp_path, "a.xlsx", "Dinas A (DA)")
    validate_module = importlib.import_module(
        "pokin_xl.validate"
    )  # the package's name is the function

    def boom(*_args, **_kwargs):
        raise RuntimeError("rusak di dalam")

    monkeypatch.setattr(validate_module, "validate", boom)
    result = examine(Job(str(path), "a.xlsx"))
    assert result.status == "gagal" and "RuntimeError: rusak di dalam" in result.reason
    run = run_cli("rekap", tmp_path, "--jobs", "1")
    assert run.code == 3  # a failure of pokin-xl itself, not of the workbook
    assert "kesalahan internal pokin-xl" in run.out


def test_a_dead_worker_process_is_a_row_not_the_end(tmp_path):
    names = ["a.xlsx", "b.xlsx", "x.xlsx", "c.xlsx", "d.xlsx", "e.xlsx"]
    jobs = [Job(str(tmp_path / name), name) for name in names]
    results = run_jobs(_die_on_x, jobs, workers=2, on_failure=failed)
    assert [r.file for r in results] == names
    assert [r.status for r in results] == ["ditolak"] * 2 + ["gagal"] + ["ditolak"] * 3
    assert "proses pemeriksa berhenti" in results[2].reason
    assert "tidak ditemukan" in results[0].reason  # the others were examined normally


def _die_on_x(job: Job):
    if job.display == "x.xlsx":
        import os

        os._exit(3)  # the process dies, as under the OOM killer
    return examine(job)


def test_folders_skip_our_outputs_lock_files_and_pair_a_renstra(tmp_path):
    for name in ("a.xlsx", "a_renstra.xlsx", "a_cascading.xlsx", "~$a.xlsx", "b.xls", "c.txt"):
        (tmp_path / name).write_bytes(b"x")
    jobs = collect_files([tmp_path], exclude=[tmp_path / "b.xls"])
    assert [(j.display, Path(j.renstra).name if j.renstra else None) for j in jobs] == [
        ("a.xlsx", "a_renstra.xlsx")
    ]


def test_progress_line_only_on_a_terminal():
    quiet = io.StringIO()
    progress = Progress(3, quiet)
    progress.tick()
    progress.close()
    assert quiet.getvalue() == ""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown = Terminal()
    progress = Progress(2, shown, every=0)
    progress.tick()
    progress.tick()
    progress.close()
    assert "[2/2]" in shown.getvalue() and "berkas/detik" in shown.getvalue()


def test_validate_many_with_jobs_gives_the_same_output(region):
    files = [region / "dinkes.xlsx", region / "sub" / "dp3a.xlsx", region / "rusak.xlsx"]
    one = run_cli("validate", *files, "--format", "json", "--jobs", "1")
    two = run_cli("validate", *files, "--format", "json", "--jobs", "2")
    assert one.code == two.code == 2
    assert one.out == two.out
    assert "rusak.xlsx" in two.err
    assert [r["summary"]["file"] for r in json.loads(two.out)] == ["dinkes.xlsx", "dp3a.xlsx"]


def test_build_many_writes_each_beside_its_input(tmp_path):
    a = write_agency(tmp_path, "a.xlsx", "Dinas A (DA)")
    b = write_agency(tmp_path, "b.xlsx", "Dinas B (DB)")
    run = run_cli("build", a, b, "--jobs", "2")
    assert run.code == 0, run.err
    assert (tmp_path / "a_cascading.xlsx").exists() and (tmp_path / "b_cascading.xlsx").exists()
    assert run.out.count("Workbook cascading ditulis") == 2
    refused = run_cli("build", a, b, "-o", tmp_path / "x.xlsx")
    assert refused.code == 2 and "hanya untuk satu berkas" in refused.err


def test_rekap_output_options(region, tmp_path):
    assert run_cli("rekap", region, "-o", tmp_path / "r.xlsx", "--format", "json").code == 2
    empty = tmp_path / "kosong"
    empty.mkdir()
    run = run_cli("rekap", empty)
    assert run.code == 2 and "tidak ada berkas" in run.err
    assert run_cli("rekap", region, "--jobs", "0").code == 2


def test_every_real_file_is_a_row_never_a_crash():
    from tests.conftest import real_file

    folder = real_file("real")
    run = run_cli("rekap", folder, "--format", "json", "--jobs", "2")
    recap = json.loads(run.out)
    names = {p.name for p in folder.iterdir() if p.suffix in (".xlsx", ".xls")}
    assert {f["file"] for f in recap["files"]} == names
    assert all(
        f["status"] in ("dibaca", "ditolak") and (f["status"] == "dibaca" or f["reason"])
        for f in recap["files"]
    )
    assert run.code == 2  # none of them is a Matriks: each says why


def test_the_recap_never_overwrites_an_agency_workbook(tmp_path):
    folder = tmp_path / "pd"
    folder.mkdir()
    agency = write_agency(folder, "a.xlsx", "Dinas A (DA)")
    before = agency.read_bytes()
    run = run_cli("rekap", folder, "-o", agency)
    assert run.code == 2 and "tidak pernah ditimpa" in run.err
    assert agency.read_bytes() == before
    recap = folder / "rekap.xlsx"
    assert run_cli("rekap", folder, "-o", recap).code == 0
    again = run_cli("rekap", folder, "-o", recap, "--jobs", "1")  # the old recap is not an agency
    assert again.code == 0 and "1 berkas dibaca, 0 tidak dapat dibaca" in again.out


def test_rpjmd_option_reports_the_region_both_ways(region, tmp_path):
    from tests.builders import row, write_matriks

    rpjmd = write_matriks(
        tmp_path / "rpjmd.xlsx",
        [
            row(kode="S1", tingkat="Sasaran Strategis", unit_kerja="Kabupaten",
                sasaran="Menurunnya prevalensi stunting", indikator="Persentase balita stunting",
                target="14%", satuan="%", pengampu="Bupati"),
            row(kode="S2", tingkat="Sasaran Strategis", unit_kerja="Kabupaten",
                sasaran="Menurunnya kemiskinan", indikator="Persentase penduduk miskin",
                target="8%", satuan="%", pengampu="Bupati"),
        ],
    )  # fmt: skip
    run = run_cli("rekap", region, "--rpjmd", rpjmd, "--format", "json", "--jobs", "1")
    recap = json.loads(run.out)
    assert recap["summary"]["rpjmd"] == "rpjmd.xlsx"
    lintas = {(f["code"], f["file"], f["kode"]) for f in recap["lintas"]}
    # S2 nobody cascades; S1 is the stunting sasaran Dinkes and DP3A both hold
    assert ("L004", "rpjmd.xlsx", "S2") in lintas
    assert ("L004", "rpjmd.xlsx", "S1") not in lintas
    # every agency's own SS1 is tied to no regional sasaran; the stunting SS2 is
    assert {(f, k) for c, f, k in lintas if c == "L005"} == {
        ("dinkes.xlsx", "SS1"),
        ("sub/dp3a.xlsx", "SS1"),
        ("disdik.xlsx", "SS1"),
    }
    bad = run_cli("rekap", region, "--rpjmd", tmp_path / "tidak_ada.xlsx")
    assert bad.code == 2 and "tidak ditemukan" in bad.err
