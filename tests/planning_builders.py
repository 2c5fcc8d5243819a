"""Planning tables as agencies really keep them, built in code (issue 8).

Each builder reproduces one real layout: the Permendagri 86/2017 evaluation form of Renja results
(T-C.29: K/Rp pairs, end-of-period target, realisation, triwulan I-IV, achievement %), a 2018
table with the code split over four columns and program/kegiatan only, a SIPD-era sub kegiatan
target sheet (Kode Rekening, name, satuan, target, TW I-IV, no indicator column), a 2025 Renja
without a code column (levels from the national names), and a plan beside its "needs analysis"
copy (J-3 of the real .xls annex).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet


def _merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int, value: object) -> None:
    ws.cell(r1, c1, value)
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


# Renja evaluation form T-C.29, 2018, code over four columns (urusan | bidang | program | kegiatan)
EVALUASI_PAIRS = [  # (header, first column) of each K/Rp pair, in order
    "Target Kinerja dan Anggaran Renstra SKPD pada Tahun 2019 (Akhir Periode Renstra SKPD)",
    "Realisasi Capaian Kinerja dan Anggaran Renstra SKPD s/d Renja SKPD Tahun Lalu (2017)",
    "Target Kinerja dan Anggaran Renja SKPD Tahun Berjalan (Tahun 2018) yang Dievaluasi",
]
EVALUASI_AFTER = [
    "Realisasi Capaian Kinerja dan Anggaran Renja SKPD yang Dievaluasi",
    "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja SKPD yang Dievaluasi (%)",
    "Realisasi Kinerja dan Anggaran Renstra SKPD s/d Tahun 2018",
    "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra SKPD s/d Tahun 2018 (%)",
]


def write_evaluasi(
    path: Path,
    *,
    title: str = "Evaluasi Hasil Pelaksanaan Renja Dinas Kesehatan s/d Tahun 2018",
    program_pagu: object = "=SUM(L11:L13)",
) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "T-C.29"
    ws["A1"] = "Tabel T-C.29"
    ws["A2"] = title
    top, mid, low = 4, 5, 6
    _merge(ws, top, 1, low, 4, "Kode")
    _merge(ws, top, 5, low, 5, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan")
    _merge(ws, top, 6, low, 6, "Indikator Kinerja Program (outcomes)/ Kegiatan (output)")
    col = 7
    for header in EVALUASI_PAIRS:
        _merge(ws, top, col, mid, col + 1, header)
        ws.cell(low, col, "K")
        ws.cell(low, col + 1, "Rp")
        col += 2
    _merge(ws, top, col, top, col + 7, "Realisasi Kinerja Pada Triwulan")
    for n, roman in enumerate(("I", "II", "III", "IV")):
        _merge(ws, mid, col + 2 * n, mid, col + 2 * n + 1, roman)
        ws.cell(low, col + 2 * n, "K")
        ws.cell(low, col + 2 * n + 1, "Rp")
    col += 8
    for header in EVALUASI_AFTER:
        _merge(ws, top, col, mid, col + 1, header)
        ws.cell(low, col, "K")
        ws.cell(low, col + 1, "Rp")
        col += 2
    _merge(ws, top, col, low, col, "Unit SKPD Penanggung Jawab")
    _merge(ws, top, col + 1, low, col + 1, "Ket.")
    last = col + 1
    for c in range(1, last + 1):  # the column-numbering row: 1, 2, 3 ... and '12=7+8+9+10+11'
        ws.cell(7, c, c if c != 22 else "12=7+8+9+10+11")

    def item(row: int, code: list[object], name: str, indikator: str = "") -> None:
        for offset, part in enumerate(code):
            ws.cell(row, 1 + offset, part)
        if name:
            ws.cell(row, 5, name)
        if indikator:
            ws.cell(row, 6, indikator)

    item(8, [1], "URUSAN WAJIB")
    item(9, [1, 20], "Otonomi Daerah, Pemerintahan Umum, Administrasi Keuangan Daerah")
    item(
        10,
        [1, 20, 15],
        "Program Pelayanan Administrasi Perkantoran",
        "Persentase layanan administrasi perkantoran tepat waktu",
    )
    ws["G10"], ws["H10"] = "100 %", 6_000_000_000  # end of the Renstra period (2019)
    ws["K10"], ws["L10"] = "95 %", program_pagu  # the year evaluated (2018)
    item(11, [1, 20, 15, "01"], "Penyediaan Jasa Surat Menyurat", "Jumlah surat yang terkirim")
    ws["G11"], ws["H11"], ws["K11"], ws["L11"] = 5000, 900_000_000, 1200, 200_000_000
    ws["F12"] = "Jumlah laporan surat menyurat"  # a second indicator of the same kegiatan
    ws["K12"] = "4 Lap"
    item(13, [1, 20, 15, "02"], "Penyediaan Alat Tulis Kantor", "Jumlah paket ATK")
    ws["G13"], ws["H13"], ws["K13"], ws["L13"] = 60, 4_500_000_000, "12 Paket", 1_000_000_000
    for row, values in ((10, (90, 300e6)), (11, (1100, 50e6)), (13, (10, 250e6))):
        ws.cell(row, 13, values[0])  # triwulan I
        ws.cell(row, 14, values[1])
        ws.cell(row, 21, values[0])  # realisation of the year
        ws.cell(row, 22, values[1])
    ws["E14"] = "JUMLAH"
    ws["L14"] = 1_200_000_000
    book.save(path)
    return path


# SIPD-era sub kegiatan target sheet: no indicator column
def write_sipd(path: Path, *, year: int = 2024, pagu_header: str = "Pagu (Rp)") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Target Sub Kegiatan"
    ws["A1"] = f"TARGET KINERJA SUB KEGIATAN TAHUN {year}"
    ws["A2"] = "Perangkat Daerah : Badan Kepegawaian dan Pengembangan SDM"
    ws.append([])
    ws.append(
        [
            "No",
            "Kode Rekening",
            "Program/Kegiatan/Sub Kegiatan",
            "Satuan",
            "Target",
            "TW I",
            "TW II",
            "TW III",
            "TW IV",
            pagu_header,
        ]
    )
    rows = [
        (1, "5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", None, None, None, None, None, None, 300_000),
        (
            2,
            "5.03.02.2.01",
            "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN",
            None,
            None,
            None,
            None,
            None,
            None,
            300_000,
        ),
        (
            3,
            "5.03.02.2.01.0010",
            "Pengelolaan Sistem Informasi Kepegawaian",
            "Dok",
            12,
            3,
            3,
            3,
            3,
            200_000,
        ),
        (4, "5.03.02.2.01.0011", "Pengelolaan Data Kepegawaian", "Dokumen", 4, 1, 1, 1, 1, 100_000),
    ]
    for values in rows:
        ws.append(list(values))
    book.save(path)
    return path


# Renja 2025 without a code column: levels from the national names and the grouping rows
def write_renja_without_code(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Renja 2025"
    ws["A1"] = "RENCANA KERJA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM"
    ws["A2"] = "KABUPATEN CONTOH"
    _merge(ws, 4, 1, 5, 1, "No")
    _merge(
        ws, 4, 2, 5, 2, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"
    )
    _merge(ws, 4, 3, 5, 3, "Indikator Kinerja Program (outcome)/Kegiatan (output)")
    _merge(ws, 4, 4, 5, 4, "Satuan")
    _merge(ws, 4, 5, 4, 6, "Tahun Berjalan (Tahun 2025)")
    ws.cell(5, 5, "Target")
    ws.cell(5, 6, "Pagu Indikatif (Rp)")
    _merge(ws, 4, 7, 4, 8, "Prakiraan Maju Rencana Tahun 2026")
    ws.cell(5, 7, "Target")
    ws.cell(5, 8, "Pagu (Rp)")
    for c in range(1, 9):
        ws.cell(6, c, f"({c})")
    rows = [
        (None, "UNSUR PENUNJANG URUSAN PEMERINTAHAN", None, None, None, None),
        (None, "BIDANG KEPEGAWAIAN", None, None, None, None),
        (
            1,
            "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            "Nilai SAKIP Perangkat Daerah",
            "Nilai",
            75,
            175_000_000,
        ),
        (
            None,
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            "Persentase dokumen perencanaan tepat waktu",
            "%",
            100,
            175_000_000,
        ),
        (
            None,
            "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            "Jumlah Dokumen Perencanaan Perangkat Daerah",
            "Dok",
            3,
            25_000_000,
        ),
        (
            None,
            "Evaluasi Kinerja Perangkat Daerah",
            "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah",
            "Lap",
            4,
            150_000_000,
        ),
        (2, "PROGRAM KEPEGAWAIAN DAERAH", "Indeks Profesionalitas ASN", "Indeks", 71, 90_000_000),
        (
            None,
            "Mutasi dan Promosi ASN",
            "Persentase ASN yang dimutasi sesuai kompetensi",
            "%",
            90,
            90_000_000,
        ),
        (
            None,
            "Pengelolaan Kenaikan Pangkat ASN",
            "Jumlah Pengelolaan Kenaikan Pangkat ASN",
            "Dokumen",
            2,
            40_000_000,
        ),
        (
            None,
            "Pengelolaan Promosi ASN",
            "Jumlah Dokumen Hasil Pengelolaan Promosi ASN",
            "Dokumen",
            1,
            50_000_000,
        ),
        (None, "JUMLAH", None, None, None, 265_000_000),
    ]
    for offset, values in enumerate(rows):
        row = 7 + offset
        for col, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row, col, value)
        if values[4] is not None:  # next year's forecast, never this year's target
            ws.cell(row, 7, values[4] + 1)
            ws.cell(row, 8, (values[5] or 0) * 2)
    book.save(path)
    return path


# A plan beside a second group repeating it (J-3: "Rancangan Awal RKPD" | "Hasil Analisis Kebutuhan")
def write_plan_and_copy(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "J-3"
    ws["A1"] = "Review terhadap Rancangan Awal RKPD Tahun 2014"
    _merge(ws, 3, 1, 3, 5, "Rancangan Awal RKPD")
    _merge(ws, 3, 6, 3, 10, "Hasil Analisis Kebutuhan")
    ws.append(
        [
            "Program/ Kegiatan",
            "Lokasi",
            "Indikator Kinerja",
            "Target Capaian",
            "Pagu Indikatif (Rp.)",
            "Program/ Kegiatan",
            "Lokasi",
            "Indikator Kinerja",
            "Target Capaian",
            "Kebutuhan Dana (Rp.)",
        ]
    )
    ws.append([f"({c})" for c in range(1, 11)])
    for values in (
        ["Program Pelayanan Administrasi Perkantoran", None, None, None, 500_000_000],
        [
            "Kegiatan Penyediaan Jasa Kebersihan Kantor",
            "Kota",
            "Jumlah ruang yang bersih",
            "30 Ruang",
            500_000_000,
        ],
    ):
        ws.append(values + values)  # the copy repeats the plan
    book.save(path)
    return path
