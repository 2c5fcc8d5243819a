"""Build small Renstra workbooks in code: the code table of chain() and the summary table."""

from __future__ import annotations

from pathlib import Path

import openpyxl

CODE_TABLE_HEADERS = [
    "KODE",
    "PROGRAM DAN KEGIATAN",
    "SATUAN",
    "INDIKATOR",
    "TARGET TAHUN 1",
    "DANA TAHUN 1",
    "TARGET TAHUN 2",
    "DANA TAHUN 2",
]


def renstra_rows(**changes: object) -> list[list[object]]:
    """The Renstra of `chain()`: same codes, indicators, targets and pagu (row 3 on)."""
    rows = [
        [
            "x.xx.01",
            "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            "%",
            "Persentase layanan administrasi yang tepat waktu",
            "100",
            "=F4",
            "100",
            "=H4",
        ],
        [
            "x.xx.01.2.06",
            "Administrasi Umum Perangkat Daerah",
            "persen",
            "Persentase administrasi umum yang terpenuhi",
            "100",
            "=SUM(F5:F5)",
            "100",
            "=SUM(H5:H5)",
        ],
        [
            "x.xx.01.2.06.0002",
            "Penyediaan Peralatan dan Perlengkapan Kantor",
            "Paket",
            "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan",
            6,
            1000,
            7,
            1100,
        ],
    ]
    for (r, c), value in changes.get("cells", {}).items():
        rows[r][c] = value
    return rows + list(changes.get("extra", []))


def write_renstra(path: Path, rows: list[list[object]], title: str = "RENSTRA 2024-2028") -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "RENSTRA"
    ws.append([title])
    ws.append(CODE_TABLE_HEADERS)
    for values in rows:
        ws.append(values)
    book.save(path)
    return path


# A sub kegiatan of the Renstra that chain() does not cascade (renstra_rows(extra=[...])); the
# kegiatan's roll-up formula SUM(F5:F5) misses it.
UNCASCADED_SUB_KEGIATAN = [
    "x.xx.01.2.06.0005",
    "Penyediaan Barang Cetakan dan Penggandaan",
    "Paket",
    "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan",
    2,
    500,
    2,
    550,
]


SUMMARY_HEADERS = [
    "Tujuan",
    "Sasaran",
    "Indikator Tujuan/Sasaran",
    "Target 2024",
    "Program",
    "Indikator Program",
    "Satuan Target",
    "Target 2024",
]


def write_summary(
    path: Path,
    blocks: list[tuple[str, str, list[tuple[str, str]], str, list[tuple[str, str, str]]]],
    *,
    title: str = "Renstra Contoh Tahun 2024-2026",
    repeat_header_after: int | None = None,
    footer: str | None = "Sumber : Renstra Contoh Tahun 2024-2026",
) -> Path:
    """The summary table; each block is (tujuan, sasaran, sasaran indicators, program, program
    indicators), its tujuan/sasaran/program cells merged over the block's rows."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Tabel 2.1"
    ws["A1"] = "Tabel 2.1 Keterkaitan Visi, Misi, Tujuan, Sasaran dan Program"
    ws["A2"] = title
    ws.append([])
    ws.append(SUMMARY_HEADERS)
    row = 5
    for number, (tujuan, sasaran, s_indicators, program, p_indicators) in enumerate(blocks):
        if repeat_header_after is not None and number == repeat_header_after:
            for col, text in enumerate(SUMMARY_HEADERS, start=1):
                ws.cell(row, col, text)
            row += 1
        height = max(len(s_indicators), len(p_indicators), 1)
        for col, text in ((1, tujuan), (2, sasaran), (5, program)):
            ws.cell(row, col, text)
            if height > 1:
                ws.merge_cells(
                    start_row=row, start_column=col, end_row=row + height - 1, end_column=col
                )
        for offset, (indikator, target) in enumerate(s_indicators):
            ws.cell(row + offset, 3, indikator)
            ws.cell(row + offset, 4, target)
        if len(s_indicators) == 1 and height > 1:
            ws.merge_cells(start_row=row, start_column=3, end_row=row + height - 1, end_column=3)
            ws.merge_cells(start_row=row, start_column=4, end_row=row + height - 1, end_column=4)
        for offset, (indikator, satuan, target) in enumerate(p_indicators):
            ws.cell(row + offset, 6, indikator)
            ws.cell(row + offset, 7, satuan)
            ws.cell(row + offset, 8, target)
        row += height
    if footer:
        ws.cell(row + 1, 1, footer)
    book.save(path)
    return path
