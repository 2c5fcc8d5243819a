"""Rules over whole columns of the Kinerja frames: B004 (sasaran without indicator), B005 (blank
sasaran), H001 (Kode Induk names no row), H002 (parent on the wrong level), H003 (one Kode for two
sasaran).

Each rule is one vectorised test over the nodes or the indicators frame; every failing row becomes
one Finding at its source cell (the frames are indexed by Excel row). The frames' contract (column
types) is another matter, checked where the reader returns (model.frames).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import numpy as np
import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.columns import flags
from pokin_xl.checks.hierarchy import (
    either,
    level_fits,
    level_label,
    links_and_cycles,
    node_name,
    normalised,
)
from pokin_xl.checks.where import at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook, SheetFrame
from pokin_xl.model.levels import Tingkat, expected_parent
from pokin_xl.model.records import column_values, records_by_row
from pokin_xl.model.text import normalise

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("B004", "B005", "H001", "H002", "H003")

H003_FIELDS = {"sasaran": "sasaran", "tingkat": "tingkat", "unit_kerja": "unit kerja"}


# ----------------------------------------------------------------------------- rule tests
# Each takes the whole frame and returns True for the rows that pass.


def _has_indicator(nodes: pd.DataFrame) -> pd.Series:
    return nodes["n_indikator"].ge(1)


def _has_sasaran(indicators: pd.DataFrame) -> pd.Series:
    """Fails once per Kode whose rows all leave Sasaran blank, on the Kode's first row."""
    given = flags(indicators["sasaran"], _written).to_numpy()
    kode, kodes = pd.factorize(indicators["kode"], use_na_sentinel=True)
    grouped = kode >= 0  # a row without Kode is in no group, and passes
    any_given = np.ones(len(kode), dtype=bool)
    given_in = np.bincount(kode[grouped], weights=given[grouped], minlength=len(kodes)) > 0
    any_given[grouped] = given_in[kode[grouped]]
    first_row = pd.Series(indicators.index, index=indicators.index).eq(indicators["node_row"])
    return pd.Series(any_given, index=indicators.index) | ~first_row


def _written(value: object) -> bool:
    """A cell with something in it but spaces (a missing cell is None here)."""
    return value is not None and bool(str(value).strip())


def _induk_exists(nodes: pd.DataFrame) -> pd.Series:
    induk = nodes["kode_induk"]
    return induk.eq("") | induk.isin(nodes["kode"])


def _induk_level_fits(nodes: pd.DataFrame) -> pd.Series:
    """Parents in a cycle are left to H004: the cycle is the defect, not each of its links."""
    level_of = pd.Series(nodes["level"].to_numpy(), index=nodes["kode"].to_numpy())
    level_of = level_of[~level_of.index.duplicated()]
    parent_level = nodes["kode_induk"].map(level_of).astype("Int64")
    return level_fits(nodes["level"], parent_level) | nodes["in_cycle"]


def _kode_unique_meaning(indicators: pd.DataFrame) -> pd.Series:
    """Fails on the first row of each other sasaran/Tingkat/unit that reuses a Kode.

    Only a Kode whose rows are not all written alike can fail (equal cells have equal keys), so
    the keys are compared within those Kode's rows alone.
    """
    candidates = _varied_kode_rows(indicators)
    if not candidates.any():
        return pd.Series(True, index=indicators.index)
    passed = _kode_meaning_within(indicators[candidates])
    return passed.reindex(indicators.index, fill_value=True)


def _varied_kode_rows(indicators: pd.DataFrame) -> np.ndarray:
    """The rows of each Kode whose sasaran, Tingkat or unit cells are not all the same (a blank
    cell counts as one more value; rows without Kode are in no group)."""
    kode, kodes = pd.factorize(indicators["kode"], use_na_sentinel=True)
    grouped = kode >= 0
    varied = np.zeros(len(kodes), dtype=bool)
    for name in H003_FIELDS:
        value, _ = pd.factorize(indicators[name].astype(object), use_na_sentinel=False)
        low = np.full(len(kodes), len(value), dtype=np.int64)
        high = np.full(len(kodes), -1, dtype=np.int64)
        np.minimum.at(low, kode[grouped], value[grouped])
        np.maximum.at(high, kode[grouped], value[grouped])
        varied |= low != high
    rows = np.zeros(len(kode), dtype=bool)
    rows[grouped] = varied[kode[grouped]]
    return rows


