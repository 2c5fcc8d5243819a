import dataclasses
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from pokin_xl.model.targets import (
    POOR_CATEGORIES,
    Target,
    format_number,
    format_target,
    is_poor_category,
    parse_pagu,
    parse_target,
)


def fields(target: Target) -> tuple:
    return (target.kind, target.value, target.low, target.high, target.operator, target.unit)


# (text, kind, value, low, high, operator, unit)
TEXT_CASES = [
    # Indonesian digits
    ("51,01", "number", 51.01, None, None, None, ""),
    ("1.000", "number", 1000.0, None, None, None, ""),
    ("12.500", "number", 12500.0, None, None, None, ""),
    ("1.000.000", "number", 1000000.0, None, None, None, ""),
    ("2,86", "number", 2.86, None, None, None, ""),
    ("1,00", "number", 1.0, None, None, None, ""),
    ("1,000", "number", 1.0, None, None, None, ""),
    ("1.5", "number", 1.5, None, None, None, ""),
    ("51.01", "number", 51.01, None, None, None, ""),
    ("3.1415", "number", 3.1415, None, None, None, ""),
    ("0.125", "number", 0.125, None, None, None, ""),
    ("1000.000", "number", 1000.0, None, None, None, ""),
    ("1.000,50", "number", 1000.5, None, None, None, ""),
    ("1.234.567,89", "number", 1234567.89, None, None, None, ""),
    ("1,000.50", "number", 1000.5, None, None, None, ""),
    ("1,000,000", "number", 1000000.0, None, None, None, ""),
    ("0", "number", 0.0, None, None, None, ""),
    ("100", "number", 100.0, None, None, None, ""),
    ("-5", "number", -5.0, None, None, None, ""),
    ("−5", "number", -5.0, None, None, None, ""),
    ("-1.000", "number", -1000.0, None, None, None, ""),
    ("  75  ", "number", 75.0, None, None, None, ""),
    # percent
    ("100%", "percent", 100.0, None, None, None, "%"),
    ("100 %", "percent", 100.0, None, None, None, "%"),
    ("100 persen", "percent", 100.0, None, None, None, "%"),
    ("100 Persen", "percent", 100.0, None, None, None, "%"),
    ("25 %", "percent", 25.0, None, None, None, "%"),
    ("51,01%", "percent", 51.01, None, None, None, "%"),
    ("100,00 %", "percent", 100.0, None, None, None, "%"),
    ("85 prosen", "percent", 85.0, None, None, None, "%"),
    ("100% dari target", "percent", 100.0, None, None, None, "%"),
    ("100％", "percent", 100.0, None, None, None, "%"),
    # number and unit
    ("1 Dokumen", "number", 1.0, None, None, None, "Dokumen"),
    ("1 dok", "number", 1.0, None, None, None, "Dokumen"),
    ("1 (satu) Dokumen", "number", 1.0, None, None, None, "Dokumen"),
    ("63 Orang", "number", 63.0, None, None, None, "Orang"),
    ("12 laporan", "number", 12.0, None, None, None, "Laporan"),
    ("1.250 orang", "number", 1250.0, None, None, None, "Orang"),
    ("24 Orang/Bulan", "number", 24.0, None, None, None, "Orang/Bulan"),
    ("4 Paket", "number", 4.0, None, None, None, "Paket"),
    ("5 kali kunjungan", "number", 5.0, None, None, None, "Kali Kunjungan"),
    ("10 unit kerja", "number", 10.0, None, None, None, "Unit Kerja"),
    ("150 m2", "number", 150.0, None, None, None, "m2"),
    ("Rp 1.000.000", "number", 1000000.0, None, None, None, "Rupiah"),
    ("Rp. 1.000.000,-", "number", 1000000.0, None, None, None, "Rupiah"),
    ("1.000.000,- rupiah", "number", 1000000.0, None, None, None, "Rupiah"),
    ("Level 3", "number", 3.0, None, None, None, "Level"),
    # comparison
    ("≥ 80", "comparison", 80.0, 80.0, None, ">=", ""),
    ("≥80", "comparison", 80.0, 80.0, None, ">=", ""),
    (">= 80", "comparison", 80.0, 80.0, None, ">=", ""),
    ("=> 80", "comparison", 80.0, 80.0, None, ">=", ""),
    ("> 80", "comparison", 80.0, 80.0, None, ">", ""),
    ("min 80", "comparison", 80.0, 80.0, None, ">=", ""),
    ("Min. 80", "comparison", 80.0, 80.0, None, ">=", ""),
    ("minimal 80", "comparison", 80.0, 80.0, None, ">=", ""),
    ("Minimal 80%", "comparison", 80.0, 80.0, None, ">=", "%"),
    ("paling sedikit 80", "comparison", 80.0, 80.0, None, ">=", ""),
    ("tidak kurang dari 80", "comparison", 80.0, 80.0, None, ">=", ""),
    ("≥ 80 %", "comparison", 80.0, 80.0, None, ">=", "%"),
    ("≥ 2 Dokumen", "comparison", 2.0, 2.0, None, ">=", "Dokumen"),
    ("80 ke atas", "comparison", 80.0, 80.0, None, ">=", ""),
    ("80% ke atas", "comparison", 80.0, 80.0, None, ">=", "%"),
    ("≤ 5", "comparison", 5.0, None, 5.0, "<=", ""),
    ("<= 5", "comparison", 5.0, None, 5.0, "<=", ""),
    ("maks 5", "comparison", 5.0, None, 5.0, "<=", ""),
    ("Maks. 5", "comparison", 5.0, None, 5.0, "<=", ""),
    ("maksimal 5", "comparison", 5.0, None, 5.0, "<=", ""),
    ("maksimal 5 hari", "comparison", 5.0, None, 5.0, "<=", "Hari"),
    ("< 5", "comparison", 5.0, None, 5.0, "<", ""),
    ("kurang dari 5", "comparison", 5.0, None, 5.0, "<", ""),
    ("5 hari ke bawah", "comparison", 5.0, None, 5.0, "<=", "Hari"),
    ("≤ 2,5 %", "comparison", 2.5, None, 2.5, "<=", "%"),
    # range
    ("80 - 90", "range", None, 80.0, 90.0, None, ""),
    ("80-90", "range", None, 80.0, 90.0, None, ""),
    ("80 – 90", "range", None, 80.0, 90.0, None, ""),
    ("80 s.d. 90", "range", None, 80.0, 90.0, None, ""),
    ("80 s.d 90", "range", None, 80.0, 90.0, None, ""),
    ("80 s/d 90", "range", None, 80.0, 90.0, None, ""),
    ("80 sd 90", "range", None, 80.0, 90.0, None, ""),
    ("80 sampai 90", "range", None, 80.0, 90.0, None, ""),
    ("80 sampai dengan 90", "range", None, 80.0, 90.0, None, ""),
    ("80 hingga 90", "range", None, 80.0, 90.0, None, ""),
    ("80-90%", "range", None, 80.0, 90.0, None, "%"),
    ("80% - 90%", "range", None, 80.0, 90.0, None, "%"),
    ("80 % s.d. 90", "range", None, 80.0, 90.0, None, "%"),
    ("2,5 - 3,5", "range", None, 2.5, 3.5, None, ""),
    ("1.000 - 2.000 orang", "range", None, 1000.0, 2000.0, None, "Orang"),
    ("90-80", "range", None, 80.0, 90.0, None, ""),
    ("3-4", "range", None, 3.0, 4.0, None, ""),
]


