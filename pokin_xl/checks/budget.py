"""Budget: a parent against its children (P001, P002). The one owner of both rules.

- `check_budget`: a parent's Pagu against the sum of its direct children's Pagu (P001), on a
  matriks and, through model.planning_view, on a planning table's typed parent pagu.
- `check_rollup_formulas`: a planning table's aggregate formula on a parent row (SUM, AVERAGE,
  `+`) in every target, pagu and realisation column, against the parent's children: rows it
  misses, item rows that are not its children, a child counted twice (the child and a row below
  it), the parent itself. Blank, label and continuation rows inside a range are fine. A wrong
  range whose result equals the right one today (the rows it misses are blank or zero) is P002
  (warning); a result that differs is P001 (error) with both numbers.
- `check_plan_budget`: both on a planning table, per period.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.hierarchy import level_label, links_and_cycles, node_name
from pokin_xl.checks.where import at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.records import records
from pokin_xl.model.targets import format_number
from pokin_xl.model.text import clean

# The planning-table side (P001/P002 on a Renstra/Renja) imports the Renstra model when it runs:
# a matriks build or validate never loads it (tests/test_startup.py).
if TYPE_CHECKING:
    from pokin_xl.model.renstra import RenstraWorkbook

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("P001", "P002")

ROLLUP_COLUMNS = [
    "code",
    "value",
    "children_sum",
    "n_children",
    "n_given",
    "difference",
    "complete",
]


def rollup_mismatches(
    frame: pd.DataFrame,
    code_col: str,
    parent_col: str,
    value_col: str,
    *,
    tolerance: float = 0.5,
) -> pd.DataFrame:
    """Parents whose value differs from the sum of their direct children's values.

    A parent is compared when its value is given and at least one child's is. When every child's
    value is given, any difference beyond `tolerance` is a mismatch; when only some are, the sum
    is a lower bound, so only a sum that already exceeds the parent is a mismatch.

    Returns one row per mismatching parent, indexed like `frame`, with ROLLUP_COLUMNS:
    `difference` is value - children_sum, `complete` says whether every child had a value.
    Rows whose `parent_col` is blank or names no code are children of nothing.
    """
    codes = frame[code_col].astype(str)
    parents = frame[parent_col].fillna("").astype(str)
    values = pd.to_numeric(frame[value_col], errors="coerce").astype("Float64")
    is_child = parents.ne("") & parents.isin(codes)
    children = pd.DataFrame({"parent": parents[is_child], "value": values[is_child]})
    grouped = children.groupby("parent")["value"]
    n_children = grouped.size()
    n_given = grouped.count()
    sums = grouped.sum(min_count=1)
    first = ~codes.duplicated()
    out = pd.DataFrame(
        {
            "code": codes[first],
            "value": values[first],
            "children_sum": codes[first].map(sums).astype("Float64"),
            "n_children": codes[first].map(n_children).fillna(0).astype(int),
            "n_given": codes[first].map(n_given).fillna(0).astype(int),
        }
    )
    out["difference"] = out["value"] - out["children_sum"]
    out["complete"] = out["n_given"].eq(out["n_children"])
    compared = out["value"].notna() & out["n_given"].gt(0)
    wrong = out["difference"].abs().gt(tolerance) & out["complete"]
    wrong |= out["difference"].lt(-tolerance) & ~out["complete"]
    return out[(compared & wrong).fillna(False).astype(bool)][ROLLUP_COLUMNS]


def _may_mismatch(
    codes: pd.Series, parents: pd.Series, values: pd.Series, tolerance: float = 0.5
) -> bool:
    """Whether `rollup_mismatches` may find a parent: False when every compared parent is within
    half the tolerance of its given children's sum, summed here in float64 (np.bincount); the
    other half is margin for rounding. A sheet whose pagu add up skips the grouped frames."""
    code = codes.astype(str).to_numpy()
    first = ~pd.Index(code).duplicated()
    parent = parents.fillna("").astype(str).to_numpy()
    at = pd.Index(code[first]).get_indexer(parent)
    value = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    given = (parent != "") & (at >= 0) & ~np.isnan(value)
    n_given = np.bincount(at[given], minlength=int(first.sum()))
    sums = np.bincount(at[given], weights=value[given], minlength=int(first.sum()))
    own = value[first]
    with np.errstate(invalid="ignore"):
        far = np.abs(own - sums) > tolerance / 2
    return bool((~np.isnan(own) & (n_given > 0) & far).any())


def rupiah(amount: float) -> str:
    """'Rp 1.500.000' (Indonesian digits)."""
    return f"Rp {format_number(float(amount))}"


def check_budget(workbook: MatriksWorkbook) -> list[Finding]:
    nodes = workbook.nodes.frame
    if nodes.empty or "pagu_value" not in nodes or nodes["pagu_value"].isna().all():
        return []
    links, cycles = links_and_cycles(nodes)
    # A cycle has no parent to roll up into: H004 reports it.
    in_cycle = nodes.index.isin([row for cycle in cycles for row in cycle])
    parent = links["parent"].where(~in_cycle, "")
    if not _may_mismatch(nodes["kode"], parent, nodes["pagu_value"]):
        return []
    frame = pd.DataFrame(
        {"kode": nodes["kode"], "parent": parent, "pagu": nodes["pagu_value"]},
        index=nodes.index,
    )
    mismatches = rollup_mismatches(frame, "kode", "parent", "pagu")
    if mismatches.empty:
        return []
    indicators = workbook.indicators.frame
    with_pagu = indicators[indicators["pagu_value"].notna()]
    pagu_row = pd.Series(with_pagu.index, index=with_pagu.index).groupby(with_pagu["kode"]).first()
    out = []
    for row, item in mismatches.iterrows():
        record = nodes.loc[row]
        if isinstance(record, pd.DataFrame):  # several nodes open on one row (T-C.27)
            record = record[record["kode"] == item["code"]].iloc[0]
        name = f"{level_label(record['level'])} {node_name(record, row)}"
        given, total = int(item["n_given"]), int(item["n_children"])
        children = (
            f"{total} sasaran di bawahnya"
            if item["complete"]
            else f"{given} dari {total} sasaran di bawahnya yang pagunya terisi"
        )
        relation = "lebih besar" if item["difference"] > 0 else "lebih kecil"
        message = (
            f"Pagu {name} {rupiah(item['value'])} tidak sama dengan jumlah pagu {children} "
            f"{rupiah(item['children_sum'])} (selisih {rupiah(abs(item['difference']))}, "
            f"pagu induk {relation}). "
        )
        message += (
            "Samakan pagu induk dengan jumlah pagu di bawahnya."
            if item["complete"]
            else "Jumlah yang terisi saja sudah melebihi pagu induk; periksa pagu induk dan "
            "lengkapi pagu yang kosong."
        )
        at = int(pagu_row.get(record["kode"], row))
        out.append(
            finding("P001", message, **at_row(workbook, workbook.indicators, at, "pagu", record))
        )
    return out


# ------------------------------------------------------------------------ planning tables
_TOLERANCE = 0.5


def _rows_text(rows: list[int]) -> str:
    ordered = sorted(set(rows))
    if not ordered:
        return "-"
    spans: list[str] = []
    start = prev = ordered[0]
    for row in [*ordered[1:], None]:
        if row is not None and row == prev + 1:
            prev = row
            continue
        spans.append(str(start) if start == prev else f"{start}-{prev}")
        if row is not None:
            start = prev = row
    return ", ".join(spans)


class _Tree:
    def __init__(self, workbook: RenstraWorkbook) -> None:
        frame = workbook.nodes.frame
        self.row_of: dict[str, int] = {}
        self.info: dict[str, dict] = {}
        self.children: dict[str, list[str]] = defaultdict(list)
        for row, node in zip(frame.index, records(frame), strict=True):
            node_id = str(node["node_id"])
            self.row_of[node_id] = int(row)
            self.info[node_id] = node
        # A child whose code names another parent than its position (N004) is disputed: it is
        # neither missing from nor foreign to either parent's formula.
        self.disputed: set[str] = set()
        self.placed: dict[str, list[str]] = defaultdict(list)
        for node_id, node in self.info.items():
            parent = str(node.get("induk") or "")
            above = str(node.get("induk_posisi") or "")
            if parent and parent in self.info:
                self.children[parent].append(node_id)
            if above and above in self.info and above != parent:
                self.placed[above].append(node_id)
                self.disputed.add(node_id)
        self.node_rows = set(self.row_of.values())

    def descendants(self, node_id: str) -> list[str]:
        out: list[str] = []
        stack = list(self.children.get(node_id, []))
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(self.children.get(current, []))
        return out

    def label(self, node_id: str) -> str:
        from pokin_xl.model.renstra import JENIS_LABELS

        node = self.info[node_id]
        kind = JENIS_LABELS.get(str(node["jenis"]), str(node["jenis"])).lower()
        return f"{kind} '{clean(str(node['kode']) + ' ' + str(node['nama'] or node['uraian']))}'"


def _counted(tree: _Tree, node_id: str, refs: set[int]) -> int:
    """How many times a node's amount enters a sum over `refs` (its own row, or its children)."""
    own = 1 if tree.row_of[node_id] in refs else 0
    kids = tree.children.get(node_id, [])
    if not kids:
        return own
    below = [_counted(tree, kid, refs) for kid in kids]
    if own:
        return own + (1 if any(below) else 0)
    return min(below) if all(below) else 0


