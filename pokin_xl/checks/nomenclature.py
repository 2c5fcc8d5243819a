"""Nomenclature checks (N001-N004): Kode Nomenklatur, names and units against the national list.

The agency's own urusan.bidang (e.g. ``5.03``) is read from the workbook itself, as the most common
prefix of its codes, so that ``X.XX`` codes of the supporting programs resolve either way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.columns import flags, per_distinct
from pokin_xl.checks.where import WHERE_FIELDS, at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.nomenclature import (
    PLACEHOLDER,
    Entry,
    Nomenclature,
    canonical_code,
    jenis_of,
    load_nomenclature,
    name_difference,
)
from pokin_xl.model.records import records
from pokin_xl.model.text import clean, normalise
from pokin_xl.model.units import normalise_unit, units_compatible

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("N001", "N002", "N003", "N004")

LEVEL_JENIS: dict[Tingkat, str] = {
    Tingkat.SASARAN_PROGRAM: "program",
    Tingkat.SASARAN_KEGIATAN: "kegiatan",
    Tingkat.SASARAN_SUB_KEGIATAN: "sub_kegiatan",
}
JENIS_LABELS = {
    "urusan": "urusan",
    "bidang": "bidang urusan",
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub kegiatan",
}
# The cells the rules and `at_row` read: records are built of these columns alone.
_RECORD_FIELDS = (
    *WHERE_FIELDS,
    "kode_induk",
    "kode_nomenklatur",
    "nomenklatur",
    "level",
    "satuan",
)
# Below this similarity a differing name is more likely the name of another code than a typo.
_SAME_ITEM_SCORE = 80
_OTHER_CODE_SCORE = 90


def agency_code(workbook: MatriksWorkbook) -> str | None:
    """The most common urusan.bidang ('5.03') among the workbook's Kode Nomenklatur, or None."""
    counter: Counter[str] = Counter()
    frame = workbook.nodes.frame
    if "kode_nomenklatur" not in frame.columns:
        return None
    for code in per_distinct(frame["kode_nomenklatur"], canonical_code).tolist():
        if code and not code.startswith("X") and code.count(".") >= 1:
            counter[".".join(code.split(".")[:2])] += 1
    return counter.most_common(1)[0][0] if counter else None


def _display_code(entry: Entry, agency: str | None) -> str:
    """The national code as the agency writes it (X.XX filled in when the agency is known)."""
    if agency and entry.kode.startswith(PLACEHOLDER + "."):
        return agency + entry.kode[len(PLACEHOLDER) :]
    return entry.kode


def _level(record: Mapping[str, object]) -> Tingkat | None:
    level = record.get("level")
    return None if pd.isna(level) else Tingkat(int(level))


def _jenis_for(record: Mapping[str, object], canonical: str | None) -> str | None:
    level = _level(record)
    if level in LEVEL_JENIS:
        return LEVEL_JENIS[level]
    return jenis_of(canonical) if canonical else None


def _name_hint(nomenclature: Nomenclature, name: str, jenis: str | None, agency: str | None) -> str:
    """' Menurut namanya, kodenya mungkin ...' when one national entry carries this name."""
    if not name:
        return ""
    matches = nomenclature.search_name(name, jenis, limit=1, min_score=_OTHER_CODE_SCORE)
    if not matches:
        return ""
    entry, _ = matches[0]
    return f" Menurut namanya, kodenya mungkin '{_display_code(entry, agency)}' ('{entry.nama}')."


def _rows(frame: pd.DataFrame, chosen: np.ndarray) -> pd.DataFrame:
    """The chosen rows, with only the columns the rules read (a 20k-row frame has 42)."""
    return frame.loc[chosen, [name for name in _RECORD_FIELDS if name in frame.columns]]


def _starts_with(child: str, parent: str) -> bool:
    """Whether the child code continues the parent; X.XX matches any urusan.bidang."""
    c, p = child.split("."), parent.split(".")
    if c[: len(p)] == p:
        return True
    if (c[0] == "X") != (p[0] == "X") and len(c) >= 2 and len(p) >= 2:
        return c[2:][: len(p) - 2] == p[2:] and len(c) >= len(p)
    return False


