"""Data Kinerja: the normalised table, one row per indicator, what was read beside how it was read.

Every parsed field sits next to its raw text (Tingkat, Target, Satuan, Pagu), with the source
cell, so a reviewer can see how each value was understood. An Excel table with filters and
frozen panes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

import pandas as pd

from pokin_xl.findings import Finding
from pokin_xl.model.frames import SheetFrame
from pokin_xl.model.records import iter_records
from pokin_xl.model.targets import OPERATOR_SYMBOLS
from pokin_xl.writers.boxes import target_text
from pokin_xl.writers.cells import SheetWriter, as_number, as_text
from pokin_xl.writers.layout import text_height
from pokin_xl.writers.page import PAPER_A4, setup_page
from pokin_xl.writers.styles import TABLE_SIZE

FLUSH_ROWS = 500

TARGET_KIND_LABELS = {  # model.targets.TARGET_KINDS as a reader names them
    "empty": "kosong",
    "number": "angka",
    "percent": "persen",
    "range": "rentang",
    "comparison": "perbandingan",
    "category": "kategori",
    "date": "tanggal",
    "unreadable": "tidak terbaca",
}


class DataColumn(NamedTuple):
    header: str
    width: float
    kind: str  # "text" | "number" | "money"
    value: Callable[[int, Mapping[str, object]], object]


def _field(name: str) -> Callable[[int, Mapping[str, object]], object]:
    return lambda _row, record: record.get(name)


def _yes(name: str) -> Callable[[int, Mapping[str, object]], object]:
    return lambda _row, record: "Ya" if bool(record.get(name)) else "Tidak"


def columns(frame: SheetFrame, codes: dict[int, str]) -> list[DataColumn]:
    sheet = frame.sheet
    return [
        DataColumn("Sel Sumber", 11, "text", lambda row, r: f"{sheet}!{frame.cell('kode', row)}"),
        DataColumn("Baris", 6, "number", lambda row, r: row),
        DataColumn("Kode", 11, "text", _field("kode")),
        DataColumn("Kode Induk", 11, "text", _field("kode_induk")),
        DataColumn("Induk Disimpulkan", 10, "text", _yes("induk_inferred")),
        DataColumn("Kode Dibuat Otomatis", 10, "text", _yes("kode_generated")),
        DataColumn("Tingkat (tertulis)", 16, "text", _field("tingkat_raw")),
        DataColumn("Tingkat", 16, "text", _field("tingkat")),
        DataColumn("Unit Kerja", 18, "text", _field("unit_kerja")),
        DataColumn("Sasaran", 40, "text", _field("sasaran")),
        DataColumn("Kode Nomenklatur", 14, "text", _field("kode_nomenklatur")),
        DataColumn("Program/Kegiatan/Sub Kegiatan", 34, "text", _field("nomenklatur")),
        DataColumn("Indikator", 40, "text", _field("indikator")),
        DataColumn("Target (tertulis)", 12, "text", _field("target_raw")),
        DataColumn("Target (terbaca)", 14, "text", lambda row, r: target_text(r)),
        DataColumn(
            "Jenis Target",
            11,
            "text",
            lambda row, r: TARGET_KIND_LABELS.get(str(r.get("target_kind")), r.get("target_kind")),
        ),
        DataColumn("Nilai Target", 10, "number", _field("target_value")),
        DataColumn("Batas Bawah", 9, "number", _field("target_low")),
        DataColumn("Batas Atas", 9, "number", _field("target_high")),
        DataColumn(
            "Operator",
            8,
            "text",
            lambda row, r: OPERATOR_SYMBOLS.get(as_text(r.get("target_operator")), ""),
        ),
        DataColumn("Kategori", 12, "text", _field("target_category")),
        DataColumn("Satuan Target", 10, "text", _field("target_unit")),
        DataColumn("Satuan (tertulis)", 11, "text", _field("satuan")),
        DataColumn("Satuan (baku)", 11, "text", _field("satuan_norm")),
        DataColumn("Pagu (tertulis)", 14, "text", _field("pagu")),
        DataColumn("Pagu (Rp)", 16, "money", _field("pagu_value")),
        DataColumn("Pengampu", 22, "text", _field("pengampu")),
        DataColumn("Keterangan", 30, "text", _field("keterangan")),
        DataColumn("Temuan", 12, "text", lambda row, r: codes.get(row, "")),
    ]


def finding_codes(findings: Iterable[Finding], frame: SheetFrame, file: str) -> dict[int, str]:
    """Codes of the findings on each Kinerja row (by cell, else by the row of their node)."""
    node_rows = (
        {
            str(kode): int(row)
            for kode, row in frame.frame.groupby("kode", sort=False)["node_row"].first().items()
            if not pd.isna(row)
        }
        if not frame.frame.empty
        else {}
    )
    rows: dict[int, list[str]] = defaultdict(list)
    for f in findings:
        row = None
        if f.sheet == frame.sheet and (not f.file or f.file == file):
            digits = "".join(ch for ch in f.cell if ch.isdigit())
            row = int(digits) if digits else None
        if row is None and f.kode in node_rows:
            row = node_rows[f.kode]
        if row is not None and f.code not in rows[row]:
            rows[row].append(f.code)
    return {row: ", ".join(codes) for row, codes in rows.items()}


def write_data_sheet(
    sheet: SheetWriter, frame: SheetFrame, codes: dict[int, str]
) -> dict[int, int]:
    """Write the table; returns {Kinerja Excel row: 0-based row in this sheet}."""
    styles = sheet.styles
    spec = columns(frame, codes)
    text_fmt = styles.cell()
    number_fmt = styles.number("#,##0.####")
    row_fmt = styles.number("0")
    money_fmt = styles.number("#,##0")
    for col, column in enumerate(spec):
        sheet.column_width(col, col, column.width)
    placed: dict[int, int] = {}
    # Per column, once: its value function, and for text its width, else its number format.
    plan = [
        (
            column.value,
            column.kind == "text",
            column.width,
            row_fmt
            if column.header == "Baris"
            else (money_fmt if column.kind == "money" else number_fmt),
        )
        for column in spec
    ]
    # The table (its header row first), then the rows top to bottom, handed on every
    # FLUSH_ROWS rows: only a few hundred rows are held in memory (writers.rows).
    sheet.ws.add_table(
        0,
        0,
        max(len(frame.frame), 1),
        len(spec) - 1,
        {
            "name": "TabelDataKinerja",
            "style": "Table Style Light 1",
            "columns": [{"header": c.header, "header_format": styles.table_header()} for c in spec],
        },
    )
    sheet.row_height(0, 30)
    write_text, write_number = sheet.text, sheet.number
    rows = zip(frame.frame.index.tolist(), iter_records(frame.frame), strict=True)
    for out, (source_row, record) in enumerate(rows, start=1):
        if out % FLUSH_ROWS == 0:
            sheet.flush()
        row = int(source_row)
        placed[row] = out
        height = 15.0
        for col, (value_of, is_text, width, fmt) in enumerate(plan):
            value = value_of(row, record)
            if is_text:
                text = as_text(value)
                write_text(out, col, text, text_fmt)
                if len(text) * 1.1 > width:
                    height = max(height, text_height([[(text, False)]], width, TABLE_SIZE))
            else:
                write_number(out, col, as_number(value), fmt)
        sheet.row_height(out, height)
    sheet.ws.freeze_panes(1, 3)
    setup_page(sheet.ws, "Data Kinerja", paper=PAPER_A4, repeat_rows=(0, 0))
    return placed
