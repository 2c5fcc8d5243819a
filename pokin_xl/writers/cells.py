"""Writing cells safely: text stays text, nothing exceeds Excel's limits, no write fails silently.

- Text is always written as a string. Text that begins with '=', '+', '-' or '@' also gets the
  quote prefix, so that editing the cell in Excel does not turn it into a formula.
- Strings are cut to Excel's 32,767 characters (counted in UTF-16 units, as Excel counts).
- A text that looks like xlsxwriter's own rich-string markup ('<r>...</r>') is written as text.
- A number Excel cannot hold (NaN, infinity) is written as a blank cell, never passed on to
  xlsxwriter (which raises on it, or writes 'inf' as a formula's cached value).
- Every xlsxwriter call that reports a failure with a negative code raises WriterError instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Real

import pandas as pd
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from pokin_xl.writers.styles import Styles

EXCEL_MAX_CHARS = 32_767
FORMULA_PREFIXES = ("=", "+", "-", "@")
TRUNCATION_MARK = " …[dipotong]"
MAX_LINKS = 65_530  # Excel's limit of hyperlinks on one worksheet

Paragraph = Sequence[tuple[Format, str]]  # runs of (font format, text)


class WriterError(RuntimeError):
    """A write that xlsxwriter refused: a defect of the writer, never of the user's data."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fit_text(text: str, limit: int = EXCEL_MAX_CHARS) -> str:
    """`text` cut to at most `limit` UTF-16 units, marked when cut."""
    if 2 * len(text) <= limit or utf16_len(text) <= limit:  # a character is 1 or 2 units
        return text
    keep = limit - utf16_len(TRUNCATION_MARK)
    out: list[str] = []
    used = 0
    for ch in text:
        size = 2 if ord(ch) > 0xFFFF else 1
        if used + size > keep:
            break
        out.append(ch)
        used += size
    return "".join(out) + TRUNCATION_MARK


def literal(text: str) -> str:
    """`text` as xlsxwriter must be given it to write exactly that text. xlsxwriter writes a
    string that starts with '<r>' and ends with '</r>' as raw rich-text XML (its own format for
    rich strings), so such a cell text would be unescaped markup and could break the file; it is
    wrapped in one escaped run instead, which Excel shows as the text itself."""
    if not (text.startswith("<r>") and text.endswith("</r>")):
        return text
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<r><t xml:space="preserve">{escaped}</t></r>'


