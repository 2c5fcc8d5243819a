"""Compare two sides: pair the indicators, then say every disagreement (R001-R007).

Only the levels both documents state are compared: a Renstra summary table names no kegiatan, so
the cascade's kegiatan are not "missing from the Renstra". Every finding says how the indicator
was matched (model.matching) and with what score.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pokin_xl.checks.reconcile.matched import compare_pair
from pokin_xl.checks.reconcile.outcome import Outcome
from pokin_xl.checks.reconcile.pairing import Pairing
from pokin_xl.checks.reconcile.sides import Side
from pokin_xl.checks.reconcile.unmatched import report_missing, report_uncascaded
from pokin_xl.findings import Finding
from pokin_xl.model.frames import conform, empty_frame
from pokin_xl.model.reconciliation import PAIRS_NUMBERS, ReconcilePairsFrame


@dataclass
class Comparison:
    rows: pd.DataFrame  # one row per compared indicator (model.reconciliation.ReconcilePairsFrame)
    findings: list[Finding]
    compared: dict[str, int]  # counts: A and B indicators compared, left out as outside B's levels


def compare_sides(a: Side, b: Side) -> Comparison:
    """Match A's indicators to B's and list every disagreement."""
    groups_a, groups_b = set(a.frame.get("group", [])), set(b.frame.get("group", []))
    a_in = a.frame[a.frame["group"].isin(groups_b)] if len(a.frame) else a.frame
    b_in = b.frame[b.frame["group"].isin(groups_a)] if len(b.frame) else b.frame
    pairing = Pairing(a, b, a_in, b_in)
    out = Outcome()
    for ia, match in pairing.match_of.items():
        record = pairing.ra[ia]
        if match["b"] is not None:
            partner = pairing.rb[match["b"]]
            compare_pair(pairing, out, record, partner, match["method"], float(match["score"]))
        else:
            report_missing(pairing, out, record, match)
    for ib in pairing.unmatched_b:
        report_uncascaded(pairing, out, pairing.rb[ib])
    rows = _pairs_frame(out.rows)
    compared = {
        "a": len(a_in),
        "b": len(b_in),
        "a_outside": len(a.frame) - len(a_in),
        "b_outside": len(b.frame) - len(b_in),
    }
    return Comparison(rows=rows, findings=out.findings, compared=compared)


def _pairs_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The rows as the pairs frame its model declares (an internal error if they are not)."""
    if not rows:
        frame = empty_frame(ReconcilePairsFrame)
        frame.index = pd.RangeIndex(0)
        return conform(frame, ReconcilePairsFrame)
    frame = pd.DataFrame(rows)
    frame = frame.astype({column: "Float64" for column in PAIRS_NUMBERS})
    return conform(frame, ReconcilePairsFrame)
