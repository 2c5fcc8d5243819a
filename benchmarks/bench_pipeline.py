"""Time each stage of the pipeline on a generated workbook and print the figures (median of N).

.venv/bin/python benchmarks/bench_pipeline.py --units 40 --kegiatan 10 --sub 12 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.generate import content
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.template import write_template
from pokin_xl.validate import validate


def timed(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--kegiatan", type=int, default=10)
    parser.add_argument("--sub", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.xlsx"
        data = content(args.units, args.kegiatan, args.sub)
        write_template(path, data)
        print(f"masukan: {len(data.kinerja)} baris Kinerja, {len(data.pegawai)} pegawai")
        t_read, workbook = timed(lambda: read_matriks(path), args.repeat)
        print(f"read_matriks : {t_read:6.2f} s")
        t_check, report = timed(lambda: validate(workbook), args.repeat)
        print(f"validate     : {t_check:6.2f} s  ({len(report.findings)} temuan)")
        try:
            from pokin_xl.writers.workbook import write_cascade_workbook
        except ImportError:
            return
        out = Path(folder) / "out.xlsx"
        t_write, _ = timed(lambda: write_cascade_workbook(workbook, report, out), args.repeat)
        print(f"write        : {t_write:6.2f} s")
        from pokin_xl.dokumen import make_documents

        docs = Path(folder) / "docs.xlsx"
        t_docs, result = timed(lambda: make_documents(path, docs), 1)
        manifest = result.manifest
        print(
            f"dokumen      : {t_docs:6.2f} s  (baca + periksa + {len(manifest['pk'])} PK, "
            f"{len(manifest['skp'])} SKP, {len(manifest['dilewati'])} dilewati)"
        )


if __name__ == "__main__":
    main()
