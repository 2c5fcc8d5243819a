"""D002: quarterly targets (Target TW I-IV) that do not add up to the annual target.

Only rows with a quarter filled in are checked: the quarterly columns are optional. Where the
Cara Hitung is blank the quarters pass if any of the three ways of counting fits them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.columns import flags
from pokin_xl.checks.where import WHERE_FIELDS, at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import QUARTER_FIELDS, MatriksWorkbook
from pokin_xl.model.quarters import CaraHitung, Polaritas, quarters_agree
from pokin_xl.model.records import records
from pokin_xl.model.text import clean, is_blank

_NAMES = ("TW I", "TW II", "TW III", "TW IV")
_NUMERIC = ("number", "percent", "comparison")

CODES = ("D002",)

# The cells the rule and `at_row` read: records are built of these columns alone.
_RECORD_FIELDS = (
    *QUARTER_FIELDS,
    *(f"{field}_value" for field in QUARTER_FIELDS),
    "target_raw",
    "target_kind",
    "target_value",
    "polaritas",
    "cara_hitung",
    *WHERE_FIELDS,
)


def check_quarters(workbook: MatriksWorkbook) -> list[Finding]:
    sheet = workbook.indicators
    frame = sheet.frame
    if frame.empty or "target_tw1" not in frame.columns:
        return []
    out: list[Finding] = []
    written = np.zeros(len(frame), dtype=bool)
    for field in QUARTER_FIELDS:  # each distinct text cleaned once
        written |= flags(frame[field], clean).to_numpy()
    if not written.any():
        return out
    frame = frame.loc[written, [name for name in _RECORD_FIELDS if name in frame.columns]]
    for row, record in zip(frame.index, records(frame), strict=True):
        raw = [clean(record.get(f)) for f in QUARTER_FIELDS]
        if not any(raw):
            continue
        problem = _problem(record, raw)
        if problem:
            out.append(
                finding(
                    "D002",
                    f"Target triwulan tidak sesuai target tahunan: {problem}.",
                    **at_row(workbook, sheet, int(row), "target_tw1", record),
                )
            )
    return out


def _problem(record: dict, raw: list[str]) -> str:
    missing = [name for name, text in zip(_NAMES, raw, strict=True) if not text]
    if missing:
        return f"{', '.join(missing)} belum diisi (isi keempat triwulan, 0 bila tidak ada)"
    values = [record.get(f"{f}_value") for f in QUARTER_FIELDS]
    unreadable = [
        f"{name} '{text}'"
        for name, text, value in zip(_NAMES, raw, values, strict=True)
        if value is None or pd.isna(value)
    ]
    if unreadable:
        return f"{', '.join(unreadable)} bukan angka"
    annual = record.get("target_value")
    if record.get("target_kind") not in _NUMERIC or annual is None or pd.isna(annual):
        shown = clean(record.get("target_raw")) or "(kosong)"
        return f"target tahunan '{shown}' bukan angka, sehingga tidak dapat dipecah per triwulan"
    quarters = tuple(float(v) for v in values)
    polaritas = Polaritas.parse(record.get("polaritas"))
    cara = CaraHitung.parse(record.get("cara_hitung"))
    if cara is not None:
        why = quarters_agree(float(annual), quarters, cara, polaritas)  # type: ignore[arg-type]
        return f"{why} (Cara Hitung {cara.value})" if why else ""
    if not is_blank(record.get("cara_hitung")):
        return ""  # an unknown Cara Hitung is B010's
    reasons = []
    for option in CaraHitung:
        why = quarters_agree(float(annual), quarters, option, polaritas)  # type: ignore[arg-type]
        if not why:
            return ""
        reasons.append(f"{option.value}: {why}")
    return "tidak cocok dengan cara hitung mana pun (" + "; ".join(reasons) + "); isi Cara Hitung"
