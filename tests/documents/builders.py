"""Workbooks for the document tests: chain() with quarterly targets, people and identity."""

from __future__ import annotations

from tests.builders import DEFAULT_IDENTITAS, DEFAULT_PEGAWAI, chain, row

IDENTITAS = [
    *DEFAULT_IDENTITAS,
    ("Kepala Daerah", "Bupati Contoh"),
    ("Jabatan Kepala Daerah", "Bupati Contoh Raya"),
    ("Tempat", "Kotaraya"),
    ("Tanggal", "2 Januari 2024"),
]
PEGAWAI = [
    {**person, "NIP": f"19700101200001{i}001"} for i, person in enumerate(DEFAULT_PEGAWAI, start=1)
]


def quarters(tw: tuple[object, object, object, object], **fields: object) -> dict[str, object]:
    """Row fields for Target TW I..IV plus any others (cara_hitung, polaritas ...)."""
    return row(target_tw1=tw[0], target_tw2=tw[1], target_tw3=tw[2], target_tw4=tw[3], **fields)


def with_quarters(
    tw: tuple[object, object, object, object], target: object = 6, **fields: object
) -> list[dict[str, object]]:
    """chain() whose sub kegiatan (target 6 Paket) has quarterly targets."""
    rows = chain()
    rows[4] = {**rows[4], **row(target=target), **quarters(tw, **fields)}
    return rows


def two_goals() -> list[dict[str, object]]:
    """chain() plus a second sub kegiatan for the Kasubag with two indicators (2 sasaran, 3 indicators)."""
    extra = [
        row(
            kode="SSK2",
            kode_induk="SK1",
            tingkat="Sasaran Sub Kegiatan",
            unit_kerja="Sekretariat",
            sasaran="Terpeliharanya kendaraan dinas",
            kode_nomenklatur="5.03.01.2.09.0001",
            nomenklatur="Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan",
            indikator="Jumlah Kendaraan Dinas yang Dipelihara",
            target=22,
            satuan="Unit",
            pagu=500,
            pengampu="Kasubag Contoh",
        ),
        row(
            kode="SSK2",
            indikator="Jumlah Laporan Pemeliharaan Kendaraan",
            target=4,
            satuan="Laporan",
        ),
    ]
    rows = chain()
    rows[3] = {**rows[3], **row(pagu=1500)}
    rows[2] = {**rows[2], **row(pagu=1500)}
    return [*rows, *extra]
