"""Reconciliation rules R001-R007, and P001/N004 on the document compared against.

A (a matriks) is compared with B (a Renstra, or another matriks such as the pohon kinerja
chapter of the same report). Both are first turned into a `Side`: one row per indicator with its
level, target for the year, unit, pagu and the sasaran/program/kegiatan it sits under. Only the
levels both documents state are compared: a Renstra summary table names no kegiatan, so the
cascade's kegiatan are not "missing from the Renstra".

Every finding says how the indicator was matched (model.matching) and with what score.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd

from pokin_xl.checks.budget import rupiah
from pokin_xl.checks.catalogue import finding
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.matching import (
    FUZZY,
    KODE,
    comparison_code,
    describe,
    match_indicators,
    similarity,
    text_key,
)
from pokin_xl.model.renstra import JENIS_LABELS, RenstraWorkbook
from pokin_xl.model.targets import (
    NUMERIC_KINDS,
    Target,
    format_number,
    format_target,
    target_from_row,
)
from pokin_xl.model.text import clean, normalise
from pokin_xl.model.units import normalise_unit, units_compatible

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("R001", "R002", "R003", "R004", "R005", "R006", "R007")

TIER_OF_LEVEL = {
    int(Tingkat.TUJUAN): "tujuan",
    int(Tingkat.SASARAN_STRATEGIS): "sasaran",
    int(Tingkat.SASARAN_PROGRAM): "program",
    int(Tingkat.SASARAN_KEGIATAN): "kegiatan",
    int(Tingkat.SASARAN_SUB_KEGIATAN): "sub_kegiatan",
    int(Tingkat.RENCANA_HASIL_KERJA): "rhk",
}
TIER_LABELS = {**JENIS_LABELS, "rhk": "Rencana Hasil Kerja", "": "-"}
ANCHORS = ("sasaran", "program", "kegiatan")
OWN_NODE_MIN = 60.0  # an indicator's own sasaran reworded, not replaced
SAME_TEXT_MIN = 88.0
NEAREST_MIN = 60.0
STATUS_SAME, STATUS_DIFFERENT, STATUS_AMBIGUOUS, STATUS_UNCASCADED = (
    "sama",
    "beda",
    "ambigu",
    "tidak di-cascade",
)
_MAX_LISTED = 4


def group_of(tier: str) -> str:
    """Levels compared with each other: a Renstra's "Indikator Tujuan/Sasaran" is either."""
    return "strategis" if tier in ("tujuan", "sasaran") else tier


# ------------------------------------------------------------------------------------- sides
@dataclass
class Side:
    """One document's indicators in comparable form (index: 0..n-1; `row` is the Excel row)."""

    file: str
    label: str  # "Renstra" or "Matriks" - how messages name the document
    kind: str  # "renstra" | "matriks"
    sheet: str
    year: int | None
    frame: pd.DataFrame
    has_targets: bool = True  # False: the document states no target for the year compared
    records: list[dict] = field(default_factory=list)  # `frame` as dicts, in the same order

    @property
    def status_name(self) -> str:
        """How a status names the document: 'Renstra', or 'pembanding' for another matriks."""
        return "Renstra" if self.kind == "renstra" else "pembanding"


_SIDE_COLUMNS = [
    "row",
    "node",
    "tier",
    "group",
    "kode_key",
    "indikator",
    "key",
    "target",
    "satuan",
    "unit",
    "pagu",
    "unit_kerja",
    "tingkat",
    "kode",
    "own_text",
    "own_cell",
    "cell_indikator",
    "cell_target",
    "cell_satuan",
    "cell_pagu",
    *(f"{k}_{p}" for k in ANCHORS for p in ("node", "code", "name", "text", "cell")),
]


def _unit(satuan_norm: str, target: Target) -> str:
    """The Satuan, or the unit the target itself states ('51,01 %') when the Satuan is blank."""
    return satuan_norm or normalise_unit(target.unit)


