"""Ringkasan: the agency, the counts per unit and level, the findings per severity and rule, and a
link to every other sheet. Written last, so that its list of sheets includes the extra ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from pokin_xl.findings import SEVERITIES, SEVERITY_LABELS, Report
from pokin_xl.model.frames import Identity
from pokin_xl.model.levels import LEVEL_ABBREVIATIONS, Tingkat
from pokin_xl.model.rules import RULES
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.layout import text_height
from pokin_xl.writers.page import PAPER_A4, setup_page
from pokin_xl.writers.styles import TABLE_SIZE

IDENTITY_ROW = 3  # where the identity block starts (links to it land here)
WIDTHS = [34, 10, 11, 9, 9, 9, 9, 9, 9, 32]


class SheetEntry(NamedTuple):
    name: str
    description: str


def write_summary_sheet(
    sheet: SheetWriter,
    identity: Identity,
    source_file: str,
    units: Mapping[str, Mapping[str, int]],
    unit_sheets: Mapping[str, str],
    report: Report,
    sheets: Sequence[SheetEntry],
    findings_sheet: str,
) -> None:
    """`units`: {unit: {tingkat label: count}}; `unit_sheets`: {unit: its cascading sheet}."""
    styles = sheet.styles
    for col, width in enumerate(WIDTHS):
        sheet.column_width(col, col, width)
    last_col = len(WIDTHS) - 1
    sheet.merge(0, 0, 0, last_col, "RINGKASAN CASCADING KINERJA", styles.title(14))
    subtitle = " — ".join(
        p for p in (identity.perangkat_daerah, identity.pemda, str(identity.tahun or "")) if p
    )
    sheet.merge(1, 0, 1, last_col, subtitle, styles.subtitle())

    label, value = styles.label(), styles.plain()
    row = IDENTITY_ROW
    for name, text in (
        ("Pemerintah Daerah", identity.pemda),
        ("Perangkat Daerah", identity.perangkat_daerah),
        ("Tahun", str(identity.tahun or "")),
        ("Kepala Perangkat Daerah", identity.kepala),
        ("NIP", identity.nip_kepala),
        ("Berkas sumber", source_file),
    ):
        sheet.text(row, 0, name, label)
        sheet.merge(row, 1, row, last_col, text, value)
        row += 1

    # ------------------------------------------------ counts per unit and level
    row += 1
    sheet.text(row, 0, "Jumlah sasaran per unit kerja dan tingkat", styles.section())
    row += 1
    header = styles.table_header()
    cell, number = styles.cell(), styles.number("0")
    link = styles.link()
    levels = list(Tingkat)
    titles = ["Unit Kerja"] + [LEVEL_ABBREVIATIONS[t] for t in levels] + ["Lainnya", "Jumlah"]
    for col, title in enumerate(titles):
        sheet.text(row, col, title, header)
    sheet.text(row, len(titles), "Sheet Cascading", header)
    row += 1
    totals = [0] * (len(levels) + 2)
    for unit, counts in units.items():
        sheet.text(row, 0, unit, cell)
        known = 0
        for offset, level in enumerate(levels, start=1):
            count = counts.get(level.label, 0)
            known += count
            totals[offset - 1] += count
            sheet.number(row, offset, count or None, number)
        other = sum(counts.values()) - known
        totals[-2] += other
        totals[-1] += sum(counts.values())
        sheet.number(row, len(levels) + 1, other or None, number)
        sheet.number(row, len(levels) + 2, sum(counts.values()), number)
        target = unit_sheets.get(unit)
        if target:
            sheet.link(row, len(titles), target, 0, 0, target, link)
        else:
            sheet.blank(row, len(titles), cell)
        row += 1
    sheet.text(row, 0, "Jumlah", styles.cell(bold=True))
    for offset, total in enumerate(totals, start=1):
        sheet.number(row, offset, total, number)
    sheet.blank(row, len(titles), cell)
    row += 2

    # ------------------------------------------------ findings per severity
    sheet.text(row, 0, "Temuan per tingkat keparahan", styles.section())
    row += 1
    counts = report.counts()
    for col, title in enumerate(("Keparahan", "Jumlah")):
        sheet.text(row, col, title, header)
    row += 1
    for severity in SEVERITIES:
        sheet.text(row, 0, SEVERITY_LABELS[severity], cell)
        sheet.number(row, 1, counts.get(severity, 0), number)
        row += 1
    sheet.text(row, 0, "Jumlah", styles.cell(bold=True))
    sheet.number(row, 1, sum(counts.values()), number)
    sheet.link(row, 2, findings_sheet, 0, 0, "lihat sheet Temuan", styles.link(boxed=False))
    row += 2

    # ------------------------------------------------ findings per rule
    sheet.text(row, 0, "Temuan per aturan", styles.section())
    row += 1
    for col, title in enumerate(("Aturan", "Kode", "Keparahan", "Jumlah")):
        sheet.text(row, col, title, header)
    row += 1
    by_code = report.by_code()
    if not by_code:
        sheet.text(row, 0, "Tidak ada temuan.", cell)
        row += 1
    for code, count in by_code.items():
        rule = RULES.get(code)
        title = rule.title if rule else ""
        sheet.text(row, 0, title, cell)
        sheet.text(row, 1, code, cell)
        severity = rule.severity if rule else ""
        sheet.text(row, 2, SEVERITY_LABELS.get(severity, severity), cell)
        sheet.number(row, 3, count, number)
        sheet.row_height(row, text_height([[(title, False)]], WIDTHS[0], TABLE_SIZE))
        row += 1
    row += 1

    # ------------------------------------------------ every sheet
    sheet.text(row, 0, "Daftar sheet", styles.section())
    row += 1
    sheet.text(row, 0, "Sheet", header)
    sheet.merge(row, 1, row, last_col, "Isi", header)
    row += 1
    for entry in sheets:
        sheet.link(row, 0, entry.name, 0, 0, entry.name, link)
        sheet.merge(row, 1, row, last_col, entry.description, cell)
        row += 1
    setup_page(sheet.ws, "Ringkasan", paper=PAPER_A4)
