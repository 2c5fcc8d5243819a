"""Use case: check a Renstra/Renja table on its own (`pokin-xl validate` on a planning table).

The same reading as `inspect` and `reconcile` (readers.renstra, one year chosen the same way);
the checks that apply to a plan: aggregate formulas and parent pagu (P001/P002), the targets of
the chosen year (T001-T008, through the matriks rules' own implementation), the national
nomenclature (N001-N004), and two indicators written in one cell (S005).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pokin_xl.checks.budget import check_plan_budget
from pokin_xl.checks.nomenclature import check_nomenclature
from pokin_xl.checks.statements import check_joined_indicators
from pokin_xl.checks.targets import check_targets
from pokin_xl.errors import InputError
from pokin_xl.findings import Finding, Report
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.planning_view import planning_view
from pokin_xl.model.renstra import LAYOUTS, RenstraWorkbook
from pokin_xl.model.text import clean
from pokin_xl.readers.renstra import read_renstra
from pokin_xl.readers.renstra.year import ChosenYear, choose_period
from pokin_xl.validate import filter_report

NOMENCLATURE_FROM = 2021


def _targets(view: MatriksWorkbook) -> list[Finding]:
    """T001-T008; where most targets of the year are sentences (an output described in words, as
    pre-2019 RKPD review tables write them), an unreadable number (T002) is not a defect."""
    findings = check_targets(view)
    frame = view.indicators.frame
    if not frame.empty:  # '-' in a plan's target cell: deliberately no target that year
        dashes = {
            view.indicators.cell("target", int(row))
            for row, raw in frame["target_raw"].items()
            if clean(raw).strip("-–— ") == "" and clean(raw)
        }
        findings = [f for f in findings if not (f.code == "T001" and f.cell in dashes)]
    kinds = view.indicators.frame.get("target_kind")
    if kinds is None:
        return findings
    stated = kinds[kinds != "empty"]
    if len(stated) and (stated == "unreadable").sum() * 2 > len(stated):
        findings = [f for f in findings if f.code != "T002"]
    return findings


def _not_planned_that_year(renstra: RenstraWorkbook, period: int) -> set[int]:
    """Indicator rows of a multi-year table (a Renstra's Tahun 1..5) left blank in `period`
    while their item has no pagu that year but a target in another year: the item does not run
    that year (a kegiatan of two years in five), so a blank target there is not T001."""
    indicators, nodes = renstra.indicators.frame, renstra.nodes.frame
    others = [p for p in renstra.periods if p != period]
    if indicators.empty or not others:
        return set()
    pagu = {
        str(n): v for n, v in zip(nodes["node_id"], nodes.get(f"pagu_{period}", []), strict=False)
    }
    rows: set[int] = set()
    for row, record in zip(indicators.index, indicators.to_dict("records"), strict=True):
        if record.get(f"target_src_{period}") != "kosong":
            continue
        money = pagu.get(str(record.get("node") or ""))
        if money is not None and not pd.isna(money) and money != 0:
            continue
        if any(record.get(f"target_src_{p}") not in (None, "kosong") for p in others):
            rows.add(int(row))
    return rows


def _national_codes(renstra: RenstraWorkbook, year: int | None) -> bool:
    """The national nomenclature (Permendagri 90/2019, in use from the 2021 budget) applies: not
    to older tables, whose programs and kegiatan were numbered under Permendagri 13/2006."""
    if year is not None and year < NOMENCLATURE_FROM:
        return False
    nodes = renstra.nodes.frame
    if nodes.empty:
        return False
    coded = nodes[nodes["kode"].map(clean) != ""]
    national = (coded["kode_canonical"].map(clean) != "").sum()
    return national * 2 >= len(coded)


def year_of_file(renstra: RenstraWorkbook, tahun: int | None) -> ChosenYear:
    """The year of one file of a batch: `tahun` where the table has it, else the table's own
    single year (said so in `tahun_dari`); `tahun` is the fallback only where the table's own
    year is unknown or one of several (a Renstra's Tahun 1..5)."""
    if tahun is None or renstra.period_of(tahun) is not None:
        return choose_period(renstra, tahun)
    try:
        own = choose_period(renstra, None)
    except InputError:
        return choose_period(renstra, tahun)  # the usual message: the years the table has
    if own.year is None:
        return choose_period(renstra, tahun)
    note = f"--tahun {tahun} tidak ada di tabel ini; dibaca tahunnya sendiri"
    return ChosenYear(own.period, own.year, f"{own.source}; {note}" if own.source else note)


def validate_planning_table(
    path: str | Path,
    *,
    tahun: int | None = None,
    sheet: str | None = None,
    tahun_awal: int | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    per_file_year: bool = False,
) -> tuple[dict, Report]:
    """`per_file_year`: one file of a batch, whose own year wins over `tahun` (year_of_file)."""
    try:
        renstra = read_renstra(path, sheet=sheet, tahun_awal=tahun_awal)
    except InputError as exc:
        raise InputError(
            "bukan Matriks Peran dan Hasil (tidak ada sheet Kinerja) dan " + exc.detail,
            file=exc.file,
            sheet=exc.sheet,
            cell=exc.cell,
        ) from exc
    chosen = year_of_file(renstra, tahun) if per_file_year else choose_period(renstra, tahun)
    view = planning_view(renstra, chosen.period, chosen.year)
    periods = [chosen.period] if chosen.period is not None else []
    report = Report(list(renstra.problems))
    report.extend(check_plan_budget(renstra, periods, {chosen.period: view}))
    if chosen.period is not None:
        has_units = bool(renstra.columns.get("satuan"))
        idle = {
            view.indicators.cell("target", row)
            for row in _not_planned_that_year(renstra, chosen.period)
        }
        report.extend(
            f
            for f in _targets(view)
            if (has_units or f.code != "T003") and not (f.code == "T001" and f.cell in idle)
        )
    if _national_codes(renstra, chosen.year):
        report.extend(check_nomenclature(view))
    report.extend(check_joined_indicators(view))
    report = filter_report(report, select=select, ignore=ignore)
    summary = {
        "file": renstra.file_name,
        "sheet": renstra.sheet,
        "jenis": "tabel perencanaan",
        "tata_letak": LAYOUTS.get(renstra.layout, renstra.layout),
        "tahun": chosen.year,
        "tahun_dari": chosen.source,
        "perangkat_daerah": renstra.title.split(" | ")[0][:80],
        "units": {},
        "severity": report.counts(),
    }
    return summary, report