def _kode_meaning_within(indicators: pd.DataFrame) -> pd.Series:
    kode = indicators["kode"]
    keys = {name: normalised(indicators[name]) for name in H003_FIELDS}
    given = pd.DataFrame({name: key.where(key.ne("")) for name, key in keys.items()})
    firsts = given.groupby(kode).transform("first")  # each Kode's first non-blank value
    differs = pd.Series(False, index=indicators.index)
    for name, key in keys.items():
        first = firsts[name]
        differs |= (key.ne("") & first.notna() & key.ne(first)).astype(bool)
    meaning = keys["sasaran"] + "|" + keys["tingkat"] + "|" + keys["unit_kerja"]
    repeated = pd.DataFrame({"kode": kode, "meaning": meaning}).duplicated()
    return ~(differs & ~repeated)


# ----------------------------------------------------------------------------- messages


@dataclass
class _Context:
    workbook: MatriksWorkbook
    _records: dict[int, dict[str, object]] = field(default_factory=dict)  # row -> record

    @cached_property
    def nodes(self) -> pd.DataFrame:
        return self.workbook.nodes.frame

    @cached_property
    def row_of(self) -> dict[str, int]:
        rows: dict[str, int] = {}
        for row, kode in zip(self.nodes.index.tolist(), self.nodes["kode"].tolist(), strict=True):
            rows.setdefault(str(kode), int(row))
        return rows

    @cached_property
    def children(self) -> dict[str, list[str]]:
        kids: dict[str, list[str]] = {}
        for kode, induk in zip(
            self.nodes["kode"].tolist(), self.nodes["kode_induk"].tolist(), strict=True
        ):
            if induk:
                kids.setdefault(str(induk), []).append(str(kode))
        return kids

    @cached_property
    def unit_key(self) -> dict[str, str]:
        units = normalised(self.nodes["unit_kerja"])
        return {
            str(kode): unit
            for kode, unit in zip(self.nodes["kode"].tolist(), units.tolist(), strict=True)
        }

    @cached_property
    def code_keys(self) -> dict[str, str]:
        return {_code_key(kode): kode for kode in self.row_of}

    @cached_property
    def _columns(self) -> dict[str, list[object]]:
        """Each node column as a list, converted once; a record is built only for the nodes a
        message names (a dict for every node, or a `.loc` per message, is slow)."""
        return {name: column_values(self.nodes[name]) for name in self.nodes.columns}

    @cached_property
    def _position(self) -> dict[int, int]:
        return {row: at for at, row in enumerate(self.nodes.index.tolist())}

    def record(self, row: int) -> dict[str, object]:
        """The node's record on Excel `row`, as `records_by_row` gives it."""
        if row not in self._records:
            at = self._position[row]
            self._records[row] = {name: values[at] for name, values in self._columns.items()}
        return self._records[row]

    @cached_property
    def levels_below(self) -> dict[tuple[str, int], list[tuple[str, str]]]:
        """(parent Kode, level) -> [(Kode, unit key)] of the children on that level, in row
        order: the candidates an H002 message suggests, gathered once for all messages."""
        levels, position = self._columns["level"], self._position
        found: dict[tuple[str, int], list[tuple[str, str]]] = {}
        for parent, kids in self.children.items():
            for kid in kids:
                level = levels[position[self.row_of[kid]]]  # as `record(...)["level"]`
                if level is not None and not pd.isna(level):
                    found.setdefault((parent, int(level)), []).append(
                        (kid, self.unit_key.get(kid, ""))
                    )
        return found

    def node(self, kode: str) -> tuple[int, Mapping[str, object]]:
        row = self.row_of[kode]
        return row, self.record(row)


