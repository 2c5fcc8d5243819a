"""What a comparison collects: the findings, one pairs-frame row per compared indicator, and the
keys of what was already said (a pagu or a sasaran wording is reported once, not per indicator)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pokin_xl.checks.reconcile.sides import TINGKAT_OF_JENIS, parent_text
from pokin_xl.checks.reconcile.values import number_of
from pokin_xl.findings import Finding
from pokin_xl.model.targets import format_target


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    rows: list[dict[str, object]] = field(default_factory=list)
    reported: set[tuple] = field(default_factory=set)

    def add_row(
        self,
        status: str,
        method: str,
        score: float,
        a: dict | None,
        b: dict | None,
        codes: list[str],
        note: str,
    ) -> None:
        """One row of the pairs frame (model.reconciliation.ReconcilePairsFrame); A or B may be
        None (an indicator without partner)."""
        base = a if a is not None else b
        assert base is not None
        self.rows.append(
            {
                "status": status,
                "method": method,
                "score": score,
                "tingkat": TINGKAT_OF_JENIS.get(str(base["jenis"]), str(base["tingkat"])),
                "unit_kerja": base["unit_kerja"],
                "a_indikator": a["indikator"] if a is not None else "",
                "b_indikator": b["indikator"] if b is not None else "",
                "a_target": _target(a),
                "b_target": _target(b),
                "a_value": _value(a),
                "b_value": _value(b),
                "a_satuan": (a["satuan"] or a["satuan_norm"]) if a is not None else "",
                "b_satuan": (b["satuan"] or b["satuan_norm"]) if b is not None else "",
                "a_pagu": _pagu(a),
                "b_pagu": _pagu(b),
                "a_cell": f"{a['cell_indikator']}" if a is not None else "",
                "b_cell": f"{b['cell_indikator']}" if b is not None else "",
                "a_induk": parent_text(a) if a is not None else "",
                "b_induk": parent_text(b) if b is not None else "",
                "codes": ", ".join(dict.fromkeys(codes)),
                "note": note,
            }
        )


def _target(rec: dict | None) -> str:
    return format_target(rec["target"]) if rec is not None else ""


def _value(rec: dict | None) -> float | None:
    return number_of(rec["target"]) if rec is not None else None


def _pagu(rec: dict | None) -> float | None:
    if rec is None or rec["pagu"] is None or pd.isna(rec["pagu"]):
        return None
    return float(rec["pagu"])
