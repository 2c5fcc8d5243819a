"""Target rules T001-T009: each indicator's target, its unit, and the same indicator elsewhere.

In this module "unit" always means the satuan (unit of measure); the Unit Kerja is `unit_kerja`.

One finding per indicator row and rule, at the Target or the Satuan cell. Units are compared in
their canonical spelling (`normalise_unit`); only units this tool knows are called contradictory,
so that an unusual but sensible Satuan ("Pegawai", "Sekolah") is never reported.

The national nomenclature is the reference for its own indicators: the satuan of an indicator
worded as a national one is compared with the national satuan by N003, never with what its wording
seems to count (T004), so a national (indicator, satuan) pair copied exactly raises nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

import numpy as np
import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.where import WHERE_FIELDS, at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook, SheetFrame
from pokin_xl.model.nomenclature import load_nomenclature
from pokin_xl.model.records import records_by_row
from pokin_xl.model.targets import (
    NUMERIC_KINDS,
    STATED_TARGET_RE,
    TARGET_FIELDS,
    Target,
    format_target,
    is_poor_category,
    parse_target,
    target_from_row,
)
from pokin_xl.model.text import clean, is_blank, normalise
from pokin_xl.model.units import (
    UNIT_ALIASES,
    base_unit,
    counts_as,
    implied_unit,
    implied_units,
    is_known_unit,
    near_miss_unit,
    normalise_unit,
    units_compatible,
)

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009")

# ---------------------------------------------------------------------------------------- data
# Units that name the same kind of thing although spelt differently: an indicator that counts
# "Dokumen" may be measured in "Laporan" (a laporan is a dokumen; the national nomenclature pairs
# "Jumlah Dokumen Hasil Evaluasi ..." with Laporan). Used only between an indicator's wording and
# its unit (T004); where the document states a unit twice (T005, target text) it must be the same.
UNIT_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"Dokumen", "Laporan"}),
    frozenset({"Orang", "Jiwa"}),
    frozenset({"Kegiatan", "Kali"}),
)
PERCENT = "%"
PERCENT_RANGE = (0.0, 100.0)
_NAMED_AT_MOST = 3  # other cells a T007 message names

_EDGE = " .,;:()[]"
# The indicator columns the rules read (and `at_row` needs).
_FIELDS = (
    *WHERE_FIELDS,
    "satuan_norm",
    *TARGET_FIELDS,
    "_unit",
    "_key",
)


# Unit vocabulary is small: cache the helpers that rows call again and again.
_implied = lru_cache(maxsize=1 << 16)(implied_unit)
_compatible = lru_cache(maxsize=4096)(units_compatible)
_base = lru_cache(maxsize=4096)(base_unit)
_near_miss = lru_cache(maxsize=4096)(near_miss_unit)


@lru_cache(maxsize=1 << 16)
def _national(indikator: str) -> bool:
    return bool(load_nomenclature().indicator_units(indikator))


# ---------------------------------------------------------------------------------------- check
def check_targets(workbook: MatriksWorkbook) -> list[Finding]:
    """T001-T008 over the indicator rows of the Kinerja sheet.

    Column operations choose the rows that may raise a finding (`_may_raise`, T007's repeated
    indicators); the rules then run, row by row, over those rows only.
    """
    sheet = workbook.indicators
    frame = sheet.frame
    if frame.empty:
        return []
    key, implied, states_target = _wordings(frame["indikator"])
    frame = frame[[c for c in _FIELDS if c in frame]].assign(  # a narrow copy: the rules' columns
        _unit=_row_units(frame),
        _key=key,
        _implied=pd.Series(implied, index=frame.index, dtype=object),
        _states_target=states_target,
    )
    frame = frame[frame["_key"] != ""]
    repeated = _repeated(frame)
    chosen = _may_raise(frame)
    fields = [c for c in _FIELDS if c in frame]
    records: dict[int, dict] = records_by_row(frame.loc[chosen | repeated, fields])
    findings: list[Finding] = []
    for row in frame.index[chosen]:
        findings.extend(_row_findings(workbook, sheet, int(row), records[row]))
    findings.extend(_differing_targets(workbook, sheet, frame[repeated], records))
    return findings


def _may_raise(frame: pd.DataFrame) -> pd.Series:
    """The rows `_row_findings` may report: a superset, each clause the cheap part of one rule's
    condition over the columns (a row outside it raises nothing, so it is never looked at).

    The clauses on the kind and the units are worked out once per distinct (kind, implied unit,
    Satuan, unit in the Target cell): those columns hold a few values each.
    """
    columns = [_factorized(frame[name]) for name in _UNIT_COLUMNS]
    combined = np.zeros(len(frame), dtype=np.int64)
    for codes, values in columns:
        combined = combined * len(values) + codes
    distinct, inverse = np.unique(combined, return_inverse=True)
    clauses = []
    for number in distinct.tolist():
        parts = []
        for _, values in reversed(columns):
            number, code = divmod(number, len(values))
            parts.append(values[code])
        clauses.append(_unit_clauses(*reversed(parts)))
    raises, percent = np.array(clauses, dtype=bool).reshape(-1, 2)[inverse].T
    outside = np.zeros(len(frame), dtype=bool)
    for bound in ("target_value", "target_low", "target_high"):
        values = pd.to_numeric(frame[bound], errors="coerce")
        outside |= ((values < PERCENT_RANGE[0]) | (values > PERCENT_RANGE[1])).to_numpy()
    states_target = frame["_states_target"].to_numpy(dtype=bool)
    return pd.Series(
        raises | (percent & outside) | states_target,  # ... T006, T005
        index=frame.index,
    )


_UNIT_COLUMNS = ("target_kind", "_implied", "satuan_norm", "target_unit")


def _factorized(column: pd.Series) -> tuple[np.ndarray, list]:
    """A column's codes into its distinct values, a missing cell (None) the last of them."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    values = [*uniques.tolist(), None]
    return np.where(codes < 0, len(values) - 1, codes).astype(np.int64), values