def _code_key(kode: str) -> str:
    return "".join(kode.upper().split()).strip(".")


def _sasaran_of(record: Mapping[str, object]) -> str:
    return str(record.get("sasaran", "") or "") or "(sasaran kosong)"


def _msg_b004(ctx: _Context, row: int, record: Mapping[str, object]) -> str:
    return (
        f"{level_label(record['level'])} {node_name(record, row)} belum mempunyai indikator; "
        "tambahkan sedikitnya satu indikator kinerja beserta target dan satuannya."
    )


def _msg_b005(ctx: _Context, row: int, record: Mapping[str, object]) -> str:
    return (
        f"Sasaran pada Kode {node_name(record, row)} kosong; tuliskan kondisi yang ingin "
        "dicapai (mis. 'Meningkatnya ...', 'Tersusunnya ...')."
    )


def _msg_h001(ctx: _Context, row: int, record: Mapping[str, object]) -> str:
    induk = str(record["kode_induk"])
    near = ctx.code_keys.get(_code_key(induk))
    hint = (
        f" Mungkin maksudnya '{near}'?"
        if near and near != induk
        else " Periksa ejaannya, atau tambahkan baris sasaran induknya."
    )
    return f"Kode Induk '{induk}' tidak ditemukan pada kolom Kode.{hint}"


def _field_h002(record: Mapping[str, object]) -> str:
    return "tingkat" if bool(record.get("induk_inferred", False)) else "kode_induk"


def _msg_h002(ctx: _Context, row: int, record: Mapping[str, object]) -> str:
    this = Tingkat(int(record["level"]))
    parent_row, parent = ctx.node(str(record["kode_induk"]))
    name = node_name(parent, parent_row)
    inferred = bool(record.get("induk_inferred", False))
    subject = (
        f"Induk {name} (disimpulkan dari urutan baris karena Kode Induk kosong)"
        if inferred
        else f"Induk {name}"
    )
    if this == Tingkat.TUJUAN:
        return (
            f"{subject} adalah {level_label(parent['level'])}; Tujuan adalah tingkat teratas "
            "dan tidak menginduk ke sasaran lain. Kosongkan Kode Induk."
        )
    wanted = [t for t in sorted(expected_parent(this)) if t != Tingkat.RENCANA_HASIL_KERJA]
    message = (
        f"{subject} adalah {level_label(parent['level'])}; {this.label} seharusnya menginduk ke "
        f"{either([t.label for t in wanted])}."
    )
    if len(wanted) == 1 and not pd.isna(parent["level"]) and int(parent["level"]) < wanted[0]:
        # Skipped a level: suggest the boxes of that level under the same parent, of this unit.
        unit = ctx.unit_key.get(str(record["kode"]), "")
        candidates = []
        for kid, kid_unit in ctx.levels_below.get((str(parent["kode"]), int(wanted[0])), []):
            if kid != record["kode"] and (not unit or kid_unit == unit):
                kid_row, kid_record = ctx.node(kid)
                candidates.append(node_name(kid_record, kid_row))
                if len(candidates) > 3:
                    break  # three are named, a fourth says 'dan lainnya'
        of_unit = f" milik '{record['unit_kerja']}'" if unit else ""
        if candidates:
            more = " dan lainnya" if len(candidates) > 3 else ""
            message += (
                f" Pilih {wanted[0].label}{of_unit} di bawah {name} yang didukungnya: "
                f"{', '.join(candidates[:3])}{more}."
            )
        else:
            message += (
                f" Belum ada {wanted[0].label}{of_unit} di bawah {name}; tambahkan sebagai "
                "induknya."
            )
    elif inferred:
        message += " Isi Kode Induk dengan Kode induk yang tepat."
    return message


def _cell_key(value: object) -> str:
    """`normalised` of one cell: a missing cell is ''."""
    return normalise(value if isinstance(value, str) else "" if pd.isna(value) else str(value))


