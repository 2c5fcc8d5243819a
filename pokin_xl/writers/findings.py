"""Temuan: every finding as a row of an Excel table, linked to what it concerns in this workbook.

Each row links to the box of its node (in its unit's cascading sheet, or in Pohon Kinerja for
the agency's own Tujuan and Sasaran Strategis), or to the person's row of Matriks Peran Hasil
for a finding on the Pegawai sheet; a second link leads to the indicator's row in Data Kinerja.
The source sheet and cell stay visible beside the links.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from xlsxwriter.utility import xl_rowcol_to_cell

from pokin_xl.findings import SEVERITY_LABELS, Finding
from pokin_xl.model.rules import RULES
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.layout import text_height
from pokin_xl.writers.page import PAPER_A4, setup_page
from pokin_xl.writers.styles import TABLE_SIZE

_ROW_RE = re.compile(r"(\d+)$")


class Place(NamedTuple):
    """A cell of the output workbook (0-based row and column)."""

    sheet: str
    row: int
    col: int

    @property
    def label(self) -> str:
        return f"{self.sheet}, {xl_rowcol_to_cell(self.row, self.col)}"


@dataclass
class Locations:
    """Where the things a finding may concern were written in this workbook."""

    file: str = ""  # the input file name: row-based places only hold for its findings
    kinerja_sheet: str = ""
    pegawai_sheet: str = ""
    identitas_sheet: str = ""
    boxes: dict[str, Place] = field(default_factory=dict)  # Kode -> its box
    node_rows: dict[str, int] = field(default_factory=dict)  # Kode -> first Kinerja row
    data_rows: dict[int, Place] = field(default_factory=dict)  # Kinerja row -> Data Kinerja
    people: dict[int, Place] = field(default_factory=dict)  # Pegawai row -> Matriks row
    identity: Place | None = None

    def source_row(self, finding: Finding) -> int | None:
        match = _ROW_RE.search(finding.cell or "")
        return int(match.group(1)) if match else None

    def _ours(self, finding: Finding) -> bool:
        return not finding.file or not self.file or finding.file == self.file

    def data_place(self, finding: Finding) -> Place | None:
        row = self.source_row(finding)
        if self._ours(finding) and finding.sheet == self.kinerja_sheet and row in self.data_rows:
            return self.data_rows[row]
        node_row = self.node_rows.get(finding.kode)
        return self.data_rows.get(node_row) if node_row is not None else None

    def main_place(self, finding: Finding) -> Place | None:
        if finding.kode in self.boxes:
            return self.boxes[finding.kode]
        if self._ours(finding):
            row = self.source_row(finding)
            if finding.sheet == self.pegawai_sheet and row in self.people:
                return self.people[row]
            if finding.sheet == self.identitas_sheet and self.identity is not None:
                return self.identity
        return self.data_place(finding)


COLUMNS: list[tuple[str, float]] = [
    ("No", 5),
    ("Kode Aturan", 8),
    ("Keparahan", 11),
    ("Aturan", 22),
    ("Pesan", 60),
    ("Unit Kerja", 18),
    ("Tingkat", 14),
    ("Kode", 10),
    ("Subjek", 34),
    ("Berkas", 16),
    ("Sheet Sumber", 10),
    ("Sel Sumber", 7),
    ("Lihat di Workbook Ini", 24),
    ("Baris Data Kinerja", 16),
]
SEVERITY_COL = 2
MAIN_LINK_COL = 12
DATA_LINK_COL = 13
WRAPPED = {3: 22, 4: 60, 5: 18, 8: 34}  # columns whose text decides a row's height


def write_findings_sheet(
    sheet: SheetWriter,
    findings: Sequence[Finding],
    locations: Locations,
    *,
    title: str = "Temuan",
) -> None:
    """The one findings table (build's Temuan and reconcile's Temuan Rekonsiliasi)."""
    styles = sheet.styles
    for col, (_, width) in enumerate(COLUMNS):
        sheet.column_width(col, col, width)
    cell = styles.cell()
    link = styles.link()
    rows = list(findings)
    for number, f in enumerate(rows, start=1):
        r = number
        rule = RULES.get(f.code)
        values = [
            None,
            f.code,
            SEVERITY_LABELS.get(f.severity, f.severity),
            rule.title if rule else "",
            f.message,
            f.unit,
            f.tingkat,
            f.kode,
            f.subject,
            f.file,
            f.sheet,
            f.cell,
        ]
        sheet.number(r, 0, number, styles.number("0"))
        for col, value in enumerate(values[1:], start=1):
            sheet.text(r, col, value, cell)
        main = locations.main_place(f)
        data = locations.data_place(f)
        if main is not None:
            sheet.link(r, MAIN_LINK_COL, main.sheet, main.row, main.col, main.label, link)
        else:
            sheet.blank(r, MAIN_LINK_COL, cell)
        if data is not None:
            text = f"baris {data.row + 1}"
            sheet.link(r, DATA_LINK_COL, data.sheet, data.row, data.col, text, link)
        else:
            sheet.blank(r, DATA_LINK_COL, cell)
        height = max(
            text_height([[(str(values[col] or ""), False)]], width, TABLE_SIZE)
            for col, width in WRAPPED.items()
        )
        sheet.row_height(r, height)
    last = len(rows)
    if not rows:
        last = 1
        sheet.text(1, 4, "Tidak ada temuan.", cell)
    sheet.ws.add_table(
        0,
        0,
        last,
        len(COLUMNS) - 1,
        {
            "name": "TabelTemuan",
            "style": "Table Style Light 1",
            "columns": [{"header": h, "header_format": styles.table_header()} for h, _ in COLUMNS],
        },
    )
    for severity, label in SEVERITY_LABELS.items():
        sheet.ws.conditional_format(
            1,
            SEVERITY_COL,
            last,
            SEVERITY_COL,
            {
                "type": "cell",
                "criteria": "==",
                "value": f'"{label}"',
                "format": styles.severity(severity),
            },
        )
    sheet.row_height(0, 30)
    sheet.ws.freeze_panes(1, 0)
    setup_page(sheet.ws, title, paper=PAPER_A4, repeat_rows=(0, 0))
