"""`validate` on a planning table (issue 8, section 3): P001/P002 on aggregate formulas, N004 with
X.XX on both sides, S005, T009 and the T rules where they apply; each triggered and not."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from pokin_xl.model.units import near_miss_unit, normalise_unit, units_compatible
from pokin_xl.validate_planning import validate_planning_table
from tests.cli_runner import run_cli

HEADERS = ["Kode", "Program dan Kegiatan", "Indikator", "Satuan", "Target 2025", "Pagu 2025"]
ROWS: dict[int, list[object]] = {
    2: [
        "5.03.02",
        "PROGRAM KEPEGAWAIAN DAERAH",
        "Indeks Profesionalitas ASN",
        "Indeks",
        70,
        "=F3+F6",
    ],
    3: [
        "5.03.02.2.01",
        "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN",
        "Persentase data ASN mutakhir",
        "%",
        100,
        "=SUM(F4:F5)",
    ],
    4: [
        "5.03.02.2.01.0010",
        "Pengelolaan Sistem Informasi Kepegawaian",
        "Jumlah Dokumen Hasil Pengelolaan Sistem Informasi Kepegawaian",
        "Dokumen",
        12,
        200,
    ],
    5: [
        "5.03.02.2.01.0011",
        "Pengelolaan Data Kepegawaian",
        "Jumlah Dokumen Hasil Pengelolaan Data Kepegawaian",
        "Dokumen",
        4,
        100,
    ],
    6: [
        "5.03.02.2.02",
        "Mutasi dan Promosi ASN",
        "Persentase ASN dimutasi sesuai kompetensi",
        "%",
        90,
        "=SUM(F7:F8)",
    ],
    # row 7 stays blank: a range over it that covers exactly the children is right
    8: [
        "5.03.02.2.02.0002",
        "Pengelolaan Kenaikan Pangkat ASN",
        "Jumlah Pengelolaan Kenaikan Pangkat ASN",
        "Dokumen",
        2,
        50,
    ],
}


def table(tmp_path: Path, cells: dict[str, object] | None = None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Renja 2025"
    ws.append(HEADERS)
    for row, values in ROWS.items():
        for col, value in enumerate(values, start=1):
            ws.cell(row, col, value)
    for ref, value in (cells or {}).items():
        ws[ref] = value
    path = tmp_path / "renja.xlsx"
    book.save(path)
    return path


def findings(path: Path, code: str) -> list:
    _, report = validate_planning_table(path)
    return [f for f in report.findings if f.code == code]


def test_a_right_table_gives_no_budget_finding(tmp_path):
    _, report = validate_planning_table(table(tmp_path))
    assert [f.code for f in report.findings if f.code in ("P001", "P002")] == []


def test_p001_a_range_that_misses_a_child_with_a_value(tmp_path):
    [found] = findings(table(tmp_path, {"F3": "=SUM(F4:F4)"}), "P001")
    assert found.cell == "F3" and found.severity == "error"
    assert "baris 5" in found.message and "Rp 200" in found.message and "Rp 300" in found.message


def test_p002_the_same_wrong_range_while_the_missing_child_is_blank(tmp_path):
    path = table(tmp_path, {"F3": "=SUM(F4:F4)", "F5": None})
    [found] = findings(path, "P002")
    assert found.cell == "F3" and found.severity == "warning" and "baris 5" in found.message
    assert findings(path, "P001") == []


def test_p001_a_child_counted_twice(tmp_path):
    [found] = findings(table(tmp_path, {"F2": "=F3+F4+F6"}), "P001")
    assert found.cell == "F2" and "dua kali" in found.message and "baris 3" in found.message


def test_p001_a_row_that_is_not_a_child(tmp_path):
    [found] = findings(table(tmp_path, {"F3": "=SUM(F4:F6)"}), "P001")
    assert "baris 6 yang bukan anaknya" in found.message


def test_p001_a_formula_that_refers_to_itself(tmp_path):
    [found] = findings(table(tmp_path, {"F2": "=F2+F3+F6"}), "P001")
    assert "dirinya sendiri" in found.message


def test_p001_a_typed_parent_pagu_that_is_not_the_sum(tmp_path):
    [found] = findings(table(tmp_path, {"F6": 80}), "P001")
    assert found.cell == "F6" and "Rp 80" in found.message and "Rp 50" in found.message
    assert findings(table(tmp_path, {"F6": 50}), "P001") == []


@pytest.mark.parametrize(("kegiatan", "fires"), [("5.03.01.2.01", False), ("5.03.02.2.01", True)])
def test_n004_accepts_the_placeholder_on_either_side(tmp_path, kegiatan, fires):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(HEADERS)
    ws.append(
        [
            "X.XX.01",
            "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            "Nilai SAKIP",
            "Nilai",
            75,
            100,
        ]
    )
    ws.append(
        [
            kegiatan,
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            "Persentase dokumen tepat waktu",
            "%",
            100,
            100,
        ]
    )
    path = tmp_path / "n.xlsx"
    book.save(path)
    assert bool(findings(path, "N004")) is fires


def test_s005_two_indicators_in_one_cell(tmp_path):
    joined = "Jumlah Dokumen Hasil Pengelolaan Data Kepegawaian;\nJumlah Laporan Data ASN"
    [found] = findings(table(tmp_path, {"C5": joined}), "S005")
    assert found.cell == "C5" and "2 indikator" in found.message
    assert "dengan satu target" in found.message  # E5 holds the row's one target
    [untargeted] = findings(table(tmp_path, {"C5": joined, "E5": None}), "S005")
    assert "2 indikator" in untargeted.message and "target." not in untargeted.message
    one = "Persentase ASN yang naik pangkat tepat waktu; sesuai SOP"
    assert findings(table(tmp_path, {"C5": one}), "S005") == []


def test_s005_the_same_indicator_pasted_twice_asks_for_a_deletion(tmp_path):
    twice = "Jumlah Laporan Data ASN;\njumlah laporan data  ASN"
    [found] = findings(table(tmp_path, {"C5": twice}), "S005")
    assert "indikator yang sama 2 kali ('Jumlah Laporan Data ASN')" in found.message
    assert "Hapus salinannya" in found.message and "per baris" not in found.message


def test_t009_a_satuan_that_is_a_misspelling(tmp_path):
    [found] = findings(table(tmp_path, {"D4": "Dokumne"}), "T009")
    assert found.cell == "D4" and "'Dokumen'" in found.message
    assert findings(table(tmp_path, {"D4": "Dok"}), "T009") == []
    assert near_miss_unit("Dokuman") is None  # the national list's own spelling is never reported
    assert near_miss_unit("Sekolah") is None


def test_t006_a_percentage_above_100_in_a_plan(tmp_path):
    [found] = findings(table(tmp_path, {"E3": 120}), "T006")
    assert found.cell == "E3"
    assert findings(table(tmp_path), "T006") == []


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Lap", "Laporan"),
        ("Dok", "Dokumen"),
        ("Keg", "Kegiatan"),
        ("Org", "Orang"),
        ("Pkt", "Paket"),
        ("Bln", "Bulan"),
        ("Thn", "Tahun"),
        ("Org/Bln", "Orang/Bulan"),
    ],
)
def test_unit_abbreviations_equal_their_full_forms(short, full):
    assert normalise_unit(short) == normalise_unit(full)
    assert units_compatible(short, full)


def test_validate_on_a_workbook_that_is_neither_says_what_it_is(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Kode Indikator", "Realisasi TW", "Kendala"])
    book.active.append(["1.1.1.1", 0, "-"])
    book.save(tmp_path / "x.xlsx")
    run = run_cli("validate", tmp_path / "x.xlsx")
    assert run.code == 2
    assert "bukan Matriks Peran dan Hasil" in run.err and "bukan tabel perencanaan" in run.err


def test_validate_a_plan_from_the_command_line(tmp_path):
    run = run_cli("validate", table(tmp_path, {"F3": "=SUM(F4:F4)"}), "--format", "json")
    assert run.code == 1
    report = json.loads(run.out)
    assert report["summary"]["tahun"] == 2025
    assert [f["code"] for f in report["findings"]].count("P001") == 1


def test_t001_not_on_a_dash_that_says_no_target_this_year(tmp_path):
    assert findings(table(tmp_path, {"E5": "-"}), "T001") == []
    [found] = findings(table(tmp_path, {"E5": None}), "T001")
    assert found.cell == "E5"
