"""Issue 10's ratio table in one command: each stage at several sizes, the I/O floor beside it,
ours / floor, and each stage's growth exponent between consecutive sizes.

    .venv/bin/python -m benchmarks.bench_scale                    # 1k 5k 10k rows: a few minutes
    .venv/bin/python -m benchmarks.bench_scale --sizes 1000 5000 10000 20000 40000
    .venv/bin/python -m benchmarks.bench_scale --cacat            # with realistic defects
    .venv/bin/python -m benchmarks.bench_scale --startup --error-path 3400 --sizes

Inputs come from benchmarks/generate.py (kegiatan 10, sub kegiatan 12, two indicators each);
the size is the number of Kinerja rows. Each size runs in child processes, so that memory and
caches never carry over:
- read / validate / write: read_matriks, validate, write_cascade_workbook, timed in one process;
- build: `pokin-xl build` as a subprocess, wall seconds and peak RSS (os.wait4 of that child);
- renstra / plan / match: read_renstra of a code table holding the same indicators
  (generate.write_renstra_for; SUM roll-ups with cached values, one indicator in ten reworded),
  then the checks reconcile runs on that table (P001/P002 of every period and the parent codes,
  over the planning view), then compare_sides of reconcile (matching by code, text and fuzzy,
  and the comparison).

The floor, measured in the same run:
- read floor: python-calamine reading the values of every sheet of the input;
- write floor: xlsxwriter writing a workbook with our output's sheets, cells and values, one
  format object per style our output uses on the same cells, its merged ranges and its rich
  strings (all read back from our output's XML). Comments, links, data validation, column
  widths, panes and print settings are left out: they are what our output adds beyond the cells;
- build floor = read floor + write floor.

Exponent: log(t2 / t1) / log(n2 / n1) between consecutive sizes; 1.0 is linear. The timings
are medians of --repeat runs, made in alternating rounds over the sizes; the growth from one size
to the next is the median of the ratios within each round, and beside it (from two rounds on)
the ratio of each size's fastest run. On a 2-core VM the same stage swings by a third from one
process to the next (a 20k read 2.05-2.96 s in five fresh processes, CPU time equal to wall, no
steal reported), and a slow spell only ever adds time: the more rounds, the nearer the fastest
runs come to what the code costs. The load average is printed, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks.measured_child import measure

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "bkpsdm_purwakarta_2024"
STAGES = ["read", "validate", "write", "build", "renstra", "plan", "match"]


# ------------------------------------------------------------------------------- child stages


def _inputs(size: int, folder: Path, defects: bool) -> tuple[Path, Path, int]:
    from benchmarks.generate import content, units_for, write_renstra_for
    from pokin_xl.template import write_template

    units = units_for(size)
    matriks = folder / f"matriks_{size}.xlsx"
    renstra = folder / f"renstra_{size}.xlsx"
    data = content(units, 10, 12, defects=defects)
    write_template(matriks, data)
    write_renstra_for(renstra, units)
    return matriks, renstra, len(data.kinerja)


def child_stages(matriks: Path, renstra: Path, out: Path) -> dict[str, float]:
    from pokin_xl.checks.budget import check_plan_budget
    from pokin_xl.checks.nomenclature import check_parent_codes
    from pokin_xl.checks.reconcile import compare_sides, side_from_matriks, side_from_renstra
    from pokin_xl.gc_pause import without_gc_pauses
    from pokin_xl.model.planning_view import planning_view
    from pokin_xl.readers.matriks import read_matriks
    from pokin_xl.readers.renstra import read_renstra
    from pokin_xl.readers.renstra.year import choose_period
    from pokin_xl.validate import validate
    from pokin_xl.writers.workbook import write_cascade_workbook

    times: dict[str, float] = {}
    start = time.perf_counter()
    workbook = read_matriks(matriks)
    times["read"] = time.perf_counter() - start
    start = time.perf_counter()
    report = validate(workbook)
    times["validate"] = time.perf_counter() - start
    times["findings"] = len(report.findings)
    start = time.perf_counter()
    write_cascade_workbook(workbook, report, out)
    times["write"] = time.perf_counter() - start
    start = time.perf_counter()
    plan = read_renstra(renstra)
    times["renstra"] = time.perf_counter() - start
    start = time.perf_counter()
    chosen = choose_period(plan, workbook.identity.tahun)
    view = planning_view(plan, chosen.period, chosen.year)
    check_plan_budget(plan, views={chosen.period: view} if chosen.period is not None else None)
    check_parent_codes(view)
    times["plan"] = time.perf_counter() - start
    start = time.perf_counter()
    period = chosen.period
    with without_gc_pauses():  # as reconcile() runs it
        compare_sides(side_from_matriks(workbook), side_from_renstra(plan, period))
    times["match"] = time.perf_counter() - start
    return times


def floor_read(path: Path) -> float:
    import python_calamine

    start = time.perf_counter()
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    return time.perf_counter() - start


_CELL_RE = re.compile(
    rb'<c r="([A-Z]+)([0-9]+)"(?: s="([0-9]+)")?(?: t="([a-zA-Z]+)")?(?:/>|>(.*?)</c>)', re.S
)
_VALUE_RE = re.compile(rb"<v>([^<]*)</v>")
_MERGE_RE = re.compile(rb'<mergeCell ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')


def _col(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number - 1


def output_model(path: Path) -> dict:
    """Our output's sheets as cells (row, col, value, style, rich runs), merges and style count,
    from its XML (xlsxwriter writes every cell <c r=".." s=".." t="..">; strings shared, or
    inline in constant_memory mode). The floor writes them as shared strings, in a plain
    workbook: the cheaper way for xlsxwriter when the whole workbook may stay in memory."""
    import xml.etree.ElementTree as ET

    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as archive:

        def string_item(si) -> object:  # a shared string <si> or an inline string <is>
            runs = si.findall(f"{ns}r")
            if runs:
                return [(r.find(f"{ns}rPr") is not None, r.findtext(f"{ns}t") or "") for r in runs]
            return si.findtext(f"{ns}t") or ""

        strings: list[object] = []
        if "xl/sharedStrings.xml" in archive.namelist():
            strings = [
                string_item(si) for si in ET.fromstring(archive.read("xl/sharedStrings.xml"))
            ]
        styles = ET.fromstring(archive.read("xl/styles.xml"))
        xfs = styles.find(f"{ns}cellXfs")
        book = ET.fromstring(archive.read("xl/workbook.xml"))
        names = [s.get("name") for s in book.iter(f"{ns}sheet")]
        sheets = []
        for index, name in enumerate(names, start=1):
            data = archive.read(f"xl/worksheets/sheet{index}.xml")
            cells = []
            for m in _CELL_RE.finditer(data):
                letters, row, style, kind, inner = m.groups()
                value_match = _VALUE_RE.search(inner or b"")
                raw = value_match.group(1).decode() if value_match else None
                if kind == b"s" and raw is not None:
                    value: object = strings[int(raw)]
                elif kind == b"inlineStr":  # constant_memory mode (writers/rows.py)
                    inline = (inner or b"<is/>").replace(
                        b"<is", b'<is xmlns="' + ns[1:-1].encode() + b'"', 1
                    )
                    value = string_item(ET.fromstring(inline))
                elif kind == b"str" or raw is None:
                    value = raw
                elif kind == b"b":
                    value = raw == "1"
                else:
                    value = float(raw)
                cells.append((int(row) - 1, _col(letters), value, int(style or 0)))
            merges = [
                (int(r1) - 1, _col(c1), int(r2) - 1, _col(c2))
                for c1, r1, c2, r2 in _MERGE_RE.findall(data)
            ]
            sheets.append((name, cells, merges))
    return {"styles": len(xfs) if xfs is not None else 1, "sheets": sheets}


def floor_write(model: dict, out: Path) -> float:
    """xlsxwriter writing the cells, formats, merges and rich strings of `model` (timed)."""
    import xlsxwriter

    start = time.perf_counter()
    book = xlsxwriter.Workbook(str(out))
    formats = [
        book.add_format({"border": i % 3, "bold": i % 2 == 1, "text_wrap": True, "font_size": 9})
        for i in range(model["styles"])
    ]
    bold = book.add_format({"bold": True})
    for name, cells, merges in model["sheets"]:
        sheet = book.add_worksheet(name)
        tops = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in merges}
        inside = {
            (r, c)
            for (r1, c1), (r2, c2) in tops.items()
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
        }
        for row, col, value, style in cells:
            fmt = formats[style]
            if (row, col) in tops:
                r2, c2 = tops[(row, col)]
                text = "".join(t for _, t in value) if isinstance(value, list) else value
                sheet.merge_range(row, col, r2, c2, text if text is not None else "", fmt)
                if isinstance(value, list) and len(value) > 1:
                    _rich(sheet, row, col, value, bold, fmt)
            elif (row, col) in inside:
                continue
            elif isinstance(value, list):
                if len(value) > 1:
                    _rich(sheet, row, col, value, bold, fmt)
                else:
                    sheet.write_string(row, col, value[0][1] if value else "", fmt)
            elif value is None:
                sheet.write_blank(row, col, None, fmt)
            elif isinstance(value, str):
                sheet.write_string(row, col, value, fmt)
            elif isinstance(value, bool):
                sheet.write_boolean(row, col, value, fmt)
            else:
                sheet.write_number(row, col, value, fmt)
    book.close()
    return time.perf_counter() - start


def _rich(sheet, row: int, col: int, runs: list, bold, fmt) -> None:
    parts: list[object] = []
    for is_bold, text in runs:
        if text:
            parts += [bold, text] if is_bold else [text]
    if len(parts) > 1:
        sheet.write_rich_string(row, col, *parts, fmt)
    else:
        sheet.write_string(row, col, "".join(t for _, t in runs), fmt)


def _child(argv: list[str]) -> None:
    kind, *paths = argv
    if kind == "stages":
        result = child_stages(Path(paths[0]), Path(paths[1]), Path(paths[2]))
    elif kind == "floor":
        model = output_model(Path(paths[1]))
        cells = sum(len(c) for _, c, _ in model["sheets"])
        merges = sum(len(m) for _, _, m in model["sheets"])
        rich = sum(1 for _, c, _ in model["sheets"] for cell in c if isinstance(cell[2], list))
        result = {
            "read": floor_read(Path(paths[0])),
            "write": floor_write(model, Path(paths[2])),
            "sheets": len(model["sheets"]),
            "cells": cells,
            "merges": merges,
            "rich": rich,
        }
    elif kind == "generate":
        matriks, renstra, rows = _inputs(int(paths[0]), Path(paths[1]), paths[2] == "1")
        result = {"matriks": str(matriks), "renstra": str(renstra), "rows": rows}
    else:
        raise SystemExit(f"unknown child {kind}")
    print(json.dumps(result))


# ----------------------------------------------------------------------------- the parent


def run_child(*argv: object, timeout: float | None = None) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_scale", "--child", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_measured(argv: list[object], timeout: float | None = None) -> tuple[int, float, float]:
    """A command in its own process: exit code, wall seconds, its own peak RSS in MiB. Started
    through benchmarks/measured_child.py, so that the peak is the command's, not this process's
    (which holds the generated inputs); exit code -1 past `timeout`."""
    result = measure(argv, timeout, cwd=ROOT)
    return result["code"], result["wall"], result["peak_mib"]


def _cli() -> list[object]:
    return [sys.executable, "-m", "pokin_xl"]


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = "/".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores "
        f"({model or platform.machine()}), Python {platform.python_version()}, load {load}"
    )


def exponent(t1: float, t2: float, n1: int, n2: int) -> float:
    if t1 <= 0 or t2 <= 0 or n1 == n2:
        return float("nan")
    return math.log(t2 / t1) / math.log(n2 / n1)


def _measure_once(made: dict, folder: Path) -> dict:
    """One round of every stage, the build and the floor for one generated input."""
    matriks, renstra = Path(made["matriks"]), Path(made["renstra"])
    out = folder / f"hasil_{made['rows']}.xlsx"
    run = run_child("stages", matriks, renstra, out)
    code, run["build"], run["build_mib"] = run_measured(
        [*_cli(), "build", matriks, "-o", out, "--quiet"]
    )
    run["build_exit"] = code
    floor = run_child("floor", matriks, out, folder / "floor.xlsx")
    run.update({f"floor_{key}": floor[key] for key in ("read", "write")})
    run["output"] = {k: floor[k] for k in ("sheets", "cells", "merges", "rich")}
    return run


def measure_sizes(sizes: list[int], folder: Path, repeat: int, defects: bool) -> list[dict]:
    """Every size measured `repeat` times in alternating rounds (1k, 5k, ..., then again), so
    that a slow spell of a shared machine falls on every size alike; the medians per size, and
    in `rounds` each round's figures, for the growth ratios taken within a round."""
    made = [run_child("generate", size, folder, int(defects)) for size in sizes]
    rounds: list[list[dict]] = [[] for _ in sizes]
    for _ in range(repeat):
        for i, one in enumerate(made):
            rounds[i].append(_measure_once(one, folder))
            print(f"  {one['rows']} rows measured", file=sys.stderr, flush=True)
    results = []
    for one, runs in zip(made, rounds, strict=True):
        numeric = [k for k, v in runs[0].items() if isinstance(v, (int, float))]
        result = {k: statistics.median(r[k] for r in runs) for k in numeric}
        result["build_mib"] = max(r["build_mib"] for r in runs)
        result["build_exit"] = sorted({r["build_exit"] for r in runs})
        result["floor_build"] = result["floor_read"] + result["floor_write"]
        result["output"] = runs[0]["output"]
        result["rows"] = one["rows"]
        result["rounds"] = runs
        results.append(result)
    return results


