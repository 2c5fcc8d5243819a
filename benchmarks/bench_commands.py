"""Every command a user runs, end to end, at two or more sizes: wall seconds, peak memory and the
growth exponent between sizes.

    .venv/bin/python -m benchmarks.bench_commands                       # 2,500 and 5,000 rows
    .venv/bin/python -m benchmarks.bench_commands --sizes 5000 10000 20000 --timeout 300
    .venv/bin/python -m benchmarks.bench_commands --units --sizes 500 1000 2000   # many sheets

bench_scale times the stages of `build`; this times the commands around them (validate of a
Renstra table, reconcile, dokumen, inspect, build --renstra), where a per-row search that the
stages do not reach stays hidden: the planning view's per-indicator filter made `reconcile` of
a 20k pair take ~100 s while every stage of bench_scale grew linearly. An exponent well above 1
between two sizes is a quadratic to look for; a run over --timeout is printed as such. With
--units the sizes count units (4 Kinerja rows each), so the number of sheets grows: xlsxwriter's
sheet-name check made `dokumen` quadratic in its sheets (writers/many_sheets.py).

Inputs come from benchmarks/generate.py, as bench_scale's (generated Renstra codes are not
national, so a Renstra's validate also searches the national list by name for every item).
"""

from __future__ import annotations

import argparse
import itertools
import math
import tempfile
from pathlib import Path

from benchmarks.bench_scale import _cli, _inputs, machine, run_measured


def commands(matriks: Path, renstra: Path, out: Path) -> dict[str, list[object]]:
    """Each command's argument list (after `python -m pokin_xl`)."""
    return {
        "validate": ["validate", matriks, "--format", "json"],
        "validate renstra": ["validate", renstra, "--tahun", "2024", "--format", "json"],
        "inspect": ["inspect", matriks],
        "build --renstra": ["build", matriks, "--renstra", renstra, "-o", out / "build.xlsx"],
        "reconcile": ["reconcile", matriks, renstra, "--format", "json"],
        "dokumen": ["dokumen", matriks, "-o", out / "dokumen.xlsx"],
    }


def _unit_inputs(units: int, folder: Path) -> tuple[Path, Path, int]:
    from benchmarks.generate import content, write_renstra_for
    from pokin_xl.template import write_template

    matriks = folder / f"matriks_{units}_unit.xlsx"
    renstra = folder / f"renstra_{units}_unit.xlsx"
    data = content(units, 1, 1)
    write_template(matriks, data)
    write_renstra_for(renstra, units, 1, 1)
    return matriks, renstra, len(data.kinerja)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000])
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per command run")
    parser.add_argument(
        "--units",
        action="store_true",
        help="sizes are units of one kegiatan and one sub kegiatan each: the sheets grow, not the "
        "rows per sheet (a Cascading sheet per unit, a PK and an SKP per official)",
    )
    args = parser.parse_args()
    print(machine())
    table: dict[int, dict[str, tuple[int, float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            matriks, renstra, rows = (
                _unit_inputs(size, folder) if args.units else _inputs(size, folder, False)
            )
            rows = size if args.units else rows
            table[rows] = {}
            for name, argv in commands(matriks, renstra, folder).items():
                code, wall, peak = run_measured([*_cli(), *argv], timeout=args.timeout)
                table[rows][name] = (code, wall, peak)
                shown = f"> {args.timeout:.0f} s" if code == -1 else f"{wall:7.2f} s"
                print(f"  {rows:>6} {name:18} {shown}  {peak:6.0f} MiB  exit {code}", flush=True)
    sizes = sorted(table)
    print("\ngrowth exponent (1.0 is linear):")
    for name in table[sizes[0]]:
        exponents = []
        for small, large in itertools.pairwise(sizes):
            (c1, t1, _), (c2, t2, _) = table[small][name], table[large][name]
            if c1 == -1 or c2 == -1:
                exponents.append("  -  ")
            else:
                exponents.append(f"{math.log(t2 / t1) / math.log(large / small):5.2f}")
        print(f"  {name:18} " + " ".join(exponents))


if __name__ == "__main__":
    main()