@pytest.mark.parametrize(
    ("text", "kind", "value", "low", "high", "operator", "unit"),
    TEXT_CASES,
    ids=[case[0] for case in TEXT_CASES],
)
def test_parse_text_target(
    text: str,
    kind: str,
    value: float | None,
    low: float | None,
    high: float | None,
    operator: str | None,
    unit: str,
) -> None:
    target = parse_target(text)
    assert fields(target) == (kind, value, low, high, operator, unit)
    assert target.category is None
    assert target.raw == text
    assert target.is_numeric


# (text, label, low, high, unit)
CATEGORY_CASES = [
    ("A", "A", None, None, ""),
    ("AA", "AA", None, None, ""),
    ("BB", "BB", None, None, ""),
    ("B", "B", None, None, ""),
    ("CC", "CC", None, None, ""),
    ("C", "C", None, None, ""),
    ("D", "D", None, None, ""),
    ("B+", "B+", None, None, ""),
    ("Baik", "Baik", None, None, ""),
    ("BAIK", "BAIK", None, None, ""),
    ("Sangat Baik", "Sangat Baik", None, None, ""),
    ("Cukup", "Cukup", None, None, ""),
    ("Kurang", "Kurang", None, None, ""),
    ("Sangat Rendah", "Sangat Rendah", None, None, ""),
    ("  Sangat   Rendah ", "Sangat Rendah", None, None, ""),
    ("Rendah", "Rendah", None, None, ""),
    ("Sedang", "Sedang", None, None, ""),
    ("Tinggi", "Tinggi", None, None, ""),
    ("Sangat Tinggi", "Sangat Tinggi", None, None, ""),
    ("Memuaskan", "Memuaskan", None, None, ""),
    ("WTP", "WTP", None, None, ""),
    ("Opini WTP", "WTP", None, None, ""),
    ("Mandiri", "Mandiri", None, None, ""),
    ("Predikat A", "A", None, None, "Predikat"),
    ('Predikat "A"', "A", None, None, "Predikat"),
    ("Predikat “BB”", "BB", None, None, "Predikat"),
    ("predikat: B", "B", None, None, "Predikat"),
    ("Predikat Baik", "Baik", None, None, "Predikat"),
    ("Predikat Istimewa", "Istimewa", None, None, "Predikat"),
    ('"A"', "A", None, None, ""),
    ("Sedang (71-80)", "Sedang", 71.0, 80.0, ""),
    ("Sedang (71 - 80)", "Sedang", 71.0, 80.0, ""),
    ("Baik (81 s.d. 90)", "Baik", 81.0, 90.0, ""),
    ("Baik (≥ 80)", "Baik", 80.0, None, ""),
    ("Predikat B (60-70)", "B", 60.0, 70.0, "Predikat"),
    ("BB (Sangat Baik)", "BB", None, None, ""),
]


