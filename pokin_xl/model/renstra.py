"""What `read_renstra` returns: a Renstra's nodes and indicators, per period, and where they came from.

A Renstra states targets and budgets for several years ("Tahun 1" .. "Tahun 5", or calendar years).
Periods are numbered from 1 in column order; `periods` maps each to its calendar year when the
file (its title or headers) or the caller (`tahun_awal`) says which year it is.

Frames are indexed by Excel row, as the matriks frames are. Their columns are described once, by
the strict pandera models below (RenstraNodesFrame, RenstraIndicatorsFrame), which the reader checks
before it returns (model.frames.conform); a period's columns end in its number (`pagu_1`,
`target_1`, ...).

Its frame models' annotations are evaluated at import, not as strings (see model/frames.py).
"""

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Index, Series

from pokin_xl.errors import printable
from pokin_xl.model.frames import SheetFrame, Text

JENIS = ("tujuan", "sasaran", "urusan", "bidang", "program", "kegiatan", "sub_kegiatan")
JENIS_LABELS: dict[str, str] = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "urusan": "Urusan",
    "bidang": "Bidang Urusan",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
}
# Ancestor columns kept on every node and indicator (the node itself included).
ANCESTOR_JENIS = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")

LAYOUTS: dict[str, str] = {
    "sesendok": "tabel kode program/kegiatan (SIPD/sesendok)",
    "T-C.27": "tabel T-C.27 Permendagri 86/2017",
    "ringkas": "tabel ringkas tujuan-sasaran-program",
    "kelompok": "daftar tujuan/sasaran per kelompok",
    "evaluasi": "formulir evaluasi hasil Renja/RKPD Permendagri 86/2017 (target, realisasi, triwulan)",
    "iku": "tabel indikator kinerja dengan target (tanpa kolom program/kegiatan)",
    "tanpa_kode": "tabel program/kegiatan/sub kegiatan tanpa kolom kode (tingkat dari nama)",
    "sipd": "tabel target sub kegiatan (Kode Rekening, nama, satuan, target; tanpa kolom indikator)",
}

# Where a number came from: typed in the cell, the value Excel cached for a formula, recomputed
# here from the formula because the file kept no value, or a formula that could not be computed.
VALUE_SOURCES = ("nilai", "cache", "dihitung", "tidak_terhitung", "kosong")


def _text() -> object:
    """Text column: blanks are "" (never NaN, never a number)."""
    return pa.Field(nullable=False)


def _per_period(pattern: str, **checks: object) -> object:
    """A column once per period: `pattern` with `{}` for the period number."""
    # not required: a list of tujuan/sasaran states no period at all
    return pa.Field(alias="^" + pattern.format(r"\d+") + "$", regex=True, required=False, **checks)


class RenstraNodesFrame(pa.DataFrameModel):
    """One row per tujuan, sasaran, urusan, bidang, program, kegiatan or sub kegiatan, at the row
    that names it. A summary table starts a tujuan, its sasaran and its program on one row, so a
    node is identified by `node_id`, the cell that names it ("B9"), and the index may repeat."""

    row: Index[int] = pa.Field(check_name=False)
    node_id: Series[Text] = pa.Field(str_length={"min_value": 1})
    jenis: Series[Text] = pa.Field(isin=["", *JENIS])
    kode: Series[Text] = _text()  # as displayed
    kode_canonical: Series[Text] = _text()
    kode_key: Series[Text] = _text()  # for comparison; "" when none
    nama: Series[Text] = _text()  # program/kegiatan name
    uraian: Series[Text] = _text()  # tujuan/sasaran statement
    # parent's node_id: by dotted code where the code says, else above
    induk: Series[Text] = _text()
    induk_row: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    induk_posisi: Series[Text] = _text()  # the enclosing node above
    induk_posisi_row: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    induk_by: Series[Text] = pa.Field(isin=["kode", "posisi", ""])
    unit_kerja: Series[Text] = _text()
    cell: Series[Text] = _text()
    # ancestors' node ids, the node itself included (ANCESTOR_JENIS)
    tujuan_node: Series[Text] = _text()
    sasaran_node: Series[Text] = _text()
    program_node: Series[Text] = _text()
    kegiatan_node: Series[Text] = _text()
    sub_kegiatan_node: Series[Text] = _text()
    # per period i
    pagu: Series[pd.Float64Dtype] = _per_period("pagu_{}", nullable=True)
    pagu_src: Series[Text] = _per_period("pagu_src_{}", isin=list(VALUE_SOURCES))
    pagu_formula: Series[Text] = _per_period("pagu_formula_{}")  # "" for a plain value
    # rows the formula reads in its own column (a parent's roll-up), or None
    pagu_refs: Series[object] = _per_period("pagu_refs_{}", nullable=True)
    pagu_broken: Series[bool] = _per_period("pagu_broken_{}")  # the formula has a #REF!
    pagu_cell: Series[Text] = _per_period("pagu_cell_{}")

    class Config:
        name = "renstra_nodes"
        strict = True
        coerce = False


