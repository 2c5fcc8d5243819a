"""build: read a Matriks Peran dan Hasil, check it, and write the cascade workbook beside it.

The build succeeds when findings exist: the findings are part of the product (sheet Temuan).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pokin_xl.findings import Finding, Report
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.validate import validate
from pokin_xl.writers.workbook import ExtraSheet, check_output_path, write_cascade_workbook

OUTPUT_SUFFIX = "_cascading.xlsx"


def default_output(matriks_path: str | Path) -> Path:
    """'<name>_cascading.xlsx' in the input's folder."""
    source = Path(matriks_path)
    return source.with_name(f"{source.stem}{OUTPUT_SUFFIX}")


def build(
    matriks_path: str | Path,
    out_path: str | Path | None = None,
    *,
    extra_sheets: Sequence[ExtraSheet] = (),
    extra_findings: Iterable[Finding] = (),
    progress: Callable[[str], None] | None = None,
) -> tuple[Path, Report]:
    """read_matriks -> validate -> write_cascade_workbook; returns the output path and findings.

    `extra_findings` (e.g. the reconciliation's) join the report, so they are listed in Temuan.
    """
    say = progress or (lambda _message: None)
    source = Path(matriks_path)
    target = check_output_path(
        default_output(source) if out_path is None else Path(out_path), source
    )
    say(f"Membaca {source.name}")
    workbook = read_matriks(source)
    say("Memeriksa")
    report = validate(workbook)
    report.extend(list(extra_findings))
    path = write_cascade_workbook(
        workbook, report, target, extra_sheets=extra_sheets, progress=progress
    )
    return path, report
