"""The pokin-xl command: options, exit codes and output formats; no logic of its own.

Exit codes: 0 no error findings, 1 error findings, 2 unusable input or usage, 3 an internal error
(a bug of pokin-xl: a message asking to report it; the traceback only with --debug).
"""

from __future__ import annotations

import argparse
import atexit
import functools
import json
import os
import re
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Sequence
from pathlib import Path

from pokin_xl.cores import default_jobs, one_blas_thread
from pokin_xl.errors import InputError, printable
from pokin_xl.findings import SEVERITY_LABELS, Report
from pokin_xl.gc_pause import command_process, loading_modules
from pokin_xl.model.rules import RULES
from pokin_xl.version import __version__
from pokin_xl.writers.output import check_output_path

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


# argparse speaks English; users read Indonesian. The texts are set on our own parser class and its
# help formatter (never by replacing argparse's module-level `_`, which would change every other
# program's argparse in the same process); error messages are translated in `error()`.
_ARGPARSE_ERRORS_ID = {
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)"
    ),
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "memerlukan satu nilai",
    "expected at least one argument": "memerlukan sedikitnya satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak valid",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan %(option)s ambigu, dapat berarti %(matches)s"
    ),
}
_ARGUMENT_RE = re.compile(r"^argument (?P<name>[^:]+): (?P<message>.*)$", re.DOTALL)


def _template_re(template: str) -> re.Pattern[str]:
    pattern = re.escape(template)
    pattern = re.sub(r"%\\\((\w+)\\\)[rs]", r"(?P<\1>.+?)", pattern)
    return re.compile("^" + pattern.replace("%s", "(?P<arg>.+?)") + "$", re.DOTALL)


_ERROR_PATTERNS = [(_template_re(en), ind) for en, ind in _ARGPARSE_ERRORS_ID.items()]


def indonesian_error(message: str) -> str:
    """argparse's English error message in Indonesian (unchanged when not known)."""
    argument = _ARGUMENT_RE.match(message)
    if argument:
        return f"argumen {argument['name']}: {indonesian_error(argument['message'])}"
    for pattern, template in _ERROR_PATTERNS:
        found = pattern.match(message)
        if found:
            values = found.groupdict()
            arg = values.pop("arg", None)
            text = template % arg if arg is not None else template
            return re.sub(r"%\((\w+)\)[rs]", lambda m, found=values: found[m.group(1)], text)
    return message


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "tampilkan bantuan ini lalu keluar"

    def error(self, message: str) -> None:  # argparse's own exit code is 2 as well
        self.print_usage(sys.stderr)
        print(f"pokin-xl: perintah tidak valid: {indonesian_error(message)}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def _codes(value: str) -> list[str]:
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    for code in codes:
        if not any(rule.startswith(code) for rule in RULES):
            raise argparse.ArgumentTypeError(f"kode aturan '{code}' tidak dikenal")
    return codes


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"--jobs harus bilangan bulat >= 1 (diberikan '{value}')")
    return int(value)