@pytest.mark.parametrize(
    ("text", "label", "low", "high", "unit"), CATEGORY_CASES, ids=[c[0] for c in CATEGORY_CASES]
)
def test_parse_category(
    text: str, label: str, low: float | None, high: float | None, unit: str
) -> None:
    target = parse_target(text)
    assert (target.kind, target.category, target.low, target.high, target.unit) == (
        "category",
        label,
        low,
        high,
        unit,
    )
    assert target.value is None
    assert target.raw == text
    assert not target.is_numeric


@pytest.mark.parametrize(
    "text",
    [
        "belum ditentukan",
        "1/2",
        "??",
        "N/A",
        "Predikat",
        "Tersedia",
        "A/AA",
        "1.2.3",
        "1.00,5",
        "2024-01-02",
        "5 kali dalam 1 tahun",
        ">= 80 dan <= 90",
        "80 - ",
        "Target : 100%",  # not supported: a label before the target
        "1" + "0" * 400 + " Dokumen",  # beyond a float: unreadable, as an inf cell is
        ">= " + "9" * 400 + " %",
        "1 - " + "9" * 400 + " %",
    ],
)
def test_unreadable_text(text: str) -> None:
    target = parse_target(text)
    assert fields(target) == ("unreadable", None, None, None, None, "")
    assert target.category is None
    assert target.raw == text
    assert not target.is_numeric


@pytest.mark.parametrize("value", [None, "", "   ", float("nan"), "-", "–", "—", "--"])
def test_empty(value: object) -> None:
    target = parse_target(value)
    assert target.kind == "empty"
    assert target.value is None
    assert not target.is_numeric
    assert format_target(target) == ""


