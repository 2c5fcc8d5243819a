"""Runs every check over a read workbook and gathers one Report."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pokin_xl.checks.budget import check_budget
from pokin_xl.checks.documents import check_documents
from pokin_xl.checks.hierarchy import check_hierarchy
from pokin_xl.checks.kinerja_rows import check_kinerja_rows
from pokin_xl.checks.nomenclature import check_nomenclature
from pokin_xl.checks.owners import check_owners
from pokin_xl.checks.quarters import check_quarters
from pokin_xl.checks.statements import check_statements
from pokin_xl.checks.targets import check_targets
from pokin_xl.findings import Finding, Report
from pokin_xl.gc_pause import without_gc_pauses
from pokin_xl.model.frames import MatriksWorkbook

Check = Callable[[MatriksWorkbook], list[Finding]]


def all_checks() -> list[Check]:
    """The checks, in the order their findings are most useful to read."""
    return [
        check_kinerja_rows,
        check_hierarchy,
        check_targets,
        check_statements,
        check_owners,
        check_nomenclature,
        check_budget,
        check_quarters,
        check_documents,
    ]


def validate(
    workbook: MatriksWorkbook,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Report:
    """Reading problems plus every check's findings, filtered by rule code prefixes."""
    report = Report(list(workbook.problems))
    with without_gc_pauses():
        for check in all_checks():
            report.extend(check(workbook))
    return filter_report(report, select=select, ignore=ignore)


def filter_report(
    report: Report, *, select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> Report:
    """Keep findings whose code starts with a selected prefix and with no ignored prefix."""
    chosen = tuple(s.strip().upper() for s in select if s.strip())
    dropped = tuple(s.strip().upper() for s in ignore if s.strip())
    kept = [
        f
        for f in report.findings
        if (not chosen or f.code.startswith(chosen))
        and not (dropped and f.code.startswith(dropped))
    ]
    return Report(kept)
