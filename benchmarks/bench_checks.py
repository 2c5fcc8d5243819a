"""Each check's time in `validate`, as a fresh process pays it: where validate's time goes.

    .venv/bin/python -m benchmarks.bench_checks --rows 20000 --repeat 3 [--cacat]

Each round is a new process that reads the generated matriks and runs every check once, in
validate's order, with the collector paused as validate pauses it; a second pass over a workbook
read again shows what the text memos of the first pass save. Medians over the rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _child(path: str) -> None:
    from pokin_xl.gc_pause import without_gc_pauses
    from pokin_xl.readers.matriks import read_matriks
    from pokin_xl.validate import all_checks

    times: dict[str, float] = {}
    for label in ("", " (2)"):
        workbook = read_matriks(path)
        with without_gc_pauses():
            total = time.perf_counter()
            for check in all_checks():
                start = time.perf_counter()
                check(workbook)
                times[check.__name__ + label] = time.perf_counter() - start
            times["validate" + label] = time.perf_counter() - total
    print(json.dumps(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cacat", action="store_true", help="with realistic defects")
    parser.add_argument("--folder", type=Path, default=Path("/tmp"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    from benchmarks.defects import with_defects
    from benchmarks.generate import content, units_for
    from pokin_xl.template import write_template

    path = args.folder / f"bench_checks_{args.rows}{'_cacat' if args.cacat else ''}.xlsx"
    if not path.exists():
        data = content(units_for(args.rows), 10, 12)
        write_template(path, with_defects(data, 0.1) if args.cacat else data)
    rounds = []
    for _ in range(args.repeat):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_checks", "--child", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        rounds.append(json.loads(done.stdout))
    print(f"{path.name}: median of {args.repeat} fresh processes (s)")
    names = [name for name in rounds[0] if not name.endswith(" (2)")]
    print(f"{'check':24s} {'first':>7s} {'again':>7s}")
    for name in names:
        first = statistics.median(r[name] for r in rounds)
        again = statistics.median(r[name + " (2)"] for r in rounds)
        print(f"{name:24s} {first:7.3f} {again:7.3f}")


if __name__ == "__main__":
    main()
