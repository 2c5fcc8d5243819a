"""The planning-table reader on a corpus of realistic agency layouts (tests/planning_corpus.py):
the acceptance bars of issue 8, per table and over the corpus."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pokin_xl.errors import InputError
from pokin_xl.inspect import inspect_workbook
from tests.planning_corpus import FIXTURES, NON_TABLES, measure, numbering_cases


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("corpus")
    return {fixture.name: measure(fixture, folder) for fixture in FIXTURES}


def test_the_corpus_covers_at_least_ten_layouts() -> None:
    assert len(FIXTURES) >= 10
    assert len({f.layout for f in FIXTURES}) == len(FIXTURES)


@pytest.mark.parametrize("name", [f.name for f in FIXTURES])
def test_year_and_columns_are_right_for_every_table(scores: dict, name: str) -> None:
    score = scores[name]
    assert score.year_ok, score.detail
    assert score.columns_ok, score.detail


@pytest.mark.parametrize("name", [f.name for f in FIXTURES])
def test_levels_and_parents_meet_the_bars_on_every_table(scores: dict, name: str) -> None:
    score = scores[name]
    assert score.levels >= 0.95, score.detail
    assert score.parents >= 0.90, score.detail


@pytest.mark.parametrize("name", [f.name for f in FIXTURES])
def test_every_non_item_row_is_listed_as_skipped(scores: dict, name: str) -> None:
    assert scores[name].skipped_ok, scores[name].detail


def test_the_measure_fails_a_wrong_reading(tmp_path: Path) -> None:
    """The harness itself can fail: a truth that disagrees with the reading scores below the bar."""
    fixture = FIXTURES[0]
    wrong = type(fixture)(**{**fixture.__dict__, "year": fixture.year + 1})
    original = wrong.build

    def shifted(path: Path) -> dict:
        truth = original(path)
        return {row: [("Program", None)] for row in truth}

    wrong.build = shifted
    score = measure(wrong, tmp_path)
    assert not score.year_ok
    assert score.levels < 0.95


@pytest.mark.parametrize(("name", "build"), NON_TABLES)
def test_non_tables_are_refused(tmp_path: Path, name: str, build) -> None:
    path = tmp_path / f"{name}.xlsx"
    build(path)
    with pytest.raises(InputError) as error:
        inspect_workbook(path)
    assert "bukan tabel perencanaan" in str(error.value)


def test_numbering_styles() -> None:
    for text, style in numbering_cases():
        assert _style(text) == style, text


def _style(text: str) -> str:
    from pokin_xl.readers.renstra.walk import numbering_style

    return numbering_style(text)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_validate_finds_nothing_wrong_in_a_correct_table(tmp_path: Path, fixture) -> None:
    """Every corpus table is correct (national names and units, parent pagu = sum of children):
    validate may only say that unsaved formulas were recomputed (B006, info)."""
    from pokin_xl.validate_planning import validate_planning_table

    path = tmp_path / f"{fixture.name}.xlsx"
    fixture.build(path)
    _, report = validate_planning_table(path, tahun=fixture.tahun)
    assert [(f.code, f.cell, f.message) for f in report.findings if f.code != "B006"] == []


def test_two_indicator_columns_on_one_row_are_not_one_joined_cell(tmp_path: Path) -> None:
    """Tabel 2.1 states the sasaran's indicator and the program's on one row: not S005; a cell
    that really holds two indicators still is."""
    from pokin_xl.validate_planning import validate_planning_table
    from tests.planning_corpus import RINGKAS

    path = tmp_path / "ringkas.xlsx"
    RINGKAS.build(path)
    _, report = validate_planning_table(path)
    assert [f for f in report.findings if f.code == "S005"] == []
    book = openpyxl.load_workbook(path)
    book.active["F6"] = "Persentase ASN terlatih;\nPersentase ASN bersertifikat"
    book.save(path)
    _, report = validate_planning_table(path)
    assert [f.cell for f in report.findings if f.code == "S005"] == ["F6"]


def test_every_filled_row_is_an_item_row_or_skipped_with_a_reason(tmp_path: Path) -> None:
    """A row holding only a further target under an item (the real J-3 annex lists outputs that
    way) is not silently dropped: dilewati names it and the item above it. A second indicator of
    an item is in baris with the item's level and parent."""
    from tests.planning_corpus import NEEDS

    path = tmp_path / "j3.xlsx"
    NEEDS.build(path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.insert_rows(10)
    sheet["E10"] = "Dokumen rencana teknis jalan"
    sheet["J10"] = "Dokumen rencana teknis jalan"
    sheet.insert_rows(11)
    sheet["D11"] = "Panjang drainase jalan yang dibangun"
    sheet["E11"] = "2 Km"
    book.save(path)
    reading = inspect_workbook(path)
    skipped = {e["baris"]: e["alasan"] for e in reading["dilewati"]}
    assert "butir baris 9" in skipped[10] and "kolom E" in skipped[10]
    rows = {e["baris"]: e for e in reading["baris"]}
    assert rows[11]["tingkat"] == rows[9]["tingkat"] == "Kegiatan"
    assert rows[11]["induk"] == rows[9]["induk"] == 8
    assert rows[11]["indikator"] == "Panjang drainase jalan yang dibangun"


def test_inspect_names_the_other_sheets_that_look_like_tables(tmp_path: Path) -> None:
    from tests.planning_corpus import SIPD

    path = tmp_path / "dua.xlsx"
    SIPD.build(path)
    book = openpyxl.load_workbook(path)
    copy = book.copy_worksheet(book["Renja"])
    copy.title = "Renja Perubahan"
    book.create_sheet("Catatan")["A1"] = "Catatan penyusunan Renja"
    book.save(path)
    reading = inspect_workbook(path)
    assert reading["sheet"] == "Renja"
    assert [t["sheet"] for t in reading["tabel_lain"]] == ["Renja Perubahan"]
    assert reading["tabel_lain"][0]["tata_letak"] == reading["tata_letak"]
    chosen = inspect_workbook(path, sheet="Renja Perubahan")
    assert chosen["sheet"] == "Renja Perubahan"
    assert [t["sheet"] for t in chosen["tabel_lain"]] == ["Renja"]
    from pokin_xl.inspect import render_text

    assert "'Renja Perubahan'" in render_text(reading) and "--sheet" in render_text(reading)
