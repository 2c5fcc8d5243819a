"""The frames a reader hands on, and the names of their columns.

Every frame is indexed by the Excel row number of its source sheet, so that a check can point at a
cell with `SheetFrame.cell(field, row)`. The letters of the source columns travel in
`SheetFrame.columns` (field -> column letter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

# Fields of the Kinerja sheet, in template order. The key is the column name in the frame.
KINERJA_FIELDS: dict[str, str] = {
    "kode": "Kode",
    "kode_induk": "Kode Induk",
    "tingkat": "Tingkat",
    "unit_kerja": "Unit Kerja",
    "sasaran": "Sasaran",
    "kode_nomenklatur": "Kode Nomenklatur",
    "nomenklatur": "Program/Kegiatan/Sub Kegiatan",
    "indikator": "Indikator",
    "target": "Target",
    "satuan": "Satuan",
    "pagu": "Pagu (Rp)",
    "pengampu": "Pengampu",
    "keterangan": "Keterangan",
    # Optional (documents): old workbooks without these columns still read, as blanks.
    "target_tw1": "Target TW I",
    "target_tw2": "Target TW II",
    "target_tw3": "Target TW III",
    "target_tw4": "Target TW IV",
    "cara_hitung": "Cara Hitung",
    "polaritas": "Polaritas",
    "definisi_operasional": "Definisi Operasional",
    "formula": "Formula",
    "sumber_data": "Sumber Data",
    "iku": "IKU (Ya/Tidak)",
}
QUARTER_FIELDS = ("target_tw1", "target_tw2", "target_tw3", "target_tw4")

# Fields that describe the sasaran (the node) rather than one indicator: on the rows after the
# first of a Kode they may be blank or merged and are carried down; the nodes frame has them.
NODE_FIELDS = (
    "kode_induk",
    "tingkat",
    "unit_kerja",
    "sasaran",
    "kode_nomenklatur",
    "nomenklatur",
    "pengampu",
)

PEGAWAI_FIELDS: dict[str, str] = {
    "nama": "Nama",
    "nip": "NIP",
    "jabatan": "Jabatan",
    "jenis_jabatan": "Jenis Jabatan",
    "unit_kerja": "Unit Kerja",
    "atasan": "Atasan Langsung",
    "status": "Status",  # optional: Definitif, Plt, Plh, Pj
}


@dataclass
class SheetFrame:
    """A frame read from one sheet: the rows, the sheet's name and where each field was found."""

    frame: pd.DataFrame
    sheet: str
    columns: dict[str, str] = field(default_factory=dict)

    def cell(self, column: str, row: int) -> str:
        """'F12' for a field and an Excel row; the row alone ('12') where the field had no column."""
        letter = self.columns.get(column, "")
        return f"{letter}{row}"


@dataclass
class Identity:
    pemda: str = ""
    perangkat_daerah: str = ""
    tahun: int | None = None
    visi: str = ""
    misi: list[str] = field(default_factory=list)
    kepala: str = ""
    nip_kepala: str = ""
    kepala_daerah: str = ""
    jabatan_kepala_daerah: str = ""
    tempat: str = ""
    tanggal: str = ""
    sheet: str = "Identitas"
    cells: dict[str, str] = field(default_factory=dict)


@dataclass
class MatriksWorkbook:
    """What `read_matriks` returns.

    - `indicators`: one row per indicator row of the Kinerja sheet (index = Excel row), with the raw
      fields of KINERJA_FIELDS filled down within a Kode, and the parsed ones:
      `level` (Tingkat int or <NA>), `tingkat` (canonical label, or the raw text when unknown),
      `tingkat_raw`, `target_raw`, `target_kind`, `target_value`, `target_low`, `target_high`,
      `target_operator`, `target_unit`, `target_category` (the fields of model.targets.Target;
      the raw Target cell itself is not kept), `satuan_norm`, `pagu_value`, `kode_generated`,
      `induk_inferred`, `induk_skipped`, `node_row`; the optional document columns as written
      (target_tw1..4, cara_hitung, polaritas, definisi_operasional, formula, sumber_data, iku)
      with `target_tw1_value`..`target_tw4_value` (numbers, or <NA>).
    - `nodes`: one row per distinct Kode (index = Excel row of its first indicator row) with the
      node-level fields: kode, kode_induk, level, tingkat, unit_kerja, sasaran, kode_nomenklatur,
      nomenklatur, pengampu, pagu_value, n_indikator, kode_generated, induk_inferred,
      induk_skipped.
    - `pegawai`: one row per person (index = Excel row), PEGAWAI_FIELDS (status optional) plus
      `jenis` (JenisJabatan value or "").
    - `problems`: reading problems that are not fatal (unknown Tingkat text, unreadable number),
      as Findings.
    """

    path: str
    identity: Identity
    pegawai: SheetFrame
    indicators: SheetFrame
    nodes: SheetFrame
    problems: list = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return Path(self.path).name
