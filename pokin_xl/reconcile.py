"""Use case: reconcile a matriks (A) with a Renstra or another matriks (B).

    result = reconcile("matriks.xlsx", "renstra.xlsx", tahun=2024)
    result.report        # Findings R001-R007, P001/N004 on B, B's reading problems
    result.rows          # one row per compared indicator, both sources side by side
    result.rollups       # B's (and A's) pagu per node, for the roll-up block

B's kind is read from the workbook: a sheet named like "Kinerja" makes it a matriks; otherwise
it is read as a Renstra (readers.renstra detects which table from its headers).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pokin_xl.checks.budget import check_budget, check_plan_budget
from pokin_xl.checks.nomenclature import check_parent_codes
from pokin_xl.checks.reconcile import (
    Side,
    compare_sides,
    side_from_matriks,
    side_from_renstra,
)
from pokin_xl.errors import printable
from pokin_xl.findings import SEVERITY_LABELS, Report
from pokin_xl.gc_pause import without_gc_pauses
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.planning_view import planning_view
from pokin_xl.model.reconciliation import ROLLUP_COLUMNS, ReconcileResult
from pokin_xl.model.renstra import JENIS_LABELS, LAYOUTS, RenstraWorkbook, columns_of_period
from pokin_xl.readers.kind import detect_kind
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.readers.renstra import read_renstra
from pokin_xl.readers.renstra.year import choose_period
from pokin_xl.readers.workbook import check_input_file

ROLLUP_JENIS = ("program", "kegiatan", "sub_kegiatan")
_MATRIKS_ROLLUP_LEVELS = (
    int(Tingkat.SASARAN_PROGRAM),
    int(Tingkat.SASARAN_KEGIATAN),
    int(Tingkat.SASARAN_SUB_KEGIATAN),
)


# A's reading problems that decide whether the comparison means anything: as in `validate`,
# an empty Kinerja is an error, and recomputed formulas are said.
_A_PROBLEMS = ("B006", "B007")


def reconcile(
    a_path: str | Path,
    b_path: str | Path,
    *,
    tahun: int | None = None,
    tahun_awal: int | None = None,
    a: MatriksWorkbook | None = None,
) -> ReconcileResult:
    """Compare the indicators, targets, units and pagu of A (a matriks) with B.

    `a` is A already read from `a_path` (build reads it once for both the cascade and this).
    """
    check_input_file(b_path)  # a named pipe or folder as B is refused before A is read
    if a is None:
        a = read_matriks(a_path)
    findings = [p for p in a.problems if p.code in _A_PROBLEMS]
    b_columns: dict = {}
    if detect_kind(b_path) == "matriks":
        b_matriks = read_matriks(b_path)
        # two matriks: name each by its file, "Matriks" would name both
        side_a = side_from_matriks(a, label=printable(Path(a_path).stem))
        side_b = side_from_matriks(b_matriks, label=printable(Path(b_path).stem))
        findings += b_matriks.problems + check_budget(b_matriks)
        year = a.identity.tahun
        layout, kind = "matriks", "matriks"
        rollups = pd.concat(
            [_matriks_rollups(a, "A"), _matriks_rollups(b_matriks, "B")], ignore_index=True
        )
    else:
        side_a = side_from_matriks(a)
        renstra = read_renstra(b_path, tahun_awal=tahun_awal)
        year = tahun if tahun is not None else a.identity.tahun
        chosen = choose_period(renstra, year)
        period = chosen.period
        b_columns = columns_of_period(renstra, period)
        side_b = side_from_renstra(renstra, period)
        view = planning_view(renstra, period, chosen.year)
        findings += (
            renstra.problems
            + check_plan_budget(renstra, views={period: view} if period is not None else None)
            + check_parent_codes(view)
        )
        year = (renstra.periods.get(period) if period is not None else None) or year
        layout, kind = renstra.layout, "renstra"
        rollups = pd.concat(
            [_matriks_rollups(a, "A"), _renstra_rollups(renstra, period)], ignore_index=True
        )
    # matching allocates and frees many containers and leaves none in a cycle: the collector's
    # ~770 passes at 20k rows (1,550 at 40k) found nothing and took ~13 % of the comparison
    with without_gc_pauses():
        comparison = compare_sides(side_a, side_b)
    report = Report([*findings, *comparison.findings])
    return ReconcileResult(
        a_file=side_a.file,
        b_file=side_b.file,
        a_label=side_a.label,
        b_label=side_b.label,
        b_kind=kind,
        b_layout=layout,
        tahun=year,
        rows=comparison.rows,
        rollups=rollups,
        report=report,
        compared=comparison.compared,
        b_columns=b_columns,
    )


def _renstra_rollups(renstra: RenstraWorkbook, period: int | None) -> pd.DataFrame:
    nodes = renstra.nodes.frame
    records = []
    if not nodes.empty and f"pagu_{period}" in nodes:
        chosen = nodes[nodes["jenis"].isin(ROLLUP_JENIS)]
        # by position: one Excel row may start several nodes (a tujuan, its sasaran, a program)
        for row, node in zip(chosen.index, chosen.to_dict("records"), strict=True):
            stated = node[f"pagu_{period}"]
            parent = node["induk_row"]
            records.append(
                {
                    "source": "B",
                    "file": renstra.file_name,
                    "row": int(row),
                    "jenis": JENIS_LABELS[str(node["jenis"])],
                    "kode": str(node["kode"]),
                    "nama": str(node["nama"] or node["uraian"]),
                    "parent": None if pd.isna(parent) else int(parent),
                    "stated": None if pd.isna(stated) else float(stated),
                    "cell": str(node[f"pagu_cell_{period}"] or node["cell"]),
                }
            )
    return _rollup_frame(records)


def _matriks_rollups(workbook: MatriksWorkbook, source: str) -> pd.DataFrame:
    nodes = workbook.nodes.frame
    if nodes.empty or "pagu_value" not in nodes or nodes["pagu_value"].isna().all():
        return _rollup_frame([])
    rows_by_code = {str(kode): int(row) for row, kode in nodes["kode"].items()}
    chosen = nodes[nodes["level"].isin(_MATRIKS_ROLLUP_LEVELS).fillna(False).astype(bool)]
    records = []
    for row, node in zip(chosen.index, chosen.to_dict("records"), strict=True):
        stated = node["pagu_value"]
        records.append(
            {
                "source": source,
                "file": workbook.file_name,
                "row": int(row),
                "jenis": str(node["tingkat"]),
                "kode": str(node["kode_nomenklatur"] or node["kode"]),
                "nama": str(node["nomenklatur"] or node["sasaran"]),
                "parent": rows_by_code.get(str(node["kode_induk"])),
                "stated": None if pd.isna(stated) else float(stated),
                "cell": workbook.indicators.cell("pagu", int(row)),
            }
        )
    return _rollup_frame(records)


def _rollup_frame(records: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=ROLLUP_COLUMNS).astype({"parent": "Int64"})


def text_report(result: ReconcileResult) -> str:
    """The plain-text listing: a summary, then the findings per file and sheet."""
    compared = result.compared
    lines = [
        f"Rekonsiliasi {result.a_file} (A) dengan {result.b_file} (B: "
        + (
            f"Renstra, {LAYOUTS.get(result.b_layout, result.b_layout)})"
            if result.b_kind == "renstra"
            else "Matriks Peran dan Hasil lain)"
        )
        + (f", tahun {result.tahun}" if result.tahun else ""),
        f"Dibandingkan: {compared.get('a', 0)} indikator A, {compared.get('b', 0)} indikator B"
        + result.outside_note(),
    ]
    if len(result.rows):
        counts = result.rows["status"].value_counts()
        lines.append("Status: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    current = None
    for item in result.report.sorted():
        where = (item.file, item.sheet)
        if where != current:
            current = where
            lines.append("")
            lines.append(f"{item.file} - sheet {item.sheet or '(berkas)'}")
        lines.append(
            f"  {item.cell or '-':>6}  {item.code} {SEVERITY_LABELS[item.severity]:<10} {item.message}"
        )
    counts = result.report.counts()
    lines.append("")
    lines.append(
        f"Temuan: {counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info."
    )
    return "\n".join(lines)


__all__ = ["ReconcileResult", "Side", "detect_kind", "reconcile", "text_report"]
