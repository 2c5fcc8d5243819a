"""Hierarchy rules that walk the Kode Induk links: cycles (H004), sasaran not cascaded (H005),
crosscutting (H006), sasaran without a parent (H007) and the same box twice (H008).

H001-H003 (Kode Induk that names no row, parent on the wrong level, one Kode for two sasaran) are
column-wise tests in `checks/kinerja_rows.py`; the link helpers here serve both.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping

import numpy as np
import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.columns import per_distinct
from pokin_xl.checks.where import at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import TINGKAT_LABELS, Tingkat, expected_parent
from pokin_xl.model.text import normalise

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("H004", "H005", "H006", "H007", "H008")

# Below this level a child in another Unit Kerja is crosscutting; Tujuan and Sasaran Strategis
# belong to the whole agency, so every unit's program hangs under them.
CROSSCUTTING_FROM = Tingkat.SASARAN_PROGRAM
# Levels that must be cascaded further down (H005).
MUST_CASCADE = (Tingkat.SASARAN_PROGRAM, Tingkat.SASARAN_KEGIATAN)

# Every allowed (child, parent) pair of levels as child * 10 + parent, for one vectorised isin.
_ALLOWED_LINKS = frozenset(
    int(child) * 10 + int(parent) for child in Tingkat for parent in expected_parent(child)
)


def normalised(series: pd.Series) -> pd.Series:
    """`normalise()` over a column, computed once per distinct value; a missing cell is ''."""
    if not isinstance(series.dtype, pd.StringDtype):  # 1, 1.0 and True are three texts here
        series = series.fillna("").astype(str)
    return per_distinct(series, normalise).astype(str)  # normalise(None) == ''


def level_fits(level: pd.Series, parent_level: pd.Series) -> pd.Series:
    """True where a node of `level` may hang under `parent_level`, or where either is unknown."""
    known = level.notna() & parent_level.notna()
    pair = level.fillna(-1).astype(int) * 10 + parent_level.fillna(-1).astype(int)
    return (~known | pair.isin(_ALLOWED_LINKS)).astype(bool)


def level_label(level: object) -> str:
    if pd.isna(level):
        return "(tingkat tidak dikenal)"
    return TINGKAT_LABELS[Tingkat(int(level))]


def either(labels: list[str]) -> str:
    """'A', 'A atau B', 'A, B atau C'."""
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " atau " + labels[-1]


def parent_links(nodes: pd.DataFrame) -> pd.DataFrame:
    """Each node's parent as the checks see it; index = the node's Excel row.

    Columns: `parent` (Kode, or "" for none), `parent_row` and `parent_level` (Int64, <NA> when
    the Kode names no row), `inferred` (the reader took it from the row order), `unit` and
    `parent_unit` (normalised) and `dropped` (the Kode of an inferred parent that is not trusted).

    The reader already declines a guessed parent that crosses Unit Kerja below Sasaran
    Strategis (`induk_skipped`); `dropped` carries that Kode so that H007 can say why.
    """
    kode = nodes["kode"].astype(str)
    induk = nodes["kode_induk"].fillna("").astype(str)
    inferred = (
        nodes["induk_inferred"].fillna(False).astype(bool)
        if "induk_inferred" in nodes
        else pd.Series(False, index=nodes.index)
    )
    unit = normalised(nodes["unit_kerja"])
    first = (~kode.duplicated()).to_numpy()
    # each Kode Induk's position among the first rows of each Kode (-1: it names none), found
    # once for the row, level and unit of the parent
    at = pd.Index(kode.to_numpy()[first]).get_indexer(induk)
    rows = pd.array(nodes.index.to_numpy()[first], dtype="Int64")
    parent_row = pd.Series(rows.take(at, allow_fill=True), index=nodes.index)
    parent_level = pd.Series(
        nodes["level"].array[first].take(at, allow_fill=True), index=nodes.index
    ).astype("Int64")
    parent_unit = (
        pd.Series(unit.array[first].take(at, allow_fill=True), index=nodes.index)
        .fillna("")
        .astype(str)
    )
    skipped = (
        nodes["induk_skipped"].fillna("").astype(str)
        if "induk_skipped" in nodes
        else pd.Series("", index=nodes.index)
    )
    return pd.DataFrame(
        {
            "parent": induk,
            "parent_row": parent_row,
            "parent_level": parent_level,
            "inferred": inferred,
            "unit": unit,
            "parent_unit": parent_unit,
            "dropped": skipped,
        },
        index=nodes.index,
    )


def find_cycles(links: pd.DataFrame) -> list[list[int]]:
    """Cycles of parent links as lists of Excel rows, each starting at its first row and
    following the links (row -> its parent's row). Every node has at most one parent, so each
    node is visited once."""
    if not _may_cycle(links):
        return []
    parent_of = {int(row): int(parent) for row, parent in links["parent_row"].dropna().items()}
    done: set[int] = set()
    cycles: list[list[int]] = []
    for start in links.index:
        row = int(start)
        path: dict[int, int] = {}
        while row not in done:
            if row in path:
                members = list(path)[path[row] :]
                turn = members.index(min(members))
                cycles.append(members[turn:] + members[:turn])
                break
            path[row] = len(path)
            if row not in parent_of:
                break
            row = parent_of[row]
        done.update(path)
    return cycles


def _may_cycle(links: pd.DataFrame) -> bool:
    """False when every chain of parents ends: each node's 2**k-th ancestor, k doubling until
    2**k passes the number of nodes, is none. A sheet without cycles skips the walk."""
    rows = links.index
    if not rows.is_unique:
        return True  # two nodes on one row: let the walk decide
    parent_row = links["parent_row"]
    known = parent_row.notna().to_numpy()
    step = np.full(len(rows), -1, dtype=np.int64)
    step[known] = rows.get_indexer(parent_row[known].astype("int64"))
    reach, hops = step, 1
    while hops < len(rows) and (reach >= 0).any():
        reach = np.where(reach >= 0, reach[reach], -1)
        hops *= 2
    return bool((reach >= 0).any())


# id(nodes frame) -> (the frame, its links, its cycles); an entry leaves with its frame.
_LINKS: dict[int, tuple[weakref.ref, pd.DataFrame, list[list[int]]]] = {}


def links_and_cycles(nodes: pd.DataFrame) -> tuple[pd.DataFrame, list[list[int]]]:
    """`parent_links(nodes)` and their `find_cycles`, worked out once while the frame lives:
    H001-H008 and the budget roll-up all follow the same links. Frames are not changed after
    reading; the callers do not change what this returns."""
    known = _LINKS.get(id(nodes))
    if known is not None and known[0]() is nodes:
        return known[1], known[2]
    links = parent_links(nodes)
    cycles = find_cycles(links)
    _LINKS[id(nodes)] = (weakref.ref(nodes), links, cycles)
    weakref.finalize(nodes, _LINKS.pop, id(nodes), None)
    return links, cycles


def node_name(record: Mapping[str, object], row: int | None = None) -> str:
    """How a message names a node: its Kode in quotes, or its sasaran where the Kode was made up
    by the reader (the user never typed it)."""
    if bool(record.get("kode_generated", False)):
        sasaran = str(record.get("sasaran", "") or "")
        short = sasaran if len(sasaran) <= 60 else sasaran[:57] + "..."
        return f"'{short}'" + (f" (baris {row})" if row is not None else "")
    return f"'{record.get('kode', '')}'"


def _place(record: Mapping[str, object], row: int) -> str:
    """'Kode 'G' (baris 21)', or 'baris 21' where the Kode was made up by the reader."""
    if bool(record.get("kode_generated", False)):
        return f"baris {row}"
    return f"Kode {node_name(record)} (baris {row})"


def check_hierarchy(workbook: MatriksWorkbook) -> list[Finding]:
    nodes = workbook.nodes.frame
    if nodes.empty or "kode" not in nodes:
        return []
    links, cycles = links_and_cycles(nodes)
    in_cycle = pd.Series(
        nodes.index.isin([row for cycle in cycles for row in cycle]), index=nodes.index
    )
    return [
        *_cycles(workbook, nodes, cycles),
        *_not_cascaded(workbook, nodes, links),
        *_crosscutting(workbook, nodes, links, in_cycle),
        *_orphans(workbook, nodes, links),
        *_duplicates(workbook, nodes),
    ]


def _cycles(
    workbook: MatriksWorkbook, nodes: pd.DataFrame, cycles: list[list[int]]
) -> list[Finding]:
    out = []
    for cycle in cycles:
        chain = " → ".join(
            f"{node_name(nodes.loc[r], r)} ({level_label(nodes.at[r, 'level'])})"
            for r in [*cycle, cycle[0]]
        )
        first = nodes.loc[cycle[0]]
        out.append(
            finding(
                "H004",
                f"Kode Induk melingkar: {chain}. Rantai ini tidak mempunyai puncak; perbaiki "
                "Kode Induk salah satu sasaran agar menunjuk sasaran di tingkat atasnya.",
                **at_row(workbook, workbook.nodes, cycle[0], "kode_induk", first),
            )
        )
    return out


def _not_cascaded(
    workbook: MatriksWorkbook, nodes: pd.DataFrame, links: pd.DataFrame
) -> list[Finding]:
    level = nodes["level"]
    if level.dropna().empty:
        return []
    deepest = int(level.max())
    has_children = pd.Series(
        nodes.index.isin(links["parent_row"].dropna().astype(int)), nodes.index
    )
    lonely = level.isin([int(t) for t in MUST_CASCADE]).fillna(False).astype(bool)
    lonely &= level.lt(deepest).fillna(False).astype(bool) & ~has_children
    out = []
    for row in nodes.index[lonely.to_numpy()]:
        record = nodes.loc[row]
        this = Tingkat(int(record["level"]))
        below = TINGKAT_LABELS[Tingkat(this + 1)]
        out.append(
            finding(
                "H005",
                f"{this.label} {node_name(record, row)} belum di-cascade: tidak ada {below} "
                f"yang menginduk kepadanya. Jabarkan ke {below}, atau isi Kode Induk "
                f"{below} yang mendukungnya dengan {node_name(record, row)}.",
                **at_row(workbook, workbook.nodes, row, "sasaran", record),
            )
        )
    return out


def _crosscutting(
    workbook: MatriksWorkbook, nodes: pd.DataFrame, links: pd.DataFrame, in_cycle: pd.Series
) -> list[Finding]:
    crossing = (
        links["parent_level"].ge(int(CROSSCUTTING_FROM)).fillna(False).astype(bool)
        & level_fits(nodes["level"], links["parent_level"])
        & nodes["level"].notna()
        & links["unit"].ne("")
        & links["parent_unit"].ne("")
        & links["unit"].ne(links["parent_unit"])
        & ~in_cycle
    )
    out = []
    for row in nodes.index[crossing.to_numpy()]:
        record = nodes.loc[row]
        parent_row = int(links.at[row, "parent_row"])
        parent = nodes.loc[parent_row]
        out.append(
            finding(
                "H006",
                f"{level_label(record['level'])} {node_name(record, row)} milik "
                f"'{record['unit_kerja']}' menginduk ke {level_label(parent['level'])} "
                f"{node_name(parent, parent_row)} milik '{parent['unit_kerja']}' (crosscutting); "
                "pastikan kedua unit kerja menyepakati kontribusinya.",
                **at_row(workbook, workbook.nodes, row, "unit_kerja", record),
            )
        )
    return out


def _orphans(workbook: MatriksWorkbook, nodes: pd.DataFrame, links: pd.DataFrame) -> list[Finding]:
    level = nodes["level"]
    if level.dropna().empty:
        return []
    top = int(level.min())
    orphan = level.gt(top).fillna(False).astype(bool) & links["parent"].eq("")
    if not orphan.any():
        return []
    row_of = {
        str(kode): int(row)
        for row, kode in zip(nodes.index[::-1].tolist(), nodes["kode"][::-1].tolist(), strict=True)
    }
    out = []
    for row in nodes.index[orphan.to_numpy()]:
        record = nodes.loc[row]
        this = Tingkat(int(record["level"]))
        wanted = either(
            [t.label for t in sorted(expected_parent(this)) if t != Tingkat.RENCANA_HASIL_KERJA]
        )
        dropped = links.at[row, "dropped"]
        if dropped:
            parent_row = row_of[dropped]
            parent = nodes.loc[parent_row]
            reason = (
                f"Kode Induk kosong, dan {level_label(parent['level'])} terdekat di atasnya, "
                f"{node_name(parent)} (baris {parent_row}), milik unit kerja lain "
                f"('{parent['unit_kerja']}') sehingga tidak dianggap induknya."
            )
        else:
            reason = f"Kode Induk kosong dan tidak ada {wanted} di atasnya."
        out.append(
            finding(
                "H007",
                f"{this.label} {node_name(record, row)} tidak mempunyai induk: {reason} Isi Kode "
                f"Induk dengan Kode {wanted} yang didukungnya.",
                **at_row(workbook, workbook.nodes, row, "kode_induk", record),
            )
        )
    return out


def _duplicates(workbook: MatriksWorkbook, nodes: pd.DataFrame) -> list[Finding]:
    key = pd.DataFrame(
        {
            "sasaran": normalised(nodes["sasaran"]),
            "level": nodes["level"],
            "unit": normalised(nodes["unit_kerja"]),
        },
        index=nodes.index,
    )
    key = key[key["sasaran"].ne("") & key["level"].notna()]
    again = key.duplicated(keep="first")
    if not again.any():
        return []
    first_row = (
        pd.Series(key.index, index=key.index)
        .groupby([key["sasaran"], key["level"], key["unit"]])
        .transform("first")
    )
    out = []
    for row in key.index[again.to_numpy()]:
        record = nodes.loc[row]
        first = int(first_row.at[row])
        original = nodes.loc[first]
        out.append(
            finding(
                "H008",
                f"Sasaran '{record['sasaran']}' ({level_label(record['level'])}, "
                f"{record['unit_kerja'] or 'tanpa unit kerja'}) sudah ada pada "
                f"{_place(original, first)}; satu sasaran cukup satu kotak. "
                "Gabungkan keduanya di bawah satu Kode, atau bedakan rumusannya bila memang "
                "berbeda.",
                **at_row(workbook, workbook.nodes, row, "sasaran", record),
            )
        )
    return out