def side_from_matriks(workbook: MatriksWorkbook, label: str = "Matriks") -> Side:
    frame = workbook.indicators.frame
    cells = workbook.indicators
    nodes = {str(r["kode"]): (row, r) for row, r in workbook.nodes.frame.to_dict("index").items()}
    records: list[dict[str, object]] = []
    for row, r in frame.to_dict("index").items():
        indikator = clean(r.get("indikator", ""))
        if not indikator:
            continue
        level = r.get("level")
        tier = TIER_OF_LEVEL.get(int(level), "") if not pd.isna(level) else ""
        target = target_from_row(r)
        node_row = int(r["node_row"])
        pagu = r.get("pagu_value")
        record: dict[str, object] = {
            "row": int(row),
            "node": str(r["kode"]),
            "tier": tier,
            "group": group_of(tier),
            "kode_key": comparison_code(r.get("kode_nomenklatur", "")),
            "indikator": indikator,
            "key": text_key(indikator),
            "target": target,
            "satuan": clean(r.get("satuan", "")),
            "unit": _unit(str(r.get("satuan_norm", "") or ""), target),
            "pagu": None if pd.isna(pagu) else float(pagu),
            "unit_kerja": clean(r.get("unit_kerja", "")),
            "tingkat": str(r.get("tingkat", "")),
            "kode": str(r["kode"]),
            "own_text": clean(r.get("sasaran", "")),
            "own_cell": cells.cell("sasaran", node_row),
            "cell_indikator": cells.cell("indikator", int(row)),
            "cell_target": cells.cell("target", int(row)),
            "cell_satuan": cells.cell("satuan", int(row)),
            "cell_pagu": cells.cell("pagu", node_row),
        }
        seen: set[str] = set()
        current = str(r["kode"])
        while current and current in nodes and current not in seen:
            seen.add(current)
            first_row, node = nodes[current]
            node_level = node.get("level")
            kind = TIER_OF_LEVEL.get(int(node_level), "") if not pd.isna(node_level) else ""
            if kind in ANCHORS and f"{kind}_node" not in record:
                name = clean(node.get("nomenklatur", ""))
                record[f"{kind}_node"] = current
                record[f"{kind}_code"] = comparison_code(node.get("kode_nomenklatur", ""))
                record[f"{kind}_name"] = name
                record[f"{kind}_text"] = clean(node.get("sasaran", ""))
                record[f"{kind}_cell"] = cells.cell("sasaran", int(first_row))
                record[f"{kind}_tingkat"] = str(node.get("tingkat", ""))
                record[f"{kind}_unit"] = str(node.get("unit_kerja", ""))
                record[f"{kind}_name_cell"] = cells.cell("nomenklatur", int(first_row))
            current = str(node.get("kode_induk", "") or "")
        records.append(record)
    return Side(
        file=workbook.file_name,
        label=label,
        kind="matriks",
        sheet=workbook.indicators.sheet,
        year=workbook.identity.tahun,
        frame=_side_frame(records),
        records=records,
    )


