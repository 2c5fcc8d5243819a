"""A corpus of planning tables in the layouts agencies really use, each with its ground truth.

Every fixture is built in code and states what a correct reading gives: the year, the target and
pagu columns (and the pagu scale), and for every item row its level (tingkat) and the Excel row
of its parent item (induk); rows that are not items (grouping rows, totals) are listed as skipped.
`benchmarks/planning_accuracy.py` prints the accuracy table; `tests/readers/test_planning_corpus.py`
asserts the acceptance bars (year and columns right for every table, levels >= 95 %, parents
>= 90 % of the rows).

Rows are written as (tag, values): values start at column A; the tag says what the row is:
  "Program#p1"            an item of level Program, known as p1, at the top (no parent)
  "Kegiatan#k1<p1"        a Kegiatan whose parent is p1
  "Tujuan#t;Sasaran#s<t"  several items opening on one row
  "+"                     a further indicator of the item above (same level and parent)
  "-"                     not an item (urusan/bidang grouping row, JUMLAH/TOTAL)
  ""                      a blank row
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

Truth = dict[int, list[tuple[str, int | None]]]


@dataclass
class Fixture:
    name: str
    layout: str  # in words, for the table
    build: Callable[[Path], Truth]
    year: int
    target: str | tuple[str, ...] | None  # column letter(s) of the year's target
    pagu: str | None  # column letter of the year's pagu
    scale: int = 1
    tahun: int | None = None  # --tahun to pass (a multi-year Renstra names no single year)
    skipped: set[int] = field(default_factory=set)  # filled by build()


def merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int, value: object) -> None:
    ws.cell(r1, c1, value)
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def write_rows(
    ws: Worksheet, first: int, rows: list[tuple[str, list[object]]]
) -> tuple[Truth, set[int]]:
    """Write the rows from `first` on; return the truth (row -> [(tingkat, parent row)]) and the
    rows that must be skipped."""
    truth: Truth = {}
    skipped: set[int] = set()
    where: dict[str, int] = {}
    last: list[tuple[str, int | None]] = []
    for offset, (tag, values) in enumerate(rows):
        row = first + offset
        for col, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row, col, value)
        if tag == "+":
            truth[row] = [item for item in last if item[0] not in ("Tujuan", "Sasaran")] or last
        elif tag == "-":
            skipped.add(row)
        elif tag:
            items = []
            for part in tag.split(";"):
                level, _, rest = part.partition("#")
                ident, _, parent = rest.partition("<")
                where[ident] = row
                items.append((level, where[parent] if parent else None))
            truth[row] = items
            last = items
    return truth, skipped


def _book(title: str) -> tuple[openpyxl.Workbook, Worksheet]:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = title
    return book, ws


def _finish(fixture: Fixture, book: openpyxl.Workbook, path: Path, result: tuple) -> Truth:
    truth, skipped = result
    fixture.skipped = skipped
    book.save(path)
    return truth


# ------------------------------------------------------------------------------------------------
# 1. Renja evaluation form T-C.29 (Permendagri 86/2017), 2018: code split over four columns,
#    program/kegiatan only, K/Rp pairs, triwulan I-IV, realisation, numbering row, JUMLAH row.
def build_tc29_2018(path: Path) -> Truth:
    book, ws = _book("T-C.29")
    ws["A1"] = "Tabel T-C.29"
    ws["A2"] = (
        "Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat "
        "Daerah s/d Tahun 2018"
    )
    ws["A3"] = "Dinas Pendidikan Kabupaten Contoh"
    top, mid, low = 5, 6, 7
    merge(ws, top, 1, low, 4, "Kode")
    merge(ws, top, 5, low, 5, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan")
    merge(ws, top, 6, low, 6, "Indikator Kinerja Program (outcomes)/ Kegiatan (output)")
    pairs = [
        "Target Kinerja Capaian Program (Renstra Perangkat Daerah) Tahun 2019",
        "Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d dengan Renja "
        "Perangkat Daerah Tahun Lalu (2017)",
        "Target Kinerja dan Anggaran Renja Perangkat Daerah Tahun Berjalan (2018) yang dievaluasi",
    ]
    col = 7
    for header in pairs:
        merge(ws, top, col, mid, col + 1, header)
        ws.cell(low, col, "K")
        ws.cell(low, col + 1, "Rp")
        col += 2
    merge(ws, top, col, top, col + 7, "Realisasi Kinerja Pada Triwulan")
    for n, roman in enumerate(("I", "II", "III", "IV")):
        merge(ws, mid, col + 2 * n, mid, col + 2 * n + 1, roman)
        ws.cell(low, col + 2 * n, "K")
        ws.cell(low, col + 2 * n + 1, "Rp")
    col += 8
    for header in (
        "Realisasi Capaian Kinerja dan Anggaran Renja Perangkat Daerah yang dievaluasi",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang dievaluasi (%)",
        "Realisasi Kinerja dan Anggaran Renstra Perangkat Daerah s/d Tahun 2018 (Akhir "
        "Tahun Pelaksanaan Renja)",
    ):
        merge(ws, top, col, mid, col + 1, header)
        ws.cell(low, col, "K")
        ws.cell(low, col + 1, "Rp")
        col += 2
    merge(ws, top, col, low, col, "Unit Perangkat Daerah Penanggung Jawab")
    for c in range(1, col + 1):
        ws.cell(8, c, c)

    def r(code: list, name: str, ind: str = "", k: object = None, rp: object = None) -> list:
        values = [*code, *[None] * (4 - len(code)), name, ind, 100, 5e9, 80, 3e9, k, rp]
        return [
            *values,
            1,
            100000000.0,
            2,
            200000000.0,
            3,
            300000000.0,
            4,
            400000000.0,
            10,
            1000000000.0,
            95,
            90,
            60,
            4000000000.0,
        ]

    rows = [
        ("-", [1, None, None, None, "Urusan Wajib"]),
        ("-", [1, "01", None, None, "Pendidikan"]),
        (
            "Program#p1",
            r(
                [1, "01", "01"],
                "Program Pelayanan Administrasi Perkantoran",
                "Cakupan pelayanan administrasi perkantoran",
                "100%",
                "=SUM(L12:L14)",
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                [1, "01", "01", "01"],
                "Penyediaan Jasa Surat Menyurat",
                "Jumlah surat yang terkirim",
                1200,
                2e8,
            ),
        ),
        ("+", [None] * 5 + ["Jumlah laporan surat menyurat"] + [None] * 4 + ["4 Lap"]),
        (
            "Kegiatan#k2<p1",
            r(
                [1, "01", "01", "02"],
                "Penyediaan Alat Tulis Kantor",
                "Jumlah paket ATK",
                "12 Paket",
                1e9,
            ),
        ),
        (
            "Program#p2",
            r(
                [1, "01", 15],
                "Program Pendidikan Anak Usia Dini",
                "APK PAUD",
                "72,5%",
                "=L16+L17",
            ),
        ),
        (
            "Kegiatan#k3<p2",
            r(
                [1, "01", 15, "01"],
                "Pembangunan Gedung Sekolah",
                "Jumlah gedung PAUD terbangun",
                "3 Unit",
                6e8,
            ),
        ),
        (
            "Kegiatan#k4<p2",
            r(
                [1, "01", 15, "02"],
                "Pelatihan Kompetensi Tenaga Pendidik",
                "Jumlah pendidik PAUD terlatih",
                "120 Orang",
                1.5e8,
            ),
        ),
        ("", []),
        ("-", [None, None, None, None, "JUMLAH", None] + [None] * 6 + [1.95e9]),
    ]
    return _finish(TC29, book, path, write_rows(ws, 9, rows))


TC29 = Fixture(
    "tc29_2018", "evaluasi Renja T-C.29, kode 4 kolom, 2018", build_tc29_2018, 2018, "K", "L"
)


# ------------------------------------------------------------------------------------------------
# 2. RKPD evaluation form T-C.30 (2024): one code column, sub kegiatan, RPJMD target, triwulan,
#    title without a year; the evaluated year only in the header.
def build_tc30_2024(path: Path) -> Truth:
    book, ws = _book("Evaluasi Renja")
    ws["A1"] = "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN CONTOH"
    ws["A2"] = "Perangkat Daerah: Dinas Kesehatan"
    ws["A3"] = "Periode Pelaksanaan: Triwulan IV"
    top, mid, low = 5, 6, 7
    merge(ws, top, 1, low, 1, "No")
    merge(ws, top, 2, low, 2, "Kode")
    merge(
        ws,
        top,
        3,
        low,
        3,
        "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
    )
    merge(ws, top, 4, low, 4, "Indikator Kinerja Program (outcome)/ Kegiatan (output)")
    merge(ws, top, 5, low, 5, "Satuan")
    col = 6
    for header in (
        "Target RPJMD Kabupaten/Kota pada Tahun 2026 (Akhir Periode RPJMD)",
        "Realisasi Capaian Kinerja RPJMD Kabupaten/Kota s/d RKPD Kabupaten/Kota Tahun Lalu (2023)",
        "Target Kinerja dan Anggaran RKPD Kabupaten/Kota Tahun Berjalan yang Dievaluasi (2024)",
    ):
        merge(ws, top, col, mid, col + 1, header)
        ws.cell(low, col, "K")
        ws.cell(low, col + 1, "Rp")
        col += 2
    merge(ws, top, col, top, col + 7, "Realisasi Kinerja Pada Triwulan")
    for n, roman in enumerate(("I", "II", "III", "IV")):
        merge(ws, mid, col + 2 * n, mid, col + 2 * n + 1, roman)
        ws.cell(low, col + 2 * n, "K")
        ws.cell(low, col + 2 * n + 1, "Rp")
    col += 8
    for header in (
        "Realisasi Capaian Kinerja dan Anggaran RKPD Kabupaten/Kota yang Dievaluasi",
        "Realisasi Kinerja dan Anggaran RPJMD Kabupaten/Kota s/d Tahun 2024",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran RPJMD s/d Tahun 2024 (%)",
    ):
        merge(ws, top, col, mid, col + 1, header)
        ws.cell(low, col, "K")
        ws.cell(low, col + 1, "Rp")
        col += 2
    merge(ws, top, col, low, col, "Perangkat Daerah Penanggung Jawab")

    def r(no, code, name, ind, sat, k, rp):
        return [no, code, name, ind, sat, 100, 9e9, 70, 5e9, k, rp, 1, 1e8, 2, 2e8, 3, 3e8]

    rows = [
        ("-", [None, "1", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"]),
        ("-", [None, "1.02", "URUSAN PEMERINTAHAN BIDANG KESEHATAN"]),
        (
            "Program#p1",
            r(
                1,
                "1.02.01",
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                "Nilai SAKIP Perangkat Daerah",
                "Nilai",
                78,
                "=K12+K15",
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                None,
                "1.02.01.2.01",
                "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                "Persentase dokumen perencanaan dan evaluasi tepat waktu",
                "%",
                100,
                "=SUM(K13:K14)",
            ),
        ),
        (
            "Sub Kegiatan#s1<k1",
            r(
                None,
                "1.02.01.2.01.0001",
                "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                "Jumlah Dokumen Perencanaan Perangkat Daerah",
                "Dokumen",
                3,
                4.5e7,
            ),
        ),
        (
            "Sub Kegiatan#s2<k1",
            r(
                None,
                "1.02.01.2.01.0007",
                "Evaluasi Kinerja Perangkat Daerah",
                "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah",
                "Lap",
                4,
                3e7,
            ),
        ),
        (
            "Kegiatan#k2<p1",
            r(
                None,
                "1.02.01.2.02",
                "Administrasi Keuangan Perangkat Daerah",
                "Persentase laporan keuangan tepat waktu",
                "%",
                100,
                "=K16",
            ),
        ),
        (
            "Sub Kegiatan#s3<k2",
            r(
                None,
                "1.02.01.2.02.0001",
                "Penyediaan Gaji dan Tunjangan ASN",
                "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
                "Orang",
                245,
                1.2e10,
            ),
        ),
        (
            "Program#p2",
            r(
                2,
                "1.02.02",
                "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
                "Angka Kematian Ibu",
                "per 100.000 KH",
                85,
                "=K19",
            ),
        ),
        ("+", [None, None, None, "Angka Kematian Bayi", "per 1.000 KH", None, None, None, None, 7]),
        (
            "Kegiatan#k3<p2",
            r(
                None,
                "1.02.02.2.02",
                "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
                "Kabupaten/Kota",
                "Persentase ibu hamil mendapat pelayanan sesuai standar",
                "%",
                100,
                "=K20",
            ),
        ),
        (
            "Sub Kegiatan#s4<k3",
            r(
                None,
                "1.02.02.2.02.0001",
                "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
                "Org",
                5120,
                3.5e8,
            ),
        ),
        ("", []),
        ("-", [None, None, "JUMLAH TOTAL"] + [None] * 7 + ["=K11+K17"]),
    ]
    return _finish(TC30, book, path, write_rows(ws, 9, rows))


TC30 = Fixture(
    "tc30_2024", "evaluasi RKPD T-C.30, satu kolom kode, 2024", build_tc30_2024, 2024, "J", "K"
)


# ------------------------------------------------------------------------------------------------
# 3. Renja "Rencana Kerja" as SIPD exports it (2025): kode rekening, sub kegiatan, indikator,
#    target, satuan, pagu, lokasi, sumber dana, prakiraan maju; several indicators per item.
def build_sipd_renja_2025(path: Path) -> Truth:
    book, ws = _book("Renja")
    ws["A1"] = "RENCANA KERJA PERANGKAT DAERAH"
    ws["A2"] = "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN CONTOH TAHUN ANGGARAN 2025"
    top, low = 4, 5
    merge(ws, top, 1, low, 1, "Kode Rekening")
    merge(ws, top, 2, low, 2, "Urusan / Bidang Urusan / Program / Kegiatan / Sub Kegiatan")
    merge(ws, top, 3, low, 3, "Indikator Kinerja")
    merge(ws, top, 4, top, 8, "Rencana Tahun 2025")
    for c, text in enumerate(
        ("Lokasi", "Target Kinerja", "Satuan", "Pagu Indikatif (Rp)", "Sumber Dana"), start=4
    ):
        ws.cell(low, c, text)
    merge(ws, top, 9, low, 9, "Catatan Penting")
    merge(ws, top, 10, top, 11, "Prakiraan Maju Rencana Tahun 2026")
    ws.cell(low, 10, "Target Kinerja")
    ws.cell(low, 11, "Kebutuhan Dana (Rp)")
    for c in range(1, 12):
        ws.cell(6, c, f"({c})")

    def r(code, name, ind, target, sat, pagu, fwd=None):
        return [code, name, ind, "Kab. Contoh", target, sat, pagu, "PAD", None, target, fwd]

    rows = [
        ("-", ["2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR"]),
        ("-", ["2.16", "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA"]),
        (
            "Program#p1",
            r(
                "2.16.02",
                "PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK",
                "Indeks Keterbukaan Informasi Publik",
                "80",
                "Indeks",
                1.25e9,
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                "2.16.02.2.01",
                "Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota",
                "Persentase informasi publik yang dipublikasikan",
                "100",
                "%",
                1.25e9,
            ),
        ),
        (
            "Sub Kegiatan#s1<k1",
            r(
                "2.16.02.2.01.0001",
                "Perumusan Kebijakan Teknis Bidang Informasi dan Komunikasi Publik",
                "Jumlah Dokumen Kebijakan Teknis",
                "2",
                "Dok",
                2.5e8,
            ),
        ),
        ("+", [None, None, "Jumlah Laporan Pelaksanaan Kebijakan", None, "4", "Laporan"]),
        (
            "Sub Kegiatan#s2<k1",
            r(
                "2.16.02.2.01.0002",
                "Monitoring Opini dan Aspirasi Publik",
                "Jumlah Dokumen Hasil Monitoring Opini dan Aspirasi Publik",
                "12",
                "Dok",
                1e9,
            ),
        ),
        (
            "Program#p2",
            r(
                "2.16.03",
                "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
                "Indeks SPBE",
                "3,1",
                "Indeks",
                "=G15",
            ),
        ),
        (
            "Kegiatan#k2<p2",
            r(
                "2.16.03.2.01",
                "Pengelolaan Nama Domain yang telah Ditetapkan oleh Pemerintah Pusat dan Sub "
                "Domain di Lingkup Pemerintah Daerah Kabupaten/Kota",
                "Persentase perangkat daerah dengan subdomain aktif",
                "100",
                "%",
                "=G16",
            ),
        ),
        (
            "Sub Kegiatan#s3<k2",
            r(
                "2.16.03.2.01.0001",
                "Pendaftaran Nama Domain Pemerintah Kabupaten/Kota",
                "Jumlah Pendaftaran Nama Domain Pemerintah Kabupaten/Kota",
                "45",
                "Domain",
                1.5e8,
            ),
        ),
        ("+", [None, None, "Jumlah Laporan Pengelolaan Domain", None, "1", "Laporan"]),
        ("+", [None, None, "Persentase subdomain ber-SSL", None, "100", "%"]),
        ("-", [None, "JUMLAH", None, None, None, None, "=G9+G14"]),
    ]
    return _finish(SIPD, book, path, write_rows(ws, 7, rows))


SIPD = Fixture(
    "sipd_renja_2025", "Rencana Kerja ekspor SIPD, 2025", build_sipd_renja_2025, 2025, "E", "G"
)


# ------------------------------------------------------------------------------------------------
# 4. Renstra T-C.27 (2025-2029): tujuan and sasaran merged over their rows, Tahun-1..5 pairs,
#    kondisi awal and kondisi akhir; --tahun 2026 reads Tahun-2.
def build_tc27_2025(path: Path) -> Truth:
    book, ws = _book("T-C.27")
    ws["A1"] = "Tabel T-C.27"
    ws["A2"] = (
        "Rencana Program, Kegiatan, dan Pendanaan Dinas Perhubungan Kabupaten Contoh "
        "Tahun 2025-2029"
    )
    top, mid, low = 4, 5, 6
    heads = [
        "Tujuan",
        "Sasaran",
        "Kode",
        "Program dan Kegiatan",
        "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
        "Data Capaian pada Tahun Awal Perencanaan",
    ]
    for c, text in enumerate(heads, start=1):
        merge(ws, top, c, low, c, text)
    merge(ws, top, 7, top, 18, "Target Kinerja Program dan Kerangka Pendanaan")
    for n in range(6):
        col = 7 + 2 * n
        label = f"Tahun-{n + 1}" if n < 5 else "Kondisi Kinerja pada akhir periode Renstra"
        merge(ws, mid, col, mid, col + 1, label)
        ws.cell(low, col, "Target")
        ws.cell(low, col + 1, "Rp")
    merge(ws, top, 19, low, 19, "Unit Kerja Perangkat Daerah Penanggung Jawab")
    merge(ws, top, 20, low, 20, "Lokasi")
    for c in range(1, 21):
        ws.cell(7, c, c)

    def r(code, name, ind, base, targets, pagu):
        values = [None, None, code, name, ind, base]
        for n in range(6):
            values += [targets[min(n, len(targets) - 1)], pagu * (1 + n / 10)]
        return [*values, "Sekretariat", "Kab. Contoh"]

    first = 8
    rows = [
        (
            "Tujuan#t1;Sasaran#s1<t1;Program#p1<s1",
            r(
                "2.15.02",
                "PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)",
                "Persentase fasilitas perlengkapan jalan dalam kondisi baik",
                "60%",
                ["65%", "70%", "75%", "80%", "85%"],
                2e9,
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                "2.15.02.2.01",
                "Penetapan Rencana Induk Jaringan LLAJ Kabupaten/Kota",
                "Jumlah dokumen rencana induk",
                "0",
                ["1 Dok", "0", "0", "0", "1 Dok"],
                5e8,
            ),
        ),
        (
            "Kegiatan#k2<p1",
            r(
                "2.15.02.2.02",
                "Penyediaan Perlengkapan Jalan di Jalan Kabupaten/Kota",
                "Jumlah rambu lalu lintas terpasang",
                "120",
                [40, 45, 50, 55, 60],
                1.5e9,
            ),
        ),
        (
            "Program#p2<s1",
            r(
                "2.15.01",
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                "Nilai SAKIP Perangkat Daerah",
                "B",
                ["BB", "BB", "BB", "A", "A"],
                3e9,
            ),
        ),
        (
            "Kegiatan#k3<p2",
            r(
                "2.15.01.2.02",
                "Administrasi Keuangan Perangkat Daerah",
                "Persentase laporan keuangan tepat waktu",
                "100%",
                ["100%"],
                3e9,
            ),
        ),
    ]
    truth, skipped = write_rows(ws, first, rows)
    merge(ws, first, 1, first + 4, 1, "Meningkatkan keselamatan dan kelancaran transportasi")
    merge(ws, first, 2, first + 4, 2, "Meningkatnya kualitas layanan perhubungan")
    return _finish(TC27, book, path, (truth, skipped))


TC27 = Fixture(
    "tc27_renstra_2025_2029",
    "Renstra T-C.27, Tahun-1..5 + kondisi akhir, --tahun 2026",
    build_tc27_2025,
    2026,
    "I",
    "J",
    tahun=2026,
)


# ------------------------------------------------------------------------------------------------
# 5. Renstra code table (sesendok style): TARGET/DANA TAHUN 1..5 with the period in the title.
def build_sesendok_2027(path: Path) -> Truth:
    book, ws = _book("Renstra")
    ws["A1"] = "RENCANA STRATEGIS BADAN PERENCANAAN PEMBANGUNAN DAERAH PERIODE 2025 - 2029"
    head = ["KODE", "PROGRAM DAN KEGIATAN", "INDIKATOR", "SATUAN", "DATA CAPAIAN AWAL"]
    for n in range(1, 6):
        head += [f"TARGET TAHUN {n}", f"DANA TAHUN {n}"]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)

    def r(code, name, ind, sat, base, t, pagu):
        values = [code, name, ind, sat, base]
        for n in range(5):
            values += [t + n, pagu * (1 + n / 10)]
        return values

    rows = [
        (
            "Program#p1",
            r(
                "5.01.02",
                "PROGRAM PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH",
                "Persentase konsistensi dokumen perencanaan",
                "%",
                90,
                91,
                8e8,
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                "5.01.02.2.01",
                "Penyusunan Perencanaan dan Pendanaan",
                "Jumlah dokumen perencanaan yang disusun",
                "Dokumen",
                4,
                4,
                5e8,
            ),
        ),
        (
            "Sub Kegiatan#s1<k1",
            r(
                "5.01.02.2.01.0001",
                "Analisis Kondisi Daerah, Permasalahan, dan Isu Strategis Pembangunan Daerah",
                "Jumlah Dokumen Hasil Analisis Kondisi Daerah",
                "Dok",
                2,
                2,
                2e8,
            ),
        ),
        (
            "Sub Kegiatan#s2<k1",
            r(
                "5.01.02.2.01.0002",
                "Koordinasi Penelaahan Dokumen Perencanaan Pembangunan Daerah dengan Dokumen Kebijakan Lainnya",
                "Jumlah Dokumen Perencanaan Pembangunan Daerah",
                "Dokumen",
                1,
                1,
                3e8,
            ),
        ),
        ("", []),
        (
            "Kegiatan#k2<p1",
            r(
                "5.01.02.2.02",
                "Analisis Data dan Informasi Pemerintahan Daerah Bidang Perencanaan Pembangunan Daerah",
                "Jumlah laporan analisis",
                "Lap",
                2,
                2,
                3e8,
            ),
        ),
    ]
    return _finish(SESENDOK, book, path, write_rows(ws, 4, rows))


SESENDOK = Fixture(
    "sesendok_tahun_1_5",
    "Renstra kode, TARGET/DANA TAHUN 1..5, periode di judul, --tahun 2027",
    build_sesendok_2027,
    2027,
    "J",
    "K",
    tahun=2027,
)


# ------------------------------------------------------------------------------------------------
# 6. Pre-2019 Renja (T-C.31, Permendagri 54/2010): one code column with Permendagri 13/2006
#    codes, "Kebutuhan Dana/Pagu Indikatif" in Rp (000), prakiraan maju.
def build_renja_2017(path: Path) -> Truth:
    book, ws = _book("Renja 2017")
    ws["A1"] = "Tabel T-C.31"
    ws["A2"] = "Rumusan Rencana Program dan Kegiatan SKPD Tahun 2017 dan Prakiraan Maju Tahun 2018"
    ws["A3"] = "Kabupaten Contoh"
    ws["A4"] = "Nama SKPD : Dinas Pertanian"
    top, low = 6, 7
    merge(ws, top, 1, low, 1, "Kode")
    merge(ws, top, 2, low, 2, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan")
    merge(ws, top, 3, low, 3, "Indikator Kinerja Program/Kegiatan")
    merge(ws, top, 4, top, 7, "Rencana Tahun 2017")
    for c, text in enumerate(
        (
            "Lokasi",
            "Target Capaian Kinerja",
            "Kebutuhan Dana/ Pagu Indikatif (Rp 000)",
            "Sumber Dana",
        ),
        start=4,
    ):
        ws.cell(low, c, text)
    merge(ws, top, 8, low, 8, "Catatan Penting")
    merge(ws, top, 9, top, 10, "Prakiraan Maju Rencana Tahun 2018")
    ws.cell(low, 9, "Target Capaian Kinerja")
    ws.cell(low, 10, "Kebutuhan Dana/ Pagu Indikatif (Rp 000)")
    for c in range(1, 11):
        ws.cell(8, c, c)

    def r(code, name, ind, target, pagu):
        return [code, name, ind, "Kab. Contoh", target, pagu, "DAU", None, target, pagu * 1.1]

    rows = [
        ("-", ["3.01", "Pertanian"]),
        (
            "Program#p1",
            r(
                "3.01.01",
                "Program Pelayanan Administrasi Perkantoran",
                "Persentase pelayanan administrasi perkantoran",
                "100%",
                850,
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                "3.01.01.01",
                "Penyediaan Jasa Surat Menyurat",
                "Jumlah surat yang terkirim",
                "1.200 surat",
                50,
            ),
        ),
        (
            "Kegiatan#k2<p1",
            r(
                "3.01.01.02",
                "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
                "Jumlah bulan layanan",
                "12 Bln",
                800,
            ),
        ),
        (
            "Program#p2",
            r(
                "3.01.16",
                "Program Peningkatan Ketahanan Pangan (pertanian/perkebunan)",
                "Produksi padi",
                "85.000 ton",
                2300,
            ),
        ),
        (
            "Kegiatan#k3<p2",
            r(
                "3.01.16.03",
                "Pengembangan Intensifikasi Tanaman Padi, Palawija",
                "Luas tanam padi",
                "15.000 Ha",
                1500,
            ),
        ),
        ("+", [None, None, "Jumlah kelompok tani dibina", None, "40 kelompok"]),
        (
            "Kegiatan#k4<p2",
            r(
                "3.01.16.05",
                "Pemanfaatan Pekarangan untuk Pengembangan Pangan",
                "Jumlah KRPL",
                "20 unit",
                800,
            ),
        ),
        ("-", [None, "Jumlah", None, None, None, 3150]),
    ]
    return _finish(RENJA2017, book, path, write_rows(ws, 9, rows))


RENJA2017 = Fixture(
    "renja_2017_tc31",
    "Renja pra-2019 T-C.31, kode 1 kolom, Rp (000)",
    build_renja_2017,
    2017,
    "E",
    "F",
    scale=1000,
)


# ------------------------------------------------------------------------------------------------
# 7. Renja without codes (2023): names only, roman/letter numbering, grouping rows for urusan and
#    bidang, subtotals per program and a TOTAL, blank separator rows, pagu in juta.
def build_names_only_2023(path: Path) -> Truth:
    book, ws = _book("Lampiran")
    ws["A1"] = "RENCANA KERJA (RENJA) BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
    ws["A2"] = "TAHUN 2023"
    for c, text in enumerate(
        (
            "No",
            "Program / Kegiatan / Sub Kegiatan",
            "Indikator Kinerja",
            "Target Kinerja",
            "Satuan",
            "Alokasi Anggaran (Rp juta)",
            "Keterangan",
        ),
        start=1,
    ):
        ws.cell(4, c, text)
    rows = [
        ("-", ["I", "UNSUR PENUNJANG URUSAN PEMERINTAHAN"]),
        ("-", ["A", "URUSAN PEMERINTAHAN BIDANG KEPEGAWAIAN"]),
        (
            "Program#p1",
            [
                1,
                "PROGRAM KEPEGAWAIAN DAERAH",
                "Indeks Profesionalitas ASN",
                71,
                "Indeks",
                950,
            ],
        ),
        (
            "Kegiatan#k1<p1",
            [
                "1.1",
                "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN",
                "Persentase data ASN yang mutakhir",
                100,
                "%",
                400,
            ],
        ),
        (
            "Sub Kegiatan#s1<k1",
            [
                "a",
                "Pengelolaan Pengadaan Pegawai ASN",
                "Jumlah Dokumen Hasil Pengelolaan Pengadaan ASN",
                2,
                "Dok",
                150,
            ],
        ),
        (
            "Sub Kegiatan#s2<k1",
            [
                "b",
                "Pengelolaan Pemberhentian Pegawai ASN",
                "Jumlah Dokumen Hasil Pengelolaan Pemberhentian ASN",
                1,
                "Dokumen",
                250,
            ],
        ),
        ("", []),
        (
            "Kegiatan#k2<p1",
            [
                "1.2",
                "Mutasi dan Promosi ASN",
                "Persentase ASN dimutasi sesuai kompetensi",
                90,
                "%",
                550,
            ],
        ),
        (
            "Sub Kegiatan#s3<k2",
            [
                "a",
                "Pengelolaan Kenaikan Pangkat ASN",
                "Jumlah Dokumen Hasil Pengelolaan Kenaikan Pangkat",
                2,
                "Dok",
                300,
            ],
        ),
        (
            "+",
            [None, None, "Jumlah ASN yang naik pangkat tepat waktu", 350, "Org"],
        ),
        (
            "Sub Kegiatan#s4<k2",
            [
                "b",
                "Pengelolaan Mutasi ASN",
                "Jumlah Dokumen Hasil Pengelolaan Mutasi ASN",
                4,
                "Dokumen",
                250,
            ],
        ),
        ("-", [None, "Jumlah Program Kepegawaian Daerah", None, None, None, 950]),
        ("", []),
        (
            "Program#p2",
            [
                2,
                "PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA",
                "Persentase ASN yang kompetensinya sesuai standar",
                60,
                "%",
                300,
            ],
        ),
        (
            "Kegiatan#k3<p2",
            [
                "2.1",
                "Pengembangan Kompetensi Teknis",
                "Jumlah ASN yang mengikuti diklat teknis",
                120,
                "Orang",
                300,
            ],
        ),
        (
            "Sub Kegiatan#s5<k3",
            [
                "a",
                "Penyelenggaraan Pendidikan dan Pelatihan Teknis",
                "Jumlah ASN yang mengikuti diklat teknis",
                120,
                "Orang",
                300,
            ],
        ),
        ("-", [None, "Jumlah Program Pengembangan SDM", None, None, None, 300]),
        ("-", [None, "TOTAL", None, None, None, 1250]),
    ]
    return _finish(NAMES, book, path, write_rows(ws, 5, rows))


NAMES = Fixture(
    "tanpa_kode_2023",
    "Renja tanpa kode, baris urusan/bidang/jumlah, pagu juta",
    build_names_only_2023,
    2023,
    "D",
    "F",
    scale=1_000_000,
)


# ------------------------------------------------------------------------------------------------
# 8. RKPD review (J-3 style, 2015): the plan beside a "Hasil Analisis Kebutuhan" copy.
def build_needs_copy_2015(path: Path) -> Truth:
    book, ws = _book("J-3")
    ws["A1"] = "Tabel J-3"
    ws["A2"] = "Review terhadap Rancangan Awal RKPD Tahun 2015"
    ws["A3"] = "Nama SKPD : Dinas Pekerjaan Umum"
    top, low = 5, 6
    merge(ws, top, 1, low, 1, "No")
    merge(ws, top, 2, top, 6, "Rancangan Awal RKPD")
    merge(ws, top, 7, top, 11, "Hasil Analisis Kebutuhan")
    merge(ws, top, 12, low, 12, "Catatan Penting")
    for start, money in ((2, "Pagu Indikatif (Rp.)"), (7, "Kebutuhan Dana (Rp.)")):
        for offset, text in enumerate(
            ("Program/ Kegiatan", "Lokasi", "Indikator Kinerja", "Target Capaian", money)
        ):
            ws.cell(low, start + offset, text)
    for c in range(1, 13):
        ws.cell(7, c, f"({c})")
    plan = [
        (
            "Program#p1",
            [
                1,
                "Program Pembangunan Jalan dan Jembatan",
                "Kabupaten",
                "Panjang jalan dalam kondisi baik",
                "72 %",
                12_500_000_000,
            ],
        ),
        (
            "Kegiatan#k1<p1",
            [
                None,
                "Kegiatan Pembangunan Jalan",
                "Kec. Utara",
                "Panjang jalan yang dibangun",
                "4,5 Km",
                8_000_000_000,
            ],
        ),
        (
            "Kegiatan#k2<p1",
            [
                None,
                "Kegiatan Pembangunan Jembatan",
                "Kec. Selatan",
                "Jumlah jembatan yang dibangun",
                "2 Unit",
                4_500_000_000,
            ],
        ),
        (
            "Program#p2",
            [
                2,
                "Program Pengembangan dan Pengelolaan Jaringan Irigasi, Rawa dan Jaringan "
                "Pengairan Lainnya",
                "Kabupaten",
                "Luas sawah beririgasi teknis",
                "9.000 Ha",
                3_000_000_000,
            ],
        ),
        (
            "Kegiatan#k3<p2",
            [
                None,
                "Kegiatan Rehabilitasi Jaringan Irigasi",
                "Kec. Barat",
                "Panjang saluran direhabilitasi",
                "12 Km",
                3_000_000_000,
            ],
        ),
    ]
    rows = [(tag, values + values[1:]) for tag, values in plan]
    return _finish(NEEDS, book, path, write_rows(ws, 8, rows))


NEEDS = Fixture(
    "analisis_kebutuhan_2015",
    "review RKPD J-3 dengan salinan 'analisis kebutuhan'",
    build_needs_copy_2015,
    2015,
    "E",
    "F",
)


# ------------------------------------------------------------------------------------------------
# 9. Renja 2026 that states this year's realisation estimate ("Tahun Berjalan (Tahun 2025)")
#    before the plan year: the title's year decides; codes typed as numbers.
def build_renja_2026(path: Path) -> Truth:
    book, ws = _book("Renja 2026")
    ws["A1"] = "RENCANA KERJA DINAS SOSIAL TAHUN 2026"
    top, low = 3, 4
    merge(ws, top, 1, low, 1, "Kode")
    merge(ws, top, 2, low, 2, "Program/Kegiatan/Sub Kegiatan")
    merge(ws, top, 3, low, 3, "Indikator Kinerja Program/Kegiatan/Sub Kegiatan")
    merge(ws, top, 4, low, 4, "Satuan")
    merge(ws, top, 5, top, 6, "Capaian Kinerja Tahun Berjalan (Tahun 2025)")
    ws.cell(low, 5, "Realisasi")
    ws.cell(low, 6, "Anggaran (Rp)")
    merge(ws, top, 7, top, 8, "Rencana Tahun 2026")
    ws.cell(low, 7, "Target")
    ws.cell(low, 8, "Pagu Indikatif (Rp)")
    merge(ws, top, 9, top, 10, "Prakiraan Maju Tahun 2027")
    ws.cell(low, 9, "Target")
    ws.cell(low, 10, "Pagu (Rp)")

    def r(code, name, ind, sat, now, target, pagu):
        return [code, name, ind, sat, now, pagu * 0.9, target, pagu, target, pagu * 1.05]

    rows = [
        ("-", [1.06, "URUSAN PEMERINTAHAN BIDANG SOSIAL"]),
        (
            "Program#p1",
            r(
                "1.06.04",
                "PROGRAM REHABILITASI SOSIAL",
                "Persentase PMKS yang tertangani",
                "%",
                70,
                75,
                9e8,
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                "1.06.04.2.01",
                "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, "
                "Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial",
                "Persentase penyandang disabilitas terlantar yang terpenuhi kebutuhan dasarnya",
                "%",
                60,
                65,
                9e8,
            ),
        ),
        (
            "Sub Kegiatan#s1<k1",
            r(
                "1.06.04.2.01.0001",
                "Penyediaan Permakanan",
                "Jumlah Orang yang Mendapatkan Permakanan",
                "Org",
                400,
                450,
                6e8,
            ),
        ),
        (
            "Sub Kegiatan#s2<k1",
            r(
                "1.06.04.2.01.0002",
                "Penyediaan Sandang",
                "Jumlah Orang yang Mendapatkan Sandang",
                "Orang",
                100,
                120,
                3e8,
            ),
        ),
    ]
    truth = write_rows(ws, 5, rows)
    ws["A5"].number_format = "0.00"
    return _finish(RENJA2026, book, path, truth)


RENJA2026 = Fixture(
    "renja_2026_tahun_berjalan",
    "Renja 2026 dengan kolom Tahun Berjalan (2025)",
    build_renja_2026,
    2026,
    "G",
    "H",
)


# ------------------------------------------------------------------------------------------------
# 10. Renstra with the code split over five columns typed as numbers (1 | 2 | 2 | 2.01 | 1) and
#     years written in the header ("2025" .. "2029"), --tahun 2028.
def build_split_numbers(path: Path) -> Truth:
    book, ws = _book("Renstra Dinkes")
    ws["A1"] = "MATRIKS RENCANA PROGRAM, KEGIATAN DAN SUB KEGIATAN SERTA PENDANAAN"
    ws["A2"] = "DINAS KESEHATAN KABUPATEN CONTOH"
    top, mid, low = 4, 5, 6
    merge(ws, top, 1, low, 5, "Kode")
    merge(ws, top, 6, low, 6, "Program/Kegiatan/Sub Kegiatan")
    merge(ws, top, 7, low, 7, "Indikator Kinerja")
    merge(ws, top, 8, low, 8, "Satuan")
    merge(ws, top, 9, low, 9, "Kondisi Awal (2024)")
    merge(ws, top, 10, top, 19, "Target Kinerja dan Pagu Indikatif")
    for n, year in enumerate(range(2025, 2030)):
        col = 10 + 2 * n
        merge(ws, mid, col, mid, col + 1, year)
        ws.cell(low, col, "Target")
        ws.cell(low, col + 1, "Pagu (Rp)")
    merge(ws, top, 20, low, 20, "Kondisi Akhir")
    for c in range(1, 21):
        ws.cell(7, c, c)

    def r(code, name, ind, sat, base, t, pagu):
        values = [*code, *[None] * (5 - len(code)), name, ind, sat, base]
        for _n in range(5):
            values += [t, pagu]
        return [*values, t]

    rows = [
        ("-", [1, 2, None, None, None, "URUSAN PEMERINTAHAN BIDANG KESEHATAN"]),
        (
            "Program#p1",
            r(
                [1, 2, 2],
                "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
                "Angka Kematian Bayi",
                "per 1.000 KH",
                9,
                8,
                5e9,
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                [1, 2, 2, 2.01],
                "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah "
                "Kabupaten/Kota",
                "Persentase puskesmas sesuai standar",
                "%",
                80,
                85,
                3e9,
            ),
        ),
        (
            "Sub Kegiatan#s1<k1",
            r(
                [1, 2, 2, 2.01, 2],
                "Pembangunan Puskesmas",
                "Jumlah Pusat Kesehatan Masyarakat (Puskesmas) yang Dibangun",
                "Unit",
                0,
                1,
                3e9,
            ),
        ),
        (
            "Kegiatan#k2<p1",
            r(
                [1, 2, 2, 2.02],
                "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
                "Kabupaten/Kota",
                "Persentase ibu hamil mendapat pelayanan",
                "%",
                95,
                100,
                2e9,
            ),
        ),
        (
            "Sub Kegiatan#s2<k2",
            r(
                [1, 2, 2, 2.02, 1],
                "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
                "Orang",
                5000,
                5100,
                1e9,
            ),
        ),
        (
            "Sub Kegiatan#s3<k2",
            r(
                [1, 2, 2, 2.02, 2],
                "Pengelolaan Pelayanan Kesehatan Ibu Bersalin",
                "Jumlah Ibu Bersalin yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
                "Orang",
                4900,
                5000,
                1e9,
            ),
        ),
    ]
    return _finish(SPLIT, book, path, write_rows(ws, 8, rows))


SPLIT = Fixture(
    "renstra_kode_angka",
    "Renstra, kode 5 kolom berupa angka, tahun di judul kolom, --tahun 2028",
    build_split_numbers,
    2028,
    "P",
    "Q",
    tahun=2028,
)


# ------------------------------------------------------------------------------------------------
# 11. Summary table (Tabel 2.1 style, 2024): tujuan, sasaran and program with their indicators.
def build_ringkas_2024(path: Path) -> Truth:
    book, ws = _book("Tabel 2.1")
    ws["A1"] = "Tabel 2.1 Tujuan, Sasaran, Program dan Indikator Kinerja Tahun 2024"
    head = [
        "Tujuan",
        "Sasaran",
        "Indikator Sasaran",
        "Target 2024",
        "Program",
        "Indikator Program",
        "Target 2024",
        "Pagu 2024 (Rp)",
    ]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    rows = [
        (
            "Tujuan#t1;Sasaran#s1<t1;Program#p1<s1",
            [
                "Meningkatkan kualitas ASN",
                "Meningkatnya profesionalitas ASN",
                "Indeks Profesionalitas ASN",
                72,
                "Program Kepegawaian Daerah",
                "Persentase ASN yang naik pangkat tepat waktu",
                "95%",
                1.2e9,
            ],
        ),
        (
            "+",
            [None, None, None, None, None, "Persentase data ASN mutakhir", "100%"],
        ),
        (
            "Program#p2<s1",
            [
                None,
                None,
                None,
                None,
                "Program Pengembangan Sumber Daya Manusia",
                "Persentase ASN yang mengikuti pengembangan kompetensi",
                "60%",
                8e8,
            ],
        ),
        (
            "Sasaran#s2<t1;Program#p3<s2",
            [
                None,
                "Meningkatnya akuntabilitas kinerja",
                "Nilai SAKIP",
                "BB",
                "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                "Persentase dokumen perencanaan tepat waktu",
                "100%",
                2e9,
            ],
        ),
    ]
    truth, skipped = write_rows(ws, 4, rows)
    merge(ws, 4, 1, 7, 1, "Meningkatkan kualitas ASN")
    merge(ws, 4, 2, 6, 2, "Meningkatnya profesionalitas ASN")
    merge(ws, 4, 3, 6, 3, "Indeks Profesionalitas ASN")
    merge(ws, 4, 4, 6, 4, 72)
    return _finish(RINGKAS, book, path, (truth, skipped))


RINGKAS = Fixture(
    "ringkas_tabel_2_1",
    "tabel ringkas tujuan/sasaran/program, 2024",
    build_ringkas_2024,
    2024,
    ("D", "G"),
    "H",
)


# ------------------------------------------------------------------------------------------------
# 12. SIPD sub kegiatan target sheet (2024): Kode Rekening, name, satuan, target, TW I-IV, pagu
#     in ribuan; no indicator column.
def build_sipd_target_2024(path: Path) -> Truth:
    book, ws = _book("Target")
    ws["A1"] = "TARGET KINERJA SUB KEGIATAN TAHUN ANGGARAN 2024"
    ws["A2"] = "Perangkat Daerah : Dinas Lingkungan Hidup"
    head = [
        "No",
        "Kode Rekening",
        "Program/Kegiatan/Sub Kegiatan",
        "Satuan",
        "Target",
        "TW I",
        "TW II",
        "TW III",
        "TW IV",
        "Pagu Anggaran (Ribuan Rp)",
    ]
    for c, text in enumerate(head, start=1):
        ws.cell(4, c, text)
    rows = [
        ("-", [None, "2.11", "URUSAN PEMERINTAHAN BIDANG LINGKUNGAN HIDUP"]),
        ("Program#p1", [1, "2.11.11", "PROGRAM PENGELOLAAN PERSAMPAHAN"] + [None] * 6 + [3000]),
        (
            "Kegiatan#k1<p1",
            [
                None,
                "2.11.11.2.01",
                "Pengelolaan Sampah",
            ]
            + [None] * 6
            + [3000],
        ),
        (
            "Sub Kegiatan#s1<k1",
            [
                None,
                "2.11.11.2.01.0012",
                "Penanganan sampah melalui pengangkutan",
                "Ton",
                12000,
                3000,
                3000,
                3000,
                3000,
                2000,
            ],
        ),
        (
            "Sub Kegiatan#s2<k1",
            [
                None,
                "2.11.11.2.01.0009",
                "Pengoperasian dan Pemeliharaan sarana penanganan sampah",
                "Unit",
                4,
                1,
                1,
                1,
                1,
                1000,
            ],
        ),
    ]
    return _finish(SIPDTARGET, book, path, write_rows(ws, 5, rows))


SIPDTARGET = Fixture(
    "sipd_target_sub_kegiatan",
    "lembar target sub kegiatan SIPD, pagu ribuan",
    build_sipd_target_2024,
    2024,
    "E",
    "J",
    scale=1000,
)


# ------------------------------------------------------------------------------------------------
# 13. Pre-2019 Renja without codes (2016): "Program ..." names, kegiatan without a prefix, the No
#     column numbering 1 / 1.1, a program with two indicators.
def build_old_names_2016(path: Path) -> Truth:
    book, ws = _book("Renja")
    ws["A1"] = "RENCANA KERJA KANTOR KECAMATAN UTARA TAHUN 2016"
    head = ["No", "Program/Kegiatan", "Indikator Kinerja", "Target", "Pagu Indikatif (Rp)"]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    for c in range(1, 6):
        ws.cell(4, c, c)
    rows = [
        (
            "Program#p1",
            [1, "Program Peningkatan Pelayanan Kecamatan", "Indeks kepuasan masyarakat", "80", 4e8],
        ),
        ("+", [None, None, "Persentase pelayanan selesai tepat waktu", "95%"]),
        (
            "Kegiatan#k1<p1",
            [
                "1.1",
                "Pelayanan Administrasi Terpadu Kecamatan",
                "Jumlah layanan PATEN",
                "3.000",
                2.5e8,
            ],
        ),
        (
            "Kegiatan#k2<p1",
            ["1.2", "Fasilitasi Musrenbang Kecamatan", "Jumlah usulan musrenbang", "60", 1.5e8],
        ),
        (
            "Program#p2",
            [2, "Program Pemberdayaan Masyarakat Desa", "Jumlah LPM aktif", "12", 1e8],
        ),
        (
            "Kegiatan#k3<p2",
            ["2.1", "Pembinaan Lembaga Kemasyarakatan", "Jumlah LPM yang dibina", "12", 1e8],
        ),
        ("-", [None, "Jumlah", None, None, 5e8]),
    ]
    return _finish(OLDNAMES, book, path, write_rows(ws, 5, rows))


OLDNAMES = Fixture(
    "renja_2016_tanpa_kode",
    "Renja pra-2019 tanpa kode, kegiatan tanpa awalan",
    build_old_names_2016,
    2016,
    "D",
    "E",
)


# ------------------------------------------------------------------------------------------------
# 14. Renja 2025 with a Sasaran column beside coded programs, the code split over five columns
#     under one "Kode" header (U | BU | P | K | SK) and two-digit sub kegiatan parts.
def build_sasaran_split_2025(path: Path) -> Truth:
    book, ws = _book("Renja 2025")
    ws["A1"] = "RENCANA KERJA BADAN PENDAPATAN DAERAH TAHUN 2025"
    merge(ws, 3, 1, 4, 1, "Sasaran")
    merge(ws, 3, 2, 3, 6, "Kode")
    for c, text in enumerate(("U", "BU", "P", "K", "SK"), start=2):
        ws.cell(4, c, text)
    merge(ws, 3, 7, 4, 7, "Program/Kegiatan/Sub Kegiatan")
    merge(ws, 3, 8, 4, 8, "Indikator Kinerja")
    merge(ws, 3, 9, 3, 11, "Tahun 2025")
    for c, text in enumerate(("Target", "Satuan", "Pagu (Rp)"), start=9):
        ws.cell(4, c, text)

    rows = [
        (
            "Sasaran#s0;Program#p1<s0",
            [
                None,
                5,
                "02",
                "01",
                None,
                None,
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                "Nilai SAKIP",
                "BB",
                "Predikat",
                2e9,
            ],
        ),
        (
            "Kegiatan#k1<p1",
            [
                None,
                5,
                "02",
                "01",
                "2.02",
                None,
                "Administrasi Keuangan Perangkat Daerah",
                "Persentase laporan keuangan tepat waktu",
                100,
                "%",
                2e9,
            ],
        ),
        (
            "Sub Kegiatan#s1<k1",
            [
                None,
                5,
                "02",
                "01",
                "2.02",
                "01",
                "Penyediaan Gaji dan Tunjangan ASN",
                "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
                85,
                "Orang",
                2e9,
            ],
        ),
        (
            "Program#p2<s0",
            [
                None,
                5,
                "02",
                "02",
                None,
                None,
                "PROGRAM PENGELOLAAN KEUANGAN DAERAH",
                "Persentase realisasi pendapatan daerah",
                100,
                "%",
                1e9,
            ],
        ),
        (
            "Kegiatan#k2<p2",
            [
                None,
                5,
                "02",
                "02",
                "2.02",
                None,
                "Koordinasi dan Pengelolaan Perbendaharaan Daerah",
                "Persentase target pendapatan tercapai",
                100,
                "%",
                1e9,
            ],
        ),
        (
            "Sub Kegiatan#s2<k2",
            [
                None,
                5,
                "02",
                "02",
                "2.02",
                "01",
                "Koordinasi dan Pengelolaan Kas Daerah",
                "Jumlah Dokumen Hasil Koordinasi dan Pengelolaan Kas Daerah",
                2,
                "Dokumen",
                1e9,
            ],
        ),
    ]
    truth, skipped = write_rows(ws, 5, rows)
    merge(ws, 5, 1, 10, 1, "Meningkatnya pendapatan asli daerah")
    return _finish(SASARANSPLIT, book, path, (truth, skipped))


SASARANSPLIT = Fixture(
    "renja_sasaran_kode_5_kolom",
    "Renja 2025, kolom Sasaran, kode U|BU|P|K|SK, sub kegiatan 2 digit",
    build_sasaran_split_2025,
    2025,
    "I",
    "K",
)


# ------------------------------------------------------------------------------------------------
# 15. Renstra Tabel 6.1 (2021-2026): tujuan and sasaran on their own rows with their indicators,
#     X.XX placeholder codes, calendar years over Target/Rp pairs, kondisi awal and akhir, the
#     header repeated on the next printed page; --tahun 2024.
def build_tabel_61(path: Path) -> Truth:
    book, ws = _book("Tabel 6.1")
    ws["A1"] = "Tabel 6.1"
    ws["A2"] = (
        "Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan Indikatif Sekretariat DPRD "
        "Tahun 2021-2026"
    )
    top, mid, low = 4, 5, 6
    heads = [
        "Tujuan",
        "Sasaran",
        "Kode",
        "Program, Kegiatan dan Sub Kegiatan",
        "Indikator Kinerja Tujuan, Sasaran, Program, Kegiatan dan Sub Kegiatan",
        "Satuan",
        "Kondisi Kinerja Awal (2021)",
    ]
    for c, text in enumerate(heads, start=1):
        merge(ws, top, c, low, c, text)
    merge(ws, top, 8, top, 19, "Target Kinerja dan Kerangka Pendanaan")
    for n, label in enumerate([*range(2022, 2027), "Kondisi Kinerja pada Akhir Periode Renstra"]):
        col = 8 + 2 * n
        merge(ws, mid, col, mid, col + 1, label)
        ws.cell(low, col, "Target")
        ws.cell(low, col + 1, "Rp")
    merge(ws, top, 20, low, 20, "Perangkat Daerah Penanggung Jawab")

    def r(tujuan, sasaran, code, name, ind, sat, base, t, pagu=None):
        values = [tujuan, sasaran, code, name, ind, sat, base]
        for _ in range(6):
            values += [t, pagu]
        return [*values, "Sekretariat DPRD"]

    rows = [
        (
            "Tujuan#t1",
            r(
                "Meningkatnya kinerja DPRD",
                None,
                None,
                None,
                "Persentase Perda inisiatif yang ditetapkan",
                "%",
                50,
                60,
            ),
        ),
        (
            "Sasaran#s1<t1",
            r(
                None,
                "Meningkatnya kualitas fungsi legislasi",
                None,
                None,
                "Jumlah Perda yang ditetapkan",
                "Perda",
                10,
                12,
            ),
        ),
        (
            "Program#p1<s1",
            r(
                None,
                None,
                "X.XX.01",
                "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                "Nilai SAKIP Sekretariat DPRD",
                "Nilai",
                65,
                70,
                6e9,
            ),
        ),
        (
            "Kegiatan#k1<p1",
            r(
                None,
                None,
                "X.XX.01.2.02",
                "Administrasi Keuangan Perangkat Daerah",
                "Persentase administrasi keuangan tertib",
                "%",
                100,
                100,
                6e9,
            ),
        ),
        (
            "Sub Kegiatan#s2<k1",
            r(
                None,
                None,
                "X.XX.01.2.02.0001",
                "Penyediaan Gaji dan Tunjangan ASN",
                "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
                "Orang",
                60,
                62,
                6e9,
            ),
        ),
        ("-", [*heads, "Target Kinerja dan Kerangka Pendanaan"]),
        (
            "Program#p2<s1",
            r(
                None,
                None,
                "4.02.02",
                "PROGRAM DUKUNGAN PELAKSANAAN TUGAS DAN FUNGSI DPRD",
                "Persentase pembahasan Raperda tepat waktu",
                "%",
                80,
                90,
                2e9,
            ),
        ),
        (
            "Kegiatan#k2<p2",
            r(
                None,
                None,
                "4.02.02.2.01",
                "Pembentukan Peraturan Daerah dan Peraturan DPRD",
                "Jumlah Raperda yang dibahas",
                "Raperda",
                10,
                12,
                2e9,
            ),
        ),
    ]
    return _finish(TABEL61, book, path, write_rows(ws, 7, rows))


TABEL61 = Fixture(
    "renstra_tabel_6_1",
    "Renstra Tabel 6.1, tujuan/sasaran di barisnya sendiri, X.XX, --tahun 2024",
    build_tabel_61,
    2024,
    "L",
    "M",
    tahun=2024,
)


# ------------------------------------------------------------------------------------------------
# 16. Renja 2024 without codes whose kegiatan and sub kegiatan names are the agency's own (not
#     national): only the No column's numbering (1, 1.1, 1.1.1) tells the levels apart.
def build_numbered_names_2024(path: Path) -> Truth:
    book, ws = _book("Renja Kecamatan")
    ws["A1"] = "RENCANA KERJA KECAMATAN SELATAN TAHUN 2024"
    head = ["No", "Uraian", "Indikator", "Satuan", "Target", "Anggaran (Rp)"]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    rows = [
        (
            "Program#p1",
            ["1", "Program Penyelenggaraan Pemerintahan Kecamatan", "IKM", "Indeks", 82, 6e8],
        ),
        (
            "Kegiatan#k1<p1",
            ["1.1", "Pelayanan Terpadu di Kecamatan", "Layanan selesai", "%", 95, 4e8],
        ),
        (
            "Sub Kegiatan#s1<k1",
            ["1.1.1", "Layanan Perizinan Non Usaha", "Izin terbit", "Izin", 300, 2e8],
        ),
        (
            "Sub Kegiatan#s2<k1",
            ["1.1.2", "Layanan Administrasi Kependudukan", "Dokumen", "Dok", 900, 2e8],
        ),
        ("Kegiatan#k2<p1", ["1.2", "Koordinasi Ketenteraman Wilayah", "Rapat", "Kali", 12, 2e8]),
        ("Sub Kegiatan#s3<k2", ["1.2.1", "Rapat Koordinasi Muspika", "Rapat", "Kali", 12, 2e8]),
        (
            "Program#p2",
            ["2", "Program Pemberdayaan Masyarakat Kelurahan", "LPM aktif", "%", 80, 3e8],
        ),
        (
            "Kegiatan#k3<p2",
            ["2.1", "Pembinaan Lembaga Kemasyarakatan", "LPM dibina", "Lembaga", 9, 3e8],
        ),
        ("Kegiatan#k4<p2", ["2.2", "Pelatihan Kader Kelurahan", "Kader dilatih", "Orang", 45, 0]),
    ]
    return _finish(NUMBERED, book, path, write_rows(ws, 4, rows))


NUMBERED = Fixture(
    "renja_2024_nomor_bertingkat",
    "Renja 2024 tanpa kode, nama setempat, tingkat dari nomor 1 / 1.1 / 1.1.1",
    build_numbered_names_2024,
    2024,
    "E",
    "F",
)


# ------------------------------------------------------------------------------------------------
# 17. Pre-2019 Renja (2018) with "Tolok Ukur Kinerja" for the indicator and Permendagri 13 codes.
def build_tolok_ukur_2018(path: Path) -> Truth:
    book, ws = _book("Renja 2018")
    ws["A1"] = "RENCANA KERJA SKPD TAHUN 2018"
    head = [
        "Kode Rekening",
        "Uraian Program/Kegiatan",
        "Tolok Ukur Kinerja",
        "Target Kinerja",
        "Pagu Indikatif (Rp)",
    ]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    rows = [
        (
            "Program#p",
            [
                "1.20.1.20.01",
                "Program Pelayanan Administrasi Perkantoran",
                "Cakupan pelayanan administrasi",
                "100%",
                5e8,
            ],
        ),
        (
            "Kegiatan#k<p",
            [
                "1.20.1.20.01.01",
                "Penyediaan Jasa Surat Menyurat",
                "Jumlah surat terkirim",
                "1.200 surat",
                2e8,
            ],
        ),
        (
            "Kegiatan#k2<p",
            ["1.20.1.20.01.02", "Penyediaan Alat Tulis Kantor", "Jumlah ATK", "12 bulan", 3e8],
        ),
    ]
    return _finish(TOLOK, book, path, write_rows(ws, 4, rows))


TOLOK = Fixture(
    "renja_2018_tolok_ukur",
    "Renja 2018, 'Tolok Ukur Kinerja'",
    build_tolok_ukur_2018,
    2018,
    "D",
    "E",
)


# ------------------------------------------------------------------------------------------------
# 18. A Program | Kegiatan | Sub Kegiatan matrix (one column per level), 2025.
def build_level_columns_2025(path: Path) -> Truth:
    book, ws = _book("Matriks Renja")
    ws["A1"] = "MATRIKS RENCANA KERJA DINAS PERTANIAN TAHUN 2025"
    head = [
        "Program",
        "Kegiatan",
        "Sub Kegiatan",
        "Indikator Kinerja",
        "Target",
        "Satuan",
        "Pagu (Rp)",
    ]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    rows = [
        (
            "Program#p",
            [
                "PROGRAM PENYEDIAAN DAN PENGEMBANGAN SARANA PERTANIAN",
                None,
                None,
                "Persentase sarana pertanian memadai",
                80,
                "%",
                1e9,
            ],
        ),
        (
            "Kegiatan#k<p",
            [
                None,
                "Pengawasan Penggunaan Sarana Pertanian",
                None,
                "Persentase sarana diawasi",
                100,
                "%",
                1e9,
            ],
        ),
        (
            "Sub Kegiatan#s<k",
            [None, None, "Pengawasan Penggunaan Pupuk", "Jumlah laporan pengawasan", 4, "Lap", 6e8],
        ),
        (
            "Sub Kegiatan#s2<k",
            [None, None, "Pengawasan Penggunaan Pestisida", "Jumlah laporan", 4, "Lap", 4e8],
        ),
        ("+", [None, None, None, "Jumlah kios diawasi", 30, "Unit"]),
    ]
    return _finish(LEVELCOLS, book, path, write_rows(ws, 4, rows))


LEVELCOLS = Fixture(
    "matriks_kolom_per_tingkat",
    "Program | Kegiatan | Sub Kegiatan dalam kolom sendiri, 2025",
    build_level_columns_2025,
    2025,
    "E",
    "G",
)


# ------------------------------------------------------------------------------------------------
# 19. RKPD priority programme table (2025): Prioritas Daerah and Sasaran Daerah merged beside
#     coded items, Perangkat Daerah column.
def build_rkpd_prioritas_2025(path: Path) -> Truth:
    book, ws = _book("RKPD")
    ws["A1"] = "RENCANA PROGRAM PRIORITAS DAERAH TAHUN 2025"
    head = [
        "No",
        "Prioritas Daerah",
        "Sasaran Daerah",
        "Kode",
        "Program/Kegiatan/Sub Kegiatan",
        "Indikator Kinerja",
        "Lokasi",
        "Target",
        "Pagu Indikatif (Rp)",
        "Sumber Dana",
        "Perangkat Daerah",
    ]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    rows = [
        (
            "Sasaran#s;Program#p<s",
            [
                1,
                "Peningkatan kualitas SDM",
                "Meningkatnya derajat kesehatan",
                "1.02.02",
                "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
                "Angka Kematian Ibu",
                "Kab",
                "85",
                5e9,
                "DAU",
                "Dinas Kesehatan",
            ],
        ),
        (
            "Kegiatan#k<p",
            [
                None,
                None,
                None,
                "1.02.02.2.02",
                "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
                "Kabupaten/Kota",
                "Persentase ibu hamil dilayani",
                "Kab",
                "100%",
                5e9,
                "DAU",
                "Dinas Kesehatan",
            ],
        ),
        (
            "Sub Kegiatan#s1<k",
            [
                None,
                None,
                None,
                "1.02.02.2.02.0001",
                "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
                "Kab",
                "5120 Orang",
                5e9,
                "DAU",
                "Dinas Kesehatan",
            ],
        ),
    ]
    truth, skipped = write_rows(ws, 4, rows)
    merge(ws, 4, 2, 6, 2, "Peningkatan kualitas SDM")
    merge(ws, 4, 3, 6, 3, "Meningkatnya derajat kesehatan")
    return _finish(PRIORITAS, book, path, (truth, skipped))


PRIORITAS = Fixture(
    "rkpd_program_prioritas",
    "RKPD program prioritas, sasaran daerah digabung, 2025",
    build_rkpd_prioritas_2025,
    2025,
    "H",
    "I",
)


# ------------------------------------------------------------------------------------------------
# 20. A Renja 2025 printed over two pages: the header and the column numbers repeated on the
#     second page, grouping rows merged over the code and name columns, codes with a trailing dot.
def build_two_pages_2025(path: Path) -> Truth:
    book, ws = _book("Lampiran Renja")
    ws["A1"] = "RENCANA KERJA DINAS PENDIDIKAN TAHUN 2025"
    head = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Satuan", "Pagu (Rp)"]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    for c in range(1, 7):
        ws.cell(4, c, c)
    rows = [
        ("-", ["URUSAN PEMERINTAHAN BIDANG PENDIDIKAN"]),
        (
            "Program#p1",
            ["1.01.02.", "PROGRAM PENGELOLAAN PENDIDIKAN", "APM SD", 98, "%", 4e9],
        ),
        (
            "Kegiatan#k1<p1",
            [
                "1.01.02.2.01.",
                "Pengelolaan Pendidikan Sekolah Dasar",
                "Persentase SD terakreditasi minimal B",
                90,
                "%",
                4e9,
            ],
        ),
        (
            "Sub Kegiatan#s1<k1",
            [
                "1.01.02.2.01.0001",
                "Pembangunan Unit Sekolah Baru (USB)",
                "Jumlah Sekolah Baru yang Terbangun",
                2,
                "Unit",
                3e9,
            ],
        ),
        ("-", head),
        ("-", [1, 2, 3, 4, 5, 6]),
        (
            "Sub Kegiatan#s2<k1",
            [
                "1.01.02.2.01.0003",
                "Pembangunan Ruang Guru/Kepala Sekolah/TU",
                "Jumlah Ruang Guru/Kepala Sekolah/TU yang Terbangun",
                4,
                "Ruang",
                1e9,
            ],
        ),
        ("-", [None, "JUMLAH", None, None, None, 4e9]),
    ]
    truth, skipped = write_rows(ws, 5, rows)
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=3)
    return _finish(TWOPAGES, book, path, (truth, skipped))


TWOPAGES = Fixture(
    "renja_dua_halaman",
    "Renja 2025 dua halaman: judul dan nomor kolom diulang, baris urusan digabung",
    build_two_pages_2025,
    2025,
    "D",
    "F",
)


# ------------------------------------------------------------------------------------------------
# 21. A Renja whose year is a number beside a label above the table ("Tahun Anggaran" | ":" |
#     2025), sub kegiatan codes with two-digit parts in one column.
def build_year_beside_label(path: Path) -> Truth:
    book, ws = _book("Sheet1")
    ws["A1"] = "RENCANA KERJA PERANGKAT DAERAH"
    ws["A2"], ws["B2"], ws["C2"] = "Tahun Anggaran", ":", 2025
    ws["A3"], ws["B3"], ws["C3"] = "Perangkat Daerah", ":", "Dinas Kesehatan"
    head = ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Satuan", "Pagu"]
    for c, text in enumerate(head, start=1):
        ws.cell(5, c, text)
    rows = [
        (
            "Program#p",
            [
                "1.02.02",
                "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT",
                "Angka Kematian Ibu",
                85,
                "per 100.000 KH",
                3e8,
            ],
        ),
        (
            "Kegiatan#k<p",
            [
                "1.02.02.2.02",
                "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
                "Kabupaten/Kota",
                "Persentase ibu hamil dilayani",
                100,
                "%",
                3e8,
            ],
        ),
        (
            "Sub Kegiatan#s<k",
            [
                "1.02.02.2.02.01",
                "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
                5000,
                "Orang",
                3e8,
            ],
        ),
    ]
    return _finish(YEARLABEL, book, path, write_rows(ws, 6, rows))


YEARLABEL = Fixture(
    "renja_tahun_di_samping_label",
    "Renja, tahun sebagai angka di samping 'Tahun Anggaran :', kode SS 2 digit",
    build_year_beside_label,
    2025,
    "D",
    "F",
)


# ------------------------------------------------------------------------------------------------
# 22. A coded RKPD table with one name column per level (Kode | Program | Kegiatan | Sub Kegiatan).
def build_coded_level_columns(path: Path) -> Truth:
    book, ws = _book("RKPD 2025")
    ws["A1"] = "RENCANA KERJA DINAS LINGKUNGAN HIDUP TAHUN 2025"
    head = ["Kode", "Program", "Kegiatan", "Sub Kegiatan", "Indikator", "Target", "Satuan", "Pagu"]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    rows = [
        (
            "Program#p",
            [
                "2.11.11",
                "PROGRAM PENGELOLAAN PERSAMPAHAN",
                None,
                None,
                "Persentase sampah tertangani",
                80,
                "%",
                3e9,
            ],
        ),
        (
            "Kegiatan#k<p",
            [
                "2.11.11.2.01",
                None,
                "Pengelolaan Sampah",
                None,
                "Persentase sampah terangkut",
                75,
                "%",
                3e9,
            ],
        ),
        (
            "Sub Kegiatan#s<k",
            [
                "2.11.11.2.01.0012",
                None,
                None,
                "Penanganan sampah melalui pengangkutan",
                "Jumlah sampah yang tertangani melalui proses pengangkutan",
                12000,
                "Ton",
                3e9,
            ],
        ),
    ]
    return _finish(CODEDLEVELS, book, path, write_rows(ws, 4, rows))


CODEDLEVELS = Fixture(
    "rkpd_kode_kolom_per_tingkat",
    "RKPD berkode, nama program/kegiatan/sub kegiatan di kolom masing-masing",
    build_coded_level_columns,
    2025,
    "F",
    "H",
)


# ------------------------------------------------------------------------------------------------
# 23. Renja 2024 without codes whose grouping rows name the bidang bare ("KESEHATAN") above its
#     programs, with the bidang's pagu total.
def build_bare_bidang_2024(path: Path) -> Truth:
    book, ws = _book("Renja")
    ws["A1"] = "RENJA DINAS KESEHATAN, PENGENDALIAN PENDUDUK DAN KB TAHUN 2024"
    head = ["No", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Target", "Satuan", "Pagu"]
    for c, text in enumerate(head, start=1):
        ws.cell(3, c, text)
    rows = [
        ("-", [None, "KESEHATAN", None, None, None, 5e8]),
        (
            "Program#p",
            [
                1,
                "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
                "Angka Kematian Ibu",
                85,
                "per 100.000 KH",
                5e8,
            ],
        ),
        (
            "Kegiatan#k<p",
            [
                None,
                "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah "
                "Kabupaten/Kota",
                "Persentase ibu hamil dilayani",
                100,
                "%",
                5e8,
            ],
        ),
        (
            "Sub Kegiatan#s<k",
            [
                None,
                "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
                5000,
                "Orang",
                5e8,
            ],
        ),
        ("-", [None, "PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA", None, None, None, 1e8]),
        (
            "Program#p2",
            [
                2,
                "Program Pembinaan Keluarga Berencana (KB)",
                "Angka pemakaian kontrasepsi",
                70,
                "%",
                1e8,
            ],
        ),
    ]
    return _finish(BAREBIDANG, book, path, write_rows(ws, 4, rows))


BAREBIDANG = Fixture(
    "renja_bidang_tanpa_awalan",
    "Renja tanpa kode, baris bidang bernama polos ('KESEHATAN') di atas programnya",
    build_bare_bidang_2024,
    2024,
    "D",
    "F",
)


FIXTURES = [
    TC29,
    TC30,
    SIPD,
    TC27,
    SESENDOK,
    RENJA2017,
    NAMES,
    NEEDS,
    RENJA2026,
    SPLIT,
    RINGKAS,
    SIPDTARGET,
    OLDNAMES,
    SASARANSPLIT,
    TABEL61,
    NUMBERED,
    TOLOK,
    LEVELCOLS,
    PRIORITAS,
    TWOPAGES,
    YEARLABEL,
    CODEDLEVELS,
    BAREBIDANG,
]


# ------------------------------------------------------------------------------------------------
# Non-tables that must be refused.
def build_nomenclature_list(path: Path) -> None:
    book, ws = _book("Nomenklatur")
    ws.append(["KODE", "NOMENKLATUR URUSAN KABUPATEN/KOTA", "KINERJA", "INDIKATOR", "SATUAN"])
    ws.append(["1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN", None, None, None])
    ws.append(
        [
            "1.02.02.2.01.0002",
            "Pembangunan Puskesmas",
            "Terbangunnya Pusat Kesehatan Masyarakat",
            "Jumlah Pusat Kesehatan Masyarakat (Puskesmas) yang Dibangun",
            "Unit",
        ]
    )
    ws.append(
        [
            "1.02.02.2.02.0001",
            "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
            "Terkelolanya Pelayanan Kesehatan Ibu Hamil Sesuai Standar",
            "Jumlah Ibu Hamil yang Mendapatkan Pelayanan Kesehatan Sesuai Standar",
            "Orang",
        ]
    )
    book.save(path)


def build_letter(path: Path) -> None:
    book, ws = _book("Surat")
    ws["A1"] = "Nomor: 050/123/Bappeda"
    ws["A3"] = "Perihal: Penyampaian Renja Tahun 2025"
    ws["A5"] = "Bersama ini kami sampaikan dokumen Renja untuk dapat diperiksa."
    book.save(path)


NON_TABLES: list[tuple[str, Callable[[Path], None]]] = [
    ("daftar_nomenklatur", build_nomenclature_list),
    ("surat_pengantar", build_letter),
]


# ------------------------------------------------------------------------------------------------
# Measuring a reading against the truth.
@dataclass
class Score:
    name: str
    layout: str
    year_ok: bool
    columns_ok: bool
    levels: float  # share of item rows whose levels are right (extra item rows count as wrong)
    parents: float  # share whose levels and parent rows are right
    skipped_ok: bool  # every non-item row listed in dilewati, every row accounted for
    detail: list[str] = field(default_factory=list)


def _letters(item: object) -> str | None:
    return item.get("kolom") if isinstance(item, dict) else None


def _filled_rows(path: Path, below: int) -> set[int]:
    sheet = openpyxl.load_workbook(path).active
    return {
        row[0].row
        for row in sheet.iter_rows(min_row=below + 1)
        if any(c.value is not None and str(c.value).strip() for c in row)
    }


def measure(fixture: Fixture, folder: Path) -> Score:
    from pokin_xl.errors import InputError
    from pokin_xl.inspect import inspect_workbook

    path = folder / f"{fixture.name}.xlsx"
    truth = fixture.build(path)
    try:
        reading = inspect_workbook(path, tahun=fixture.tahun)
    except InputError as exc:
        return Score(fixture.name, fixture.layout, False, False, 0.0, 0.0, False, [str(exc)])
    detail: list[str] = []
    year_ok = reading["tahun"] == fixture.year
    if not year_ok:
        detail.append(f"tahun {reading['tahun']} ({reading['tahun_dari']})")
    columns = reading["kolom"]
    wanted = fixture.target if isinstance(fixture.target, tuple) else (fixture.target,)
    target = _letters(columns.get("target"))
    pagu = columns.get("pagu")
    columns_ok = target in wanted and _letters(pagu) == fixture.pagu
    if fixture.pagu and isinstance(pagu, dict):
        columns_ok = columns_ok and pagu.get("skala", 1) == fixture.scale
    if not columns_ok:
        detail.append(f"target {target}, pagu {pagu}")
    read: dict[int, list[tuple[str, int | None]]] = {}
    for entry in reading["baris"]:
        read.setdefault(entry["baris"], []).append((entry["tingkat"], entry["induk"]))
    rows = sorted(set(truth) | set(read))
    levels = parents = 0
    for row in rows:
        want = sorted(truth.get(row, []), key=str)
        got = sorted(read.get(row, []), key=str)
        if sorted(w[0] for w in want) == sorted(g[0] for g in got):
            levels += 1
            if want == got:
                parents += 1
            else:
                detail.append(f"baris {row}: induk {got} != {want}")
        else:
            detail.append(f"baris {row}: {got} != {want}")
    skipped = {e["baris"] for e in reading["dilewati"]}
    unaccounted = _filled_rows(path, max(reading["header"])) - skipped - set(read)
    skipped_ok = fixture.skipped <= skipped and not (skipped & set(truth)) and not unaccounted
    if unaccounted:
        detail.append(f"baris tidak di baris maupun dilewati: {sorted(unaccounted)}")
    if not skipped_ok:
        detail.append(f"dilewati {sorted(skipped)} (harus memuat {sorted(fixture.skipped)})")
    total = len(rows) or 1
    return Score(
        fixture.name,
        fixture.layout,
        year_ok,
        columns_ok,
        levels / total,
        parents / total,
        skipped_ok,
        detail,
    )


def numbering_cases() -> list[tuple[str, str]]:
    """No-column texts and the outline style each stands for."""
    return [
        ("1", "n1"),
        ("12.", "n1"),
        ("1.1", "n2"),
        ("2.10.3", "n3"),
        ("IV", "R"),
        ("I", "R"),
        ("A", "A"),
        ("b)", "a"),
        ("(c)", "a"),
        ("-", "-"),
        ("", ""),
        ("Jumlah", ""),
    ]
