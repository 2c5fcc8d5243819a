"""SKP, Rencana Hasil Kerja per pegawai (PermenPANRB 6/2022): each RHK beside the superior's RHK it
intervenes, with its individual indicators and targets. One pegawai a sheet, A4 portrait.
"""

from __future__ import annotations

from collections.abc import Sequence

from pokin_xl.model.documents import Holding, Intervention
from pokin_xl.model.frames import Identity
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.document_parts import (
    A4_PORTRAIT_CAPACITY,
    Page,
    Span,
    agency_line,
    place_and_date,
)
from pokin_xl.writers.page import PAPER_A4, setup_page

WIDTHS = (4.5, 23, 23, 24, 11)  # 85 characters: A4 portrait at 100 %
HEADERS = (
    "No",
    "RHK Pimpinan yang Diintervensi",
    "Rencana Hasil Kerja",
    "Indikator Kinerja Individu",
    "Target",
)
LABEL, VALUE = Span(0, 1), Span(2, 4)


def write_skp_sheet(
    sheet: SheetWriter,
    identity: Identity,
    holding: Holding,
    interventions: Sequence[Intervention],
) -> int:
    page = Page(sheet, WIDTHS, capacity=A4_PORTRAIT_CAPACITY)
    title = f"SASARAN KINERJA PEGAWAI TAHUN {identity.tahun or ''}".strip()
    page.line(title, page.f_title)
    page.line("Rencana Hasil Kerja (PermenPANRB 6/2022)", page.f_subtitle)
    page.line(agency_line(identity).upper(), page.f_subtitle)
    page.skip()
    person, superior = holding.party, holding.atasan
    for label, value in (
        ("Pegawai yang dinilai", ""),
        ("Nama", person.nama),
        ("NIP", person.nip),
        ("Jabatan", person.jabatan),
        ("Unit Kerja", holding.person.unit),
        ("Pejabat penilai kinerja", ""),
        ("Nama", superior.nama if superior else ""),
        ("Jabatan", superior.jabatan if superior else ""),
    ):
        fmt = page.f_bold if not value and label.startswith("Pe") else page.f_text
        page.cells(
            [(LABEL, label, fmt), (VALUE, f": {value}" if fmt is page.f_text else "", page.f_text)],
            size=10,
        )
    page.skip()
    cols = [Span(i, i) for i in range(len(WIDTHS))]
    page.table([(span, text, page.f_head) for span, text in zip(cols, HEADERS, strict=True)])
    count = 0
    for number, item in enumerate(interventions, start=1):
        goal = item.goal
        above = item.parent.sasaran if item.parent is not None else ""
        indicators = goal.indicators or ()
        for index, indicator in enumerate(indicators or [None]):
            first = index == 0
            values = (
                str(number) if first else "",
                above if first else "",
                goal.sasaran if first else "",
                indicator.indikator if indicator else "",
                indicator.target if indicator else "",
            )
            formats = (
                page.f_cell_center,
                page.f_cell,
                page.f_cell,
                page.f_cell,
                page.f_cell_center,
            )
            page.cells(list(zip(cols, values, formats, strict=True)))
        count += 1
    page.skip()
    page.signatures(
        ("Pejabat Penilai Kinerja,", superior),
        ("Pegawai yang Dinilai,", person),
        place_and_date(identity.tempat, identity.tanggal, identity.tahun),
        Span(0, 2),
        Span(3, 4),
    )
    setup_page(sheet.ws, f"{title} — {person.label}", paper=PAPER_A4, portrait=True)
    sheet.ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.ws.hide_gridlines(2)
    sheet.ws.set_h_pagebreaks(page.breaks)
    return count
