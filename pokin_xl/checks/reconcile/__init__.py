"""The reconciliation rules: compare a matriks (A) with a Renstra or another matriks (B).

Four places carry the word "reconcile", one per layer:

- `pokin_xl/reconcile.py` — the use case: reads A and B, runs these checks and B's own checks
  (pagu roll-ups P001, parent codes N004), and returns a `ReconcileResult`;
- `pokin_xl/checks/reconcile/` (here) — the rules R001-R007, in steps:
  `sides.py` turns each document into a comparable frame (a `Side`), `pairing.py` matches A's
  indicators with B's and builds the lookups the messages use, `matched.py` compares a matched
  pair (R002, R004-R007), `unmatched.py` reports what has no partner (R001, R003), `values.py`
  says when two targets are the same and how values are shown, `compare.py` runs the steps and
  returns the findings and the pairs frame (`model.reconciliation.ReconcilePairsFrame`);
- `pokin_xl/model/reconciliation.py` — the result's shape (no I/O, no rules);
- `pokin_xl/writers/reconciliation.py` — the "Rekonsiliasi" sheet.
"""

from __future__ import annotations

from pokin_xl.checks.reconcile.compare import Comparison, compare_sides
from pokin_xl.checks.reconcile.sides import Side, side_from_matriks, side_from_renstra

__all__ = ["Comparison", "Side", "compare_sides", "side_from_matriks", "side_from_renstra"]