def _msg_h003(ctx: _Context, row: int, record: Mapping[str, object]) -> str:
    kode = str(record["kode"])
    first_row, first = ctx.node(kode)
    differing = [
        label
        for name, label in H003_FIELDS.items()
        if _cell_key(record[name]) != _cell_key(first[name])
        and str(record[name] or "").strip()
        and str(first[name] or "").strip()
    ]
    what = either(differing) or "sasaran"

    def describe(rec: Mapping[str, object]) -> str:
        return f"'{_sasaran_of(rec)}' ({rec['tingkat'] or '-'}, {rec['unit_kerja'] or '-'})"

    return (
        f"Kode '{kode}' dipakai untuk {what} yang berbeda: baris {first_row} {describe(first)} "
        f"dan baris {row} {describe(record)}. Satu Kode hanya untuk satu sasaran; beri baris "
        "ini Kode lain, atau samakan isinya bila memang sasaran yang sama."
    )


# ----------------------------------------------------------------------------- mapping table


class RuleCheck(NamedTuple):
    """A vectorised test over one frame (True for the rows that pass) and how a failing row
    becomes a Finding."""

    code: str
    frame: str  # "nodes" | "indicators"
    test: Callable[[pd.DataFrame], pd.Series]
    field: str | Callable[[Mapping[str, object]], str]
    message: Callable[[_Context, int, Mapping[str, object]], str]


RULE_CHECKS: dict[str, RuleCheck] = {
    "sasaran_tanpa_indikator": RuleCheck("B004", "nodes", _has_indicator, "indikator", _msg_b004),
    "sasaran_kosong": RuleCheck("B005", "indicators", _has_sasaran, "sasaran", _msg_b005),
    "kode_induk_tidak_ada": RuleCheck("H001", "nodes", _induk_exists, "kode_induk", _msg_h001),
    "tingkat_induk_tidak_tepat": RuleCheck(
        "H002", "nodes", _induk_level_fits, _field_h002, _msg_h002
    ),
    "kode_untuk_sasaran_berbeda": RuleCheck(
        "H003", "indicators", _kode_unique_meaning, "kode", _msg_h003
    ),
}


def check_kinerja_rows(workbook: MatriksWorkbook) -> list[Finding]:
    """B004, B005, H001-H003: one Finding per failing row, ordered by rule, sheet and row."""
    frames: dict[str, tuple[SheetFrame, pd.DataFrame]] = {}
    nodes = workbook.nodes.frame
    if not nodes.empty:
        cycles = links_and_cycles(nodes)[1]
        in_cycle = nodes.index.isin([row for cycle in cycles for row in cycle])
        frames["nodes"] = (workbook.nodes, nodes.assign(in_cycle=in_cycle))
    if not workbook.indicators.frame.empty:
        frames["indicators"] = (workbook.indicators, workbook.indicators.frame)
    ctx = _Context(workbook)
    findings: list[Finding] = []
    for rule in RULE_CHECKS.values():
        if rule.frame not in frames:
            continue
        sheet_frame, frame = frames[rule.frame]
        passed = rule.test(frame).fillna(True).astype(bool).to_numpy()
        failing = frame.index[~passed]
        if failing.empty:
            continue
        rows = None if rule.frame == "nodes" else records_by_row(sheet_frame.frame.loc[failing])
        for row in failing:
            record = ctx.record(int(row)) if rows is None else rows[row]
            where_field = rule.field if isinstance(rule.field, str) else rule.field(record)
            findings.append(
                finding(
                    rule.code,
                    rule.message(ctx, int(row), record),
                    **at_row(workbook, sheet_frame, int(row), where_field, record),
                )
            )
    return sorted(findings, key=lambda f: (f.code, f.sheet, _row_of(f.cell)))


def _row_of(cell: str) -> int:
    digits = "".join(ch for ch in cell if ch.isdigit())
    return int(digits) if digits else 0
