"""Perjanjian Kinerja (PermenPANRB 53/2014): the statement page, then the annex, one official a
sheet, A4 portrait; the annex starts on a new page and its table header repeats on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from pokin_xl.model.documents import PK_LEVELS, BudgetLine, Holding
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

WIDTHS = (4.5, 26, 29, 12, 13.5)  # 85 characters: A4 portrait at 100 % in Excel and LibreOffice
ALL = Span(0, 4)
NO, SASARAN, INDIKATOR, TARGET = Span(0, 0), Span(1, 1), Span(2, 2), Span(3, 4)
PROGRAM, ANGGARAN, KETERANGAN = Span(1, 2), Span(3, 3), Span(4, 4)
LABEL, VALUE = Span(1, 1), Span(2, 4)
LEFT_SIGN, RIGHT_SIGN = Span(0, 1), Span(3, 4)


@dataclass(frozen=True)
class PkWritten:
    sasaran: int
    indikator: int
    anggaran: float
    annex_row: int  # 0-based row where the annex (lampiran) starts: a page break
    breaks: tuple[int, ...]  # every page break (0-based rows)


def write_pk_sheet(
    sheet: SheetWriter, identity: Identity, holding: Holding, budget: list[BudgetLine]
) -> PkWritten:
    page = Page(sheet, WIDTHS, capacity=A4_PORTRAIT_CAPACITY)
    year = identity.tahun or ""
    first, second = holding.party, holding.atasan
    title = f"PERJANJIAN KINERJA TAHUN {year}".strip()
    page.line(title, page.f_title)
    page.line(agency_line(identity).upper(), page.f_subtitle)
    page.skip()
    page.line(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
        "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
        page.f_justify,
    )
    page.skip()
    _party_lines(page, first.nama, first.jabatan, first.nip)
    page.line("Selanjutnya disebut pihak pertama.", page.f_text)
    page.skip()
    _party_lines(page, second.nama if second else "", second.jabatan if second else "", "")
    page.line("Selaku atasan pihak pertama, selanjutnya disebut pihak kedua.", page.f_text)
    page.skip()
    for paragraph in (
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
        "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
        "kinerja tersebut menjadi tanggung jawab kami.",
        "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
        "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
        "dalam rangka pemberian penghargaan dan sanksi.",
    ):
        page.line(paragraph, page.f_justify)
        page.skip()
    signing = place_and_date(identity.tempat, identity.tanggal, identity.tahun)
    page.signatures(
        ("Pihak Kedua,", second), ("Pihak Pertama,", first), signing, LEFT_SIGN, RIGHT_SIGN
    )

    page.page_break(header=False)
    annex = page.row
    page.line(f"LAMPIRAN PERJANJIAN KINERJA TAHUN {year}".strip(), page.f_title)
    page.line(f"{first.jabatan} {agency_line(identity)}".strip().upper(), page.f_subtitle)
    page.skip()
    page.table(
        [
            (NO, "No", page.f_head),
            (SASARAN, "Sasaran", page.f_head),
            (INDIKATOR, "Indikator Kinerja", page.f_head),
            (TARGET, "Target", page.f_head),
        ]
    )
    goals = holding.goals_at(PK_LEVELS)
    n_indicators = 0
    for number, goal in enumerate(goals, start=1):
        for index, indicator in enumerate(goal.indicators):
            page.cells(
                [
                    (NO, str(number) if index == 0 else "", page.f_cell_center),
                    (SASARAN, goal.sasaran if index == 0 else "", page.f_cell),
                    (INDIKATOR, indicator.indikator, page.f_cell),
                    (TARGET, indicator.target, page.f_cell_center),
                ]
            )
            n_indicators += 1
    page.end_table()
    page.skip()
    page.table(
        [
            (NO, "No", page.f_head),
            (PROGRAM, "Program / Kegiatan / Sub Kegiatan", page.f_head),
            (ANGGARAN, "Anggaran (Rp)", page.f_head),
            (KETERANGAN, "Keterangan", page.f_head),
        ]
    )
    total = 0.0
    for number, line in enumerate(budget, start=1):
        note = line.kind
        if not line.counted:
            note = f"{line.kind}; termasuk dalam pagu {line.within}"
        elif line.goal.pagu is None:
            note = f"{line.kind}; pagu belum diisi"
        page.cells(
            [
                (NO, str(number), page.f_cell_center),
                (PROGRAM, line.name, page.f_cell),
                (ANGGARAN, line.goal.pagu if line.goal.pagu is not None else "", page.f_money),
                (KETERANGAN, note, page.f_cell),
            ]
        )
        if line.counted:
            total += line.goal.pagu or 0
    if not budget:
        page.cells(
            [
                (NO, "", page.f_cell),
                (
                    PROGRAM,
                    "Tidak ada program, kegiatan atau sub kegiatan yang diampu.",
                    page.f_cell,
                ),
                (ANGGARAN, "", page.f_money),
                (KETERANGAN, "", page.f_cell),
            ]
        )
    page.cells(
        [
            (Span(0, 2), "Jumlah", page.f_total_label),
            (ANGGARAN, total if any(b.goal.pagu is not None for b in budget) else "", page.f_total),
            (KETERANGAN, "", page.f_cell),
        ]
    )
    page.skip()
    page.signatures(
        ("Pihak Kedua,", second), ("Pihak Pertama,", first), signing, LEFT_SIGN, RIGHT_SIGN
    )
    ws = sheet.ws
    setup_page(ws, f"{title} — {first.label}", paper=PAPER_A4, portrait=True)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.hide_gridlines(2)
    ws.set_h_pagebreaks(page.breaks)
    return PkWritten(len(goals), n_indicators, total, annex, tuple(page.breaks))


def _party_lines(page: Page, nama: str, jabatan: str, nip: str) -> None:
    for label, value in (("Nama", nama), ("NIP", nip), ("Jabatan", jabatan)):
        if label == "NIP" and not nip:
            continue
        page.cells([(LABEL, label, page.f_text), (VALUE, f": {value}", page.f_text)], size=10)
