"""What the printed documents share: a table written row by row with heights that fit the text,
titles, and the signature blocks.

Rows are never merged vertically (a merged range split by a page break prints half empty), and
every row is as tall as its longest wrapped text, so that nothing printed is cut off. Portrait
documents are paginated here, not by Excel: every row height is known, so a page break goes
before the row that would not fit, the current table header is written again below it (a sheet
has only one range of print-title rows, and a PK has two tables), and a signature block is
never split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xlsxwriter.format import Format

from pokin_xl.model.documents import Party
from pokin_xl.model.frames import Identity
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.layout import split_height, text_height
from pokin_xl.writers.styles import THIN

TEXT_SIZE = 10
MIN_ROW = 15.0
SIGNATURE_SPACE = 58.0  # points left blank for a signature and a stamp
DEFAULT_ROW = 17.0  # the workbook's default row height (writers.workbook.WORKBOOK_OPTIONS)
# A4 is 841.9 pt tall; less the top and bottom margins of 0.6 in, and a little slack.
A4_PORTRAIT_CAPACITY = 841.9 - 2 * 0.6 * 72 - 24
SIGNATURE_BLOCK = 5 * 20.0 + SIGNATURE_SPACE


@dataclass(frozen=True)
class Span:
    """Columns first..last (0-based, inclusive) holding one value of a row."""

    first: int
    last: int


def agency_line(identity: Identity) -> str:
    """'BKPSDM Kabupaten Purwakarta': the perangkat daerah and its pemda, as documents head them."""
    return " ".join(p for p in (identity.perangkat_daerah, identity.pemda) if p)


class Page:
    """A sheet written top to bottom: `row` is the next free row."""

    def __init__(
        self, sheet: SheetWriter, widths: Sequence[float], *, capacity: float | None = None
    ) -> None:
        self.sheet = sheet
        self.widths = list(widths)
        self.row = 0
        self.capacity = capacity  # points a page holds; None: Excel paginates
        self.used = 0.0
        self.breaks: list[int] = []
        self.header: list[tuple[Span, object, Format]] | None = None
        self._points = MIN_ROW
        for col, width in enumerate(self.widths):
            sheet.column_width(col, col, width)
        self.last_col = len(self.widths) - 1
        styles = sheet.styles
        self.f_title = styles.get(bold=True, font_size=12, align="center", text_wrap=True)
        self.f_subtitle = styles.get(font_size=TEXT_SIZE, align="center", text_wrap=True)
        self.f_text = styles.get(font_size=TEXT_SIZE, text_wrap=True, valign="top")
        self.f_justify = styles.get(
            font_size=TEXT_SIZE, text_wrap=True, valign="top", align="justify"
        )
        self.f_bold = styles.get(font_size=TEXT_SIZE, bold=True, text_wrap=True, valign="top")
        self.f_center = styles.get(
            font_size=TEXT_SIZE, align="center", text_wrap=True, valign="top"
        )
        self.f_name = styles.get(
            font_size=TEXT_SIZE, bold=True, underline=1, align="center", text_wrap=True
        )
        grid = {"border": THIN, "border_color": "#000000", "font_size": TEXT_SIZE - 1}
        self.f_head = styles.get(
            bold=True, align="center", valign="vcenter", text_wrap=True, bg_color="#D9D9D9", **grid
        )
        self.f_cell = styles.get(text_wrap=True, valign="top", **grid)
        self.f_cell_center = styles.get(text_wrap=True, valign="top", align="center", **grid)
        self.f_money = styles.get(valign="top", num_format="#,##0", **grid)
        self.f_total = styles.get(bold=True, valign="top", num_format="#,##0", **grid)
        self.f_total_label = styles.get(bold=True, valign="top", align="right", **grid)
        self.f_band = styles.get(
            bold=True, valign="top", text_wrap=True, bg_color="#F2F2F2", **grid
        )

    def width(self, span: Span) -> float:
        return sum(self.widths[span.first : span.last + 1]) + 0.6 * (span.last - span.first)

    def skip(self, rows: int = 1) -> None:
        if self.used == 0 and self.breaks:
            return  # no blank lines at the top of a page
        self.row += rows
        self.used += DEFAULT_ROW * rows

    def page_break(self, *, header: bool = True) -> None:
        """A new page from the current row; the current table header again on top of it."""
        if self.row == 0 or (self.breaks and self.breaks[-1] == self.row):
            return
        self.breaks.append(self.row)
        self.used = 0.0
        if header and self.header is not None:
            self.cells(self.header)

    def keep(self, points: float) -> None:
        """Start a new page unless `points` more fit on this one."""
        if self.capacity is not None and self.used and self.used + points > self.capacity:
            self.page_break(header=False)

    def table(self, header: Sequence[tuple[Span, object, Format]]) -> int:
        """A table header row, written again below every page break until the next table."""
        self.header = None
        self.keep(3 * DEFAULT_ROW + 30)  # a header alone at the foot of a page is no use
        row = self.cells(header)
        self.header = list(header)
        return row

    def values_row(self, values: Sequence[object], formats: Sequence[Format]) -> int:
        """One value per column, from the first column on."""
        return self.cells(
            [(Span(i, i), v, f) for i, (v, f) in enumerate(zip(values, formats, strict=True))]
        )

    def header_row(self, headers: Sequence[str]) -> int:
        """The header of a table with one column per text (repeated after page breaks)."""
        return self.values_row(headers, [self.f_head] * len(headers))

    def end_table(self) -> None:
        self.header = None

    def line(self, text: str, fmt: Format | None = None, *, span: Span | None = None) -> int:
        """One text across `span` (default: the whole width), as tall as it wraps."""
        span = span or Span(0, self.last_col)
        fmt = fmt or self.f_text
        bold = fmt in (self.f_bold, self.f_title, self.f_name)
        size = 12 if fmt is self.f_title else TEXT_SIZE
        self._place(self._measure([(text, span, bold, size)]))
        self.sheet.merge(self.row, span.first, self.row, span.last, text, fmt)
        self.sheet.row_height(self.row, self._points)
        self.row += 1
        return self.row - 1

    def cells(
        self, values: Sequence[tuple[Span, object, Format]], *, size: int = TEXT_SIZE - 1
    ) -> int:
        """One table row: each value in its span; numbers as numbers, text wrapped."""
        bold = (self.f_head, self.f_band, self.f_total_label)
        measured = [
            (str(value), span, fmt in bold, size)
            for span, value, fmt in values
            if value is not None
            and not (isinstance(value, int | float) and not isinstance(value, bool))
        ]
        self._place(self._measure(measured))
        for span, value, fmt in values:
            if isinstance(value, int | float) and not isinstance(value, bool):
                if span.first != span.last:
                    self.sheet.merge(self.row, span.first, self.row, span.last, "", fmt)
                self.sheet.number(self.row, span.first, value, fmt)
                continue
            text = "" if value is None else str(value)
            self.sheet.merge(self.row, span.first, self.row, span.last, text, fmt)
        self.sheet.row_height(self.row, self._points)
        self.row += 1
        return self.row - 1

    def _measure(self, texts: Sequence[tuple[str, Span, bool, int]]) -> float:
        points = MIN_ROW
        for text, span, bold, size in texts:
            paragraphs = [[(part, bold)] for part in text.split("\n")] if text else [[("", bold)]]
            points = max(points, text_height(paragraphs, self.width(span), size))
        return split_height(points)[0]

    def _place(self, points: float) -> None:
        """Room for a row of `points` on this page, else a page break (and the header) first."""
        if self.capacity is not None and self.used and self.used + points > self.capacity:
            self.page_break()
        self._points = points
        self.used += points

    def signatures(
        self,
        left: tuple[str, Party | None] | None,
        right: tuple[str, Party | None],
        place_date: str,
        left_span: Span,
        right_span: Span,
    ) -> None:
        """'Pihak Kedua,' and 'Pihak Pertama,' side by side: role, position, space, name, NIP."""
        self.end_table()
        self.keep(SIGNATURE_BLOCK)
        self.line(place_date, self.f_center, span=right_span)
        blocks = [(left_span, left), (right_span, right)]
        for part in ("role", "jabatan", "space", "nama", "nip"):
            texts = []
            for span, block in blocks:
                if block is None:
                    continue
                role, party = block
                if part == "role":
                    text, fmt = role, self.f_center
                elif part == "jabatan":
                    text, fmt = (party.jabatan if party else ""), self.f_center
                elif part == "space":
                    text, fmt = "", self.f_center
                elif part == "nama":
                    name = party.nama if party and party.nama else "(" + "." * 40 + ")"
                    text, fmt = name, self.f_name
                else:
                    nip = party.nip if party else ""
                    text, fmt = (f"NIP. {nip}" if nip else "NIP. " + "." * 30), self.f_center
                self.sheet.merge(self.row, span.first, self.row, span.last, text, fmt)
                texts.append((text, span, fmt is self.f_name, TEXT_SIZE))
            points = SIGNATURE_SPACE if part == "space" else self._measure(texts)
            self.used += points
            self.sheet.row_height(self.row, points)
            self.row += 1


def place_and_date(tempat: str, tanggal: str, tahun: int | None) -> str:
    """'Purwakarta, 23 Januari 2024'; blanks to fill in where Identitas is silent."""
    place = tempat or "." * 20
    date = tanggal or ("." * 16 + (f" {tahun}" if tahun else ""))
    return f"{place}, {date}"