def print_table(results: list[dict]) -> None:
    print()
    print(
        f"{'rows':>7} {'stage':9} {'ours s':>8} {'floor s':>8} {'ours/floor':>10} "
        f"{'exponent':>8} {'peak MiB':>8}"
    )
    floors = {"read": "floor_read", "write": "floor_write", "build": "floor_build"}
    for i, res in enumerate(results):
        for stage in STAGES:
            ours = res[stage]
            floor = res.get(floors.get(stage, ""), None)
            ratio = f"{ours / floor:10.1f}" if floor else f"{'':10}"
            floor_text = f"{floor:8.2f}" if floor else f"{'':8}"
            grow = ""
            if i:
                prev = results[i - 1]
                grow = f"{exponent(prev[stage], ours, prev['rows'], res['rows']):8.2f}"
            peak = f"{res['build_mib']:8.0f}" if stage == "build" else ""
            print(f"{res['rows']:>7} {stage:9} {ours:8.2f} {floor_text} {ratio} {grow:>8} {peak}")
        out = res["output"]
        print(
            f"{'':7} output: {out['sheets']} sheets, {out['cells']:,} cells, {out['merges']:,} "
            f"merged ranges, {out['rich']:,} rich strings; {int(res['findings']):,} findings; "
            f"build exit {res['build_exit']}"
        )
    if len(results) > 1:
        last, prev = results[-1], results[-2]
        print(
            f"\n{last['rows']} / {prev['rows']} rows, median of the ratios within each round: "
            + ", ".join(f"{s} x{growth(prev, last, s):.2f}" for s in STAGES if prev[s] > 0)
        )
        if len(last["rounds"]) > 1:
            print(
                "fastest run of each size: "
                + ", ".join(
                    f"{s} x{fastest_growth(prev, last, s):.2f}" for s in STAGES if prev[s] > 0
                )
            )
            for stage in STAGES:
                ratios = [
                    b[stage] / a[stage] for a, b in zip(prev["rounds"], last["rounds"], strict=True)
                ]
                print(f"  {stage:9} rounds: " + " ".join(f"x{r:.2f}" for r in ratios))