def _unit_clauses(kind: object, implied: str | None, satuan: object, stated: object) -> tuple:
    """(a row of these cells may raise T001-T004, T008 or T009; its unit is a percentage), the
    clauses of `_may_raise` on the kind and the units. `satuan` and `stated` are the cells as
    read (None when missing): the row's unit is the Satuan, else the unit in the Target cell."""
    numeric = kind in NUMERIC_KINDS
    unit = _text(satuan if satuan is not None and str(satuan) != "" else (stated or ""))
    satuan_text, stated_text = _text(satuan), _text(stated)
    raises = (
        kind in ("empty", "unreadable", "date")  # T001, T002
        or (numeric and satuan_text == "")  # T003
        or (bool(implied and unit) and _units_disagree(implied, unit))  # T004, the wording
        or (  # T004, the Target cell
            numeric
            and bool(satuan_text and stated_text)
            and _units_disagree(satuan_text, stated_text, families=False)
        )
        or kind == "category"  # T008
        or _near_miss(satuan) is not None  # T009
    )
    return raises, numeric and (unit == PERCENT or kind == "percent")


@lru_cache(maxsize=4096)
def _units_disagree(first: str, second: str, *, families: bool = True) -> bool:
    """Both units known and of different kinds, before what only a row can say (`counts_as`, the
    national wording): where this is False, T004 stays silent on the pair."""
    if not (_known(first) and _known(second)) or _compatible(first, second):
        return False
    if families:
        a, b = _base(first), _base(second)
        return not any(a in family and b in family for family in UNIT_FAMILIES)
    return True


