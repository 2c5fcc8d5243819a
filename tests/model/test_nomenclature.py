from __future__ import annotations

import csv
import re
from collections import Counter
from importlib import resources

import pytest

from pokin_xl.model.nomenclature import (
    Entry,
    Nomenclature,
    canonical_code,
    load_nomenclature,
    name_difference,
)

# The source sheet has 4,368 data rows; one (sheet row 122) is blank and is skipped.
EXPECTED_ROWS = 4367
CODE_RE = re.compile(r"(X|[1-9])(\.(XX|\d{2})(\.\d{2}(\.\d\.\d{2}(\.\d{4})?)?)?)?")


@pytest.fixture(scope="module")
def nomenclature() -> Nomenclature:
    return load_nomenclature()


@pytest.fixture(scope="module")
def csv_rows() -> list[dict[str, str]]:
    source = resources.files("pokin_xl") / "data" / "nomenklatur.csv"
    with source.open("r", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- canonical_code ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("5.03.02.2.01.0003", "5.03.02.2.01.0003"),
        ("5.03.02.2.01.03", "5.03.02.2.01.0003"),  # older two-digit sub kegiatan
        ("5.03.02.2.01.3", "5.03.02.2.01.0003"),
        ("5.3.2.2.1.3", "5.03.02.2.01.0003"),
        (" 5.03 . 02 .2.01.0003. ", "5.03.02.2.01.0003"),  # spaces around dots, trailing dot
        ("5.03.02.2.01.", "5.03.02.2.01"),
        ("5.03.02", "5.03.02"),
        ("5.03", "5.03"),
        ("5", "5"),
        ("X.XX.01.2.06.0005", "X.XX.01.2.06.0005"),
        ("x.xx.01.2.06.5", "X.XX.01.2.06.0005"),
        ("X.XX", "X.XX"),
        (5, "5"),
        (5.0, "5"),
        (5.03, "5.03"),
        (1.01, "1.01"),
    ],
)
def test_canonical_code_accepts_what_people_type(raw: object, expected: str) -> None:
    assert canonical_code(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        True,
        5.1,  # may have been "5.10": the trailing zero is lost
        float("nan"),
        "5..03",  # empty part
        ".5.03",
        "5.03.02.2.01.0003.1",  # too many parts
        "5.03.02.2",  # a kegiatan needs two parts
        "5.03a.02",  # letters
        "A.XX.01",
        "X.03.01",  # half a placeholder
        "5.XX.01",
        "X.X.01",
        "5.03.02.2.01.12345",  # sub kegiatan wider than four digits
        "5.003.02",  # wider than its place
        "05.03",
        "5.03.02.2.01.00003",
        "15.03",
        "5.00",
        "5.03 02",
        "5,03",
    ],
)
def test_canonical_code_rejects_malformed(raw: object) -> None:
    assert canonical_code(raw) is None


def test_canonical_code_with_agency_keeps_placeholder() -> None:
    assert canonical_code("X.XX.01.2.01.0001", agency_code="5.03") == "X.XX.01.2.01.0001"
    assert canonical_code("5.03.02.2.01.03", agency_code="5.03") == "5.03.02.2.01.0003"
    assert canonical_code("5.03.02.2.01.03", agency_code=5.03) == "5.03.02.2.01.0003"  # type: ignore[arg-type]


@pytest.mark.parametrize("agency", ["5", "5.03.02", "X.XX", "abc"])
def test_canonical_code_rejects_bad_agency(agency: str) -> None:
    with pytest.raises(ValueError, match="Kode perangkat daerah"):
        canonical_code("5.03.02", agency_code=agency)


# --- lookups ----------------------------------------------------------------------------------


def test_get_sub_kegiatan(nomenclature: Nomenclature) -> None:
    entry = nomenclature.get("5.03.02.2.01.0003")
    assert entry == nomenclature.get("5.03.02.2.01.03")
    assert entry is not None
    assert entry.jenis == "sub_kegiatan"
    assert entry.nama == "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK"
    assert entry.satuan == "Dokumen"


def test_get_supporting_program_via_placeholder(nomenclature: Nomenclature) -> None:
    entry = nomenclature.get("5.03.01.2.06.0005")
    assert entry is not None
    assert entry.kode == "X.XX.01.2.06.0005"
    assert entry.nama == "Penyediaan Barang Cetakan dan Penggandaan"
    assert nomenclature.get("5.03.01.2.06.05") == entry
    assert nomenclature.get("X.XX.01.2.06.0005") == entry
    assert nomenclature.get("X.XX.01.2.06.0005", agency_code="5.03") == entry
    program = nomenclature.get("5.03.01")
    assert program is not None
    assert program.kode == "X.XX.01"
    assert program.jenis == "program"


