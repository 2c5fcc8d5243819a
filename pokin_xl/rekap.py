"""rekap: every agency workbook of a region read and checked, one recap, all cores.

`examine` is the one worker of every command that handles many files (`rekap`, `validate` and
`build` of several files): one job in, one small picklable `FileResult` out (findings as dicts,
figures, the identity and a small extract for the cross-agency checks; never frames). The parent
keeps only these, so its memory grows with the findings, not with the workbooks, and the same
worker would run unchanged on a cluster's executor with `summarise` as the reduce step.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pokin_xl.errors import InputError
from pokin_xl.model.recap import FAILED, FAMILIES, REFUSED, FileResult, Recap

EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
RENSTRA_SUFFIX = "_renstra"  # 'dinkes.xlsx' is checked against 'dinkes_renstra.xlsx' beside it
# Our own outputs in a folder are not agency workbooks.
OUTPUT_SUFFIXES = ("_cascading", "_rekonsiliasi", RENSTRA_SUFFIX)


@dataclass(frozen=True)
class Job:
    path: str
    display: str  # the name shown: relative to the folder given
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    renstra: str | None = None
    tahun: int | None = None
    tahun_awal: int | None = None
    output: str | None = None  # build: write the cascade workbook here
    figures: bool = True  # rekap: coverage, pre-checks and the cross-agency extract
    # validate: a workbook that is not a matriks is checked as a Renstra/Renja table (its sheet
    # named by FILE:SHEET, its own year winning over `tahun`)
    planning: bool = False
    sheet: str | None = None


def _levels(units: dict[str, dict[str, int]]) -> dict[str, int]:
    from pokin_xl.model.levels import Tingkat

    totals: Counter[str] = Counter()
    for levels in units.values():
        totals.update(levels)
    return {t.label: totals.get(t.label, 0) for t in Tingkat}


def examine(job: Job) -> FileResult:
    """Read, check and (for build) write one workbook. Never raises for a bad workbook: the
    project's InputError becomes a refused row, anything else a failed row with its reason."""
    start = time.perf_counter()
    result = FileResult(path=job.path, file=job.display)
    try:
        _examine(job, result)
    except InputError as exc:
        result.status, result.reason = REFUSED, exc.render(with_file=False)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # a bug; or a Rust panic (pyo3's PanicException)
        result.status = FAILED
        result.reason = (
            f"kesalahan internal pokin-xl, bukan kesalahan berkas ini ({type(exc).__name__}: "
            f"{exc}); mohon laporkan kepada pengelola pokin-xl"
        )
    result.seconds = time.perf_counter() - start
    return result


def _examine(job: Job, result: FileResult) -> None:
    from pokin_xl.readers.kind import is_matriks

    if job.planning and not is_matriks(job.path):
        _examine_planning_table(job, result)
    else:
        _examine_matriks(job, result)


def _examine_planning_table(job: Job, result: FileResult) -> None:
    from pokin_xl.gc_pause import loading_modules

    with loading_modules():
        from pokin_xl.validate_planning import validate_planning_table

    summary, report = validate_planning_table(
        job.path,
        tahun=job.tahun,
        sheet=job.sheet,
        tahun_awal=job.tahun_awal,
        select=job.select,
        ignore=job.ignore,
        per_file_year=True,
    )
    result.summary = summary
    result.tahun = summary["tahun"]
    result.severity = report.counts()
    result.findings = [f.to_dict() for f in report.sorted()]


