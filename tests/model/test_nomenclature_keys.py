"""The national list's comparison keys ship precomputed (pokin_xl/data/nomenklatur_kunci.csv, by
scripts/build_nomenklatur.py): they must be exactly what the code computes, so they never drift
from `normalise`, `normalise_unit` or `implied_unit`."""

from pokin_xl.model import nomenclature
from pokin_xl.model.nomenclature import Entry, Nomenclature, entry_keys, load_nomenclature


def test_the_shipped_keys_are_what_the_code_computes():
    entries = nomenclature._read_entries()
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
    entries = nomenclature._read_entries()
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


def test_has_text_is_what_clean_says():
    texts = [
        "",
        " ",
        "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f",
        " x ",
        "-",
        "\u00a0",
        "\u200b",
        "\u200b\u00a0\u3000",
        "M\u00b3",
        None,
        float("nan"),
        0,
    ]
    for text in texts:
        assert nomenclature._has_text(text) is bool(nomenclature.clean(text)), repr(text)


def test_a_blank_indicator_or_unit_pairs_nothing():
    entries = [
        Entry("9.99", "bidang", "A", "", "Jumlah Dokumen SOP", " \t"),
        Entry("9.98", "bidang", "B", "", "\u200b", "Dokumen"),
        Entry("9.97", "bidang", "C", "", "Jumlah Laporan", "\u00a0Laporan"),
    ]
    built = Nomenclature(entries)
    assert built.indicator_units_by_key() == {"jumlah laporan": frozenset({"Laporan"})}
