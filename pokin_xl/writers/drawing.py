"""Draws a laid-out tree of boxes on a worksheet: title, header block, bands, stacks, legend.

The geometry comes from layout.tree_layout; the words from boxes. Each box is one merged,
bordered range; its rows are as tall as its text needs (Excel does not grow merged cells).
Sheet columns: A holds the band labels, then one column per layout column with a narrow gap
column between neighbours.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from xlsxwriter.format import Format

from pokin_xl.model.levels import Tingkat
from pokin_xl.writers.boxes import Paragraph
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.layout import (
    HEAD_BAND,
    NO_KEGIATAN,
    NO_PARENT,
    STACK_BAND,
    TOP_BANDS,
    Column,
    TreeLayout,
    split_height,
    text_height,
)
from pokin_xl.writers.styles import BOX_SIZE, FINDING_COLOUR, MUTED_COLOUR

PLACEHOLDER_TEXT = {
    NO_KEGIATAN: "Tanpa Sasaran Kegiatan (langsung di bawah sasaran di atasnya)",
    NO_PARENT: "Tanpa induk: Kode Induk kosong atau tidak ditemukan",
}
ARROW = "▼"
GAP_ROW = 6.0
ARROW_ROW = 12.0


@dataclass
class Box:
    level: int | None
    paragraphs: list[Paragraph]
    context: bool = False
    note: str = ""  # the findings on this node; a box with a note gets a red border


@dataclass
class ChartSpec:
    title: str
    subtitle: str
    band_labels: Mapping[int, str]
    header: Sequence[tuple[str, list[Paragraph]]] = ()
    column_title: Callable[[Column], str] = lambda column: ""
    box_width: float = 28.0
    gap_width: float = 2.0
    label_width: float = 13.0
    min_width: float = 110.0  # narrow charts get wider boxes, so titles and header text fit
    legend_context: bool = True
    empty_message: str = "Tidak ada sasaran untuk digambar."


@dataclass
class Drawn:
    """Where things landed: the first box of each key (0-based row, col) and the used area."""

    anchors: dict[str, tuple[int, int]] = field(default_factory=dict)
    last_row: int = 0
    last_col: int = 0


def _runs(paragraph: Paragraph) -> list[tuple[str, bool]]:
    return [(text, style in ("label", "alert")) for text, style in paragraph]


class _Chart:
    def __init__(self, sheet: SheetWriter, layout: TreeLayout, spec: ChartSpec) -> None:
        self.sheet = sheet
        self.layout = layout
        self.spec = spec
        self.styles = sheet.styles
        self.n = max(len(layout.columns), 1)
        gaps = (self.n - 1) * spec.gap_width
        self.box_width = max(spec.box_width, (spec.min_width - gaps) / self.n)
        self.last_col = 2 * self.n - 1
        self.row = 0
        self.drawn = Drawn(last_col=self.last_col)
        self.levels_drawn: set[int | None] = set()
        self.any_context = False
        self.any_finding = False
        self.any_placeholder = False

    # ------------------------------------------------------------- geometry
    def col(self, index: int) -> int:
        return 1 + 2 * index

    def span_width(self, first: int, last: int) -> float:
        count = last - first + 1
        return count * self.box_width + (count - 1) * self.spec.gap_width

    @cached_property
    def _run_formats(self) -> dict[str, Format]:
        styles = self.styles
        return {
            "label": styles.run(bold=True),
            "text": styles.run(),
            "muted": styles.run(italic=True, colour=MUTED_COLOUR),
            "alert": styles.run(bold=True, colour=FINDING_COLOUR),
        }

    def _style_runs(self, paragraph: Paragraph):
        formats = self._run_formats
        return [(formats[style], text) for text, style in paragraph]

    def next_rows(self, heights: Sequence[float]) -> tuple[int, int]:
        first = self.row
        for height in heights:
            self.sheet.row_height(self.row, height)
            self.row += 1
        return first, self.row - 1

    # ------------------------------------------------------------- parts
    def columns(self) -> None:
        spec = self.spec
        self.sheet.column_width(0, 0, spec.label_width)
        for index in range(self.n):
            self.sheet.column_width(self.col(index), self.col(index), self.box_width)
            if index < self.n - 1:
                self.sheet.column_width(self.col(index) + 1, self.col(index) + 1, spec.gap_width)

    def title(self) -> None:
        styles = self.styles
        width = self.spec.label_width + self.span_width(0, self.n - 1)
        height = text_height([[(self.spec.title, True)]], width, 14)
        first, _ = self.next_rows([max(24.0, height)])
        self.sheet.merge(first, 0, first, self.last_col, self.spec.title, styles.title())
        if self.spec.subtitle:
            first, _ = self.next_rows([16])
            self.sheet.merge(first, 0, first, self.last_col, self.spec.subtitle, styles.subtitle())
        self.next_rows([GAP_ROW])

    def header(self) -> None:
        if not self.spec.header:
            return
        width = self.span_width(0, self.n - 1)
        for label, paragraphs in self.spec.header:
            height = text_height([_runs(p) for p in paragraphs], width, BOX_SIZE)
            first, last = self.next_rows(split_height(height))
            self.sheet.merge(first, 0, last, 0, label, self.styles.header_label())
            self.sheet.rich(
                first,
                1,
                last,
                self.last_col,
                [self._style_runs(p) for p in paragraphs],
                self.styles.header_text(),
            )
        self.next_rows([GAP_ROW * 2])

    def arrows(self, slots) -> None:
        first, _ = self.next_rows([ARROW_ROW])
        for slot in slots:
            self.sheet.merge(
                first,
                self.col(slot.first_col),
                first,
                self.col(slot.last_col),
                ARROW,
                self.styles.arrow(),
            )

    def boxes_row(self, slots, content: Callable[[str], Box]) -> tuple[int, int]:
        """One row of boxes, as tall as the tallest needs; returns its first and last sheet row."""
        prepared = []
        tallest = 0.0
        for slot in slots:
            width = self.span_width(slot.first_col, slot.last_col)
            if slot.key is None:
                box = None
                paragraphs = [[(PLACEHOLDER_TEXT[slot.placeholder], "muted")]]
            else:
                box = content(slot.key)
                paragraphs = box.paragraphs
            tallest = max(tallest, text_height([_runs(p) for p in paragraphs], width, BOX_SIZE))
            prepared.append((slot, box, paragraphs))
        first, last = self.next_rows(split_height(tallest, minimum=30))
        for slot, box, paragraphs in prepared:
            c1, c2 = self.col(slot.first_col), self.col(slot.last_col)
            if box is None:
                self.any_placeholder = True
                self.sheet.merge(
                    first, c1, last, c2, paragraphs[0][0][0], self.styles.placeholder()
                )
                continue
            fmt = self.styles.box(box.level, finding=bool(box.note), context=box.context)
            runs = [self._style_runs(p) for p in paragraphs]
            self.sheet.rich(first, c1, last, c2, runs, fmt)
            if box.note:
                self.any_finding = True
                self.sheet.note(first, c1, box.note)
            self.any_context |= box.context
            self.levels_drawn.add(box.level)
            self.drawn.anchors.setdefault(slot.key, (first, c1))
        return first, last

    def band_label(self, first: int, last: int, band: int) -> None:
        label = self.spec.band_labels.get(band, "")
        level = band if band < STACK_BAND else Tingkat.SASARAN_SUB_KEGIATAN
        # A long stack runs over several pages: its label sits at the top, on the first one.
        fmt = self.styles.band_label(level, top=band == STACK_BAND)
        self.sheet.merge(first, 0, last, 0, label, fmt)

    def bands(self, content: Callable[[str], Box]) -> None:
        drawn_any = False
        for band in range(TOP_BANDS):
            slots = self.layout.band(band)
            if not slots:
                continue
            if band == HEAD_BAND:
                first, _ = self.next_rows([16])
                for column in self.layout.columns:
                    title = self.spec.column_title(column)
                    if title:
                        c = self.col(column.index)
                        self.sheet.text(first, c, title, self.styles.column_label())
            elif drawn_any:
                self.arrows(slots)
            first, last = self.boxes_row(slots, content)
            self.band_label(first, last, band)
            drawn_any = True
        depth = self.layout.stack_depth
        if not depth:
            return
        self.arrows(self.layout.stack_row(0))
        stack_first = self.row
        for d in range(depth):
            if d:
                self.next_rows([GAP_ROW])
            self.boxes_row(self.layout.stack_row(d), content)
        self.band_label(stack_first, self.row - 1, STACK_BAND)

    def legend(self) -> None:
        styles = self.styles
        items: list[tuple[str, Format]] = []
        for level in sorted(lv for lv in self.levels_drawn if lv is not None):
            items.append((Tingkat(level).label, styles.box(level)))
        if None in self.levels_drawn:
            items.append(("Tingkat tidak dikenal", styles.box(None)))
        if self.any_context and self.spec.legend_context:
            items.append(
                ("Garis putus-putus: milik unit kerja lain (konteks)", styles.box(2, context=True))
            )
        if self.any_placeholder:
            items.append(
                (
                    "Garis titik-titik: tempat kosong (tanpa induk / tanpa kegiatan)",
                    styles.placeholder(),
                )
            )
        if self.any_finding:
            items.append(
                (
                    "Garis merah tebal: ada temuan (lihat catatan sel dan sheet Temuan)",
                    styles.box(None, finding=True),
                )
            )
        self.next_rows([GAP_ROW * 2])
        first = self.row
        for text, fmt in items:
            height = text_height([[(text, False)]], self.box_width, BOX_SIZE)
            row, _ = self.next_rows([max(height, 15)])
            self.sheet.text(row, 1, text, fmt)
        self.sheet.merge(first, 0, self.row - 1, 0, "Keterangan", styles.header_label())

    def draw(self, content: Callable[[str], Box]) -> Drawn:
        self.columns()
        self.title()
        self.header()
        if not self.layout.slots:
            row, _ = self.next_rows([20])
            self.sheet.text(row, 1, self.spec.empty_message, self.styles.note())
        else:
            self.bands(content)
            self.legend()
        self.drawn.last_row = self.row - 1
        return self.drawn


def draw_chart(
    sheet: SheetWriter, layout: TreeLayout, spec: ChartSpec, content: Callable[[str], Box]
) -> Drawn:
    """Draw `layout` on `sheet`; `content(key)` gives each node's Box."""
    return _Chart(sheet, layout, spec).draw(content)
