"""What `reconcile` returns: both documents' indicators side by side, the roll-ups, the findings.

Here, below the use case and the writers, so that the `Rekonsiliasi` writer depends on the
result's shape only (model and findings), never on the readers and checks that produce it.

Its frame model's annotations are evaluated at import, not as strings (see model/frames.py).
"""

from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Index, Series

from pokin_xl.findings import Report
from pokin_xl.model.frames import Text
from pokin_xl.model.renstra import LAYOUTS

# Values of the pairs frame's `status` (besides "tidak ada di Renstra" / "tidak ada di pembanding").
STATUS_SAME, STATUS_DIFFERENT, STATUS_AMBIGUOUS, STATUS_UNCASCADED = (
    "sama",
    "beda",
    "ambigu",
    "tidak di-cascade",
)


def _text() -> object:
    return pa.Field(nullable=False)


class ReconcilePairsFrame(pa.DataFrameModel):
    """`ReconcileResult.rows`: one row per compared indicator, A and B side by side (index 0..n-1).

    A row without partner has "" (text) or <NA> (numbers) on the missing side.
    """

    index: Index[int] = pa.Field(check_name=False)
    status: Series[Text] = pa.Field(str_length={"min_value": 1})  # STATUS_*, or "tidak ada di ..."
    method: Series[Text] = _text()  # model.matching: "kode", "teks", "fuzzy"; "" unmatched
    score: Series[float] = pa.Field(ge=0)
    tingkat: Series[Text] = _text()
    unit_kerja: Series[Text] = _text()
    a_indikator: Series[Text] = _text()
    b_indikator: Series[Text] = _text()
    a_target: Series[Text] = _text()  # as written (model.targets.format_target)
    b_target: Series[Text] = _text()
    a_value: Series[pd.Float64Dtype] = pa.Field(nullable=True)  # a number or percent target
    b_value: Series[pd.Float64Dtype] = pa.Field(nullable=True)
    a_satuan: Series[Text] = _text()
    b_satuan: Series[Text] = _text()
    a_pagu: Series[pd.Float64Dtype] = pa.Field(nullable=True)
    b_pagu: Series[pd.Float64Dtype] = pa.Field(nullable=True)
    a_cell: Series[Text] = _text()  # the indicator's cell
    b_cell: Series[Text] = _text()
    a_induk: Series[Text] = _text()  # the program/kegiatan/sasaran above, for display
    b_induk: Series[Text] = _text()
    codes: Series[Text] = _text()  # the rule codes raised on this row, "R002, R004"
    note: Series[Text] = _text()

    class Config:
        name = "reconcile_pairs"
        strict = True
        coerce = False


# The pairs frame's number columns: None from the comparison becomes <NA>.
PAIRS_NUMBERS = ("a_value", "b_value", "a_pagu", "b_pagu")

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
