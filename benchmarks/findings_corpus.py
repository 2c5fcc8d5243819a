"""The findings of a fixed corpus, saved as JSON, to show that a speed change changes no finding.

    .venv/bin/python -m benchmarks.findings_corpus --save /tmp/findings_before
    ... change the checks ...
    .venv/bin/python -m benchmarks.findings_corpus --against /tmp/findings_before

The corpus: the bundled sample and its Pohon Kinerja chapter, every real file of ../shared/data/real (with and without a year),
generated matriks of 1k and 20k Kinerja rows with and without realistic defects, a wrong-parent
workbook, and a batch of generated agency workbooks in one call. Each input is validated by the
command line (`validate --format json --jobs 1`) and its output stored whole; `--against` prints
each input whose output differs and exits 1. Inputs are generated into `--inputs` (reused when
there) with fixed seeds, so two runs compare the same files.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "bkpsdm_purwakarta_2024"
REAL = ROOT.parent / "shared" / "data" / "real"


def _generated(folder: Path) -> dict[str, list[str]]:
    from benchmarks.defects import with_defects, wrong_parents
    from benchmarks.generate import content, units_for, write_region
    from pokin_xl.template import write_template

    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, list[str]] = {}
    for rows in (1000, 20000):
        for defects in (False, True):
            name = f"matriks_{rows}{'_cacat' if defects else ''}.xlsx"
            path = folder / name
            if not path.exists():
                data = content(units_for(rows), 10, 12)
                write_template(path, with_defects(data, 0.1) if defects else data)
            made[name] = [str(path)]
    path = folder / "wrong_parents.xlsx"
    if not path.exists():
        write_template(path, wrong_parents(content(14, 10, 12)))
    made[path.name] = [str(path)]
    region = folder / "region"
    paths = sorted(region.glob("pd_*.xlsx")) or write_region(region, 6, seed=3)
    made["region"] = [str(p) for p in paths]
    return made


def corpus(folder: Path) -> dict[str, list[str]]:
    """Each case's name -> the validate arguments after `--format json`."""
    cases: dict[str, list[str]] = {
        "sample": [str(SAMPLES / "matriks.xlsx")],
        # the report's own Pohon Kinerja chapter as a matriks: S001, T003, T005 fire here
        "pohon_kinerja_dokumen": [str(SAMPLES / "pohon_kinerja_dokumen.xlsx")],
    }
    for path in sorted(REAL.glob("*.xls*")) if REAL.is_dir() else []:
        cases[path.name] = [str(path)]
        cases[f"{path.name}@2024"] = [str(path), "--tahun", "2024"]
        cases[f"{path.name}@awal2021"] = [str(path), "--tahun", "2023", "--tahun-awal", "2021"]
    cases.update(_generated(folder))
    return cases


def run(arguments: list[str]) -> str:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pokin_xl",
            "validate",
            "--format",
            "json",
            "--jobs",
            "1",
            *arguments,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return f"exit {done.returncode}\n{done.stdout}\n--- stderr\n{done.stderr}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    chosen = parser.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--save", type=Path, help="folder to store the outputs in")
    chosen.add_argument("--against", type=Path, help="folder of outputs saved before")
    parser.add_argument("--inputs", type=Path, default=Path("/tmp/pokin_findings_inputs"))
    args = parser.parse_args()
    cases = corpus(args.inputs)
    differ = 0
    for name, arguments in cases.items():
        output = run(arguments)
        stored = (args.save or args.against) / f"{name}.txt"
        if args.save:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_text(output, encoding="utf-8")
            print(f"disimpan  {name}")
            continue
        before = stored.read_text(encoding="utf-8") if stored.exists() else ""
        if before == output:
            print(f"SAMA      {name}")
            continue
        differ += 1
        print(f"BERBEDA   {name}")
        diff = difflib.unified_diff(before.splitlines(), output.splitlines(), lineterm="", n=1)
        print("\n".join(list(diff)[:40]))
    if args.against:
        print(f"{len(cases) - differ} sama, {differ} berbeda dari {len(cases)}")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