def as_text(value: object) -> str:
    """The display text of a value ('' for None, NaN and pandas NA)."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if type(value).__name__ in ("NAType", "NaTType"):
        return ""
    return str(value)


def as_number(value: object) -> float | None:
    """The value as a float; None for None, NaN, pandas NA, what is not a number and what Excel
    cannot hold as one (infinity: a 400-digit 'pagu' reads as inf)."""
    if value is None:
        return None
    if type(value) is not float and type(value) is not int:
        try:
            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int beyond a float
        return None
    return number if math.isfinite(number) else None


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def sheet_ref(sheet: str, row: int, col: int) -> str:
    """ "'Sheet name'!C5" for an internal link (0-based row and column)."""
    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{xl_rowcol_to_cell(row, col)}"


def _check(code: int | None, what: str, sheet: str, row: int, col: int) -> None:
    if code is not None and code < 0:
        raise WriterError(
            f"xlsxwriter menolak {what} di sheet '{sheet}' sel {xl_rowcol_to_cell(row, col)} "
            f"(kode {code})."
        )


class SheetWriter:
    """A worksheet and the workbook's styles, with writes that cannot go wrong quietly."""

    def __init__(self, worksheet: Worksheet, styles: Styles) -> None:
        self.ws = worksheet
        self.styles = styles
        self._links = 0

    @property
    def name(self) -> str:
        return self.ws.get_name()

    def flush(self) -> None:
        """Write the cells a row-ordered worksheet keeps (writers.rows); nothing to do on a
        plain xlsxwriter worksheet. Later writes must not go to the rows before the last one."""
        flush = getattr(self.ws, "flush", None)
        if flush is not None:
            flush()

    def _text_format(self, text: str, fmt: Format | None) -> Format | None:
        if looks_like_formula(text):
            return self.styles.variant(fmt, quote_prefix=True)
        return fmt

    def text(self, row: int, col: int, value: object, fmt: Format | None = None) -> None:
        text = fit_text(value if type(value) is str else as_text(value))
        if not text:
            self.blank(row, col, fmt)
            return
        if text[0] in FORMULA_PREFIXES:
            fmt = self.styles.variant(fmt, quote_prefix=True)
        code = self.ws.write_string(row, col, literal(text), fmt)
        if code:  # 0 when written; negative codes are xlsxwriter's refusals
            _check(code, "teks", self.name, row, col)

    def number(self, row: int, col: int, value: object, fmt: Format | None = None) -> None:
        if value is None or isinstance(value, bool) or not isinstance(value, Real):
            self.blank(row, col, fmt)
            return
        try:
            number = float(value)
        except OverflowError:  # an int beyond a float
            number = math.inf
        if not math.isfinite(number):
            self.blank(row, col, fmt)
            return
        code = self.ws.write_number(row, col, number, fmt)
        _check(code, "angka", self.name, row, col)

    def empty_text(self, row: int, col: int, fmt: Format | None = None) -> None:
        """A text cell holding '' (not a blank cell: a table that always wrote its empty texts
        so keeps its cells as they were)."""
        code = self.ws.write_string(row, col, "", fmt)
        if code:
            _check(code, "teks", self.name, row, col)

    def formula(
        self,
        row: int,
        col: int,
        formula: str,
        fmt: Format | None = None,
        cached: float | str = "",
    ) -> None:
        """A formula of the writer's own (never a user's text) and the value a viewer shows before
        recalculating: a cached number Excel cannot hold becomes '', a cached text is cut."""
        if isinstance(cached, str):
            cached = fit_text(cached)
        elif not math.isfinite(cached):
            cached = ""
        code = self.ws.write_formula(row, col, formula, fmt, cached)
        _check(code, "rumus", self.name, row, col)

    def blank(self, row: int, col: int, fmt: Format | None = None) -> None:
        code = self.ws.write_blank(row, col, None, fmt)
        if code:
            _check(code, "sel kosong", self.name, row, col)

    def merge(
        self,
        first_row: int,
        first_col: int,
        last_row: int,
        last_col: int,
        value: object,
        fmt: Format | None = None,
    ) -> None:
        """A merged range holding text (one cell is written plainly: Excel cannot merge one)."""
        if first_row == last_row and first_col == last_col:
            self.text(first_row, first_col, value, fmt)
            return
        text = fit_text(as_text(value))
        code = self.ws.merge_range(
            first_row, first_col, last_row, last_col, "", self._text_format(text, fmt)
        )
        _check(code, "penggabungan sel", self.name, first_row, first_col)
        if text:
            self.text(first_row, first_col, text, fmt)

    def rich(
        self,
        first_row: int,
        first_col: int,
        last_row: int,
        last_col: int,
        paragraphs: Sequence[Paragraph],
        fmt: Format,
    ) -> None:
        """Paragraphs of formatted runs in a (merged) box; one line break between paragraphs."""
        fragments: list[tuple[Format, str]] = []
        budget = EXCEL_MAX_CHARS - utf16_len(TRUNCATION_MARK)
        for number, paragraph in enumerate(paragraphs):
            runs = [(f, t) for f, t in paragraph if t]
            if not runs:
                continue
            if number and fragments:
                first_format, first_text = runs[0]
                runs[0] = (first_format, "\n" + first_text)
            for run_format, run_text in runs:
                size = utf16_len(run_text)
                if size > budget:
                    fragments.append((run_format, fit_text(run_text, budget + 1)))
                    budget = -1
                    break
                fragments.append((run_format, run_text))
                budget -= size
            if budget < 0:
                break
        # The quote prefix is the cell's: a box whose text begins like a formula (a misi typed
        # as "- Meningkatkan ...") gets it as a plain text cell does.
        cell_format = self._text_format(fragments[0][1], fmt) if fragments else fmt
        single = first_row == last_row and first_col == last_col
        if not single:
            code = self.ws.merge_range(first_row, first_col, last_row, last_col, "", cell_format)
            _check(code, "penggabungan sel", self.name, first_row, first_col)
        if len(fragments) < 2:  # xlsxwriter wants two fragments or more for a rich string
            self.text(first_row, first_col, fragments[0][1] if fragments else "", fmt)
            return
        parts: list[object] = []
        for run_format, run_text in fragments:
            parts.extend((run_format, run_text))
        code = self.ws.write_rich_string(first_row, first_col, *parts, cell_format)
        _check(code, "teks berformat", self.name, first_row, first_col)

    def link(
        self,
        row: int,
        col: int,
        sheet: str,
        target_row: int,
        target_col: int,
        text: str,
        fmt: Format | None = None,
    ) -> bool:
        """An internal link to a cell of this workbook; plain text past Excel's link limit."""
        if self._links >= MAX_LINKS:
            self.text(row, col, text, fmt)
            return False
        code = self.ws.write_url(
            row,
            col,
            "internal:" + sheet_ref(sheet, target_row, target_col),
            fmt if fmt is None else self._text_format(text, fmt),
            string=fit_text(text, 2000),
        )
        _check(code, "tautan", self.name, row, col)
        self._links += 1
        return True

    def file_link(
        self,
        row: int,
        col: int,
        path: str,
        text: str,
        fmt: Format | None = None,
        *,
        sheet: str = "",
        cell: str = "",
    ) -> bool:
        """A link to another workbook (a relative path keeps working when the folder moves with
        the file that links to it), opening at `sheet`!`cell` when given."""
        if self._links >= MAX_LINKS or len(path) > 240:  # Excel refuses longer link targets
            self.text(row, col, text, fmt)
            return False
        target = "external:" + path
        if sheet:
            quoted = sheet.replace("'", "''")
            target += f"#'{quoted}'!{cell or 'A1'}"
        link_format = fmt if fmt is None else self._text_format(text, fmt)
        code = self.ws.write_url(row, col, target, link_format, string=fit_text(text, 2000))
        _check(code, "tautan", self.name, row, col)
        self._links += 1
        return True

    def note(self, row: int, col: int, text: str, *, width: int = 360, lines: int = 0) -> None:
        """A cell comment (a 'note'); shown on hover, not printed."""
        height = max(60, min(600, 15 * (lines or text.count("\n") + 2)))
        code = self.ws.write_comment(
            row,
            col,
            fit_text(text),
            {"author": "pokin-xl", "x_scale": width / 128, "y_scale": height / 74},
        )
        _check(code, "catatan", self.name, row, col)

    def row_height(self, row: int, points: float) -> None:
        code = self.ws.set_row(row, min(points, 409))
        _check(code, "tinggi baris", self.name, row, 0)

    def column_width(self, first_col: int, last_col: int, width: float) -> None:
        code = self.ws.set_column(first_col, last_col, min(width, 255))
        _check(code, "lebar kolom", self.name, 0, first_col)
