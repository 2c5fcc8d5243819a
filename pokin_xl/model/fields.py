"""The columns of the template's Kinerja and Pegawai sheets: frame field -> header text.

Kept apart from model/frames.py (which needs pandas and pandera) so that writing the template
imports neither.
"""

from __future__ import annotations

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

__all__ = ["KINERJA_FIELDS", "NODE_FIELDS", "PEGAWAI_FIELDS", "QUARTER_FIELDS"]