def _row_findings(
    workbook: MatriksWorkbook, sheet: SheetFrame, row: int, record: Mapping[str, object]
) -> Iterator[Finding]:
    kind = record["target_kind"]
    if kind == "empty":
        yield finding(
            "T001",
            "Target kosong untuk indikator ini. Isi target tahunan yang ingin dicapai "
            "(angka, persentase, rentang atau kategori).",
            **at_row(workbook, sheet, row, "target", record),
        )
        return
    if kind in ("unreadable", "date"):
        yield finding(
            "T002", _unreadable_message(record), **at_row(workbook, sheet, row, "target", record)
        )
        return
    target = target_from_row(record)
    unit = _text(record["_unit"])
    satuan_blank = is_blank(record["satuan_norm"])
    if target.is_numeric and satuan_blank and not target.unit:
        implied = _implied(record["indikator"])
        hint = (
            f"'{implied}', sesuai rumusan indikator" if implied else "mis. 'Dokumen', 'Orang', '%'"
        )
        yield finding(
            "T003",
            f"Target '{_shown(record)}' berupa angka tetapi Satuan kosong. Isi Satuan "
            f"({hint}) agar target dapat dibandingkan.",
            **at_row(workbook, sheet, row, "satuan", record),
        )
    contradiction = _unit_contradiction(record, target, unit)
    if contradiction is not None:
        field, message = contradiction
        yield finding("T004", message, **at_row(workbook, sheet, row, field, record))
    stated = _stated_difference(record, target, unit)
    if stated is not None:
        field, message = stated
        yield finding("T005", message, **at_row(workbook, sheet, row, field, record))
    if _percent_outside_range(target, unit):
        yield finding(
            "T006",
            f"Target persentase '{_shown(record)}' berada di luar 0–100%. Periksa apakah "
            "satuannya benar atau target ditulis sebagai pecahan/angka lain.",
            **at_row(workbook, sheet, row, "target", record),
        )
    misspelt = _near_miss(record.get("satuan_norm"))
    if misspelt is not None:
        yield finding(
            "T009",
            f"Satuan '{clean(record.get('satuan_norm'))}' mirip satuan baku '{misspelt}'; "
            "bila salah ketik, tulis '" + misspelt + "' agar dapat dibandingkan.",
            **at_row(workbook, sheet, row, "satuan", record),
        )
    if target.kind == "category" and is_poor_category(target.category or target.raw):
        yield finding(
            "T008",
            f"Target '{clean(target.raw)}' menyatakan tingkat yang buruk sebagai sasaran yang "
            "ingin dicapai. Target seharusnya kondisi yang dituju (mis. 'Baik', 'Tinggi'); "
            "bila ini capaian tahun lalu, pindahkan ke kolom Keterangan.",
            **at_row(workbook, sheet, row, "target", record),
        )


# ---------------------------------------------------------------------------------------- T002
def _unreadable_message(record: Mapping[str, object]) -> str:
    raw = clean(record["target_raw"])
    if record["target_kind"] == "date":
        return (
            f"Target terbaca sebagai tanggal '{raw}': Excel mengubah target yang diketik "
            "(mis. '1-4' atau '4/12') menjadi tanggal. Format sel sebagai Teks lalu ketik "
            "ulang targetnya sebagai angka atau teks."
        )
    return (
        f"Target '{raw}' tidak dapat dibaca sebagai angka, persentase, rentang atau kategori. "
        "Tulis misalnya '2', '100%', '80 - 90' atau 'Baik'."
    )


# ---------------------------------------------------------------------------------------- T004
def _unit_contradiction(
    record: Mapping[str, object], target: Target, unit: str
) -> tuple[str, str] | None:
    """(field, message) when the unit contradicts the indicator's wording or the target text."""
    satuan = _text(record["satuan_norm"])
    field = "satuan" if satuan else "target"
    indikator = clean(record["indikator"])
    implied = _implied(indikator)
    if (
        implied
        and unit
        and _known(implied)
        and _known(unit)
        and not same_kind_of_unit(implied, unit, indikator)
        and not _national(indikator)  # N003 owns a national indicator's satuan
    ):
        label = "Satuan" if satuan else "Satuan pada sel Target"
        return field, (
            f"{label} '{unit}' bertentangan dengan rumusan indikator yang menghitung "
            f"'{implied}'. Samakan satuan dengan yang dihitung indikator, atau perbaiki "
            "rumusan indikatornya."
        )
    if (
        target.is_numeric
        and satuan
        and target.unit
        and _known(satuan)
        and _known(target.unit)
        and not _compatible(satuan, target.unit)
    ):
        return "satuan", (
            f"Satuan '{satuan}' berbeda dengan satuan yang tertulis di sel Target "
            f"'{clean(target.raw)}'. Gunakan satu satuan yang sama."
        )
    return None


def same_kind_of_unit(a: str, b: str, indikator: str = "") -> bool:
    """Compatible units (`units_compatible`), two units of one family (Dokumen and Laporan), or
    a unit that fits what the wording counts by the national list (`counts_as`)."""
    if _compatible(a, b):
        return True
    first, second = _base(a), _base(b)
    if any(first in family and second in family for family in UNIT_FAMILIES):
        return True
    return counts_as(a, b, indikator)


def _known(unit: str) -> bool:
    """In the unit vocabulary: common SAKIP units and the national SATUAN column."""
    return is_known_unit(unit)


# ---------------------------------------------------------------------------------------- T005
class Stated(NamedTuple):
    """A target written at the end of an indicator's text: the tail as written, its number and unit."""

    text: str
    value: float | None
    unit: str


def stated_target(indikator: str) -> Stated | None:
    """The target an indicator's text states at its end ("... - 2 Dokumen"), with that tail.

    The tail must be a known unit, or a number with a known unit or '%': a bare number after a
    dash is more often a year or a range ("2019 - 2024") than a target.
    """
    text = clean(indikator)
    return _stated_target(text) if _has_dash(text) else None


