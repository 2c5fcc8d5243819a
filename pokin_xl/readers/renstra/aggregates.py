"""Aggregate formulas on parent rows (SUM, AVERAGE, `+` of cells) in every value column.

The reader only records what the cells say: which rows a parent's formula reads in its own
column, the value it shows, and the values of the item rows of that column. Whether the range is
right is a check's business (checks.budget).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pokin_xl.model.targets import parse_pagu, parse_target
from pokin_xl.readers.grid import column_letter
from pokin_xl.readers.renstra.formulas import references
from pokin_xl.readers.renstra.layout import Column, Layout
from pokin_xl.readers.renstra.roles import ROLE_LABELS
from pokin_xl.readers.renstra.walk import NodeRecord, Valued

VALUE_FIELDS = ("target", "pagu", "lain")
_FUNCTION_RE = re.compile(r"([A-Z_][A-Z0-9_.]*)\s*\(")
_STRING_RE = re.compile(r'"[^"]*"')
_AGGREGATES = frozenset({"SUM", "AVERAGE", "IFERROR", "_XLFN.IFERROR"})


def is_aggregate(formula: str) -> bool:
    """SUM, AVERAGE or cells joined by '+' (IFERROR around them allowed); nothing else."""
    text = _STRING_RE.sub("", formula.upper().lstrip("="))
    if any(op in text for op in "*/^-&<>"):
        return False
    return set(_FUNCTION_RE.findall(text)) <= _AGGREGATES


def _number(valued: Valued, column: Column) -> float | None:
    if column.kind == "pagu":
        number = parse_pagu(valued.value)
        return None if number is None else number * column.scale
    return parse_target(valued.value, valued.number_format).value


def aggregate_formulas(
    nodes: dict[str, NodeRecord],
    layout: Layout,
    formulas: dict[tuple[int, int], str],
    value_at: Callable[[int, int], Valued],
) -> list[dict]:
    """One record per parent cell holding a formula that reads its own column."""
    if not formulas:
        return []
    parent_ids = {node.induk for node in nodes.values() if node.induk}
    parents = [node for node in nodes.values() if node.id in parent_ids]
    node_rows = sorted({node.row for node in nodes.values()})
    records: list[dict] = []
    for column in layout.columns:
        if column.field not in VALUE_FIELDS or not column.kind:
            continue
        values: dict[int, float | None] | None = None
        for node in parents:
            formula = formulas.get((node.row, column.col))
            if not formula or not is_aggregate(formula):
                continue
            refs = references(formula)
            rows = refs.rows_in_column(column.col)
            if rows is None and not refs.broken:
                continue  # reads other columns: not a roll-up of this one
            if values is None:
                values = {row: _number(value_at(row, column.col), column) for row in node_rows}
            for row in rows or ():  # the rows it reads: blank, label and continuation rows too
                if row not in values:
                    values[row] = _number(value_at(row, column.col), column)
            valued = value_at(node.row, column.col)
            records.append(
                {
                    "node_id": node.id,
                    "row": node.row,
                    "cell": f"{column_letter(column.col)}{node.row}",
                    "judul": column.header,
                    "peran": ROLE_LABELS.get(column.role, column.kind),
                    "kind": column.kind,
                    "formula": formula,
                    "refs": tuple(rows or ()),
                    "broken": refs.broken,
                    "average": "AVERAGE" in formula.upper(),
                    "value": _number(valued, column),
                    "values": values,
                }
            )
    return records
