"""What python-calamine cannot give, gathered from a worksheet's XML while the package check
streams it once (readers.package): number formats of numeric cells, error values, and how far
the cells that hold something reach.

- Number formats: calamine returns a percent cell's bare 1.0 and a code typed as "1.10" as 1.1;
  the format ("0%", "0.00") is the only trace of what the user sees (TOOLING_NOTES). Only cells
  whose style has a format other than General or Text (@) are looked up, and only numeric ones
  (no `t`, or `t="n"`): a format changes nothing else we read.
- Error values: calamine hands back '' for a cached "#DIV/0!", openpyxl the error text.
- Extent: calamine builds a dense range from A1 to the farthest cell holding something, so one
  value in XFD1048576 would ask for 17 billion cells (Rust aborts the process: no exception to
  catch); the reach is measured here first and such a sheet takes the sparse openpyxl path.
  Both libraries place a cell by its own address (its letters in either case), not by its row
  element, so the address of every cell with content is checked against that reach.

All searches are literal or anchored (a few passes of C-speed search per piece); a sheet whose
cells are not all written `<c r="..."` (prefixed elements, cells without an address) is marked
`plain=False` and read by openpyxl instead.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
import xml.parsers.expat
from dataclasses import dataclass, field

# ECMA-376 18.8.30: the number formats Excel knows by id (openpyxl's table, the standard's codes).
BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
_BUILTIN_IDS = {code: number for number, code in BUILTIN_FORMATS.items()}
_PLAIN_FORMATS = {"General", "@"}  # a number shows as itself under both

StyleSearches = list[tuple[re.Pattern[bytes], str]]  # a literal search per style, its format
_REF_RE = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")
_TYPE_RE = re.compile(rb'\st="([a-zA-Z]+)"')
_ROW_RE = re.compile(rb'<row r="([0-9]{1,7})"')
# The end of a cell's start tag when the cell may hold something: not self-closed. A `/>` only
# closes the cell when a tag follows it; inside an attribute value (x="/>") it does not, and
# then the cell is taken to hold something. Both libraries read an address's letters in either
# case ('xfd5'), and python-calamine takes any number of them.
_CONTENT_END = rb'"[^>]*+>(?:(?<!/>)|(?!\s*+(?:<|\Z)))'
_WIDE_RE = re.compile(rb'<c r="([A-Za-z]{2,3})[0-9]+' + _CONTENT_END)
_CONTENT_START_RE = re.compile(
    rb'<c r="(?:[A-Za-z]{1,3}([0-9]+)' + _CONTENT_END + rb"|[A-Za-z]{4})"
)
# XML's other white space, after which a cell's name would hide it from the searches here
# (`<c\nr="...">`); a byte search for each, made only in a piece that holds that byte at all
_SPACES = (b"\n", b"\t", b"\r")
_ERROR_RE = re.compile(rb'<c r="([A-Za-z]{1,3}[0-9]{1,7})"[^>]*\st="e"[^>]*>(.*?)</c>', re.S)
_ERROR_VALUE_RE = re.compile(rb"<v>([^<]*)</v>")
_FORMULA_RE = re.compile(
    rb'<c r="([A-Za-z]{1,3}[0-9]{1,7})"[^>]*(?<!/)>\s*<f(\s[^>]*)?(?:/>|>([^<]*)</f>)'
)
_ATTR_RE = re.compile(rb'\s([a-zA-Z]+)="([^"]*)"')


def cell_format_table(styles: bytes) -> list[str]:
    """The number format of each cell style (cellXfs, in order) of a styles part, as openpyxl
    names it: a custom code, the builtin code for a builtin id, General for an unknown id."""
    custom: dict[int, str] = {}
    formats: list[str] = []
    in_cell_xfs = False
    parser = xml.parsers.expat.ParserCreate()

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal in_cell_xfs
        local = name.rsplit(":", 1)[-1]
        if local == "numFmt":
            with contextlib.suppress(ValueError):
                custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "General")
        elif local == "cellXfs":
            in_cell_xfs = True
        elif local == "xf" and in_cell_xfs:
            try:
                number = int(attrs.get("numFmtId", "0"))
            except ValueError:
                number = 0
            code = custom.get(number)
            if code is None or (number < 164 and code in _BUILTIN_IDS):
                code = BUILTIN_FORMATS.get(_BUILTIN_IDS.get(code, number), "General")
            formats.append(code)

    def end(name: str) -> None:
        nonlocal in_cell_xfs
        if name.rsplit(":", 1)[-1] == "cellXfs":
            in_cell_xfs = False

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.Parse(styles, True)
    return formats


def column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ch - 64
    return number


def _unescape(text: str) -> str:
    """The five predefined entities of XML, `&amp;` last, as xml.sax.saxutils.unescape with
    &quot; and &apos; (that module imports urllib and http.client: ~5 ms of every start)."""
    text = text.replace("&lt;", "<").replace("&gt;", ">")
    text = text.replace("&quot;", '"').replace("&apos;", "'")
    return text.replace("&amp;", "&")


@functools.lru_cache(maxsize=64)
def _rows_below(row: int) -> re.Pattern[bytes]:
    """A cell with content whose address lies below `row` (a longer row number, or one of the
    same length that is greater, digit by digit), or any cell with four letters or more."""
    digits = str(row)
    longer = b"[0-9]{%d,}" % (len(digits) + 1)
    greater = [
        f"{digits[:i]}[{int(d) + 1}-9][0-9]{{{len(digits) - i - 1}}}".encode()
        for i, d in enumerate(digits)
        if d != "9"
    ]
    return re.compile(
        rb'<c r="(?:[A-Za-z]{1,3}(?:'
        + b"|".join([longer, *greater])
        + b")"
        + _CONTENT_END
        + rb"|[A-Za-z]{4})"  # more letters than a column has
    )


def _position(ref: bytes) -> tuple[int, int] | None:
    match = _REF_RE.fullmatch(ref)
    if match is None:
        return None
    return int(match.group(2)), column_number(match.group(1))


@dataclass
class SheetFacts:
    """Gathered from one worksheet part, piece by piece (pieces never split a tag)."""

    plain: bool = True  # every cell written <c r="A1" ...>: the searches below are exact
    max_row: int = 0  # farthest row / column of a cell that holds something (upper bound)
    max_col: int = 0
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    # formula texts ("=SUM(F5:F9)") by position, as openpyxl's formula reading gives them
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    _shared: dict[bytes, object] = field(default_factory=dict)
    _last_ref: bytes = b""
    _last_row: int = 0
    _open_row: int = 0  # the row of a cell with content whose end lies in the next piece

    @property
    def area(self) -> int:
        return self.max_row * max(self.max_col, 26 if self.max_row else 0)

    def scan(self, piece: bytes, styles: StyleSearches | None) -> None:
        cells = piece.count(b"<c ") + piece.count(b"<c>")
        if (
            cells != piece.count(b'<c r="')
            or (b":c" in piece and any(b":c" + end in piece for end in (b" ", b">", *_SPACES)))
            or b":row " in piece
            or any(space in piece and b"<c" + space in piece for space in _SPACES)
        ):
            self.plain = False
        if not self.plain:
            return
        self._reach(piece)
        if styles is not None:
            self._formats(piece, styles)
        if b"<f" in piece:
            self._formulas(piece)
        if b't="e"' in piece:
            for match in _ERROR_RE.finditer(piece):
                value = _ERROR_VALUE_RE.search(match.group(2))
                where = _position(match.group(1))
                if value is not None and where is not None:
                    self.errors[where] = value.group(1).decode("utf-8", "replace")

    def _formulas(self, piece: bytes) -> None:
        """openpyxl's reading: a shared formula's master gives its text, each dependent the
        master's text moved to it (openpyxl's Translator); an array formula its text."""
        for match in _FORMULA_RE.finditer(piece):
            ref, attributes, body = match.groups()
            where = _position(ref)
            if where is None:
                continue
            attrs = dict(_ATTR_RE.findall(attributes or b""))
            text = "=" + _unescape((body or b"").decode("utf-8", "replace"))
            if attrs.get(b"t") == b"shared":
                index = attrs.get(b"si", b"")
                master = self._shared.get(index)
                if master is not None:
                    text = master.translate_formula(ref.decode())
                elif text != "=":
                    from openpyxl.formula.translate import Translator

                    self._shared[index] = Translator(text, ref.decode())
            if len(text) > 1:
                self.formulas[where] = text

    def _reach(self, piece: bytes) -> None:
        """Rows come in order (checked: otherwise the sheet is not plain), so in a sound sheet
        the last cell with content in a piece is its farthest row; the addresses of the other
        cells are checked against it (a damaged one may point anywhere)."""
        rows = [int(number) for number in _ROW_RE.findall(piece)]
        if rows:
            if rows[0] <= self._last_row or any(a >= b for a, b in itertools.pairwise(rows)):
                self.plain = False
                return
            self._last_row = rows[-1]
        closing = piece.rfind(b"</c>")
        if closing != -1:
            start = piece.rfind(b'<c r="', 0, closing)
            ref = self._last_ref
            if start != -1:
                end = piece.find(b'"', start + 6)
                ref = piece[start + 6 : end]
            where = _position(ref)
            if where is None:  # an address we cannot place ('', '1A', eight digits)
                self.plain = False
                return
            self.max_row = max(self.max_row, where[0])
            self.max_col = max(self.max_col, where[1])
            # every other cell with content starts before `closing`, and those left open at
            # the end of the last piece ended in this one: none may lie further down
            if self._open_row > self.max_row or _rows_below(self.max_row).search(piece, 0, closing):
                self.plain = False
                return
            self._open_row = 0
        # cells with content that start after the last </c>: their rows wait for the next piece
        for row in _CONTENT_START_RE.findall(piece, max(closing, 0)):
            if not row:
                self.plain = False
                return
            self._open_row = max(self._open_row, int(row))
        last = piece.rfind(b'<c r="')
        if last != -1:
            self._last_ref = piece[last + 6 : piece.find(b'"', last + 6)]
        for letters in _WIDE_RE.findall(piece):
            self.max_col = max(self.max_col, column_number(letters))

    def finish(self) -> None:
        """After the last piece: a cell with content left open is damage the reach missed."""
        if self._open_row > self.max_row:
            self.plain = False

    def _formats(self, piece: bytes, styles: StyleSearches) -> None:
        for search, code in styles:
            self._formats_of(piece, search, code)

    def _formats_of(self, piece: bytes, search: re.Pattern[bytes], code: str) -> None:
        for match in search.finditer(piece):
            start = piece.rfind(b"<c ", 0, match.start())
            end = piece.find(b">", match.end())
            if start == -1 or end == -1:
                continue
            tag = piece[start:end]
            kind = _TYPE_RE.search(tag)
            if kind is not None and kind.group(1) != b"n":
                continue  # text, boolean, error, inline string: the format changes nothing
            if tag.endswith(b"/"):
                continue  # a styled empty cell
            where = _position(tag[6 : tag.find(b'"', 6)])
            if where is not None:
                self.formats[where] = code


def styles_pattern(table: list[str]) -> StyleSearches | None:
    """The searches for cells in a style whose format matters for a number, one literal search
    per style (a literal is found at memchr speed; an alternation would stop at every cell)."""
    wanted = [
        (re.compile(b' s="%d"' % i), code)
        for i, code in enumerate(table)
        if code not in _PLAIN_FORMATS
    ]
    return wanted or None