def test_get_fills_placeholder_with_agency_code(nomenclature: Nomenclature) -> None:
    assert nomenclature.get("X.XX.02.2.01.0003") is None
    entry = nomenclature.get("X.XX.02.2.01.0003", agency_code="5.03")
    assert entry is not None
    assert entry.kode == "5.03.02.2.01.0003"


def test_get_kompetensi_teknis(nomenclature: Nomenclature) -> None:
    entry = nomenclature.get("5.04.02.2.01.0003")
    assert entry is not None
    assert entry.nama.startswith(
        "Penyelenggaraan Pengembangan Kompetensi Teknis Umum, Inti, dan Pilihan bagi Jabatan "
        "Administrasi"
    )
    assert entry.satuan == "Orang"


def test_get_levels(nomenclature: Nomenclature) -> None:
    assert nomenclature.get("5").jenis == "urusan"  # type: ignore[union-attr]
    assert nomenclature.get(5.03).nama == "KEPEGAWAIAN"  # type: ignore[union-attr]
    assert nomenclature.get("5.03.02").nama == "PROGRAM KEPEGAWAIAN DAERAH"  # type: ignore[union-attr]
    kegiatan = nomenclature.get("5.03.02.2.02")
    assert kegiatan == Entry("5.03.02.2.02", "kegiatan", "Mutasi dan Promosi ASN", "", "", "")


@pytest.mark.parametrize("code", ["5.03.02.2.01.0099", "5.03.09", "5.03..02", "abc", None])
def test_get_unknown_or_malformed(nomenclature: Nomenclature, code: object) -> None:
    assert nomenclature.get(code) is None
    assert code not in nomenclature


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("5.03.02.2.01.0003", "5.03.02.2.01"),
        ("5.03.02.2.01.03", "5.03.02.2.01"),
        ("5.03.02.2.01", "5.03.02"),
        ("5.03.02", "5.03"),
        ("5.03", "5"),
        ("5", None),
        ("X.XX.01.2.06.0005", "X.XX.01.2.06"),
        ("5..3", None),
    ],
)
def test_parent_code(nomenclature: Nomenclature, code: str, parent: str | None) -> None:
    assert nomenclature.parent_code(code) == parent


# --- search_name ------------------------------------------------------------------------------


def test_search_name_exact_match_scores_100(nomenclature: Nomenclature) -> None:
    results = nomenclature.search_name("Penyediaan Bahan Material")
    assert results
    entry, score = results[0]
    assert entry.kode == "X.XX.01.2.06.0007"
    assert score == 100


def test_search_name_with_typo_and_jenis(nomenclature: Nomenclature) -> None:
    results = nomenclature.search_name("Pengembangan Kompetensi Tekhnik", jenis="kegiatan")
    assert [entry.kode for entry, _ in results] == ["5.04.02.2.01"]
    assert 90 <= results[0][1] < 100


def test_search_name_abbreviations_and_case(nomenclature: Nomenclature) -> None:
    entry, score = nomenclature.search_name("program pengembangan SDM", jenis="program")[0]
    assert entry.kode == "5.04.02"
    assert score == 100


def test_search_name_limits(nomenclature: Nomenclature) -> None:
    assert nomenclature.search_name("") == []
    assert nomenclature.search_name("zzzz qqqq") == []
    assert len(nomenclature.search_name("Pengelolaan", limit=5, min_score=0)) == 5
    with pytest.raises(ValueError, match="Jenis"):
        nomenclature.search_name("Pengadaan Mebel", jenis="subkegiatan")


@pytest.mark.parametrize("jenis", [None, "program", "kegiatan", "sub_kegiatan"])
def test_search_name_finds_what_token_sort_ratio_finds(
    nomenclature: Nomenclature, jenis: str | None
) -> None:
    """The national names are kept with their words sorted and compared by fuzz.ratio: the
    entries, their scores and the tie-break (source order) are token_sort_ratio's over the
    names as they are."""
    from rapidfuzz import fuzz, process

    from pokin_xl.model.text import normalise

    entries = [e for e in nomenclature if jenis is None or e.jenis == jenis]
    names = [normalise(e.nama) for e in entries]
    queries = [
        "Pengembangan Kompetensi Tekhnik",
        "kompetensi pengembangan teknis aparatur",
        "Penyediaan Gaji dan Tunjangan ASN",
        "Koordinasi Penyusunan Dokumen Perencanaan Perangkat Daerah",
        "pelayanan administrasi kepegawaian  daerah",
        "Pengelolaan",
    ]
    for query in queries:
        for cutoff, limit in ((85, 3), (60, 10), (0, 5)):
            expected = process.extract(
                normalise(query),
                names,
                scorer=fuzz.token_sort_ratio,
                processor=None,
                limit=limit,
                score_cutoff=cutoff,
            )
            found = nomenclature.search_name(query, jenis, limit=limit, min_score=cutoff)
            assert [(e.kode, s) for e, s in found] == [
                (entries[i].kode, float(s)) for _, s, i in expected
            ]