class RenstraIndicatorsFrame(pa.DataFrameModel):
    """One row per indicator; a row stating two indicators (the summary table's sasaran and
    program columns) appears twice."""

    row: Index[int] = pa.Field(check_name=False)
    node: Series[Text] = _text()  # its node's id
    node_row: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    jenis: Series[Text] = pa.Field(isin=["", *JENIS])  # its node's
    # its node's kode, kode_key, nama, uraian, unit_kerja
    kode: Series[Text] = _text()
    kode_key: Series[Text] = _text()
    nama: Series[Text] = _text()
    uraian: Series[Text] = _text()
    unit_kerja: Series[Text] = _text()
    nomor: Series[Text] = _text()
    indikator: Series[Text] = _text()
    indikator_cell: Series[Text] = _text()
    satuan: Series[Text] = _text()
    satuan_norm: Series[Text] = _text()
    satuan_cell: Series[Text] = _text()
    baseline_raw: Series[Text] = _text()
    tujuan_node: Series[Text] = _text()
    sasaran_node: Series[Text] = _text()
    program_node: Series[Text] = _text()
    kegiatan_node: Series[Text] = _text()
    sub_kegiatan_node: Series[Text] = _text()
    # per period i: the target (a model.targets.Target), where it came from, its cell
    target: Series[object] = _per_period("target_{}")
    target_src: Series[Text] = _per_period("target_src_{}", isin=list(VALUE_SOURCES))
    target_cell: Series[Text] = _per_period("target_cell_{}")

    class Config:
        name = "renstra_indicators"
        strict = True
        coerce = False


@dataclass
class RenstraWorkbook:
    path: str
    layout: str
    sheet: str
    title: str
    periods: dict[int, int | None]
    nodes: SheetFrame
    indicators: SheetFrame
    problems: list = field(default_factory=list)
    formula_cells: int = 0
    recomputed_cells: list[str] = field(default_factory=list)
    # How the table was read (shown by `inspect`): where each period's year came from, the years
    # written above the header, header rows (numbering rows included), the columns by field
    # (COLUMN_DESCRIPTION) and the rows set aside with the reason.
    year_sources: dict[int, str] = field(default_factory=dict)
    title_years: list[int] = field(default_factory=list)
    header_rows: list[int] = field(default_factory=list)
    columns: dict[str, list[dict]] = field(default_factory=dict)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # Parent cells whose formula reads their own column (readers.renstra.aggregates): node_id,
    # row, cell, judul, peran, kind, formula, refs (rows), broken, average, value, values (row -> value).
    aggregates: list[dict] = field(default_factory=list)
    # Other sheets that also look like planning tables: {"sheet", "tata_letak"} (for --sheet)
    other_tables: list[dict] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return printable(Path(self.path).name)

    @property
    def years(self) -> list[int]:
        return [y for y in self.periods.values() if y is not None]

    def period_of(self, year: int | None) -> int | None:
        """The period holding `year`; the only period when the file has one undated period."""
        for period, known in self.periods.items():
            if known is not None and known == year:
                return period
        if len(self.periods) == 1 and next(iter(self.periods.values())) is None:
            return next(iter(self.periods))
        return None

    def period_label(self, period: int) -> str:
        year = self.periods.get(period)
        return str(year) if year is not None else f"Tahun {period}"


def columns_of_period(renstra: RenstraWorkbook, period: int | None) -> dict:
    """The columns read for one period, as `inspect` and the reconcile summary name them."""
    out: dict = {}
    for name, items in renstra.columns.items():
        if name in ("target", "pagu"):
            chosen = [dict(item) for item in items if item["periode"] == period]
            if chosen:
                item = chosen[0]
                item["tahun"] = renstra.periods.get(period) if period is not None else None
                item.pop("periode", None)
                item.pop("indikator", None)
                out[name] = item
                if len(chosen) > 1:
                    out[f"{name}_lain"] = [
                        {k: v for k, v in c.items() if k not in ("periode", "indikator")}
                        for c in chosen[1:]
                    ]
            others = sorted({item["periode"] for item in items if item["periode"] != period})
            if others:
                out.setdefault("tahun_lain", {})[name] = [renstra.period_label(p) for p in others]
        elif name == "diabaikan":
            out[name] = items
        elif items:
            out[name] = items[0] if len(items) == 1 else items
    return out