def check_nomenclature(workbook: MatriksWorkbook) -> list[Finding]:
    """N001-N004 over the nodes (codes and names) and the indicator rows (units)."""
    nodes = workbook.nodes
    frame = nodes.frame
    if frame.empty or "kode_nomenklatur" not in frame.columns:
        return []
    nomenclature = load_nomenclature()
    agency = agency_code(workbook)
    findings: list[Finding] = []
    canonical_by_kode: dict[str, str] = {}
    entry_by_kode: dict[str, Entry] = {}
    coded = _rows(frame, flags(frame["kode_nomenklatur"], clean).to_numpy())
    for row, record in zip(coded.index, records(coded), strict=True):
        raw = clean(record.get("kode_nomenklatur"))
        name = clean(record.get("nomenklatur"))
        canonical = canonical_code(raw)
        if canonical is None:
            findings.append(
                finding(
                    "N001",
                    f"Kode Nomenklatur '{raw}' tidak berbentuk kode nomenklatur "
                    "(U.BB.PP.K.KK.SSSS, mis. 5.03.02.2.01.0003)."
                    + _name_hint(nomenclature, name, _jenis_for(record, None), agency),
                    **at_row(workbook, nodes, row, "kode_nomenklatur", record),
                )
            )
            continue
        kode = str(record["kode"])
        canonical_by_kode[kode] = canonical
        entry = nomenclature.get(canonical, agency)
        if entry is None:
            read_as = f" (dibaca sebagai '{canonical}')" if canonical != raw else ""
            jenis = jenis_of(canonical)
            findings.append(
                finding(
                    "N001",
                    f"Kode Nomenklatur '{raw}'{read_as} tidak ada dalam nomenklatur nasional "
                    f"{JENIS_LABELS.get(jenis or '', 'program/kegiatan/sub kegiatan')} "
                    "(Kepmendagri 900.1.15.5-1317/2023)."
                    + _name_hint(nomenclature, name, _jenis_for(record, canonical), agency),
                    **at_row(workbook, nodes, row, "kode_nomenklatur", record),
                )
            )
            continue
        entry_by_kode[kode] = entry
        if name:
            message = _name_message(nomenclature, name, raw, entry, agency)
            if message:
                findings.append(
                    finding(
                        "N002",
                        message,
                        **at_row(workbook, nodes, row, "nomenklatur", record, subject=name),
                    )
                )
    findings.extend(_parent_codes(workbook, canonical_by_kode))
    findings.extend(_units(workbook, entry_by_kode))
    return findings


def _name_message(
    nomenclature: Nomenclature, name: str, raw: str, entry: Entry, agency: str | None
) -> str | None:
    difference = name_difference(name, entry.nama)
    if difference is None:
        return None
    national = f"nomenklatur nasional kode {raw}: '{entry.nama}'"
    from rapidfuzz import fuzz  # only for a name that differs (a clean workbook: never)

    if fuzz.token_sort_ratio(normalise(name), normalise(entry.nama)) < _SAME_ITEM_SCORE:
        matches = nomenclature.search_name(name, entry.jenis, limit=1, min_score=_OTHER_CODE_SCORE)
        if matches and matches[0][0].kode != entry.kode:
            other = matches[0][0]
            return (
                f"Nama '{name}' tidak sesuai dengan {national}. Nama ini adalah nomenklatur "
                f"kode '{_display_code(other, agency)}'; periksa Kode Nomenklatur atau namanya."
            )
    return f"Nama '{name}' berbeda dari {national} ({difference})."


def _parent_codes(workbook: MatriksWorkbook, canonical_by_kode: dict[str, str]) -> list[Finding]:
    nodes = workbook.nodes
    findings: list[Finding] = []
    if not canonical_by_kode:
        return findings
    kodes = pd.Series([str(k) for k in nodes.frame["kode"].tolist()], index=nodes.frame.index)
    parents = per_distinct(nodes.frame["kode_induk"], clean)
    coded = kodes.isin(set(canonical_by_kode)) & parents.isin(set(canonical_by_kode))
    linked = _rows(nodes.frame, (coded & (parents != kodes)).to_numpy())  # codes to compare
    for row, record in zip(linked.index, records(linked), strict=True):
        kode, parent = str(record["kode"]), clean(record.get("kode_induk"))
        child_code = canonical_by_kode.get(kode)
        parent_code = canonical_by_kode.get(parent) if parent and parent != kode else None
        if child_code is None or parent_code is None:
            continue
        if _starts_with(child_code, parent_code):
            continue
        raw = clean(record.get("kode_nomenklatur"))
        findings.append(
            finding(
                "N004",
                f"Kode Nomenklatur '{raw}' tidak diawali kode nomenklatur induknya "
                f"'{parent_code}' (Kode Induk '{parent}'). Kode kegiatan diawali kode "
                "programnya dan kode sub kegiatan diawali kode kegiatannya; periksa kode ini "
                "atau Kode Induknya.",
                **at_row(workbook, nodes, row, "kode_nomenklatur", record),
            )
        )
    return findings


