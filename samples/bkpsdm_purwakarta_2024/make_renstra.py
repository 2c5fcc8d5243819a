"""Transcribes Tabel 2.1 of the seed report (section 2.3, "Keterkaitan Visi, Misi, Tujuan, Sasaran
dan Program pada BKPSDM Kabupaten Purwakarta", source: Renstra BKPSDM Kabupaten Purwakarta
Tahun 2024-2026) into `renstra.xlsx`, in the summary-table layout the document prints.

Values are kept as the document writes them - text, with Indonesian decimals ('1,00', '51,01'),
categories ('Sangat Rendah', 'Baik') and its numbering ('1. ...'). Tujuan, sasaran, the sasaran's
indicator and target, and the program are merged cells over the rows of the program's indicators,
as in the printed table. The table is printed over three pages with its header repeated; the
sheet has the header once. The subtitle repeats the period named by the table's source line.

Run from the repository root:  .venv/bin/python samples/bkpsdm_purwakarta_2024/make_renstra.py
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).parent

TITLE = [
    "Tabel 2.1",
    "Keterkaitan Visi, Misi, Tujuan, Sasaran dan Program Pada BKPSDM Kabupaten Purwakarta",
    "Renstra BKPSDM Kabupaten Purwakarta Tahun 2024-2026",
    "Visi : PURWAKARTA CERDAS, SEHAT DAN BERAKHLAKUL KARIMAH",
    "Misi : (1) Meningkatkan Kualitas SDM Yang Berpendidikan dan Berakhlakul Karimah",
    "(5) Mewujudkan Penyelenggaraan Pemerintahan Daerah Yang Efektif, Efisien, Bersih dari KKN dan "
    "memiliki Kepedulian Terhadap Masyarakat",
]
HEADERS = [
    "Tujuan",
    "Sasaran",
    "Indikator Tujuan/Sasaran",
    "Target 2024",
    "Program",
    "Indikator Program",
    "Satuan Target",
    "Target 2024",
]
SOURCE = "Sumber : Renstra BKPSDM Kabupaten Purwakarta Tahun 2024-2026"

# Each block: a tujuan, its sasaran; each sasaran: its indicators (indikator, target) and its
# programs; each program: its indicators (indikator, satuan, target). Text as in the document.
TABLE = [
    (
        "1. Meningkatkan Kualitas SDM aparatur",
        [
            (
                "1. Meningkatnya Kapasitas dan Profesionalitas Pegawai",
                [("1. Tingkat Profesionalitas ASN", "Sangat Rendah")],
                [
                    (
                        "Program Pengembangan Sumber Daya Manusia",
                        [
                            (
                                "1. Rata-rata lama pegawai mendapatkan pendidikan dan pelatihan",
                                "persen",
                                "25",
                            ),
                            (
                                "2. Persentase ASN yang mengikuti pendidikan dan pelatihan formal",
                                "persen",
                                "1,00",
                            ),
                            (
                                "3. Persentase Pejabat ASN yang mengikuti pendidikan dan pelatihan formal",
                                "persen",
                                "51,01",
                            ),
                            (
                                "4. Persentase Pejabat ASN yang telah mengikuti pendidikan dan pelatihan struktural",
                                "persen",
                                "2,86",
                            ),
                        ],
                    )
                ],
            )
        ],
    ),
    (
        "2. Mewujudkan Tata Kelola Pemerintahan yang Baik, Bersih, Efektif dan Akuntabel",
        [
            (
                "2. Meningkatnya Akuntabilitas Publik dan Kepuasan Masyarakat terhadap "
                "Penyelenggaraan Pemerintahan Daerah",
                [
                    ("2. Capaian SAKIP Perangkat Daerah", "A"),
                    ("3. Indeks Kepuasan Masyarakat", "Baik"),
                ],
                [
                    (
                        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                        [("5. Capaian SAKIP Perangkat Daerah", "Predikat", "A")],
                    )
                ],
            ),
            (
                "3. Optimalisasi Penerapan Sistem Merit",
                [("4. Indeks Sistem Merit Kabupaten", "Baik")],
                [
                    (
                        "Program Kepegawaian Daerah",
                        [
                            (
                                "6. Rasio Pegawai Pendidikan Tinggi dan Menengah/Dasar (%) (PNS tidak "
                                "termasuk guru dan tenaga kesehatan)",
                                "persen",
                                "80,88",
                            ),
                            (
                                "7. Rasio pegawai Fungsional (%) (PNS tidak termasuk guru dan tenaga "
                                "kesehatan)",
                                "persen",
                                "16,99",
                            ),
                            (
                                "8. Rasio Jabatan Fungsional bersertifikat Kompetensi (%) (PNS tidak "
                                "termasuk guru dan tenaga kesehatan)",
                                "persen",
                                "49,80",
                            ),
                            (
                                "9. Jumlah jabatan pimpinan tinggi pada instansi pemerintah",
                                "orang",
                                "34",
                            ),
                            (
                                "10. Jumlah jabatan administrasi pada instansi pemerintah",
                                "orang",
                                "172",
                            ),
                            (
                                "11. Jumlah pemangku jabatan fungsional tertentu pada instansi pemerintah",
                                "orang",
                                "504",
                            ),
                            ("12. Persentase Pelanggaran Disiplin Pegawai", "persen", "0,29"),
                            ("13. Persentase Pemberhentian ASN", "persen", "5,73"),
                            (
                                "14. Persentase Pemberian Penghargaan dan Tanda Jasa",
                                "persen",
                                "2,15",
                            ),
                            (
                                "15. Persentase pengadaan ASN sesuai formasi pegawai",
                                "persen",
                                "100",
                            ),
                        ],
                    )
                ],
            ),
        ],
    ),
]

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
WIDTHS = [30, 34, 30, 12, 30, 48, 10, 10]


def _span(ws, first: int, last: int, col: int, value: object) -> None:
    ws.cell(first, col, value)
    if last > first:
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)


def write(path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Tabel 2.1"
    for offset, line in enumerate(TITLE, start=1):
        ws.cell(offset, 1, line).font = Font(bold=offset <= 3)
        ws.merge_cells(start_row=offset, start_column=1, end_row=offset, end_column=len(HEADERS))
    header_row = len(TITLE) + 2
    for col, text in enumerate(HEADERS, start=1):
        cell = ws.cell(header_row, col, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    row = header_row + 1
    for tujuan, sasaran_list in TABLE:
        tujuan_first = row
        for sasaran, sasaran_indicators, programs in sasaran_list:
            program_rows = sum(len(indicators) for _, indicators in programs)
            height = max(program_rows, len(sasaran_indicators))
            first, last = row, row + height - 1
            _span(ws, first, last, 2, sasaran)
            if len(sasaran_indicators) == 1:  # one indicator carried over the program's rows
                indikator, target = sasaran_indicators[0]
                _span(ws, first, last, 3, indikator)
                _span(ws, first, last, 4, target)
            else:
                for offset, (indikator, target) in enumerate(sasaran_indicators):
                    ws.cell(first + offset, 3, indikator)
                    ws.cell(first + offset, 4, target)
            program_row = first
            for program, indicators in programs:
                program_last = program_row + max(len(indicators), height) - 1
                _span(ws, program_row, program_last, 5, program)
                for offset, (indikator, satuan, target) in enumerate(indicators):
                    ws.cell(program_row + offset, 6, indikator)
                    ws.cell(program_row + offset, 7, satuan)
                    ws.cell(program_row + offset, 8, target)
                program_row = program_last + 1
            row = last + 1
        _span(ws, tujuan_first, row - 1, 1, tujuan)
    for r in range(header_row, row):
        for c in range(1, len(HEADERS) + 1):
            ws.cell(r, c).border = BORDER
            if r > header_row:
                ws.cell(r, c).alignment = WRAP
    ws.cell(row + 1, 1, SOURCE).font = Font(italic=True)
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    book.save(path)
    return path


if __name__ == "__main__":
    print(write(HERE / "renstra.xlsx"))
