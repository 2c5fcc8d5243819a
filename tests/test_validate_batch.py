"""`validate` of several planning tables: each read in its own year (--tahun as the fallback where
a table holds several years), and FILE:SHEET naming the sheet of one file."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from pokin_xl.file_argument import file_and_sheet
from tests.builders import KINERJA_HEADERS, chain, write_matriks
from tests.cli_runner import run_cli
from tests.planning_corpus import SIPD, TC27, TC29


def _built(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for fixture in (TC29, SIPD, TC27):
        paths[fixture.name] = tmp_path / f"{fixture.name}.xlsx"
        fixture.build(paths[fixture.name])
    return paths


def test_each_table_of_a_batch_is_read_in_its_own_year(tmp_path: Path) -> None:
    paths = _built(tmp_path)
    result = run_cli("validate", *map(str, paths.values()), "--tahun", "2026", "--format", "json")
    assert result.code == 0, result.text
    years = {r["summary"]["file"]: r["summary"] for r in json.loads(result.out)}
    assert years["tc29_2018.xlsx"]["tahun"] == 2018  # an evaluation form of 2018
    assert "--tahun 2026 tidak ada di tabel ini" in years["tc29_2018.xlsx"]["tahun_dari"]
    assert years["sipd_renja_2025.xlsx"]["tahun"] == 2025
    assert years["tc27_renstra_2025_2029.xlsx"]["tahun"] == 2026  # Tahun-2 of 2025-2029
    assert years["tc27_renstra_2025_2029.xlsx"]["tahun_dari"] == "--tahun"


def test_one_file_keeps_a_year_it_does_not_have_an_error(tmp_path: Path) -> None:
    paths = _built(tmp_path)
    result = run_cli("validate", str(paths["tc29_2018"]), "--tahun", "2026")
    assert result.code == 2
    assert "--tahun" in result.err and "2018" in result.err


def test_a_batch_without_tahun_asks_only_the_multi_year_table(tmp_path: Path) -> None:
    paths = _built(tmp_path)
    result = run_cli("validate", *map(str, paths.values()), "--format", "json")
    assert result.code == 2
    assert [r["summary"]["tahun"] for r in json.loads(result.out)] == [2018, 2025]
    assert "tc27_renstra_2025_2029.xlsx" in result.err and "--tahun" in result.err


def test_file_colon_sheet_names_the_sheet_of_one_file(tmp_path: Path) -> None:
    paths = _built(tmp_path)
    two = tmp_path / "dua sheet.xlsx"
    book = openpyxl.load_workbook(paths["sipd_renja_2025"])
    other = book.create_sheet("Catatan")
    other["A1"] = "Catatan penyusunan"
    book.move_sheet("Catatan", offset=-1)
    book.save(two)
    wrong = run_cli("validate", f"{two}:Catatan", str(paths["tc29_2018"]))
    assert wrong.code == 2 and "Catatan" in wrong.err
    right = run_cli("validate", f"{two}:Renja", str(paths["tc29_2018"]), "--format", "json")
    assert right.code == 0, right.text
    assert [r["summary"]["sheet"] for r in json.loads(right.out)] == ["Renja", "T-C.29"]


def test_file_and_sheet_parsing(tmp_path: Path) -> None:
    path = tmp_path / "renja.xlsx"
    path.write_bytes(b"x")
    assert file_and_sheet(f"{path}:Renja 2025") == (str(path), "Renja 2025")
    assert file_and_sheet(str(path), "S") == (str(path), "S")
    assert file_and_sheet("C:\\tidak\\ada.xlsx") == ("C:\\tidak\\ada.xlsx", None)
    odd = tmp_path / "a:b.xlsx"  # a file whose own name holds ':' stays a path
    odd.write_bytes(b"x")
    assert file_and_sheet(str(odd)) == (str(odd), None)


def test_a_renstra_item_not_run_that_year_has_no_t001(tmp_path: Path) -> None:
    """T-C.27: a kegiatan with neither target nor pagu in Tahun-2 but targets in other years
    does not run that year (no T001); with a pagu that year, its blank target is T001."""
    from pokin_xl.validate_planning import validate_planning_table

    path = tmp_path / "renstra.xlsx"
    TC27.build(path)
    book = openpyxl.load_workbook(path)
    book.active["I9"] = None  # Tahun-2 target of kegiatan row 9
    book.active["J9"] = None  # and its pagu
    book.save(path)
    _, report = validate_planning_table(path, tahun=2026)
    assert [f.cell for f in report.findings if f.code == "T001"] == []
    book.active["J9"] = 5e8
    book.save(path)
    _, report = validate_planning_table(path, tahun=2026)
    assert [f.cell for f in report.findings if f.code == "T001"] == ["I9"]


def test_a_matriks_named_with_a_sheet_in_a_batch_is_still_read(tmp_path: Path, sample_dir) -> None:
    paths = _built(tmp_path)
    matriks = sample_dir / "matriks.xlsx"
    result = run_cli("validate", f"{matriks}:Kinerja", str(paths["tc29_2018"]), "--format", "json")
    assert result.code in (0, 1), result.text
    assert [r["summary"]["file"] for r in json.loads(result.out)] == [
        "matriks.xlsx",
        "tc29_2018.xlsx",
    ]


def test_a_refused_matriks_in_a_batch_names_its_sheet_and_cell(tmp_path: Path, sample_dir) -> None:
    """The batch says what one file says alone: file, sheet and cell (the worker keeps them)."""
    headers = [h if h != "Indikator" else "Xyz" for h in KINERJA_HEADERS]
    broken = write_matriks(tmp_path / "judul_rusak.xlsx", chain(), headers=headers)
    alone = run_cli("validate", broken)
    batch = run_cli(
        "validate", broken, sample_dir / "matriks.xlsx", "--format", "json", "--jobs", 2
    )
    assert alone.code == batch.code == 2
    assert "sheet 'Kinerja', sel A1: kolom 'Indikator' tidak ditemukan" in alone.err
    assert (
        "judul_rusak.xlsx: sheet 'Kinerja', sel A1: kolom 'Indikator' tidak ditemukan" in batch.err
    )
    assert [r["summary"]["file"] for r in json.loads(batch.out)] == ["matriks.xlsx"]