def side_from_renstra(workbook: RenstraWorkbook, period: int | None) -> Side:
    """B's indicators with their target and pagu of `period` (None: the file states none)."""
    frame = workbook.indicators.frame
    nodes = _by_id(workbook).to_dict("index")
    records: list[dict[str, object]] = []
    for r in frame.reset_index().to_dict("records"):
        row = r["row"]
        indikator = clean(r.get("indikator", ""))
        if not indikator:
            continue
        tier = str(r.get("jenis", "") or "")
        target = r.get(f"target_{period}")
        target = target if isinstance(target, Target) else Target(raw="", kind="empty")
        node_id = str(r.get("node", "") or "")
        node = nodes.get(node_id)
        pagu = node.get(f"pagu_{period}") if node is not None else None
        record: dict[str, object] = {
            "row": int(row),
            "node": node_id or f"i{r.get('indikator_cell')}",
            "tier": tier,
            "group": group_of(tier),
            "kode_key": str(r.get("kode_key", "") or ""),
            "indikator": indikator,
            "key": text_key(indikator),
            "target": target,
            "satuan": clean(r.get("satuan", "")),
            "unit": _unit(str(r.get("satuan_norm", "") or ""), target),
            "pagu": None if pagu is None or pd.isna(pagu) else float(pagu),
            "unit_kerja": clean(r.get("unit_kerja", "")),
            "tingkat": TIER_LABELS.get(tier, tier),
            "kode": str(r.get("kode", "") or ""),
            "own_text": clean(node.get("uraian", "") or node.get("nama", ""))
            if node is not None
            else "",
            "own_cell": str(node.get("cell", "")) if node is not None else "",
            "cell_indikator": str(r.get("indikator_cell", "")),
            "cell_target": str(r.get(f"target_cell_{period}", "")),
            "cell_satuan": str(r.get("satuan_cell", "")),
            "cell_pagu": str(node.get(f"pagu_cell_{period}", "")) if node is not None else "",
        }
        for kind in ANCHORS:
            anchor_id = str(r.get(f"{kind}_node", "") or "")
            anchor = nodes.get(anchor_id)
            if anchor is None:
                continue
            record[f"{kind}_node"] = anchor_id
            record[f"{kind}_code"] = str(anchor.get("kode_key", "") or "")
            record[f"{kind}_name"] = clean(anchor.get("nama", ""))
            record[f"{kind}_text"] = clean(anchor.get("uraian", ""))
            record[f"{kind}_cell"] = str(anchor.get("cell", ""))
            record[f"{kind}_name_cell"] = str(anchor.get("cell", ""))
        records.append(record)
    return Side(
        file=workbook.file_name,
        label="Renstra",
        kind="renstra",
        sheet=workbook.sheet,
        year=workbook.periods.get(period) if period is not None else None,
        frame=_side_frame(records),
        has_targets=period is not None,
        records=records,
    )


def _by_id(workbook: RenstraWorkbook) -> pd.DataFrame:
    """The nodes frame indexed by node id, the Excel row kept as column `row`."""
    return workbook.nodes.frame.reset_index().set_index("node_id", drop=False)


def _side_frame(records: list[dict[str, object]]) -> pd.DataFrame:
    columns = [*_SIDE_COLUMNS, *(f"{k}_name_cell" for k in ANCHORS)]
    for record in records:
        for column in columns:
            value = record.get(column)
            if value is None and column not in ("pagu", "target"):
                record[column] = ""
        record["context"] = frozenset(
            f"{kind}:{value}"
            for kind in ANCHORS
            for value in (
                record[f"{kind}_code"],
                normalise(record[f"{kind}_name"]),
                normalise(record[f"{kind}_text"]),
            )
            if value
        )
        record["signature"] = f"{format_target(record['target'])}|{record['unit']}|{record['pagu']}"
    return pd.DataFrame(records, columns=[*columns, "context", "signature"])


# ------------------------------------------------------------------------------- comparison
@dataclass
class Comparison:
    rows: pd.DataFrame  # one row per compared indicator (see ROW_COLUMNS)
    findings: list[Finding]
    compared: dict[str, int]  # counts: A and B indicators compared, left out as outside B's levels


ROW_COLUMNS = [
    "status",
    "method",
    "score",
    "tingkat",
    "unit_kerja",
    "a_indikator",
    "b_indikator",
    "a_target",
    "b_target",
    "a_value",
    "b_value",
    "a_satuan",
    "b_satuan",
    "a_pagu",
    "b_pagu",
    "a_cell",
    "b_cell",
    "a_induk",
    "b_induk",
    "codes",
    "note",
]


def compare_sides(a: Side, b: Side) -> Comparison:
    """Match A's indicators to B's and list every disagreement."""
    groups_a, groups_b = set(a.frame.get("group", [])), set(b.frame.get("group", []))
    a_in = a.frame[a.frame["group"].isin(groups_b)] if len(a.frame) else a.frame
    b_in = b.frame[b.frame["group"].isin(groups_a)] if len(b.frame) else b.frame
    run = _Run(a, b, a_in, b_in)
    run.compare()
    rows = pd.DataFrame(run.rows, columns=ROW_COLUMNS)
    compared = {
        "a": len(a_in),
        "b": len(b_in),
        "a_outside": len(a.frame) - len(a_in),
        "b_outside": len(b.frame) - len(b_in),
    }
    return Comparison(rows=rows, findings=run.findings, compared=compared)


