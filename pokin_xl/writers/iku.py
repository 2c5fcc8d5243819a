"""Indikator Kinerja Utama of the agency: one table, A4 landscape, header repeated, signed by the
head of the agency.
"""

from __future__ import annotations

from collections.abc import Sequence

from pokin_xl.model.documents import Goal, Indicator, Party
from pokin_xl.model.frames import Identity
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.document_parts import Page, Span, agency_line, place_and_date
from pokin_xl.writers.page import PAPER_A4, setup_page

WIDTHS = (4.5, 30, 30, 34, 10, 12, 18, 22)
HEADERS = (
    "No",
    "Sasaran (Tujuan / Sasaran Strategis)",
    "Indikator Kinerja Utama",
    "Definisi Operasional / Formula",
    "Satuan",
    "Target",
    "Sumber Data",
    "Penanggung Jawab",
)


def _definition(indicator: Indicator) -> str:
    parts = [indicator.definisi, f"Formula: {indicator.formula}" if indicator.formula else ""]
    return "\n".join(p for p in parts if p)


def write_iku_sheet(
    sheet: SheetWriter,
    identity: Identity,
    rows: Sequence[tuple[Goal, Indicator, str]],
    head: Party | None,
) -> int:
    page = Page(sheet, WIDTHS)
    title = f"INDIKATOR KINERJA UTAMA TAHUN {identity.tahun or ''}".strip()
    page.line(title, page.f_title)
    page.line(agency_line(identity).upper(), page.f_subtitle)
    page.skip()
    header = page.header_row(HEADERS)
    previous = None
    number = 0
    for goal, indicator, responsible in rows:
        first = goal.kode != previous
        if first:
            number += 1
        previous = goal.kode
        values = (
            str(number) if first else "",
            f"{goal.level.label}: {goal.sasaran}" if first else "",
            indicator.indikator,
            _definition(indicator),
            indicator.satuan,
            indicator.target,
            indicator.sumber_data,
            responsible,
        )
        formats = [page.f_cell_center, *[page.f_cell] * 3, page.f_cell_center, page.f_cell_center]
        formats += [page.f_cell, page.f_cell]
        page.values_row(values, formats)
    page.skip()
    if head is not None:
        page.signatures(
            None,
            ("Ditetapkan oleh,", head),
            place_and_date(identity.tempat, identity.tanggal, identity.tahun),
            Span(0, 1),
            Span(5, 7),
        )
    setup_page(sheet.ws, title, paper=PAPER_A4, repeat_rows=(header, header))
    sheet.ws.hide_gridlines(2)
    return len(rows)