def growth(prev: dict, last: dict, stage: str) -> float:
    """last / prev for one stage: the median of the ratios of runs made in the same round."""
    pairs = zip(prev["rounds"], last["rounds"], strict=True)
    return statistics.median(b[stage] / a[stage] for a, b in pairs if a[stage] > 0)


def fastest_growth(prev: dict, last: dict, stage: str) -> float:
    """last / prev for one stage from each size's fastest run (noise only ever adds time)."""
    return min(r[stage] for r in last["rounds"]) / min(r[stage] for r in prev["rounds"])


# as a pokin-xl command imports (gc_pause.loading_modules) and ends (cli.run)
_QUIET_IMPORTS = "import atexit, gc, os; gc.disable(); atexit.register(lambda: os._exit(0)); "


def startup(repeat: int, folder: Path) -> None:
    print("\nstart-up (wall seconds, median of", repeat, "runs)")
    out = folder / "sample_out.xlsx"
    template = folder / "template.xlsx"
    cases = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("import openpyxl, xlsxwriter", [sys.executable, "-c", "import openpyxl, xlsxwriter"]),
        (  # what a build of any workbook imports before any work of ours: its floor
            "import pandas, xlsxwriter, calamine",
            [sys.executable, "-c", f"{_QUIET_IMPORTS}import pandas, xlsxwriter, python_calamine"],
        ),
        (
            "  + pandera.pandas",
            [
                sys.executable,
                "-c",
                f"{_QUIET_IMPORTS}import pandas, xlsxwriter, python_calamine, pandera.pandas",
            ],
        ),
        ("pokin-xl --help", [*_cli(), "--help"]),
        ("pokin-xl template", [*_cli(), "template", "-o", template, "--timpa"]),
        (
            "pokin-xl build (sample)",
            [*_cli(), "build", SAMPLE / "matriks.xlsx", "-o", out, "--quiet"],
        ),
        (
            "pokin-xl build --renstra (sample)",
            [
                *_cli(),
                "build",
                SAMPLE / "matriks.xlsx",
                "--renstra",
                SAMPLE / "renstra.xlsx",
                "-o",
                out,
                "--quiet",
            ],
        ),
        ("pokin-xl validate (sample)", [*_cli(), "validate", SAMPLE / "matriks.xlsx"]),
    ]
    walls: dict[str, float] = {}
    for name, argv in cases:
        runs = [run_measured(argv) for _ in range(repeat)]
        wall = walls[name] = statistics.median(r[1] for r in runs)
        print(f"  {name:34} {wall:6.2f} s  {max(r[2] for r in runs):6.0f} MiB")
    # what is ours on a small file: the time above the imports every build pays (same run)
    floor = walls["  + pandera.pandas"]
    for name in ("pokin-xl build (sample)", "pokin-xl validate (sample)"):
        command = name.removeprefix("pokin-xl ")
        print(
            f"  {command} / floor with pandera: {walls[name] / floor:.2f}"
            f"  (+{walls[name] - floor:.2f} s above it)"
        )


