"""The unit vocabulary: the national nomenclature's SATUAN column plus common SAKIP units, with
abbreviations equal to their full forms in every rule that compares units (T004, T005, T009,
R004, N003)."""

from __future__ import annotations

from functools import partial
from importlib import resources

import pytest

from pokin_xl.checks.targets import check_targets
from pokin_xl.model import units
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


def _shipped_text() -> str:
    source = resources.files("pokin_xl") / "data" / units.UNITS_FILE
    return source.read_text(encoding="utf-8")


def test_the_shipped_national_units_are_what_the_code_computes() -> None:
    """pokin_xl/data/nomenklatur_satuan.json must be exactly what the code computes from the
    list, so that it never drifts from the list, `normalise_unit`, `implied_unit` or the
    vocabulary; rebuild with `.venv/bin/python scripts/build_nomenklatur.py --kunci`."""
    computed = units.national_units_of(load_nomenclature())
    assert units.read_national_units(_shipped_text()) == computed
    assert _shipped_text() == units.write_national_units(computed)  # byte for byte
    assert units._national() == computed


def test_national_units_of_another_list_are_not_used() -> None:
    entry = Entry("9.99", "bidang", "Urusan", "", "Jumlah Dokumen SOP", "Dokumne")
    other = Nomenclature([entry])
    chosen = units.shipped_or_computed(other, _shipped_text())
    assert chosen == units.national_units_of(other)
    assert chosen.units == frozenset({"Dokumne"}) and chosen.misspelt == frozenset({"Dokumne"})