def _examine_matriks(job: Job, result: FileResult) -> None:
    from pokin_xl.gc_pause import loading_modules

    with loading_modules():  # once per worker process: its first job imports the stages
        from pokin_xl.checks.coverage import coverage
        from pokin_xl.checks.lintas import extract
        from pokin_xl.checks.lke import lke_prechecks
        from pokin_xl.readers.matriks import read_matriks
        from pokin_xl.summary import unit_summary
        from pokin_xl.validate import filter_report, validate

        if job.output:  # build
            from pokin_xl.writers.output import check_output_path
            from pokin_xl.writers.workbook import write_cascade_workbook

    target = None
    if job.output:
        target = check_output_path(job.output, [job.path])
    workbook = read_matriks(job.path)
    report = validate(workbook, select=job.select, ignore=job.ignore)
    extra_sheets = []
    if job.renstra:
        from pokin_xl.reconcile import reconcile
        from pokin_xl.writers.reconciliation import add_reconciliation_sheet

        reconciled = reconcile(
            job.path, job.renstra, tahun=job.tahun, tahun_awal=job.tahun_awal, a=workbook
        )
        report.extend(
            filter_report(reconciled.report, select=job.select, ignore=job.ignore).findings
        )
        extra_sheets.append(functools.partial(add_reconciliation_sheet, result=reconciled))
        result.renstra = Path(job.renstra).name
    identity = workbook.identity
    result.perangkat_daerah = identity.perangkat_daerah
    result.pemda = identity.pemda
    result.tahun = identity.tahun
    result.indicators = len(workbook.indicators.frame)
    result.units = unit_summary(workbook)
    result.levels = _levels(result.units)
    result.severity = report.counts()
    family = Counter(f.code[:1] for f in report.findings)
    result.families = {letter: family.get(letter, 0) for letter in FAMILIES}
    result.findings = [f.to_dict() for f in report.sorted()]
    if target is not None:
        from pokin_xl.gc_pause import release_memos

        release_memos()
        result.output = str(
            write_cascade_workbook(workbook, report, target, extra_sheets=extra_sheets)
        )
    if job.figures:
        result.coverage = coverage(workbook)
        result.lke = [
            p.to_dict()
            for p in lke_prechecks(
                result.findings, result.coverage, result.levels, renstra_given=bool(job.renstra)
            )
        ]
        # the cross-agency findings name the file as the recap shows it (folder/name)
        result.extract = dataclasses.replace(extract(workbook), file=job.display)


def file_report(result: FileResult):
    """The findings of a result as a findings.Report (for the per-file text of validate)."""
    from pokin_xl.findings import Finding, Report

    return Report([Finding(**f) for f in result.findings])


def failed(job: Job, exc: BaseException) -> FileResult:
    """The row of a job whose worker process died or whose result could not come back."""
    return FileResult(
        path=job.path,
        file=job.display,
        status=FAILED,
        reason=f"proses pemeriksa berhenti ({type(exc).__name__}: {exc})",
    )


# ----------------------------------------------------------------------------- the files


def _is_agency_workbook(path: Path) -> bool:
    name = path.name
    if name.startswith(("~$", ".")) or path.suffix.lower() not in EXCEL_SUFFIXES:
        return False
    return not path.stem.lower().endswith(OUTPUT_SUFFIXES)


def is_recap(path: Path) -> bool:
    """A recap workbook this command wrote (sheets Rekap ... Lintas PD), read from its zip index."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            index = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return 'name="Rekap"' in index and 'name="Lintas PD"' in index


def output_for(inputs: Sequence[str | Path], output: Path) -> Path:
    """The recap's path, refused when it would overwrite an agency workbook it reads; an earlier
    recap there is fine (it is replaced and never read as an agency)."""
    target = output.resolve()
    read = target.exists() and not is_recap(target)
    if read and any(Path(j.path).resolve() == target for j in collect_files(inputs)):
        raise InputError(
            "berkas keluaran adalah salah satu berkas yang direkap; berkas masukan tidak "
            "pernah ditimpa. Pilih nama lain dengan -o.",
            file=str(output),
        )
    return output


def collect_files(inputs: Sequence[str | Path], *, exclude: Sequence[Path] = ()) -> list[Job]:
    """Jobs for the files given and the agency workbooks of the folders given (recursively,
    sorted), each shown by its path relative to its folder. A Renstra named '<stem>_renstra'
    beside a workbook goes with it. Missing paths still get a job: they become refused rows."""
    skip = {p.resolve() for p in exclude}
    jobs: list[Job] = []
    seen: set[Path] = set()
    for given in inputs:
        root = Path(given)
        if root.is_dir():
            found = sorted(p for p in root.rglob("*") if p.is_file() and _is_agency_workbook(p))
            pairs = [(p, str(p.relative_to(root))) for p in found]
        else:
            pairs = [(root, root.name)]
        for path, display in pairs:
            resolved = path.resolve()
            if resolved in skip or resolved in seen:
                continue
            seen.add(resolved)
            renstra = next(
                (
                    path.with_name(f"{path.stem}{RENSTRA_SUFFIX}{suffix}")
                    for suffix in (".xlsx", ".xlsm")
                    if path.with_name(f"{path.stem}{RENSTRA_SUFFIX}{suffix}").is_file()
                ),
                None,
            )
            jobs.append(Job(str(path), display, renstra=str(renstra) if renstra else None))
    return jobs


# ----------------------------------------------------------------------------- the recap


def rank(files: Sequence[FileResult]) -> None:
    """Rank 1 = fewest errors per 100 indicator rows, then fewest warnings per 100; refused
    files get no rank. Per 100 rows, so that a large agency is not ranked last for its size."""

    def key(f: FileResult) -> tuple[float, float, str]:
        per = 100 / max(f.indicators, 1)
        return (f.severity.get("error", 0) * per, f.severity.get("warning", 0) * per, f.file)

    for position, f in enumerate(sorted((f for f in files if f.read), key=key), start=1):
        f.rank = position


def read_region(path: str | Path):
    """The region's Tujuan / Sasaran from --rpjmd: the matriks template, or a summary table."""
    from pokin_xl.checks.lintas import regional_from_matriks, regional_from_renstra
    from pokin_xl.readers.kind import detect_kind
    from pokin_xl.readers.matriks import read_matriks
    from pokin_xl.readers.renstra import read_renstra

    if detect_kind(path) == "matriks":
        return regional_from_matriks(read_matriks(path))
    return regional_from_renstra(read_renstra(path))