def _show(value: float | None, pagu: bool) -> str:
    if value is None:
        return "kosong"
    return rupiah(value) if pagu else format_number(round(float(value), 2))


def check_rollup_formulas(workbook: RenstraWorkbook) -> list[Finding]:
    """P001/P002 on the aggregate formulas of a planning table's parent rows (see module doc)."""
    from pokin_xl.model.renstra import JENIS_LABELS

    if not workbook.aggregates or workbook.nodes.frame.empty:
        return []
    tree = _Tree(workbook)
    findings: list[Finding] = []
    for record in workbook.aggregates:
        node_id = str(record["node_id"])
        if node_id not in tree.info:
            continue
        refs = set(record["refs"])
        values: dict[int, float | None] = record["values"]
        kids = tree.children.get(node_id, [])
        family = set(tree.descendants(node_id))
        for other in tree.placed.get(node_id, []):
            family |= {other, *tree.descendants(other)}
        problems: list[str] = []
        if record["broken"]:
            problems.append("merujuk sel yang sudah dihapus (#REF!)")
        if record["row"] in refs:
            problems.append("merujuk dirinya sendiri")
        missing = [
            tree.row_of[k] for k in kids if k not in tree.disputed and _counted(tree, k, refs) == 0
        ]
        twice = [tree.row_of[k] for k in kids if _counted(tree, k, refs) > 1]
        strangers = sorted(
            row
            for row in refs
            if row in tree.node_rows
            and row != record["row"]
            and row not in {tree.row_of[f] for f in family}
            and row not in {tree.row_of[d] for d in tree.disputed}
        )
        if missing:
            problems.append(f"tidak menghitung anaknya di baris {_rows_text(missing)}")
        if strangers:
            problems.append(f"menghitung baris {_rows_text(strangers)} yang bukan anaknya")
        if twice:
            problems.append(
                f"menghitung dua kali anak di baris {_rows_text(twice)} (baris itu dan baris "
                "di bawahnya sama-sama masuk)"
            )
        if not problems:
            continue
        # The number the formula would give over the right rows: the rows it reads, less the
        # rows that are not the parent's children or count one twice, plus the children missed.
        # Rows that are not items (blank, labels, a child's second indicator) stay as read.
        dropped = set(strangers) | {record["row"]}
        for kid in kids:
            if _counted(tree, kid, refs) > 1:
                dropped |= {tree.row_of[d] for d in tree.descendants(kid)}
        corrected = (refs - dropped) | set(missing)
        given = [v for v in (values.get(r) for r in sorted(corrected)) if v is not None]
        right = (sum(given) / len(given) if given else None) if record["average"] else sum(given)
        stated = record["value"]
        pagu = record["kind"] == "pagu"
        where = (
            f"Rumus {tree.label(node_id)} pada kolom '{record['judul']}' ({record['formula']}): "
            + "; ".join(problems)
        )
        same = (
            stated is not None
            and right is not None
            and abs(float(stated) - float(right)) <= _TOLERANCE
        ) or (stated in (None, 0) and not given)
        code = "P002" if same and not record["broken"] else "P001"
        if code == "P002":
            message = (
                f"{where}. Hasilnya hari ini tetap benar ({_show(stated, pagu)}) karena baris yang "
                "salah masuk/tertinggal kosong atau nol; perbaiki rentangnya sebelum baris itu diisi."
            )
        else:
            message = (
                f"{where}. Hasil rumus {_show(stated, pagu)}, padahal jumlah anaknya "
                f"{_show(right, pagu)}."
            )
        node = tree.info[node_id]
        findings.append(
            finding(
                code,
                message,
                file=workbook.file_name,
                sheet=workbook.sheet,
                cell=str(record["cell"]),
                unit=str(node.get("unit_kerja", "") or ""),
                tingkat=JENIS_LABELS.get(str(node["jenis"]), ""),
                kode=str(node["kode"]),
                subject=str(node["nama"] or node["uraian"]),
            )
        )
    return findings


def check_plan_budget(
    workbook: RenstraWorkbook,
    periods: list[int] | None = None,
    views: Mapping[int, MatriksWorkbook] | None = None,
) -> list[Finding]:
    """P001/P002 on a planning table: its aggregate formulas, then each period's typed parent
    pagu through `check_budget` (a parent whose pagu cell is a formula was judged above).
    `views`: the planning views the caller has already built, by period (not built again; the
    view's year does not enter these rules)."""
    from pokin_xl.model.planning_view import planning_view

    findings = check_rollup_formulas(workbook)
    judged = {str(record["cell"]) for record in workbook.aggregates}
    for period in periods if periods is not None else list(workbook.periods):
        view = (views or {}).get(period) or planning_view(
            workbook, period, workbook.periods.get(period)
        )
        label = workbook.period_label(period)
        findings.extend(
            dataclasses.replace(found, message=f"{label}: {found.message}")
            for found in check_budget(view)
            if found.cell not in judged
        )
    return findings