def error_path(rows: int, folder: Path, timeout: float) -> None:
    from benchmarks.generate import content, units_for
    from pokin_xl.template import write_template

    units = units_for(rows)
    wrong = folder / "induk_salah.xlsx"
    right = folder / "induk_benar.xlsx"
    data = content(units, 10, 12, wrong_parents=True)
    write_template(wrong, data)
    write_template(right, content(units, 10, 12))
    print(f"\nerror path: {len(data.kinerja)} rows, every sub kegiatan under its program (H002)")
    for name, path in (("right parents", right), ("wrong parents", wrong)):
        code, wall, peak = run_measured([*_cli(), "validate", path], timeout=timeout)
        shown = f"> {timeout:.0f} s (stopped)" if code == -1 else f"{wall:6.2f} s"
        print(f"  validate, {name:14} {shown}  {peak:6.0f} MiB  exit {code}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=1, help="median of N runs per stage")
    parser.add_argument("--cacat", action="store_true", help="inputs with realistic defects")
    parser.add_argument("--startup", action="store_true", help="also time start-up commands")
    parser.add_argument(
        "--error-path", type=int, default=0, metavar="ROWS", help="also the H002 error path"
    )
    parser.add_argument("--timeout", type=float, default=600, help="for the error path")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = measure_sizes(args.sizes, folder, args.repeat, args.cacat)
        if results:
            print_table(results)
        if args.startup:
            startup(max(args.repeat, 3), folder)
        if args.error_path:
            error_path(args.error_path, folder, args.timeout)
    print(f"\nend: load {'/'.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
