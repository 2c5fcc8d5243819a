from __future__ import annotations

import re

import pytest

from pokin_xl.writers.sheetnames import MAX_LEN, SheetNamer, sanitise, shorten

FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def test_the_documents_example_fits_exactly():
    namer = SheetNamer()
    assert namer.name("Bidang Pengembangan SDM", prefix="Cascading ") == (
        "Cascading Bid. Pengembangan SDM"
    )


def test_short_names_are_kept_as_written():
    assert SheetNamer().name("Sekretariat", prefix="Cascading ") == "Cascading Sekretariat"


def test_a_forty_character_unit_is_shortened_recognisably():
    unit = "Bidang Pengadaan Pemberhentian Informasi"
    assert len(unit) == 40
    name = SheetNamer().name(unit, prefix="Cascading ")
    assert len(name) <= MAX_LEN
    assert name.startswith("Cascading Bid. Pengadaan")


@pytest.mark.parametrize(
    "unit",
    [
        "Bidang Pembinaan dan Kesejahteraan",
        "UPTD Pelatihan / Sertifikasi: Kompetensi [Aparatur] Daerah*?",
        "'Bagian Umum'",
        "X" * 80,
        "",
    ],
)
def test_every_name_is_valid(unit):
    name = SheetNamer().name(unit, prefix="Cascading ")
    assert 0 < len(name) <= MAX_LEN
    assert not FORBIDDEN.search(name)
    assert not name.startswith("'") and not name.endswith("'")


def test_names_stay_unique_ignoring_case():
    namer = SheetNamer(["Ringkasan"])
    long_a = "Bidang Pengadaan Pemberhentian Informasi A"
    long_b = "Bidang Pengadaan Pemberhentian Informasi B"
    names = [
        namer.name("Sekretariat", prefix="Cascading "),
        namer.name("SEKRETARIAT", prefix="Cascading "),
        namer.name(long_a, prefix="Cascading "),
        namer.name(long_b, prefix="Cascading "),
        namer.name("Ringkasan"),
    ]
    assert len({n.casefold() for n in [*names, "Ringkasan"]}) == len(names) + 1
    assert all(len(n) <= MAX_LEN for n in names)


def test_reserved_fixed_names_cannot_be_claimed_twice():
    namer = SheetNamer(["Temuan"])
    with pytest.raises(ValueError):
        namer.claim("temuan")


def test_sanitise_and_shorten():
    assert sanitise(" a/b:c ") == "a-b-c"
    assert shorten("Bidang Pembinaan dan Kesejahteraan", 21) == "Bid. Pembi. & Kesej."
