"""The unit vocabulary: the national nomenclature's SATUAN column plus common SAKIP units, with
abbreviations equal to their full forms in every rule that compares units (T004, T005, T009,
R004, N003)."""

from __future__ import annotations

import json
from functools import partial
from importlib import resources

import pytest

from pokin_xl.checks.targets import check_targets
from pokin_xl.model import nomenclature, nomenclature_files, units
from pokin_xl.model.nomenclature import Entry, Nomenclature, load_nomenclature
from pokin_xl.model.units import (
    counts_as,
    is_known_unit,
    near_miss_unit,
    normalise_unit,
    unit_vocabulary,
    units_compatible,
)
from tests.builders import changed, findings_of

run = partial(findings_of, check_targets)

ABBREVIATIONS = [
    ("Lap", "Laporan"),
    ("Dok", "Dokumen"),
    ("Dok.", "Dokumen"),
    ("Keg", "Kegiatan"),
    ("Org", "Orang"),
    ("Pkt", "Paket"),
    ("Bln", "Bulan"),
    ("Thn", "Tahun"),
    ("Bh", "Buah"),
    ("Lbr", "Lembar"),
    ("Eks", "Eksemplar"),
    ("Ttk", "Titik"),
    ("Klp", "Kelompok"),
    ("km", "KM"),
    ("Kepala Keluarga", "KK"),
    ("Org/Bln", "Orang/Bulan"),
]


@pytest.mark.parametrize(("short", "full"), ABBREVIATIONS)
def test_an_abbreviation_is_its_full_form_everywhere(short: str, full: str) -> None:
    assert normalise_unit(short) == normalise_unit(full)
    assert units_compatible(short, full)  # R004, N003
    assert near_miss_unit(short) is None  # T009
    assert is_known_unit(short) and is_known_unit(full)  # T004


def test_the_vocabulary_holds_every_national_satuan_spelt_right() -> None:
    national = {normalise_unit(e.satuan) for e in load_nomenclature() if e.satuan}
    vocabulary = unit_vocabulary()
    assert len(vocabulary) > 150
    missing = national - vocabulary
    # only the list's own typos are left out ('Dokuman', 'Doumen')
    assert {"Dokuman", "Doumen"} <= missing
    assert len(missing) < 10
    assert {"Ton", "Ruang", "Unit Usaha", "Peserta Didik", "M3/Hari"} <= vocabulary


def test_national_habits_make_units_one_kind() -> None:
    assert counts_as("Orang", "Peserta Didik")  # written so 23 times in the national list
    assert counts_as("Unit", "Unit Usaha")  # a qualified form
    assert not counts_as("Paket", "Unit")  # written so once: a slip, not a habit
    assert counts_as("Dokumen", "SOP", "Jumlah Dokumen SOP yang Disusun")  # named in the wording
    assert not counts_as("Dokumen", "Orang", "Jumlah Dokumen Orang")  # common units never


def test_t004_uses_the_national_units(tmp_path) -> None:
    """'Ton' is a national unit (not in the old hand list): counting documents in tons is now a
    contradiction; the abbreviation of the counted unit is not."""
    ton = run(tmp_path, changed(indikator="Jumlah Dokumen Kajian Sampah", satuan="Ton"), "T004")
    assert len(ton) == 1
    lap = run(tmp_path, changed(indikator="Jumlah Laporan Kajian Sampah", satuan="Lap"), "T004")
    assert lap == []
    sop = run(tmp_path, changed(indikator="Jumlah Dokumen SOP yang Disusun", satuan="SOP"), "T004")
    assert sop == []


def _shipped() -> tuple[str, bytes]:
    data = resources.files("pokin_xl") / "data"
    return (
        (data / nomenclature_files.TABLES_FILE).read_text(encoding="utf-8"),
        (data / nomenclature_files.LIST_FILE).read_bytes(),
    )


def test_the_shipped_tables_are_what_the_code_computes() -> None:
    """pokin_xl/data/nomenklatur_satuan.json must be exactly what the code computes from the
    list, so that it never drifts from the list, `normalise_unit`, `implied_unit` or the
    vocabulary; rebuild with `.venv/bin/python scripts/build_nomenklatur.py --kunci`."""
    text, list_bytes = _shipped()
    computed = Nomenclature(nomenclature.read_entries())  # every key computed, not shipped
    assert text == nomenclature.tables_text(list_bytes, computed)  # byte for byte
    tables = nomenclature_files.tables_of(json.loads(text), list_bytes)
    assert tables is not None, "the shipped list's lines are one record each"
    national = units.national_units_of(computed)
    assert units.national_units_from(tables) == national
    assert units._national() == national
    assert load_nomenclature().indicator_units_by_key() == computed.indicator_units_by_key()


def test_tables_of_another_list_are_not_used() -> None:
    text, list_bytes = _shipped()
    tables = json.loads(text)
    assert nomenclature_files.tables_of(tables, list_bytes) is tables
    assert nomenclature_files.tables_of(tables, list_bytes + b"9,urusan,X,,,\n") is None
    assert (
        nomenclature_files.tables_of(tables, list_bytes.replace(b"Dokumen", b"Dokumne", 1)) is None
    )


def test_a_list_of_records_over_several_lines_gets_no_tables() -> None:
    entries = [Entry("9", "urusan", "Urusan", "", "", ""), Entry("9.99", "bidang", "B", "", "", "")]
    one_line = b"kode,jenis,nama,kinerja,indikator,satuan\n9,urusan,Urusan,,,\n9.99,bidang,B,,,\n"
    broken = one_line.replace(b"Urusan,,,", b'"Urus\nan",,,')
    assert json.loads(nomenclature.tables_text(one_line, Nomenclature(entries)))["daftar"]
    assert json.loads(nomenclature.tables_text(broken, Nomenclature(entries)))["daftar"] is None