def _number_of(target: Target) -> float | None:
    if target.kind in ("number", "percent") and target.value is not None:
        return float(target.value)
    return None


def same_target(a: Target, b: Target) -> bool:
    """Equal targets whatever their spelling: '1,00' and '1%' (unit apart), 'Predikat A' and 'A'."""
    if a.kind == "empty" or b.kind == "empty":
        return a.kind == b.kind
    if a.kind in NUMERIC_KINDS and b.kind in NUMERIC_KINDS:
        if {a.kind, b.kind} <= {"number", "percent"}:
            return _close(a.value, b.value)
        if a.kind != b.kind:
            return False
        if a.kind == "range":
            return _close(a.low, b.low) and _close(a.high, b.high)
        return a.operator == b.operator and _close(a.value, b.value)
    if a.kind == "category" and b.kind == "category":
        if normalise(a.category, expand=False) != normalise(b.category, expand=False):
            return False
        both = a.low is not None and b.low is not None
        return not both or (_close(a.low, b.low) and _close(a.high, b.high))
    return normalise(a.raw) == normalise(b.raw)


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def _shown(target: Target) -> str:
    return format_target(target) or "(kosong)"


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + format_number(float(value))


def _truncation(a: str, b: str, label_a: str, label_b: str) -> str:
    """' (teks di Matriks terpotong)' when one text is the start of the other."""
    ka, kb = normalise(a), normalise(b)
    if kb.startswith(ka + " "):
        return f" (teks di {label_a} terpotong)"
    if ka.startswith(kb + " "):
        return f" (teks di {label_b} terpotong)"
    return ""


