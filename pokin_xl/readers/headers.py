"""Finding the header row of a table and matching its headers, whatever people wrote."""

from __future__ import annotations

from typing import NamedTuple

from pokin_xl.errors import InputError
from pokin_xl.model.text import normalise
from pokin_xl.readers.grid import Grid

# field -> the headers people write for it (compared after normalise()).
_UNIT_KERJA = ["Unit Kerja", "Unit", "Bidang", "Unit Organisasi"]
KINERJA_HEADERS: dict[str, list[str]] = {
    "kode": ["Kode", "Kode Sasaran", "No Kode", "ID"],
    "kode_induk": ["Kode Induk", "Induk", "Kode Atasan", "Kode Parent", "Parent"],
    "tingkat": ["Tingkat", "Level", "Jenjang", "Tingkat Sasaran", "Level Kinerja"],
    "unit_kerja": _UNIT_KERJA,
    "sasaran": ["Sasaran", "Uraian Sasaran", "Sasaran Kinerja", "Tujuan/Sasaran"],
    "kode_nomenklatur": [
        "Kode Nomenklatur",
        "Kode Program/Kegiatan/Sub Kegiatan",
        "Kode Rekening",
        "Kode Program",
    ],
    "nomenklatur": [
        "Program/Kegiatan/Sub Kegiatan",
        "Nomenklatur",
        "Nama Program/Kegiatan/Sub Kegiatan",
        "Program Kegiatan Sub Kegiatan",
        "Nama Nomenklatur",
    ],
    "indikator": [
        "Indikator",
        "Indikator Kinerja",
        "Indikator Sasaran",
        "IKU",
        "Indikator Kinerja Individu",
    ],
    "target": ["Target", "Target Kinerja", "Nilai Target"],
    "satuan": ["Satuan", "Satuan Target", "Unit Satuan"],
    "pagu": ["Pagu (Rp)", "Pagu", "Anggaran", "Pagu Anggaran", "Anggaran (Rp)", "Dana", "Rp"],
    "pengampu": [
        "Pengampu",
        "Penanggung Jawab",
        "PIC",
        "Pemilik",
        "Pemilik Kinerja",
        "Penanggungjawab",
    ],
    "keterangan": ["Keterangan", "Catatan", "Ket"],
    **{
        f"target_tw{n}": [
            f"Target TW {roman}",
            f"Target TW {n}",
            f"TW {roman}",
            f"TW {n}",
            f"Triwulan {roman}",
            f"Triwulan {n}",
            f"Target Triwulan {roman}",
            f"Target Triwulan {n}",
        ]
        for n, roman in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
    },
    "cara_hitung": ["Cara Hitung", "Cara Perhitungan", "Metode Perhitungan", "Jenis Perhitungan"],
    "polaritas": ["Polaritas", "Polarisasi", "Polaritas Indikator"],
    "definisi_operasional": ["Definisi Operasional", "Definisi", "Definisi Operasional Indikator"],
    "formula": ["Formula", "Formulasi", "Rumus", "Rumus Perhitungan", "Formula Perhitungan"],
    "sumber_data": ["Sumber Data", "Sumber"],
    "iku": ["IKU (Ya/Tidak)", "Termasuk IKU", "Status IKU", "IKU Ya Tidak"],
}

PEGAWAI_HEADERS: dict[str, list[str]] = {
    "nama": ["Nama", "Nama Pegawai", "Nama Lengkap"],
    "nip": ["NIP", "NIP/NIK", "Nomor Induk Pegawai"],
    "jabatan": ["Jabatan", "Nama Jabatan"],
    "jenis_jabatan": ["Jenis Jabatan", "Jenis", "Kelompok Jabatan", "Eselon"],
    "unit_kerja": _UNIT_KERJA,
    "atasan": ["Atasan Langsung", "Atasan", "Nama Atasan"],
    "status": ["Status", "Status Jabatan", "Plt/Plh/Pj"],
}

_SCAN_ROWS = 30


class HeaderMatch(NamedTuple):
    row: int
    columns: dict[str, int]  # field -> 1-based column


def _lookup(synonyms: dict[str, list[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for field, names in synonyms.items():
        for name in names:
            table.setdefault(normalise(name), field)
    return table


def match_header_row(
    grid: Grid, synonyms: dict[str, list[str]], required: list[str], *, file: str = ""
) -> HeaderMatch:
    """The row among the first 30 that names the most fields; InputError if required ones lack."""
    table = _lookup(synonyms)
    best: HeaderMatch | None = None
    for row in range(1, min(grid.max_row, _SCAN_ROWS) + 1):
        columns: dict[str, int] = {}
        for col in range(1, grid.max_col + 1):
            cell = grid.get(row, col)
            key = normalise(cell.value)
            field = table.get(key)
            if field and field not in columns:
                columns[field] = col
        if best is None or len(columns) > len(best.columns):
            best = HeaderMatch(row, columns)
    if best is None or not best.columns:
        raise InputError(
            "baris judul kolom tidak ditemukan; kolom wajib: "
            + ", ".join(synonyms[f][0] for f in required)
            + ".",
            file=file,
            sheet=grid.title,
        )
    missing = [f for f in required if f not in best.columns]
    if missing:
        names = ", ".join(f"'{synonyms[f][0]}'" for f in missing)
        raise InputError(
            f"kolom {names} tidak ditemukan pada baris judul (baris {best.row}).",
            file=file,
            sheet=grid.title,
            cell=f"A{best.row}",
        )
    return best