def test_empty_keeps_dash_as_raw() -> None:
    assert parse_target("-").raw == "-"
    assert parse_target(None).raw == ""


def test_pandas_missing_values_are_empty() -> None:
    pd = pytest.importorskip("pandas")
    assert parse_target(pd.NA).kind == "empty"
    assert parse_target(pd.NaT).kind == "empty"


# (value, number_format, kind, value, raw)
CELL_CASES = [
    (1, None, "number", 1.0, "1"),
    (1, "General", "number", 1.0, "1"),
    (1000.0, None, "number", 1000.0, "1000"),
    (51.01, "0.00", "number", 51.01, "51.01"),
    (-5, None, "number", -5.0, "-5"),
    (0, "0", "number", 0.0, "0"),
    (Decimal("2.5"), None, "number", 2.5, "2.5"),
    (0.25, "0%", "percent", 25.0, "25%"),
    (1.0, "0.00%", "percent", 100.0, "100%"),
    (1, "0%", "percent", 100.0, "100%"),
    (0.5101, "0.00%", "percent", 51.01, "51.01%"),
    (0.07, "0%", "percent", 7.0, "7%"),
    (0.0029, "0.00%", "percent", 0.29, "0.29%"),
    (25, '0"%"', "percent", 25.0, "25%"),  # a quoted % is a literal sign: no scaling
    (25, r"0\%", "percent", 25.0, "25%"),
    (0.9, "[Red]0%", "percent", 90.0, "90%"),
]


@pytest.mark.parametrize(("value", "number_format", "kind", "expected", "raw"), CELL_CASES)
def test_parse_numeric_cell(
    value: object, number_format: str | None, kind: str, expected: float, raw: str
) -> None:
    target = parse_target(value, number_format)
    assert (target.kind, target.value, target.raw) == (kind, expected, raw)
    assert target.unit == ("%" if kind == "percent" else "")
    assert target.is_numeric


def test_numpy_numbers() -> None:
    np = pytest.importorskip("numpy")
    assert fields(parse_target(np.int64(7))) == ("number", 7.0, None, None, None, "")
    assert fields(parse_target(np.float64(0.5), "0%"))[:2] == ("percent", 50.0)
    assert parse_target(np.float64("nan")).kind == "empty"
    assert parse_target(np.bool_(True)).kind == "unreadable"


@pytest.mark.parametrize(
    ("value", "raw"),
    [
        (datetime(2024, 1, 2), "2024-01-02"),
        (datetime(2024, 3, 4, 10, 30), "2024-03-04T10:30:00"),
        (date(2024, 1, 2), "2024-01-02"),
        (time(3, 4), "03:04:00"),
    ],
)
def test_dates(value: object, raw: str) -> None:
    target = parse_target(value)
    assert (target.kind, target.raw, target.value) == ("date", raw, None)
    assert not target.is_numeric


@pytest.mark.parametrize("value", [True, False, float("inf"), float("-inf")])
def test_unreadable_cells(value: object) -> None:
    target = parse_target(value)
    assert target.kind == "unreadable"
    assert target.value is None


def test_raw_keeps_the_text_exactly() -> None:
    assert parse_target("  100  %\n").raw == "  100  %\n"
    assert parse_target("  100  %\n").value == 100.0


def test_target_is_frozen() -> None:
    target = parse_target("1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        target.value = 2.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("label", "poor"),
    [
        ("Sangat Rendah", True),
        ("rendah", True),
        ("Kurang", True),
        ("Sangat Kurang", True),
        ("Buruk", True),
        ("Sangat Buruk", True),
        ("Tidak Baik", True),
        ("C", True),
        ("D", True),
        ("E", True),
        ("c", True),
        ("Predikat C", True),
        ("Rendah (0-50)", True),
        ("Sedang", False),
        ("Cukup", False),
        ("CC", False),
        ("B", False),
        ("A", False),
        ("Baik", False),
        ("Sangat Baik", False),
        ("Tinggi", False),
        ("", False),
    ],
)
def test_is_poor_category(label: str, poor: bool) -> None:
    assert is_poor_category(label) is poor