def summarise(results: list[FileResult], region=None) -> list:
    """The reduce step: cross-agency findings over the workers' extracts."""
    from pokin_xl.checks.lintas import check_lintas

    extracts = [r.extract for r in results if r.read and r.extract is not None]
    return check_lintas(extracts, region)


def run_jobs_with(jobs: Sequence[Job], *, workers: int, stream=None) -> list[FileResult]:
    from pokin_xl.pool import Progress, run_jobs

    return run_jobs(
        examine,
        jobs,
        workers=workers,
        on_failure=failed,
        progress=Progress(len(jobs), stream),
        size=file_size,
    )


def file_size(job: Job) -> float:
    """The workbook's bytes on disk (0 when it cannot be read: the worker says why), the
    measure of its work the pool schedules by."""
    try:
        return float(os.stat(job.path).st_size)
    except (OSError, ValueError):
        return 0.0


def run_rekap(
    inputs: Sequence[str | Path],
    *,
    workers: int,
    rpjmd: str | Path | None = None,
    exclude: Sequence[Path] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    stream=None,
    on_files: Callable[[int], None] | None = None,
) -> Recap:
    start = time.perf_counter()
    region = read_region(rpjmd) if rpjmd else None  # a bad --rpjmd stops the run: said first
    jobs = [
        Job(j.path, j.display, tuple(select), tuple(ignore), renstra=j.renstra)
        for j in collect_files(inputs, exclude=exclude)
    ]
    if not jobs:
        raise InputError(
            "tidak ada berkas .xlsx/.xls untuk direkap.", file=", ".join(map(str, inputs))
        )
    if on_files:
        on_files(len(jobs))
    results = run_jobs_with(jobs, workers=workers, stream=stream)
    lintas = summarise(results, region)
    rank(results)
    for r in results:
        r.extract = None  # served its purpose; not part of any output
    return Recap(
        files=results,
        lintas=lintas,
        rpjmd=Path(rpjmd).name if rpjmd else "",
        jobs=workers,
        seconds=time.perf_counter() - start,
    )


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def text_recap(recap: Recap) -> str:
    """One line per workbook (by rank), the refused ones with their reason, then Lintas PD."""
    from pokin_xl.findings import SEVERITY_LABELS
    from pokin_xl.model.recap import COVERAGE_LABELS

    summary = recap.summary()
    lines = [
        f"Rekap {summary['files']} berkas: {summary['read']} dibaca, {summary['refused']} "
        f"tidak dapat dibaca ({recap.seconds:.1f} detik, {recap.jobs} proses)."
    ]
    read = sorted((f for f in recap.files if f.read), key=lambda f: f.rank or 0)
    if read:
        lines.append("")
        lines.append("Peringkat  Berkas — Perangkat Daerah (Tahun): galat/peringatan/info; cakupan")
    for f in read:
        shares = ", ".join(
            f"{label} {_percent(f.coverage.get(key))}" for key, label in COVERAGE_LABELS.items()
        )
        s = f.severity
        lines.append(
            f"{f.rank:>9}  {f.file} — {f.perangkat_daerah or '(perangkat daerah?)'} "
            f"({f.tahun or '-'}): {s['error']}/{s['warning']}/{s['info']}; {shares}"
        )
    refused = [f for f in recap.files if not f.read]
    if refused:
        lines.append("")
        lines.append("Tidak dapat dibaca:")
        lines.extend(f"  {f.file}: {f.reason}" for f in refused)
    lines.append("")
    lines.append(f"Lintas PD: {len(recap.lintas)} temuan.")
    for f in recap.lintas:
        lines.append(f"  {f.code} {SEVERITY_LABELS[f.severity]:<10} {f.file} {f.cell}: {f.message}")
    totals = summary["severity"]
    lines.append("")
    lines.append(
        f"Temuan per berkas: {totals['error']} galat, {totals['warning']} peringatan, "
        f"{totals['info']} info. Rincian: --format json atau workbook rekap (-o)."
    )
    return "\n".join(lines)