def _units(workbook: MatriksWorkbook, entry_by_kode: dict[str, Entry]) -> list[Finding]:
    """N003, the one owner of "satuan against the national list".

    A national sub kegiatan (by Kode Nomenklatur) none of whose indicators is in its national unit;
    and, outside such sub kegiatan, an indicator worded as a national indicator in another unit.
    """
    indicators = workbook.indicators
    frame = indicators.frame
    if frame.empty or "satuan" not in frame.columns:
        return []
    findings: list[Finding] = []
    entries = {
        kode: entry
        for kode, entry in entry_by_kode.items()
        if entry.jenis == "sub_kegiatan" and clean(entry.satuan)
    }
    # rows are chosen on columns, and the frame subset to the chosen rows alone
    with_satuan = flags(frame["satuan"], clean).to_numpy()
    in_national = (frame["level"] == int(Tingkat.SASARAN_SUB_KEGIATAN)).fillna(False).to_numpy(
        dtype=bool
    ) & frame["kode"].astype(str).isin(set(entries)).to_numpy()
    rows = _rows(frame, with_satuan & in_national)
    # Each sub kegiatan's indicator rows with a Satuan, in sheet order (a dict, not a groupby:
    # a large sheet has thousands of sub kegiatan).
    given_by_kode: dict[str, list[tuple[int, dict]]] = {}
    for row, record in zip(rows.index, records(rows), strict=True):
        given_by_kode.setdefault(str(record["kode"]), []).append((row, record))
    for kode, given in given_by_kode.items():
        entry = entries[kode]
        if any(units_compatible(record["satuan"], entry.satuan) for _, record in given):
            continue
        national_unit = normalise_unit(entry.satuan)
        for row, record in given:
            findings.append(
                finding(
                    "N003",
                    f"Satuan '{clean(record['satuan'])}' berbeda dari satuan nomenklatur "
                    f"nasional sub kegiatan '{entry.nama}': '{national_unit}' (indikator "
                    f"nasional: '{entry.indikator}').",
                    **at_row(workbook, indicators, row, "satuan", record),
                )
            )
    others = with_satuan & ~frame.index.isin(rows.index)
    findings.extend(_national_wordings(workbook, others))
    return findings


def _national_wordings(workbook: MatriksWorkbook, candidates: np.ndarray) -> list[Finding]:
    """N003 on an indicator worded as a national one whose Satuan is none of its national units
    (among the `candidates` rows of the indicators frame)."""
    frame = workbook.indicators.frame
    units_of = load_nomenclature().indicator_units_by_key()
    # The wordings normalised as one column (a large sheet repeats few and names many).
    keys = per_distinct(frame["indikator"], normalise)
    national = keys.isin(units_of.keys()).to_numpy() & candidates
    national_rows = _rows(frame, national)
    findings: list[Finding] = []
    for row, record, key in zip(
        national_rows.index, records(national_rows), keys[national], strict=True
    ):
        national_units = units_of[key]
        if any(units_compatible(record["satuan"], u) for u in national_units):
            continue
        wanted = " atau ".join(f"'{u}'" for u in sorted(national_units))
        findings.append(
            finding(
                "N003",
                f"Satuan '{clean(record['satuan'])}' berbeda dari satuan nomenklatur nasional "
                f"untuk indikator '{clean(record['indikator'])}': {wanted}.",
                **at_row(workbook, workbook.indicators, row, "satuan", record),
            )
        )
    return findings


def check_parent_codes(workbook: MatriksWorkbook) -> list[Finding]:
    """N004 alone (reconcile runs it on the planning table it compares against)."""
    frame = workbook.nodes.frame
    if frame.empty or "kode_nomenklatur" not in frame.columns:
        return []
    canonical_by_kode: dict[str, str] = {}
    for kode, raw in zip(frame["kode"].tolist(), frame["kode_nomenklatur"].tolist(), strict=True):
        canonical = canonical_code(clean(raw)) if clean(raw) else None
        if canonical:
            canonical_by_kode[str(kode)] = canonical
    return _parent_codes(workbook, canonical_by_kode)