def _add_jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        default=default_jobs(),
        help="jumlah proses untuk banyak berkas (bawaan: jumlah inti, %(default)s; 1 = satu proses)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pokin-xl",
        description="Memeriksa dan menyusun cascading kinerja dari Matriks Peran dan Hasil (Excel).",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"pokin-xl {__version__}",
        help="tampilkan versi lalu keluar",
    )
    parser.add_argument(
        "--debug", action="store_true", help="tampilkan traceback bila terjadi kesalahan internal"
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    template = sub.add_parser("template", help="tulis template Matriks_Peran_Hasil.xlsx kosong")
    template.add_argument(
        "-o",
        "--output",
        default="Matriks_Peran_Hasil.xlsx",
        help="berkas tujuan (bawaan: Matriks_Peran_Hasil.xlsx di folder saat ini)",
    )
    template.add_argument("--timpa", action="store_true", help="timpa berkas tujuan yang sudah ada")

    check = sub.add_parser("validate", help="periksa sebuah Matriks Peran dan Hasil")
    check.add_argument(
        "files", nargs="+", metavar="FILE", help="satu atau beberapa berkas .xlsx dari template"
    )
    check.add_argument(
        "--format", choices=["text", "json"], default="text", help="bentuk keluaran (bawaan: text)"
    )
    check.add_argument(
        "--tahun",
        type=int,
        help="tahun target tabel Renstra/Renja; beberapa berkas: tiap tabel pada tahunnya sendiri, "
        "--tahun bila tabel memuat beberapa tahun atau tidak menyebutnya",
    )
    check.add_argument("--tahun-awal", type=int, help="tahun pertama Renstra (kolom Tahun 1..n)")
    check.add_argument(
        "--sheet",
        help="sheet tabel Renstra/Renja (bawaan: tabel yang paling jelas); per berkas: BERKAS:SHEET",
    )
    check.add_argument("--select", type=_codes, default=[], help="hanya kode ini, mis. T,H001")
    check.add_argument("--ignore", type=_codes, default=[], help="abaikan kode ini, mis. S,N002")
    _add_jobs(check)
    make = sub.add_parser("build", help="tulis workbook cascading yang tervalidasi")
    make.add_argument("files", nargs="+", metavar="FILE", help="Matriks Peran dan Hasil (.xlsx)")
    make.add_argument("-o", "--output", help="berkas keluaran (bawaan: <nama>_cascading.xlsx)")
    make.add_argument("--renstra", help="Renstra (.xlsx) untuk sheet Rekonsiliasi")
    _add_jobs(make)
    make.add_argument(
        "--tahun",
        type=int,
        help="tahun target Renstra yang dibandingkan (bawaan: Tahun di Identitas)",
    )
    make.add_argument(
        "--tahun-awal", type=int, help="tahun pertama Renstra (bila judul tidak menyebut)"
    )
    make.add_argument("--quiet", action="store_true", help="tanpa baris kemajuan")

    show = sub.add_parser("inspect", help="tampilkan cara berkas dibaca, tanpa memeriksa")
    show.add_argument("file", metavar="BERKAS", help="Renstra/Renja (.xlsx/.xls) atau Matriks")
    show.add_argument("--tahun", type=int, help="tahun target yang dibaca")
    show.add_argument(
        "--tahun-awal", type=int, help="tahun pertama Renstra (bila judul tidak menyebut)"
    )
    show.add_argument("--sheet", help="nama sheet (bawaan: tabel yang paling jelas)")
    show.add_argument(
        "--format", choices=["text", "json"], default="text", help="bentuk keluaran (bawaan: text)"
    )

    compare = sub.add_parser(
        "reconcile", help="bandingkan target, satuan dan pagu Matriks dengan Renstra/Matriks lain"
    )
    compare.add_argument("a", metavar="A.xlsx", help="Matriks Peran dan Hasil")
    compare.add_argument(
        "b", metavar="B.xlsx", help="Renstra, atau Matriks lain (mis. bab Pohon Kinerja)"
    )
    compare.add_argument(
        "--tahun", type=int, help="tahun yang dibandingkan (bawaan: Tahun di Identitas A)"
    )
    compare.add_argument(
        "--tahun-awal", type=int, help="tahun pertama Renstra (bila judul tidak menyebut)"
    )
    compare.add_argument(
        "--format",
        choices=["text", "json", "xlsx"],
        help="bawaan: xlsx bila -o diberikan, selain itu text",
    )
    compare.add_argument("-o", "--output", help="berkas .xlsx (berarti --format xlsx)")

    docs = sub.add_parser("dokumen", help="tulis PK, IKU, Rencana Aksi dan SKP dari Matriks")
    docs.add_argument("file", help="Matriks Peran dan Hasil (.xlsx)")
    docs.add_argument("-o", "--output", help="berkas keluaran (bawaan: <nama>_dokumen.xlsx)")
    docs.add_argument(
        "--jenis", type=_jenis, default=None, help="dokumen yang ditulis, mis. pk,iku,renaksi,skp"
    )
    docs.add_argument(
        "--format", choices=["text", "json"], default="text", help="bentuk keluaran (bawaan: text)"
    )
    recap = sub.add_parser(
        "rekap", help="rekap pemeriksaan banyak perangkat daerah: satu workbook, semua inti"
    )
    recap.add_argument(
        "inputs", nargs="+", metavar="FOLDER|FILE", help="folder (beserta subfolder) atau berkas"
    )
    recap.add_argument(
        "-o", "--output", metavar="REKAP.xlsx", help="workbook rekap (berarti --format xlsx)"
    )
    recap.add_argument(
        "--format",
        choices=["text", "json", "xlsx"],
        help="bawaan: xlsx bila -o diberikan, selain itu text",
    )
    recap.add_argument(
        "--rpjmd",
        metavar="RPJMD.xlsx",
        help="tujuan/sasaran daerah (template matriks atau tabel ringkas)",
    )
    recap.add_argument("--select", type=_codes, default=[], help="hanya kode ini, mis. T,H001")
    recap.add_argument("--ignore", type=_codes, default=[], help="abaikan kode ini, mis. S,N002")
    _add_jobs(recap)
    return parser


def _jenis(value: str) -> list[str]:
    from pokin_xl.dokumen import parse_jenis

    try:
        return parse_jenis(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM: unwind like Ctrl-C, so a half-written output is removed


def main(argv: Sequence[str] | None = None) -> int:
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if in_main_thread else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a user reads our sentences, not a library's
            return _main(argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def run() -> None:
    """The console script (`pokin-xl`, `python -m pokin_xl`): main(), then the process ends
    without tearing down its modules.

    Python's own shutdown frees every object of every module one by one (pandas, numpy,
    pandera: 0.1-0.3 s after a build); the OS takes the whole process back at once. What that
    shutdown does that matters still happens: the atexit handlers run, stdout and stderr are
    flushed. A process with another thread still running exits the ordinary way.
    """
    command_process()
    one_blas_thread()
    code = main()
    if threading.active_count() > 1:
        raise SystemExit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # as Python's own shutdown: the output could not be written out
        code = 120
    os._exit(code)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "template":
            return _template(args)
        if args.command == "validate":
            return _validate(args)
        if args.command == "build":
            return _build(args)
        if args.command == "reconcile":
            return _reconcile(args)
        if args.command == "dokumen":
            return _dokumen(args)
        if args.command == "rekap":
            return _rekap(args)
        if args.command == "inspect":
            return _inspect(args)
    except InputError as exc:
        print(f"pokin-xl: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader of our output (`| head`) has gone; stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("pokin-xl: dibatalkan.", file=sys.stderr)
        return EXIT_INPUT
    # A bug (InternalError or anything unforeseen), not the input's fault. A Rust panic in an
    # extension (python-calamine) arrives as pyo3's PanicException, a BaseException.
    except BaseException as exc:
        if isinstance(exc, (SystemExit, GeneratorExit)):
            raise
        return _internal_error(exc, debug=args.debug or bool(os.environ.get("POKIN_XL_DEBUG")))
    parser.error(f"perintah '{args.command}' belum tersedia")
    return EXIT_INPUT


# The commands import what they need when they run, so that `--help`, `--version` and a usage
# error do not pay for pandas, pandera and openpyxl.
def _template(args: argparse.Namespace) -> int:
    with loading_modules():
        from pokin_xl.template import write_template

    target = check_output_path(args.output, replace=args.timpa)
    path = write_template(target)
    print(f"Template ditulis: {printable(path)}")
    return EXIT_OK


def _dokumen(args: argparse.Namespace) -> int:
    with loading_modules():
        from pokin_xl.dokumen import documents_text, make_documents

    result = make_documents(args.file, args.output, jenis=args.jenis or None)
    out = json.dumps(result.manifest, ensure_ascii=False, indent=2)
    print(out if args.format == "json" else documents_text(result.manifest))
    return EXIT_FINDINGS if result.report.has_errors else EXIT_OK


def _inspect(args: argparse.Namespace) -> int:
    with loading_modules():
        from pokin_xl.inspect import inspect_workbook
        from pokin_xl.inspect import render_text as render_inspect

    reading = inspect_workbook(
        args.file, tahun=args.tahun, sheet=args.sheet, tahun_awal=args.tahun_awal
    )
    text = json.dumps(reading, ensure_ascii=False, indent=2)
    print(text if args.format == "json" else render_inspect(reading))
    return EXIT_OK


def _internal_error(exc: BaseException, *, debug: bool) -> int:
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    print(
        f"pokin-xl: kesalahan internal pokin-xl, bukan kesalahan berkas Anda "
        f"({type(exc).__name__}: {exc}). Mohon laporkan kepada pengelola pokin-xl beserta "
        "perintah yang dijalankan"
        + (" dan traceback di atas." if debug else " dan keluaran 'pokin-xl --debug ...'."),
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _validate(args: argparse.Namespace) -> int:
    """One file: its report. Several (a reviewer's batch): every report, the worst exit code."""
    if len(args.files) == 1:
        return _validate_one(args.files[0], args, sys.stdout)
    from pokin_xl.file_argument import file_and_sheet
    from pokin_xl.rekap import Job, file_report, run_jobs_with

    jobs = []
    for argument in args.files:  # every file to the workers: a matriks or a planning table
        path, sheet = file_and_sheet(argument, args.sheet)
        jobs.append(
            Job(
                path,
                Path(path).name,
                tuple(args.select),
                tuple(args.ignore),
                tahun=args.tahun,
                tahun_awal=args.tahun_awal,
                figures=False,
                planning=True,
                sheet=sheet,
            )
        )
    results: list[dict] = []
    worst = EXIT_OK
    for done in run_jobs_with(jobs, workers=args.jobs):  # in the order given
        if not done.read:
            print(f"pokin-xl: {done.file}: {done.reason}", file=sys.stderr)
            worst = max(worst, _unread_code(done))
            continue
        report = file_report(done)
        summary = done.summary or {
            "file": done.file,
            "perangkat_daerah": done.perangkat_daerah,
            "tahun": done.tahun,
            "units": done.units,
            "severity": done.severity,
        }
        if args.format == "json":
            results.append({"summary": summary, "findings": [f.to_dict() for f in report.sorted()]})
        else:
            print(render_text(report, summary))
            print()
        if report.has_errors:
            worst = max(worst, EXIT_FINDINGS)
    if args.format == "json":
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return worst


def _unread_code(done) -> int:
    """A workbook that could not be used (2), or a failure of pokin-xl itself on it (3)."""
    from pokin_xl.model.recap import FAILED

    return EXIT_INTERNAL if done.status == FAILED else EXIT_INPUT


def _summary(path: str, workbook, report: Report) -> dict:
    from pokin_xl.summary import unit_summary

    return {
        "file": Path(path).name,
        "perangkat_daerah": workbook.identity.perangkat_daerah,
        "tahun": workbook.identity.tahun,
        "units": unit_summary(workbook),
        "severity": report.counts(),
    }


def _checked(argument: str, args: argparse.Namespace) -> tuple[dict, Report]:
    """A matriks through `validate`; any other workbook as a Renstra/Renja table (FILE:SHEET
    names its sheet; in a batch each table is read in its own year, --tahun as the fallback)."""
    with loading_modules():
        from pokin_xl.file_argument import file_and_sheet
        from pokin_xl.readers.kind import is_matriks
        from pokin_xl.readers.matriks import read_matriks
        from pokin_xl.validate import validate

    path, sheet = file_and_sheet(argument, args.sheet)
    if is_matriks(path):
        workbook = read_matriks(path)
        report = validate(workbook, select=args.select, ignore=args.ignore)
        return _summary(path, workbook, report), report
    from pokin_xl.validate_planning import validate_planning_table  # the Renstra readers

    return validate_planning_table(
        path,
        tahun=args.tahun,
        sheet=sheet,
        tahun_awal=args.tahun_awal,
        select=args.select,
        ignore=args.ignore,
        per_file_year=len(args.files) > 1,
    )


def _validate_one(path: str, args: argparse.Namespace, out) -> int:
    summary, report = _checked(path, args)
    if args.format == "json":
        print(report.to_json(summary), file=out)
    else:
        print(render_text(report, summary), file=out)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _progress(quiet: bool):
    """Stage lines on a terminal; silent when piped (a batch log wants only the result line)."""
    start = time.perf_counter()
    show = not quiet and sys.stderr.isatty()

    def say(message: str) -> None:
        if show:
            print(f"[{time.perf_counter() - start:5.1f} s] {message}", file=sys.stderr, flush=True)

    return say


def _build(args: argparse.Namespace) -> int:
    with loading_modules():
        from pokin_xl.build import build, output_path

    if len(args.files) > 1:
        return _build_many(args)
    args.file = args.files[0]
    say = _progress(args.quiet)
    output_path(args.file, args.output, [args.renstra])  # refused before any reading

    def reconciled(workbook):
        from pokin_xl.reconcile import reconcile  # the Renstra readers, only with --renstra
        from pokin_xl.writers.reconciliation import add_reconciliation_sheet

        say(f"Rekonsiliasi dengan {Path(args.renstra).name}")
        result = reconcile(
            args.file, args.renstra, tahun=args.tahun, tahun_awal=args.tahun_awal, a=workbook
        )
        return [functools.partial(add_reconciliation_sheet, result=result)], result.report.findings

    path, report = build(
        args.file,
        args.output,
        extras=reconciled if args.renstra else None,
        inputs=[args.renstra],
        progress=say,
    )
    counts = report.counts()
    print(
        f"Workbook cascading ditulis: {printable(path)} "
        f"({counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info)"
    )
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _build_many(args: argparse.Namespace) -> int:
    """Several workbooks, each built beside its input, in --jobs processes (the rekap worker)."""
    from pokin_xl.build import default_output
    from pokin_xl.rekap import Job, run_jobs_with

    if args.output or args.renstra:
        raise InputError(
            "-o dan --renstra hanya untuk satu berkas; untuk banyak berkas keluaran "
            "ditulis di samping masing-masing masukan."
        )
    jobs = [
        Job(p, Path(p).name, output=str(default_output(p)), tahun=args.tahun, figures=False)
        for p in args.files
    ]
    worst = EXIT_OK
    for done in run_jobs_with(jobs, workers=args.jobs):
        if not done.read:
            print(f"pokin-xl: {done.file}: {done.reason}", file=sys.stderr)
            worst = max(worst, _unread_code(done))
            continue
        counts = done.severity
        print(
            f"Workbook cascading ditulis: {done.output} "
            f"({counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info)"
        )
        if counts["error"]:
            worst = max(worst, EXIT_FINDINGS)
    return worst


def _rekap(args: argparse.Namespace) -> int:
    with loading_modules():
        from pokin_xl.rekap import output_for, run_rekap, text_recap
        from pokin_xl.writers.rekap import write_rekap_workbook

    fmt = args.format or ("xlsx" if args.output else "text")
    if args.output and fmt != "xlsx":
        raise InputError(f"-o hanya untuk --format xlsx (diminta --format {fmt}).")
    out = Path(args.output or "rekap_pokin.xlsx")
    if fmt == "xlsx":  # said before a long run, not after it
        # .xlsx and not a folder (no single source to compare: output_for checks the inputs)
        checked = check_output_path(out)
        out = output_for(args.inputs, checked)
    recap = run_rekap(
        args.inputs,
        workers=args.jobs,
        rpjmd=args.rpjmd,
        exclude=[out] if fmt == "xlsx" else [],
        select=args.select,
        ignore=args.ignore,
    )
    if fmt == "json":
        print(recap.to_json())
    elif fmt == "xlsx":
        path = write_rekap_workbook(recap, out)
        s = recap.summary()
        print(
            f"Rekap ditulis: {path} ({s['read']} berkas dibaca, {s['refused']} tidak dapat dibaca, "
            f"{s['lintas']} temuan lintas PD)"
        )
    else:
        print(text_recap(recap))
    return {"ok": EXIT_OK, "error": EXIT_FINDINGS, "failed": EXIT_INTERNAL}.get(
        recap.worst, EXIT_INPUT
    )


def _reconcile(args: argparse.Namespace) -> int:
    with loading_modules():
        from pokin_xl.reconcile import reconcile, text_report
        from pokin_xl.writers.reconciliation import write_reconciliation_workbook

    fmt = args.format or ("xlsx" if args.output else "text")
    if args.output and fmt != "xlsx":
        raise InputError(f"-o hanya untuk --format xlsx (diminta --format {fmt}).")
    if fmt == "xlsx":
        out = Path(args.output) if args.output else default_reconcile_output(Path(args.a))
        check_output_path(out, [args.a, args.b])  # refused before any reading
    result = reconcile(args.a, args.b, tahun=args.tahun, tahun_awal=args.tahun_awal)
    if fmt == "json":
        print(result.report.to_json(result.summary()))
    elif fmt == "xlsx":
        path = write_reconciliation_workbook(result, out)
        print(f"Rekonsiliasi ditulis: {printable(path)}")
    else:
        print(text_report(result))
    return EXIT_FINDINGS if result.report.has_errors else EXIT_OK


def default_reconcile_output(a_path: Path) -> Path:
    return a_path.with_name(f"{a_path.stem}_rekonsiliasi.xlsx")


def render_text(report: Report, summary: dict) -> str:
    lines = [f"{summary['file']} — {summary.get('perangkat_daerah') or '(perangkat daerah?)'}"]
    if "tata_letak" in summary:
        lines.append(f"Tabel: {summary['tata_letak']}; tahun {summary['tahun'] or '-'}")
    else:
        lines.append("Ringkasan per unit kerja (jumlah sasaran menurut tingkat):")
    for unit, levels in summary["units"].items():
        parts = ", ".join(f"{level} {count}" for level, count in levels.items())
        lines.append(f"  {unit}: {parts}")
    current_sheet = None
    for f in report.sorted():
        if f.sheet != current_sheet:
            current_sheet = f.sheet
            lines.append("")
            lines.append(f"Sheet {f.sheet or '(berkas)'}")
        where = f.cell or "-"
        lines.append(f"  {where:>6}  {f.code} {SEVERITY_LABELS[f.severity]:<10} {f.message}")
    counts = report.counts()
    lines.append("")
    lines.append(
        f"Temuan: {counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    run()
