"""Pohon Kinerja: the whole agency as one tree, by position level (section 2.5 of the seed).

Rows are the levels, each labelled with the position kinds that may hold it (model.levels.HOLDERS,
the table O003 checks). Each box states Sasaran, Indikator and Target.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pokin_xl.findings import Finding
from pokin_xl.model.frames import Identity
from pokin_xl.model.levels import band_labels
from pokin_xl.writers.boxes import Node, findings_note, pohon_paragraphs
from pokin_xl.writers.cascade import chart_subtitle
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.drawing import Box, ChartSpec, Drawn, draw_chart
from pokin_xl.writers.layout import Column, Item, tree_layout
from pokin_xl.writers.page import PAPER_A3, setup_page

BAND_LABELS = band_labels(holders=True, rencana_hasil_kerja=True)


def _column_title(column: Column) -> str:
    return "Tanpa induk" if column.kind == "orphan" else ""


def write_pohon_sheet(
    sheet: SheetWriter,
    identity: Identity,
    nodes: Mapping[str, Node],
    findings: Mapping[str, Sequence[Finding]],
) -> Drawn:
    layout = tree_layout(
        [Item(key=n.kode, parent=n.parent, level=n.level, shown=True) for n in nodes.values()]
    )
    agency = identity.perangkat_daerah.upper() or "PERANGKAT DAERAH"
    year = f" TAHUN {identity.tahun}" if identity.tahun else ""
    title = f"POHON KINERJA {agency}{year}"

    def content(kode: str) -> Box:
        node = nodes[kode]
        own = findings.get(kode, ())
        return Box(
            level=node.level,
            paragraphs=pohon_paragraphs(node, findings=own),
            note=findings_note(own) if own else "",
        )

    spec = ChartSpec(
        title=title,
        subtitle=identity.pemda,
        band_labels=BAND_LABELS,
        column_title=_column_title,
        box_width=22.0,
        legend_context=False,
        label_width=15.0,
    )
    drawn = draw_chart(sheet, layout, spec, content)
    setup_page(
        sheet.ws, "Pohon Kinerja", paper=PAPER_A3, drawn=True, footer_note=chart_subtitle(identity)
    )
    return drawn
