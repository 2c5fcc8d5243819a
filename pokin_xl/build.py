"""build: read a Matriks Peran dan Hasil, check it, and write the cascade workbook beside it.

The build succeeds when findings exist: the findings are part of the product (sheet Temuan).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pokin_xl.checked import checked_output, output_beside, read_checked
from pokin_xl.findings import Finding, Report
from pokin_xl.gc_pause import release_memos
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.writers.workbook import ExtraSheet, write_cascade_workbook

OUTPUT_SUFFIX = "_cascading.xlsx"

# Sheets and findings made from the matriks as build read it (the reconciliation with a Renstra).
Extras = Callable[[MatriksWorkbook], tuple[Sequence[ExtraSheet], Iterable[Finding]]]


def default_output(matriks_path: str | Path) -> Path:
    """'<name>_cascading.xlsx' in the input's folder."""
    return output_beside(matriks_path, OUTPUT_SUFFIX)


def output_path(
    matriks_path: str | Path,
    out_path: str | Path | None = None,
    inputs: Iterable[str | Path | None] = (),
) -> Path:
    """The output file, checked against the matriks and every other input before any work."""
    return checked_output(matriks_path, out_path, OUTPUT_SUFFIX, inputs)


def build(
    matriks_path: str | Path,
    out_path: str | Path | None = None,
    *,
    extra_sheets: Sequence[ExtraSheet] = (),
    extra_findings: Iterable[Finding] = (),
    extras: Extras | None = None,
    inputs: Iterable[str | Path | None] = (),
    progress: Callable[[str], None] | None = None,
) -> tuple[Path, Report]:
    """read_matriks -> validate -> write_cascade_workbook; returns the output path and findings.

    `extra_findings` (e.g. the reconciliation's) join the report, so they are listed in Temuan;
    `extras` makes more sheets and findings from the workbook as read here (the matriks is read
    once); `inputs` are the other files the caller read (e.g. the Renstra): never the output.
    """
    checked = read_checked(matriks_path, out_path, OUTPUT_SUFFIX, inputs=inputs, progress=progress)
    report = checked.report
    report.extend(list(extra_findings))
    if extras is not None:
        more_sheets, more_findings = extras(checked.workbook)
        extra_sheets = [*extra_sheets, *more_sheets]
        report.extend(list(more_findings))
    release_memos()
    path = write_cascade_workbook(
        checked.workbook, report, checked.target, extra_sheets=extra_sheets, progress=progress
    )
    return path, report