# --- name_difference --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "national", "expected"),
    [
        ("Penyediaan Bahan / Material", "Penyediaan Bahan/Material", None),
        ("PENGADAAN  MEBEL", "Pengadaan Mebel", None),
        ("Pengembangan SDM", "Pengembangan Sumber Daya Manusia", None),
        (
            "Pengembangan Kompetensi Tekhnik",
            "Pengembangan Kompetensi Teknis",
            "'Tekhnik' seharusnya 'Teknis'",
        ),
        (
            "Pajak Kendaraan Perorangan Dinas Kendaraan Dinas Jabatan",
            "Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan",
            "kurang kata 'atau'",
        ),
        (
            "Pengelolaan Promosi ASN Daerah",
            "Pengelolaan Promosi ASN",
            "kelebihan kata 'Daerah'",
        ),
        (
            "a b c d e f g",
            "a x c y e z g w",
            "'b' seharusnya 'x'; 'd' seharusnya 'y'; 'f' seharusnya 'z'; dan 1 perbedaan lain",
        ),
    ],
)
def test_name_difference(given: str, national: str, expected: str | None) -> None:
    assert name_difference(given, national) == expected
    assert Nomenclature.name_difference(given, national) == expected


# --- the package data -------------------------------------------------------------------------


def test_csv_row_count_and_levels(csv_rows: list[dict[str, str]]) -> None:
    assert len(csv_rows) == EXPECTED_ROWS
    assert list(csv_rows[0]) == ["kode", "jenis", "nama", "kinerja", "indikator", "satuan"]
    assert Counter(row["jenis"] for row in csv_rows) == {
        "urusan": 10,
        "bidang": 45,
        "program": 188,
        "kegiatan": 729,
        "sub_kegiatan": 3395,
    }
    assert csv_rows[0]["kode"] == "X"
    assert csv_rows[3]["kode"] == "X.XX.01.2.01"


def test_csv_codes_are_canonical(csv_rows: list[dict[str, str]]) -> None:
    codes = [row["kode"] for row in csv_rows]
    assert len(set(codes)) == len(codes)
    bad = [code for code in codes if not CODE_RE.fullmatch(code)]
    assert bad == []
    assert [code for code in codes if canonical_code(code) != code] == []
    # No float artefacts: bidang "5.3" or "1.1" instead of "5.03", "1.10".
    bidang = {row["kode"] for row in csv_rows if row["jenis"] == "bidang"}
    assert {"5.03", "5.04", "1.01", "2.10"} <= bidang
    assert all(len(code.split(".")[1]) == 2 for code in bidang)


def test_csv_texts_are_clean(csv_rows: list[dict[str, str]]) -> None:
    for row in csv_rows:
        for column in ("nama", "kinerja", "indikator", "satuan"):
            text = row[column]
            assert text == text.strip()
            assert "  " not in text and "\n" not in text and "Â" not in text
        assert row["nama"]
        has_standard = bool(row["kinerja"] or row["indikator"] or row["satuan"])
        assert has_standard == (row["jenis"] == "sub_kegiatan")


def test_every_entry_has_its_parent(nomenclature: Nomenclature) -> None:
    orphans = [
        entry.kode
        for entry in nomenclature
        if (parent := nomenclature.parent_code(entry.kode)) is not None
        and nomenclature.get(parent) is None
    ]
    assert orphans == []
    assert len(nomenclature) == EXPECTED_ROWS


def test_load_nomenclature_is_cached() -> None:
    assert load_nomenclature() is load_nomenclature()


def test_a_document_typo_is_no_abbreviation_so_n002_can_report_it():
    from pokin_xl.model.nomenclature import name_difference

    assert name_difference("Pengembangan Kompetensi Tekhnis", "Pengembangan Kompetensi Teknis") == (
        "'Tekhnis' seharusnya 'Teknis'"
    )
    assert name_difference("Bimtek Kepegawaian", "Bimbingan Teknis Kepegawaian") is None
