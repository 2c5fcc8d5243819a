"""The national list's comparison keys ship precomputed (pokin_xl/data/nomenklatur_kunci.csv, by
scripts/build_nomenklatur.py): they must be exactly what the code computes, so they never drift
from `normalise`, `normalise_unit` or `implied_unit`."""

import pytest

from pokin_xl.model import nomenclature
from pokin_xl.model.nomenclature import Entry, Nomenclature, entry_keys, load_nomenclature


def test_the_shipped_keys_are_what_the_code_computes():
    entries = nomenclature.read_entries()
    shipped = nomenclature.read_keys(entries)
    assert shipped is not None, "rebuild: .venv/bin/python scripts/build_nomenklatur.py --kunci"
    computed = [entry_keys(entry) for entry in entries]
    differing = [
        (e.kode, s, c) for e, s, c in zip(entries, shipped, computed, strict=True) if s != c
    ]
    assert not differing, (
        f"{len(differing)} keys differ, e.g. {differing[:3]}; rebuild with "
        ".venv/bin/python scripts/build_nomenklatur.py --kunci"
    )
    assert load_nomenclature().keys == tuple(shipped)


def test_keys_of_another_list_are_not_used():
    entries = nomenclature.read_entries()
    assert nomenclature.read_keys(entries[:-1]) is None
    renamed = [entries[0]._replace(kode="9"), *entries[1:]]
    assert nomenclature.read_keys(renamed) is None


def test_a_list_built_in_code_computes_its_keys():
    entry = Entry("9.99", "bidang", "Urusan SDM", "", "Jumlah Dokumen SOP", "dok")
    built = Nomenclature([entry])
    assert built.keys == (entry_keys(entry),)
    assert built.keys[0].nama == "urusan sumber daya manusia"
    assert (built.keys[0].satuan, built.keys[0].implied) == ("Dokumen", "Dokumen")
    assert built.indicator_units("Jumlah dokumen SOP") == frozenset({"Dokumen"})


def test_a_blank_indicator_or_unit_pairs_nothing():
    entries = [
        Entry("9.99", "bidang", "A", "", "Jumlah Dokumen SOP", " \t"),
        Entry("9.98", "bidang", "B", "", "\u200b", "Dokumen"),
        Entry("9.97", "bidang", "C", "", "Jumlah Laporan", "\u00a0Laporan"),
    ]
    built = Nomenclature(entries)
    assert built.indicator_units_by_key() == {"jumlah laporan": frozenset({"Laporan"})}


def test_the_shipped_list_read_as_needed_is_the_list_read_whole():
    """`load_nomenclature` parses the shipped list only as far as it is used (each code at its
    first look-up): every look-up, the walk, the keys, the search are those of the list read
    whole."""
    lazy = load_nomenclature()
    assert type(lazy) is not Nomenclature, "the tables file is not the list's: rebuild it"
    entries = nomenclature.read_entries()
    whole = Nomenclature(entries, nomenclature.read_keys(entries))
    assert len(lazy) == len(whole)
    assert [lazy.get(e.kode) for e in entries] == entries  # before the walk: one line each
    assert lazy.get("5.03.01.2.06.0005", "5.03") == whole.get("5.03.01.2.06.0005", "5.03")
    assert lazy.get("9.99.99") is None and "9.99.99" not in lazy
    assert list(lazy) == list(whole)
    assert lazy.keys == whole.keys
    assert lazy.indicator_units_by_key() == whole.indicator_units_by_key()
    for name in ("Penyediaan Barang Cetak", "pendidikan pelatihan pegawai", "administrasi"):
        assert lazy.search_name(name) == whole.search_name(name)


def test_a_shipped_list_with_a_code_twice_is_refused():
    text = "kode,jenis,nama,kinerja,indikator,satuan\n9,urusan,A,,,\n9,urusan,B,,,\n"
    with pytest.raises(ValueError, match="Kode ganda"):
        nomenclature._ShippedNomenclature(text, {})
