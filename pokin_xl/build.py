"""build: read a Matriks Peran dan Hasil, check it, and write the cascade workbook beside it.

The build succeeds when findings exist: the findings are part of the product (sheet Temuan).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from pokin_xl.findings import Finding, Report
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.validate import validate
from pokin_xl.writers.output import check_output_path
from pokin_xl.writers.workbook import ExtraSheet, write_cascade_workbook

OUTPUT_SUFFIX = "_cascading.xlsx"


def default_output(matriks_path: str | Path) -> Path:
    """'<name>_cascading.xlsx' in the input's folder."""
    source = Path(matriks_path)
    return source.with_name(f"{source.stem}{OUTPUT_SUFFIX}")


def output_path(
    matriks_path: str | Path,
    out_path: str | Path | None = None,
    inputs: Iterable[str | Path | None] = (),
) -> Path:
    """The output file, checked against the matriks and every other input before any work."""
    source = Path(matriks_path)
    target = default_output(source) if out_path is None else Path(out_path)
    return check_output_path(target, [source, *inputs])


def build(
    matriks_path: str | Path,
    out_path: str | Path | None = None,
    *,
    extra_sheets: Sequence[ExtraSheet] = (),
    extra_findings: Iterable[Finding] = (),
    inputs: Iterable[str | Path | None] = (),
    progress: Callable[[str], None] | None = None,
) -> tuple[Path, Report]:
    """read_matriks -> validate -> write_cascade_workbook; returns the output path and findings.

    `extra_findings` (e.g. the reconciliation's) join the report, so they are listed in Temuan;
    `inputs` are the other files the caller read (e.g. the Renstra): never the output either.
    """
    say = progress or (lambda _message: None)
    source = Path(matriks_path)
    target = output_path(source, out_path, inputs)
    say(f"Membaca {source.name}")
    workbook = read_matriks(source)
    say("Memeriksa")
    report = validate(workbook)
    report.extend(list(extra_findings))
    path = write_cascade_workbook(
        workbook, report, target, extra_sheets=extra_sheets, progress=progress
    )
    return path, report
