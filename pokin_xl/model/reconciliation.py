"""What `reconcile` returns: both documents' indicators side by side, the roll-ups, the findings.

Here, below the use case and the writers, so that the `Rekonsiliasi` writer depends on the
result's shape only (model and findings), never on the readers and checks that produce it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pokin_xl.findings import Report
from pokin_xl.model.renstra import LAYOUTS

# Values of the pairs frame's `status` (besides "tidak ada di Renstra" / "tidak ada di pembanding").
STATUS_SAME, STATUS_DIFFERENT, STATUS_AMBIGUOUS, STATUS_UNCASCADED = (
    "sama",
    "beda",
    "ambigu",
    "tidak di-cascade",
)
# Columns of `ReconcileResult.rows`, the pairs frame: one row per compared indicator.
PAIRS_COLUMNS = [
    "status",
    "method",
    "score",
    "tingkat",
    "unit_kerja",
    "a_indikator",
    "b_indikator",
    "a_target",
    "b_target",
    "a_value",
    "b_value",
    "a_satuan",
    "b_satuan",
    "a_pagu",
    "b_pagu",
    "a_cell",
    "b_cell",
    "a_induk",
    "b_induk",
    "codes",
    "note",
]

# Columns of `ReconcileResult.rollups`: one row per node stating (or rolling up) a pagu.
ROLLUP_COLUMNS = ["source", "file", "row", "jenis", "kode", "nama", "parent", "stated", "cell"]


@dataclass
class ReconcileResult:
    a_file: str
    b_file: str
    a_label: str
    b_label: str
    b_kind: str  # "renstra" | "matriks"
    b_layout: str  # model.renstra.LAYOUTS key, or "matriks"
    tahun: int | None
    rows: pd.DataFrame
    rollups: pd.DataFrame
    report: Report
    compared: dict[str, int] = field(default_factory=dict)
    b_columns: dict = field(default_factory=dict)  # B's columns as `inspect` names them

    def summary(self) -> dict[str, object]:
        statuses = self.rows["status"].value_counts().to_dict() if len(self.rows) else {}
        return {
            "a": self.a_file,
            "b": self.b_file,
            "b_jenis": self.b_label,
            "b_tata_letak": LAYOUTS.get(self.b_layout, self.b_layout),
            "tahun": self.tahun,
            "b_kolom": self.b_columns,
            "dibandingkan": self.compared,
            "status": {str(k): int(v) for k, v in statuses.items()},
            "severity": self.report.counts(),
            "kode": self.report.by_code(),
        }

    def outside_note(self) -> str:
        """' (n indikator A pada tingkat ... tidak dibandingkan)', or '' when none was left out."""
        outside = self.compared.get("a_outside", 0)
        if not outside:
            return ""
        return f" ({outside} indikator A pada tingkat yang tidak ada di B tidak dibandingkan)"
