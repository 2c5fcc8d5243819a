"""Rencana Aksi: per official and indicator, the annual target broken into TW I-IV, beside the
program/kegiatan/sub kegiatan and its pagu. One table, A4 landscape, header repeated.
"""

from __future__ import annotations

from collections.abc import Sequence

from pokin_xl.model.documents import PK_LEVELS, Holding
from pokin_xl.model.frames import Identity
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.document_parts import Page, Span, agency_line
from pokin_xl.writers.page import PAPER_A4, setup_page

WIDTHS = (4.5, 26, 30, 11, 8, 8, 8, 8, 11, 28, 14)
HEADERS = (
    "No",
    "Sasaran",
    "Indikator Kinerja",
    "Target Tahunan",
    "TW I",
    "TW II",
    "TW III",
    "TW IV",
    "Cara Hitung",
    "Program / Kegiatan / Sub Kegiatan",
    "Pagu (Rp)",
)


def write_renaksi_sheet(sheet: SheetWriter, identity: Identity, holdings: Sequence[Holding]) -> int:
    page = Page(sheet, WIDTHS)
    title = f"RENCANA AKSI TAHUN {identity.tahun or ''}".strip()
    page.line(title, page.f_title)
    page.line(agency_line(identity).upper(), page.f_subtitle)
    page.skip()
    header = page.header_row(HEADERS)
    count = 0
    for holding in holdings:
        party = holding.party
        label = f"{party.jabatan} — {party.nama}" if party.nama else party.jabatan
        page.cells([(Span(0, len(WIDTHS) - 1), label, page.f_band)])
        for number, goal in enumerate(holding.goals_at(PK_LEVELS), start=1):
            program = f"{goal.kode_nomenklatur} {goal.nomenklatur}".strip()
            for index, indicator in enumerate(goal.indicators):
                first = index == 0
                cara = indicator.cara_hitung.value if indicator.cara_hitung else ""
                if indicator.polaritas is not None:
                    cara = f"{cara} ({indicator.polaritas.value})".strip()
                values: list[object] = [
                    str(number) if first else "",
                    goal.sasaran if first else "",
                    indicator.indikator,
                    indicator.target,
                    *indicator.quarters,
                    cara,
                    program if first else "",
                    goal.pagu if first and goal.pagu is not None else "",
                ]
                formats = [page.f_cell_center, page.f_cell, page.f_cell]
                formats += [page.f_cell_center] * 6 + [page.f_cell, page.f_money]
                page.values_row(values, formats)
                count += 1
    setup_page(sheet.ws, title, paper=PAPER_A4, repeat_rows=(header, header))
    sheet.ws.hide_gridlines(2)
    return count