class _Run:
    def __init__(self, a: Side, b: Side, a_in: pd.DataFrame, b_in: pd.DataFrame) -> None:
        self.a, self.b = a, b
        self.a_in, self.b_in = a_in, b_in
        # plain dicts: a pandas row per access is what made large comparisons slow
        self.ra = {i: {**r, "_id": i} for i, r in enumerate(_records(a))}
        self.rb = {i: {**r, "_id": i} for i, r in enumerate(_records(b))}
        self.records = {id(a): self.ra, id(b): self.rb}
        self.findings: list[Finding] = []
        self.rows: list[dict[str, object]] = []
        self.reported: set[tuple] = set()

    # where a finding points
    def _at_a(self, record: dict, cell: str, subject: str | None = None) -> dict[str, str]:
        return _at(self.a, record, cell, subject)

    def _at_b(self, record: dict, cell: str) -> dict[str, str]:
        return _at(self.b, record, cell)

    def _b_where(self, record: dict, cell: str | None = None) -> str:
        return f"{self.b.file} sel {cell or record['cell_indikator']}"

    def compare(self) -> None:
        a_in, b_in = self.a_in, self.b_in
        columns = ["key", "group", "context", "signature"]
        matches = match_indicators(
            a_in[columns].rename(columns={"key": "text"}).assign(kode=a_in["kode_key"]),
            b_in[columns].rename(columns={"key": "text"}).assign(kode=b_in["kode_key"]),
        )
        self.matches = matches
        self.match_of = matches.to_dict("index")
        pairs = [(ia, m["b"]) for ia, m in self.match_of.items() if m["b"] is not None]
        self.links = Counter((self.ra[ia]["node"], self.rb[ib]["node"]) for ia, ib in pairs)
        matched_b = {ib for _, ib in pairs}
        self.unmatched_b = [ib for ib in b_in.index if ib not in matched_b]
        self.swaps = self._swaps(pairs)
        self._index_hints(matches)
        for ia, m in self.match_of.items():
            record = self.ra[ia]
            if m["b"] is not None:
                self._pair(record, self.rb[m["b"]], m["method"], float(m["score"]))
            else:
                self._missing(record, m)
        for ib in self.unmatched_b:
            self._uncascaded(self.rb[ib])

    def _index_hints(self, matches: pd.DataFrame) -> None:
        """Lookups the messages use, built once (no scan of a whole side per finding)."""
        self.by_key = {id(side): _first_by(side.frame, "key") for side in (self.a, self.b)}
        self.statements = {
            id(side): _first_by(
                side.frame.assign(_own=side.frame["own_text"].map(text_key)), "_own"
            )
            for side in (self.a, self.b)
        }
        self.ambiguous_for: dict[object, int] = {}
        self.nearest_for: dict[object, tuple[float, int]] = {}
        self.claimed_by: dict[object, int] = {}
        for ia, others in self.swaps.items():
            for ib in others:
                self.claimed_by.setdefault(ib, ia)
        for ia, m in self.match_of.items():
            if m["b"] is not None:
                continue
            for ib, score in m["candidates"]:
                if m["ambiguous"]:
                    self.ambiguous_for.setdefault(ib, ia)
                elif score >= NEAREST_MIN:
                    best = self.nearest_for.get(ib)
                    if best is None or (-score, ia) < (-best[0], best[1]):
                        self.nearest_for[ib] = (score, ia)

    def _swaps(self, pairs: list[tuple[int, int]]) -> dict[int, list[int]]:
        """For a pair whose targets differ: unmatched B rows under the same parent with A's target."""
        hints: dict[int, list[int]] = {}
        by_parent: dict[str, list[int]] = defaultdict(list)
        for ib in self.unmatched_b:
            rec = self.rb[ib]
            by_parent[_parent_key(rec)].append(ib)
        for ia, ib in pairs:
            ta, tb = self.ra[ia]["target"], self.rb[ib]["target"]
            if same_target(ta, tb) or ta.kind == "empty":
                continue
            others = [
                j
                for j in by_parent.get(_parent_key(self.rb[ib]), [])
                if same_target(ta, self.rb[j]["target"])
            ]
            if others:
                hints[ia] = others
        return hints

    # ----------------------------------------------------------------------- matched pairs
    def _pair(self, a: dict, b: dict, method: str, score: float) -> None:
        how = describe(method, score)
        codes: list[str] = []
        notes: list[str] = []
        ta, tb = a["target"], b["target"]
        year = self.b.year or self.a.year
        if self.b.has_targets and not same_target(ta, tb):
            codes.append("R002")
            va, vb = _number_of(ta), _number_of(tb)
            difference = (
                f"selisih {_signed(vb - va)}"
                if va is not None and vb is not None
                else "selisih tidak dapat dihitung"
            )
            hint = ""
            if a["_id"] in self.swaps:
                other = self.rb[self.swaps[a["_id"]][0]]
                hint = (
                    f" Target {_shown(ta)} sama dengan target indikator {self.b.label} lain yang tidak "
                    f"di-cascade: '{other['indikator']}' ({self._b_where(other)}) - indikator tertukar?"
                )
            self.findings.append(
                finding(
                    "R002",
                    f"Target{f' {year}' if year else ''} indikator '{a['indikator']}' berbeda: "
                    f"{self.a.label} '{_shown(ta)}', "
                    f"{self.b.label} '{_shown(tb)}' ({self._b_where(b, b['cell_target'])}); "
                    f"{difference}. Indikator {how}.{hint}",
                    **self._at_a(a, str(a["cell_target"])),
                )
            )
        if a["unit"] and b["unit"] and not units_compatible(str(a["unit"]), str(b["unit"])):
            codes.append("R004")
            self.findings.append(
                finding(
                    "R004",
                    f"Satuan berbeda: {self.a.label} '{a['satuan'] or a['unit']}', {self.b.label} "
                    f"'{b['satuan'] or b['unit']}' ({self._b_where(b, b['cell_satuan'] or None)}). "
                    f"Indikator {how}.",
                    **self._at_a(a, str(a["cell_satuan"])),
                )
            )
        if method in (FUZZY, KODE) and a["key"].replace(" ", "") != b["key"].replace(" ", ""):
            codes.append("R007")
            self.findings.append(
                finding(
                    "R007",
                    f"Rumusan indikator berbeda: {self.a.label} '{a['indikator']}', {self.b.label} "
                    f"'{b['indikator']}' ({self._b_where(b)})"
                    f"{_truncation(a['indikator'], b['indikator'], self.a.label, self.b.label)}; "
                    f"{how}.",
                    **self._at_a(a, str(a["cell_indikator"])),
                )
            )
        for kind in ANCHORS:
            code = self._anchor(kind, a, b, how)
            if code:
                codes.append(code)
        pagu_key = ("R006", a["node"], b["node"])
        a_pagu, b_pagu = a["pagu"], b["pagu"]
        if (
            a_pagu is not None
            and b_pagu is not None
            and not pd.isna(a_pagu)
            and not pd.isna(b_pagu)
            and abs(float(a_pagu) - float(b_pagu)) >= 1
        ):
            codes.append("R006")
            if pagu_key not in self.reported:
                self.reported.add(pagu_key)
                self.findings.append(
                    finding(
                        "R006",
                        f"Pagu{f' {year}' if year else ''} berbeda: {self.a.label} "
                        f"{rupiah(a_pagu)}, {self.b.label} {rupiah(b_pagu)} "
                        f"({self._b_where(b, b['cell_pagu'])}); selisih "
                        f"{_signed(float(b_pagu) - float(a_pagu))}. Indikator {how}.",
                        **self._at_a(a, str(a["cell_pagu"])),
                    )
                )
        value_codes = {"R002", "R004", "R006"}
        status = STATUS_DIFFERENT if value_codes & set(codes) else STATUS_SAME
        if a["_id"] in self.swaps:
            notes.append("target sama dengan indikator lain yang tidak di-cascade")
        self._row(status, method, score, a, b, codes, "; ".join(notes))

    def _anchor(self, kind: str, a: dict, b: dict, how: str) -> str:
        an, bn = a[f"{kind}_node"], b[f"{kind}_node"]
        if not an or not bn:
            return ""
        a_code, b_code = a[f"{kind}_code"], b[f"{kind}_code"]
        if a_code and b_code:
            if a_code == b_code:
                return ""
            same, score, ta, tb = False, 0.0, a_code, b_code
        else:
            if a[f"{kind}_name"] and b[f"{kind}_name"]:
                ta, tb, part = a[f"{kind}_name"], b[f"{kind}_name"], "name_cell"
            elif a[f"{kind}_text"] and b[f"{kind}_text"]:
                ta, tb, part = a[f"{kind}_text"], b[f"{kind}_text"], "cell"
            else:
                return ""
            ka, kb = text_key(ta), text_key(tb)
            if ka.replace(" ", "") == kb.replace(" ", ""):
                return ""
            score = similarity(ka, kb)
            own = kind == a["tier"] or kind == b["tier"]
            evidence = self.links[(an, bn)] - (1 if (a["node"], b["node"]) == (an, bn) else 0)
            same = score >= SAME_TEXT_MIN or evidence > 0 or (own and score >= OWN_NODE_MIN)
            if same:
                key = ("R007", kind, an, bn)
                if key not in self.reported:
                    self.reported.add(key)
                    label = JENIS_LABELS.get(kind, kind).lower()
                    if part == "cell" and kind != "sasaran":
                        label = f"sasaran {label}"  # the goal's wording, not the item's name
                    where = self._at_a(a, str(a[f"{kind}_{part}"] or a[f"{kind}_cell"]), subject=ta)
                    # The finding concerns the higher node compared, not the indicator's row.
                    where.update(
                        kode=str(an),
                        tingkat=str(a.get(f"{kind}_tingkat") or where["tingkat"]),
                        unit=str(a.get(f"{kind}_unit") or where["unit"]),
                    )
                    self.findings.append(
                        finding(
                            "R007",
                            f"Rumusan {label} berbeda: {self.a.label} '{ta}', {self.b.label} "
                            f"'{tb}' ({self.b.file} sel {b[f'{kind}_{part}'] or b[f'{kind}_cell']})"
                            f"{_truncation(ta, tb, self.a.label, self.b.label)}; kemiripan {score:g}.",
                            **where,
                        )
                    )
                return "R007"
        label = JENIS_LABELS.get(kind, kind).lower()
        self.findings.append(
            finding(
                "R005",
                f"Indikator ini di {self.a.label} berada di bawah {label} '{ta}', di "
                f"{self.b.label} di bawah {label} '{tb}' ({self.b.file} sel {b[f'{kind}_cell']}). "
                f"Indikator {how}.",
                **self._at_a(a, str(a["cell_indikator"])),
            )
        )
        return "R005"

    # -------------------------------------------------------------------- unmatched rows
    def _missing(self, a: dict, m: dict) -> None:
        candidates = [(self.rb[j], s) for j, s in m["candidates"]]
        if m["ambiguous"]:
            listed = "; ".join(
                f"'{rec['indikator']}' ({self._b_where(rec)}, skor {s:g})"
                for rec, s in candidates[:_MAX_LISTED]
            )
            detail = (
                f" Ada beberapa kandidat yang sama miripnya, tidak dipilih salah satu: {listed}. "
                "Samakan rumusannya agar dapat dicocokkan."
            )
            status = STATUS_AMBIGUOUS
        else:
            detail = ""
            near = [(rec, s) for rec, s in candidates if s >= NEAREST_MIN]
            if near:
                rec, s = near[0]
                detail = f" Kandidat terdekat: '{rec['indikator']}' ({self._b_where(rec)}, skor {s:g}, di bawah ambang)."
            elsewhere = self._elsewhere(self.b, a)
            if elsewhere is not None:
                detail += (
                    f" Teks yang sama ada di {self.b.label} pada tingkat "
                    f"{elsewhere['tingkat']} ({self._b_where(elsewhere)})."
                )
            detail += self._as_statement(self.b, a)
            status = f"tidak ada di {self.b.status_name}"
        self.findings.append(
            finding(
                "R001",
                f"Indikator '{a['indikator']}' ({a['tingkat']}) tidak ditemukan di {self.b.file}"
                f"{' (Renstra)' if self.b.kind == 'renstra' else ''}.{detail}",
                **self._at_a(a, str(a["cell_indikator"])),
            )
        )
        best = candidates[0] if candidates else None
        self._row(
            status,
            "",
            float(best[1]) if best else 0.0,
            a,
            None,
            ["R001"],
            detail.strip(),
        )

    def _uncascaded(self, b: dict) -> None:
        detail = ""
        elsewhere = self._elsewhere(self.a, b)
        if elsewhere is not None:
            detail = (
                f" Teks yang sama ada di {self.a.label} pada tingkat {elsewhere['tingkat']} "
                f"({self.a.file} sel {elsewhere['cell_indikator']})."
            )
        if b["_id"] in self.claimed_by:
            rec = self.ra[self.claimed_by[b["_id"]]]
            detail += (
                f" Targetnya ({_shown(b['target'])}) tercantum di {self.a.label} pada indikator "
                f"'{rec['indikator']}' ({self.a.file} sel {rec['cell_target']})."
            )
        if b["_id"] in self.ambiguous_for:
            rec = self.ra[self.ambiguous_for[b["_id"]]]
            detail += (
                f" Kandidat ambigu untuk '{rec['indikator']}' ({self.a.file} sel "
                f"{rec['cell_indikator']})."
            )
        elif b["_id"] in self.nearest_for:
            score, ia = self.nearest_for[b["_id"]]
            rec = self.ra[ia]
            detail += (
                f" Kandidat terdekat: '{rec['indikator']}' ({self.a.file} sel "
                f"{rec['cell_indikator']}, skor {score:g}, di bawah ambang)."
            )
        detail += self._as_statement(self.a, b)
        parent = _parent_text(b)
        self.findings.append(
            finding(
                "R003",
                f"Indikator {self.b.label} '{b['indikator']}' ({b['tingkat']}"
                f"{f' - {parent}' if parent else ''}) tidak ada "
                f"{'pada tingkat yang sama ' if elsewhere is not None else ''}"
                f"di {self.a.file}.{detail}",
                **self._at_b(b, str(b["cell_indikator"])),
            )
        )
        self._row(STATUS_UNCASCADED, "", 0.0, None, b, ["R003"], detail.strip())

    def _as_statement(self, other: Side, record: dict) -> str:
        """The indicator's text is the other document's sasaran: the two were swapped."""
        hits = self.statements[id(other)].get(record["key"])
        if not hits:
            return ""
        found = self.records[id(other)][hits[0]]
        return (
            f" Teks ini di {other.file} adalah rumusan sasaran (sel {found['own_cell']}) dengan "
            f"indikator '{found['indikator']}' - sasaran dan indikator tertukar?"
        )

    def _elsewhere(self, other: Side, record: dict) -> dict | None:
        """The same text on another level of the other document."""
        for index in self.by_key[id(other)].get(record["key"], ()):
            found = self.records[id(other)][index]
            if found["group"] != record["group"]:
                return found
        return None

    def _row(
        self,
        status: str,
        method: str,
        score: float,
        a: dict | None,
        b: dict | None,
        codes: list[str],
        note: str,
    ) -> None:
        def target(rec: dict | None) -> str:
            return format_target(rec["target"]) if rec is not None else ""

        def value(rec: dict | None) -> float | None:
            return _number_of(rec["target"]) if rec is not None else None

        def pagu(rec: dict | None) -> float | None:
            if rec is None or rec["pagu"] is None or pd.isna(rec["pagu"]):
                return None
            return float(rec["pagu"])

        base = a if a is not None else b
        assert base is not None
        self.rows.append(
            {
                "status": status,
                "method": method,
                "score": score,
                "tingkat": TIER_LABELS.get(str(base["tier"]), str(base["tingkat"])),
                "unit_kerja": base["unit_kerja"],
                "a_indikator": a["indikator"] if a is not None else "",
                "b_indikator": b["indikator"] if b is not None else "",
                "a_target": target(a),
                "b_target": target(b),
                "a_value": value(a),
                "b_value": value(b),
                "a_satuan": (a["satuan"] or a["unit"]) if a is not None else "",
                "b_satuan": (b["satuan"] or b["unit"]) if b is not None else "",
                "a_pagu": pagu(a),
                "b_pagu": pagu(b),
                "a_cell": f"{a['cell_indikator']}" if a is not None else "",
                "b_cell": f"{b['cell_indikator']}" if b is not None else "",
                "a_induk": _parent_text(a) if a is not None else "",
                "b_induk": _parent_text(b) if b is not None else "",
                "codes": ", ".join(dict.fromkeys(codes)),
                "note": note,
            }
        )


