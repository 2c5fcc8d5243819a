"""Worst time and peak memory per class of bad input (issue 11), each run in its own process.

    .venv/bin/python -m benchmarks.bench_bad_inputs [--repeat 2] [--only million]

Every class is built in code (tests/bad_inputs.py), then each command that can take it runs in a
child process; CPU seconds, wall seconds and peak memory come from os.wait4 for that child alone
(started through measured_child.py, so that the peak is the command's own, not this process's).
The figures printed are the worst over the commands and repeats of a class.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import tests.bad_inputs as bad
from benchmarks.measured_child import measure
from tests.test_bad_inputs import REFUSED, deep_chain, long_texts

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "bkpsdm_purwakarta_2024"
REAL_XLS = ROOT.parent / "shared/data/real/andri000me_renja_biro_perekonomian_lampiran.xls"


def run(argv: list[object]) -> tuple[int, float, float, float]:
    """Exit code, wall and CPU seconds, and the command's own peak MiB (measured_child.measure)."""
    result = measure([sys.executable, "-m", "pokin_xl.cli", *argv])
    return result["code"], result["wall"], result["cpu"], result["peak_mib"]


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def commands(path: Path, folder: Path) -> list[list[object]]:
    matriks = shutil.copy(SAMPLE / "matriks.xlsx", folder / "contoh.xlsx")
    return [
        ["validate", path],
        ["build", path, "--quiet", "-o", folder / "hasil.xlsx"],
        ["reconcile", path, SAMPLE / "renstra.xlsx"],
        ["reconcile", matriks, path],
        ["build", matriks, "--renstra", path, "--quiet", "-o", folder / "hasil2.xlsx"],
    ]


CLASSES: list[tuple[str, Callable[[Path], Path], str]] = [
    *((name, make, "all") for name, make, _ in REFUSED),
    ("fifo", fifo, "all"),
    ("far-corner-space", bad.far_corner_space, "all"),
    ("million-styled-cells", bad.million_styled_rows, "validate+build"),
    (
        "million-styled-rows",
        lambda p: bad.million_styled_rows(p, with_cells=False),
        "validate+build",
    ),
    ("deep-chain-5000", lambda p: deep_chain(p, 5000), "validate+build"),
    ("texts-40000", long_texts, "validate+build"),
    ("uncached-formulas", bad.uncached_formulas, "all"),
    ("hyperlink-A1:XFD1048576", bad.linked_range, "all"),
    *(  # a real .xls of ../shared/data, where it is beside the repository
        [("xls-far-corner", lambda p: bad.xls_far_corner(p.with_suffix(".xls"), REAL_XLS), "all")]
        if REAL_XLS.exists()
        else []
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only", default="", help="classes whose name contains this")
    args = parser.parse_args()
    print(f"{'class':24} {'commands':>8} {'exit':>6} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}")
    for name, make, which in CLASSES:
        if args.only not in name:
            continue
        with tempfile.TemporaryDirectory() as folder:
            path = make(Path(folder) / "masukan.xlsx")
            argvs = commands(path, Path(folder))
            if which != "all":
                argvs = argvs[:2]
            worst = (0.0, 0.0, 0.0)
            codes = set()
            for _ in range(args.repeat):
                for argv in argvs:
                    code, wall, cpu, peak = run(argv)
                    codes.add(code)
                    worst = tuple(max(a, b) for a, b in zip(worst, (wall, cpu, peak), strict=True))
            shown = ",".join(str(c) for c in sorted(codes))
            print(
                f"{name:24} {len(argvs):>8} {shown:>6} {worst[0]:7.2f} {worst[1]:7.2f} "
                f"{worst[2]:8.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
