"""The opening every command that writes from one matriks shares (build, dokumen):
check the output path before any reading, read the matriks, run every check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pokin_xl.findings import Report
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.validate import validate
from pokin_xl.writers.output import check_output_path


@dataclass
class CheckedMatriks:
    target: Path  # the output file, already checked (never an input, .xlsx)
    workbook: MatriksWorkbook
    report: Report


def output_beside(matriks_path: str | Path, suffix: str) -> Path:
    """'<name><suffix>' in the input's folder: 'matriks_cascading.xlsx'."""
    source = Path(matriks_path)
    return source.with_name(f"{source.stem}{suffix}")


def checked_output(
    matriks_path: str | Path,
    out_path: str | Path | None,
    suffix: str,
    inputs: Iterable[str | Path | None] = (),
) -> Path:
    """The output file (given, or beside the matriks), checked against every input."""
    source = Path(matriks_path)
    target = output_beside(source, suffix) if out_path is None else Path(out_path)
    return check_output_path(target, [source, *inputs])


def read_checked(
    matriks_path: str | Path,
    out_path: str | Path | None,
    suffix: str,
    *,
    inputs: Iterable[str | Path | None] = (),
    progress: Callable[[str], None] | None = None,
) -> CheckedMatriks:
    """Output path checked, then read_matriks -> validate."""
    say = progress or (lambda _message: None)
    source = Path(matriks_path)
    target = checked_output(source, out_path, suffix, inputs)
    say(f"Membaca {source.name}")
    workbook = read_matriks(source)
    say("Memeriksa")
    return CheckedMatriks(target=target, workbook=workbook, report=validate(workbook))