def _has_dash(text: str) -> bool:
    """A dash `STATED_TARGET_RE` needs: most indicators have none, and this is cheaper than the
    regex's search."""
    return "-" in text or "–" in text or "—" in text


@lru_cache(maxsize=1 << 16)
def _stated_target(text: str) -> Stated | None:
    match = STATED_TARGET_RE.search(text)
    if not match:
        return None
    tail = match["tail"].strip(_EDGE)
    if not tail:
        return None
    if normalise(tail, expand=False) in UNIT_ALIASES:
        return Stated(tail, None, normalise_unit(tail))
    parsed = parse_target(tail)
    if parsed.kind in ("number", "percent") and parsed.unit and _known(parsed.unit):
        return Stated(tail, parsed.value, parsed.unit)
    return None


def _wordings(column: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What the rules read of each row's indicator wording: its key (`indicator_key`), the unit
    it implies, whether it states a target at its end (T005). Each distinct text is read once;
    the implied units once per distinct opening (`implied_units`)."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    texts, _, keys, states = _read([*uniques.tolist(), None])  # code -1: a missing cell
    implied = np.fromiter(implied_units(texts), dtype=object, count=len(texts))
    return (
        np.array(keys, dtype=object)[codes],
        implied[codes],
        np.array(states, dtype=bool)[codes],
    )


def read_indicators(values: Iterable[object]) -> tuple[list[str], list[str], list[bool]]:
    """Of each indicator cell: `normalise(clean(value))`, `indicator_key(value)` and whether
    the wording states a target (`stated_target`). The keys differ only where it does.

    A plain text (ASCII without a dash; the other dashes are not ASCII) is neither cleaned first
    nor searched for a target: `clean` folds only its spaces, which `normalise` folds too, and a
    stated target needs a dash. Its keys are then what `normalise`'s memo holds for the cell as
    written, which is how the other checks look it up.
    """
    return _read(values)[1:]


def _read(values: Iterable[object]) -> tuple[list[str], list[str], list[str], list[bool]]:
    """`read_indicators`, and first the texts read: a plain text as written, else cleaned."""
    texts: list[str] = []
    cleaned_keys: list[str] = []
    keys: list[str] = []
    states: list[bool] = []
    for value in values:
        if type(value) is str and value.isascii() and "-" not in value:  # a plain text
            key = normalise(value)
            texts.append(value)
            cleaned_keys.append(key)
            keys.append(key)
            states.append(False)
            continue
        text = clean(value)
        said = stated_target(text)  # which cleans it again: that changes non-ASCII only
        texts.append(text)
        cleaned_keys.append(normalise(text))
        keys.append(_key(text, said))
        states.append(said is not None)
    return texts, cleaned_keys, keys, states


def indicator_key(indikator: object) -> str:
    """Comparison key of an indicator: normalised, without a stated target at its end."""
    return read_indicators([indikator])[1][0]


def _key(text: str, said: Stated | None) -> str:
    if not text:
        return ""
    return normalise(STATED_TARGET_RE.sub("", text) if said is not None else text)


def _stated_difference(
    record: Mapping[str, object], target: Target, unit: str
) -> tuple[str, str] | None:
    said = stated_target(clean(record["indikator"]))
    if said is None:
        return None
    number_differs = (
        said.value is not None and target.is_numeric and not _matches_number(said.value, target)
    )
    unit_differs = bool(unit) and not _compatible(said.unit, unit)
    if not number_differs and not unit_differs:
        return None
    actual = _shown(record)
    if number_differs:
        field = "target"
        what = f"sel Target berisi '{actual}'"
    else:
        field = "satuan" if _text(record["satuan_norm"]) else "target"
        what = f"sel {'Satuan' if field == 'satuan' else 'Target'} bersatuan '{unit}'"
    stated = "target" if said.value is not None else "satuan"
    return field, (
        f"Rumusan indikator menyebut {stated} '{said.text}', tetapi {what}. Samakan sel "
        f"Target/Satuan dengan yang dimaksud, lalu hapus {stated} itu dari rumusan indikator."
    )


def _matches_number(value: float, target: Target) -> bool:
    if target.kind == "range" and target.low is not None and target.high is not None:
        return target.low <= value <= target.high
    return target.value is not None and math.isclose(value, target.value, abs_tol=1e-9)


# ---------------------------------------------------------------------------------------- T007
def _differing_targets(
    workbook: MatriksWorkbook,
    sheet: SheetFrame,
    candidates: pd.DataFrame,
    records: Mapping[int, Mapping[str, object]],
) -> list[Finding]:
    """One finding at each later row whose target differs from an earlier one of its indicator.

    The candidates are the `_repeated` rows. They are grouped by indicator; within a group each
    row looks its target up among the distinct targets seen before it (a dict by signature), so
    no pair of rows is compared.
    """
    findings: list[Finding] = []
    for rows in candidates.groupby("_key", sort=False).groups.values():
        distinct: list[tuple[int, str]] = []  # (first row, unit) of each distinct target
        by_signature: dict[tuple, list[int]] = {}  # signature -> positions in `distinct`
        for row in rows:
            record = records[row]
            signature, unit = _signature(record), _text(record["_unit"])
            same = {i for i in by_signature.get(signature, []) if _compatible(distinct[i][1], unit)}
            if len(same) < len(distinct):
                named = list(
                    islice(
                        (r for i, (r, _) in enumerate(distinct) if i not in same), _NAMED_AT_MOST
                    )
                )
                more = len(distinct) - len(same) - len(named)
                findings.append(_t007(workbook, sheet, int(row), records, named, more))
            if not same:
                by_signature.setdefault(signature, []).append(len(distinct))
                distinct.append((int(row), unit))
    return findings


def _repeated(frame: pd.DataFrame) -> pd.Series:
    """Rows with a target whose indicator is on another row too: T007's candidates."""
    return (frame["target_kind"] != "empty") & frame["_key"].duplicated(keep=False)


def _t007(
    workbook: MatriksWorkbook,
    sheet: SheetFrame,
    row: int,
    records: Mapping[int, Mapping[str, object]],
    named: list[int],
    more: int,
) -> Finding:
    record = records[row]
    indikator = clean(record["indikator"])
    here = sheet.cell("target", row)
    elsewhere = ", ".join(
        f"'{_shown(records[other])}' di sel {sheet.cell('target', other)}"
        + _unit_place(records[other], record)
        for other in named
    )
    if more:
        elsewhere += f" dan {more} target lain"
    return finding(
        "T007",
        f"'{indikator}' bertarget '{_shown(record)}' di sel {here} tetapi {elsewhere}. "
        "Satu indikator harus mempunyai satu target dalam satu dokumen.",
        **at_row(workbook, sheet, row, "target", record),
    )


def _unit_place(other: Mapping[str, object], record: Mapping[str, object]) -> str:
    unit_kerja = clean(other["unit_kerja"])
    return f" ({unit_kerja})" if unit_kerja and unit_kerja != clean(record["unit_kerja"]) else ""


def _signature(record: Mapping[str, object]) -> tuple:
    """What must be equal for two targets to be the same target (the unit is compared apart)."""
    kind = record["target_kind"]
    if kind in NUMERIC_KINDS:
        numeric = "value" if kind in ("number", "percent") else kind
        return (
            numeric,
            _rounded(record["target_value"]),
            _rounded(record["target_low"]),
            _rounded(record["target_high"]),
            _text(record["target_operator"]),
        )
    if kind == "category":
        return ("category", normalise(record["target_category"], expand=False))
    return (kind, normalise(record["target_raw"], expand=False))


def _rounded(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    return round(float(value), 9)


# ---------------------------------------------------------------------------------------- helpers
def _row_units(frame: pd.DataFrame) -> pd.Series:
    """The unit of each row: the Satuan, or the unit written in the Target cell when it is blank."""
    satuan = frame["satuan_norm"].fillna("").astype(str)
    stated = frame["target_unit"].fillna("").astype(str)
    return satuan.where(satuan != "", stated)


def _shown(record: Mapping[str, object]) -> str:
    """The target as a reader would say it, with the Satuan where the target text has no unit."""
    target = target_from_row(record)
    text = format_target(target) if target.kind != "category" else clean(target.raw)
    satuan = _text(record["satuan_norm"])
    if target.is_numeric and satuan and not target.unit:
        text = f"{text} {satuan}"
    return text


def _text(value: object) -> str:
    return "" if is_blank(value) or value is pd.NA else str(value)


def _percent_outside_range(target: Target, unit: str) -> bool:
    if not target.is_numeric or (unit != PERCENT and target.kind != "percent"):
        return False
    low, high = PERCENT_RANGE
    bounds = (target.value, target.low, target.high)
    return any(v is not None and not (low <= v <= high) for v in bounds)