def test_poor_categories_are_normalised() -> None:
    assert {"sangat rendah", "rendah", "kurang", "c", "d", "e"} <= POOR_CATEGORIES
    assert all(label == label.lower().strip() for label in POOR_CATEGORIES)


def test_poor_category_from_parsed_target() -> None:
    target = parse_target("Predikat C")
    assert target.category is not None
    assert is_poor_category(target.category)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (0, "0"),
        (1, "1"),
        (1.0, "1"),
        (51.01, "51,01"),
        (1000, "1.000"),
        (1000.5, "1.000,5"),
        (1234567.89, "1.234.567,89"),
        (0.125, "0,125"),
        (-5, "-5"),
        (-1000.25, "-1.000,25"),
        (-0.0, "0"),
        (0.1 + 0.2, "0,3"),
    ],
)
def test_format_number(number: float, text: str) -> None:
    assert format_number(number) == text


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        ("51,01%", None, "51,01 %"),
        (0.5101, "0.00%", "51,01 %"),
        ("1 Dokumen", None, "1 Dokumen"),
        ("1000", None, "1.000"),
        (1000.5, None, "1.000,5"),
        ("80-90%", None, "80–90 %"),
        ("80 s.d. 90", None, "80–90"),
        (">= 80", None, "≥ 80"),
        ("maks 5 hari", None, "≤ 5 Hari"),
        ("> 80 %", None, "> 80 %"),
        ("kurang dari 5", None, "< 5"),
        ("Sedang (71-80)", None, "Sedang (71–80)"),
        ("Baik (≥ 80)", None, "Baik (≥ 80)"),
        ("Predikat A", None, "Predikat A"),
        ("BB", None, "BB"),
        (" belum  ditentukan ", None, "belum ditentukan"),
        (datetime(2024, 1, 2), None, "2024-01-02"),
    ],
)
def test_format_target(value: object, number_format: str | None, text: str) -> None:
    assert format_target(parse_target(value, number_format)) == text


@pytest.mark.parametrize(
    "text", ["51,01", "1.000", "25 %", "1 Dokumen", "80–90 %", "≥ 80", "≤ 5 Hari", "Sedang (71–80)"]
)
def test_format_target_round_trips(text: str) -> None:
    target = parse_target(text)
    again = parse_target(format_target(target))
    assert fields(again) == fields(target)
    assert again.category == target.category


def test_target_from_row_is_remembered_per_distinct_values_with_their_types():
    from pokin_xl.model.targets import target_from_row

    base = {"target_kind": "number", "target_value": 1.0, "target_unit": ""}
    as_int = target_from_row({**base, "target_raw": 1})
    as_float = target_from_row({**base, "target_raw": 1.0})
    assert (as_int.raw, as_float.raw) == ("1", "1.0")  # 1 == 1.0 to Python, not to a reader
    missing = [None, float("nan"), float("nan")]
    shown = {target_from_row({**base, "target_raw": "1", "target_low": m}) for m in missing}
    assert shown == {target_from_row({**base, "target_raw": "1"})}
    unhashable = target_from_row({**base, "target_raw": ["1"]})
    assert unhashable.raw == "['1']"


@pytest.mark.parametrize(
    "value", ["1" + "0" * 400, "Rp " + "9" * 400 + ",-", "1" + "0" * 300 + " triliun", float("inf")]
)
def test_a_pagu_beyond_a_float_is_not_money(value: object) -> None:
    """Not 'Rp Infinity' in P001, the Rekonsiliasi and the PK: no pagu, as for any unreadable cell."""
    assert parse_pagu(value) is None


def test_a_large_pagu_that_fits_is_kept() -> None:
    assert parse_pagu("1.500 triliun") == 1.5e15
