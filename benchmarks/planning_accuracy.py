"""Accuracy of the planning-table reader on the corpus of realistic agency layouts.

    python -m benchmarks.planning_accuracy [-v]

Prints one line per table: year right, target/pagu columns right, share of item rows whose level
and whose parent row are right, and whether every non-item row was listed as skipped. The corpus
and its ground truth are in tests/planning_corpus.py; the bars are asserted in
tests/readers/test_planning_corpus.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.planning_corpus import FIXTURES, measure


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    print(f"{'tabel':<28} {'tata letak':<62} tahun kolom tingkat induk dilewati")
    with tempfile.TemporaryDirectory() as folder:
        scores = [measure(fixture, Path(folder)) for fixture in FIXTURES]
    for s in scores:
        print(
            f"{s.name:<28} {s.layout[:62]:<62} {'ya' if s.year_ok else 'TIDAK':<5} "
            f"{'ya' if s.columns_ok else 'TIDAK':<5} {s.levels:>6.0%} {s.parents:>6.0%} "
            f"{'ya' if s.skipped_ok else 'TIDAK'}"
        )
        if verbose:
            for line in s.detail:
                print(f"    {line}")
    n = len(scores)
    print(
        f"{'semua':<28} {'':<62} {sum(s.year_ok for s in scores)}/{n}   "
        f"{sum(s.columns_ok for s in scores)}/{n}   "
        f"{sum(s.levels for s in scores) / n:>6.0%} {sum(s.parents for s in scores) / n:>6.0%} "
        f"{sum(s.skipped_ok for s in scores)}/{n}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