def _at(side: Side, record: dict, cell: str, subject: str | None = None) -> dict[str, str]:
    """The `finding()` keywords for a cell of `side`; the subject is the indicator unless given."""
    return {
        "file": side.file,
        "sheet": side.sheet,
        "cell": cell,
        "unit": str(record["unit_kerja"]),
        "tingkat": str(record["tingkat"]),
        "kode": str(record["kode"]),
        "subject": subject if subject is not None else str(record["indikator"]),
    }


def _records(side: Side) -> list[dict]:
    return side.records if len(side.records) == len(side.frame) else side.frame.to_dict("records")


def _first_by(frame: pd.DataFrame, column: str) -> dict[str, list[int]]:
    """Row labels by the value of `column` (non-empty values only), in frame order."""
    found: dict[str, list[int]] = defaultdict(list)
    for label, value in frame[column].items():
        if value:
            found[value].append(label)
    return found


def _parent_key(record: dict) -> str:
    for kind in ("program", "sasaran", "kegiatan"):
        if record[f"{kind}_node"]:
            return f"{kind}:{record[f'{kind}_node']}"
    return ""


def _parent_text(record: dict) -> str:
    """The nearest program/kegiatan/sasaran the indicator sits under, for display."""
    for kind in ("kegiatan", "program", "sasaran"):
        if kind == record["tier"] or not record[f"{kind}_node"]:
            continue
        text = record[f"{kind}_name"] or record[f"{kind}_text"]
        if text:
            return f"{JENIS_LABELS[kind]} {text}"
    kind = record["tier"]
    if kind in ANCHORS and record[f"{kind}_node"]:
        text = record[f"{kind}_name"] or record[f"{kind}_text"]
        return f"{JENIS_LABELS[kind]} {text}" if text else ""
    return ""


# ------------------------------------------------------------------------------- roll-ups
