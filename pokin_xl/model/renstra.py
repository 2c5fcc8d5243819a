"""What `read_renstra` returns: a Renstra's nodes and indicators, per period, and where they came from.

A Renstra states targets and budgets for several years ("Tahun 1" .. "Tahun 5", or calendar years).
Periods are numbered from 1 in column order; `periods` maps each to its calendar year when the
file (its title or headers) or the caller (`tahun_awal`) says which year it is.

Frames are indexed by Excel row, as the matriks frames are:

- `nodes`: one row per tujuan, sasaran, urusan, bidang, program, kegiatan or sub kegiatan, at the
  row that names it. A summary table starts a tujuan, its sasaran and its program on one row, so
  a node is identified by `node_id`, the cell that names it ("B9"). Columns: `jenis` (one of
  JENIS), `kode` (as displayed), `kode_canonical`, `kode_key` (code for comparison, "" when none),
  `nama` (program/kegiatan name), `uraian` (tujuan/sasaran statement), `induk` / `induk_row`
  (parent: by dotted code where the code says, else by position), `induk_posisi` /
  `induk_posisi_row` (the enclosing node above), `induk_by` ("kode" | "posisi" | ""),
  `tujuan_node` .. `sub_kegiatan_node` (ancestors' ids, itself included), `unit_kerja`, `cell`
  and per period i: `pagu_i` (Float64), `pagu_src_i` (see VALUE_SOURCES), `pagu_formula_i` (the
  formula, "" for a plain value), `pagu_refs_i` (rows the formula reads in its own column, or
  None), `pagu_broken_i` (a #REF!), `pagu_cell_i`.
- `indicators`: one row per indicator (a row stating two indicators, as the summary table's
  sasaran and program columns do, appears twice). Columns: `node` (id), `node_row`, `jenis` (its
  node's), `nomor`, `indikator`, `satuan`, `satuan_norm`, `baseline_raw`, `target_i` (a
  model.targets.Target), `target_src_i`, `target_cell_i`, `indikator_cell`, `satuan_cell`, plus
  the node's `kode`, `kode_key`, `nama`, `uraian`, `unit_kerja` and ancestors' ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pokin_xl.errors import printable
from pokin_xl.model.frames import SheetFrame

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
