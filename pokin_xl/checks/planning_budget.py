"""P001 and P002 on a planning table (Renstra/Renja): parent rows against their children.

Part of the budget check (checks.budget owns P001 for the matriks; both use `rollup_mismatches`
for typed values): this module adds what only a planning table has, the aggregate formula of a
parent row in every target, pagu and realisation column.

- The formula's range is compared with the parent's children: rows it misses, item rows that
  are not its children, a child counted twice (the child and a row below it), the parent itself.
  Blank and label rows inside a range that covers exactly the children are fine.
- A wrong range whose result equals the correct one today (the missing rows are blank or zero)
  is P002 (warning); a result that differs from the children's total is P001 (error), with both
  numbers.
"""

from __future__ import annotations

from collections import defaultdict

from pokin_xl.checks.budget import rollup_mismatches, rupiah
from pokin_xl.checks.catalogue import finding
from pokin_xl.findings import Finding
from pokin_xl.model.renstra import JENIS_LABELS, RenstraWorkbook
from pokin_xl.model.targets import format_number
from pokin_xl.model.text import clean

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
        for row, node in zip(frame.index, frame.to_dict("records"), strict=True):
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


def check_planning_formulas(workbook: RenstraWorkbook) -> list[Finding]:
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


def check_planning_budget(
    workbook: RenstraWorkbook, periods: list[int] | None = None
) -> list[Finding]:
    """P001/P002 on a planning table: aggregate formulas, then typed parent pagu per period."""
    findings = check_planning_formulas(workbook)
    frame = workbook.nodes.frame
    if frame.empty:
        return findings
    with_formula = {(str(r["node_id"]), str(r["cell"])) for r in workbook.aggregates}
    tree = _Tree(workbook)
    periods = periods if periods is not None else list(workbook.periods)
    for period in periods:
        column = f"pagu_{period}"
        if column not in frame:
            continue
        mismatched = rollup_mismatches(frame, "node_id", "induk", column)
        cells = frame.set_index("node_id")[f"pagu_cell_{period}"].to_dict()
        for _, item in mismatched.iterrows():
            node_id = str(item["code"])
            cell = str(cells.get(node_id) or "")
            if (node_id, cell) in with_formula:
                continue  # its formula was judged above
            kids = tree.children.get(node_id, [])
            counted = (
                f"{len(kids)} anaknya"
                if item["complete"]
                else f"{int(item['n_given'])} dari {len(kids)} anaknya yang pagunya terisi"
            )
            node = tree.info[node_id]
            findings.append(
                finding(
                    "P001",
                    f"Pagu {workbook.period_label(period)} {tree.label(node_id)} "
                    f"{rupiah(item['value'])} tidak sama dengan jumlah pagu {counted} "
                    f"{rupiah(item['children_sum'])} (selisih "
                    f"{rupiah(abs(float(item['difference'])))}).",
                    file=workbook.file_name,
                    sheet=workbook.sheet,
                    cell=cell or str(node["cell"]),
                    unit=str(node.get("unit_kerja", "") or ""),
                    tingkat=JENIS_LABELS.get(str(node["jenis"]), ""),
                    kode=str(node["kode"]),
                    subject=str(node["nama"] or node["uraian"]),
                )
            )
    return findings


__all__ = ["check_planning_budget", "check_planning_formulas"]
