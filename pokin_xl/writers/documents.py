"""The documents workbook: a first sheet listing what was printed and what was left out (with the
finding why), then one sheet per PK, the IKU, the Rencana Aksi and one sheet per SKP.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from pokin_xl.gc_pause import without_gc_pauses
from pokin_xl.model.documents import JENIS_LABELS, SKP_LEVELS, Holding, Plan, Selection
from pokin_xl.model.frames import Identity
from pokin_xl.model.people import strip_titles
from pokin_xl.version import __version__
from pokin_xl.writers.atomic import atomic_output
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.document_parts import Page, Span, agency_line
from pokin_xl.writers.iku import write_iku_sheet
from pokin_xl.writers.many_sheets import ManySheetsWorkbook
from pokin_xl.writers.page import PAPER_A4, setup_page
from pokin_xl.writers.pk import write_pk_sheet
from pokin_xl.writers.renaksi import write_renaksi_sheet
from pokin_xl.writers.sheetnames import SheetNamer
from pokin_xl.writers.skp import write_skp_sheet
from pokin_xl.writers.styles import Styles
from pokin_xl.writers.workbook import parts_folder

DAFTAR = "Daftar Dokumen"
IKU = "IKU"
RENAKSI = "Rencana Aksi"


@dataclass
class Written:
    """What each sheet holds, for the manifest."""

    pk: list[dict] = field(default_factory=list)
    iku: dict | None = None
    renaksi: dict | None = None
    skp: list[dict] = field(default_factory=list)


def _short(holding: Holding) -> str:
    return strip_titles(holding.party.nama) or holding.party.jabatan


def write_documents_workbook(
    identity: Identity, plan: Plan, selection: Selection, target: Path, source_name: str
) -> Written:
    namer = SheetNamer([DAFTAR, IKU, RENAKSI])
    pk_names = [namer.name(_short(h), prefix="PK ") for h in selection.pk]
    skp_names = [namer.name(_short(h), prefix="SKP ") for h in selection.skp]
    written = Written()
    with (
        atomic_output(target) as tmp,
        parts_folder() as options,
        without_gc_pauses(collect_first=True),
    ):
        book = ManySheetsWorkbook(str(tmp), options)
        book.set_properties(
            {
                "title": f"Dokumen Kinerja {identity.perangkat_daerah} {identity.tahun or ''}".strip(),
                "subject": "Perjanjian Kinerja, IKU, Rencana Aksi, SKP",
                "author": "pokin-xl",
                "comments": f"Dibuat oleh pokin-xl {__version__} dari {source_name}",
            }
        )
        styles = Styles(book)
        daftar = SheetWriter(book.add_worksheet(DAFTAR), styles)
        for holding, name in zip(selection.pk, pk_names, strict=True):
            sheet = SheetWriter(book.add_worksheet(name), styles)
            budget = plan.budget(holding)
            done = write_pk_sheet(sheet, identity, holding, budget)
            written.pk.append(
                {
                    "sheet": name,
                    "nama": holding.party.nama,
                    "nip": holding.party.nip,
                    "jabatan": holding.party.jabatan,
                    "pihak_kedua": holding.atasan.label if holding.atasan else "",
                    "sasaran": done.sasaran,
                    "indikator": done.indikator,
                    # None when the pagu do not add up to a number (a 400-digit pagu is inf)
                    "anggaran": round(done.anggaran) if math.isfinite(done.anggaran) else None,
                }
            )
        if "iku" in selection.jenis:
            head = next((h.party for h in plan.holdings if h.head), None)
            sheet = SheetWriter(book.add_worksheet(IKU), styles)
            count = write_iku_sheet(sheet, identity, selection.iku, head)
            written.iku = {"sheet": IKU, "indikator": count}
        if "renaksi" in selection.jenis:
            sheet = SheetWriter(book.add_worksheet(RENAKSI), styles)
            count = write_renaksi_sheet(sheet, identity, selection.renaksi)
            written.renaksi = {"sheet": RENAKSI, "indikator": count}
        for holding, name in zip(selection.skp, skp_names, strict=True):
            sheet = SheetWriter(book.add_worksheet(name), styles)
            items = [plan.intervention(holding, g) for g in holding.goals_at(SKP_LEVELS)]
            count = write_skp_sheet(sheet, identity, holding, items)
            written.skp.append({"sheet": name, "nama": holding.party.label, "rhk": count})
        _write_daftar(daftar, identity, selection, written, source_name)
        book.close()
    return written


def _write_daftar(
    sheet: SheetWriter, identity: Identity, selection: Selection, written: Written, source: str
) -> None:
    page = Page(sheet, (24, 30, 30, 46, 12))
    page.line(f"DOKUMEN KINERJA TAHUN {identity.tahun or ''}".strip(), page.f_title)
    page.line(agency_line(identity).upper(), page.f_subtitle)
    page.line(
        f"Disusun dari {source} setelah diperiksa (pokin-xl validate). Dokumen yang akan salah "
        "bila dicetak tidak dicetak; daftarnya beserta temuannya ada di bawah.",
        page.f_text,
    )
    page.skip()
    cols = [Span(i, i) for i in range(5)]
    page.line("Dokumen yang dicetak", page.f_bold)
    page.cells(
        list(
            zip(
                cols,
                ("Dokumen", "Sheet", "Nama", "Pihak kedua / Jabatan", "Jumlah"),
                [page.f_head] * 5,
                strict=True,
            )
        )
    )
    rows: list[tuple[str, str, str, str, str]] = []
    for item in written.pk:
        rows.append(
            (
                "Perjanjian Kinerja",
                item["sheet"],
                item["nama"] or item["jabatan"],
                item["pihak_kedua"],
                f"{item['indikator']} indikator",
            )
        )
    if written.iku:
        rows.append(
            ("Indikator Kinerja Utama", IKU, "", "", f"{written.iku['indikator']} indikator")
        )
    if written.renaksi:
        rows.append(("Rencana Aksi", RENAKSI, "", "", f"{written.renaksi['indikator']} indikator"))
    for item in written.skp:
        rows.append(
            ("SKP (Rencana Hasil Kerja)", item["sheet"], item["nama"], "", f"{item['rhk']} RHK")
        )
    for dokumen, name, nama, other, count in rows:
        row = page.cells(
            list(zip(cols, (dokumen, "", nama, other, count), [page.f_cell] * 5, strict=True))
        )
        sheet.link(row, 1, name, 0, 0, name, page.f_cell)
    if not rows:
        page.cells([(Span(0, 4), "Tidak ada dokumen yang dapat dicetak.", page.f_cell)])
    page.skip()
    page.line("Dokumen yang tidak dicetak", page.f_bold)
    page.cells(
        list(
            zip(
                cols,
                ("Dokumen", "Nama", "Kode", "Alasan (temuan)", "Sel"),
                [page.f_head] * 5,
                strict=True,
            )
        )
    )
    for item in selection.skipped:
        where = f"{item.sheet}!{item.cell}" if item.cell else item.sheet
        page.cells(
            list(
                zip(
                    cols,
                    (JENIS_LABELS[item.dokumen], item.nama, item.code, item.alasan, where),
                    [page.f_cell] * 5,
                    strict=True,
                )
            )
        )
    if not selection.skipped:
        page.cells([(Span(0, 4), "Tidak ada.", page.f_cell)])
    setup_page(sheet.ws, DAFTAR, paper=PAPER_A4)
    sheet.ws.hide_gridlines(2)
