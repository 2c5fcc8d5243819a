"""Budget: a parent's Pagu against the sum of its direct children's Pagu (P001).

`rollup_mismatches` is the pure roll-up comparison; the Renstra reconciliation reuses it per year.
"""

from __future__ import annotations

import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.hierarchy import cycle_rows, level_label, node_name, parent_links
from pokin_xl.checks.where import at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.targets import format_number

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("P001",)

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


def rupiah(amount: float) -> str:
    """'Rp 1.500.000' (Indonesian digits)."""
    return f"Rp {format_number(float(amount))}"


def check_budget(workbook: MatriksWorkbook) -> list[Finding]:
    nodes = workbook.nodes.frame
    if nodes.empty or "pagu_value" not in nodes or nodes["pagu_value"].isna().all():
        return []
    links = parent_links(nodes)
    # A cycle has no parent to roll up into: H004 reports it.
    in_cycle = nodes.index.isin(list(cycle_rows(links)))
    parent = links["parent"].where(~in_cycle, "")
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
