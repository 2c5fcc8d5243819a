"""One palette and the formats built from it: a fill per level, severities, tables, titles.

xlsxwriter formats belong to one workbook and cannot be combined after creation, so `Styles`
creates each distinct set of properties once and hands the same Format back afterwards.
"""

from __future__ import annotations

from typing import Any

import xlsxwriter
from xlsxwriter.format import Format

from pokin_xl.model.levels import Tingkat

FONT = "Arial"  # Liberation Sans in LibreOffice has the same metrics, so measured text fits.
BOX_SIZE = 9
TABLE_SIZE = 9

LEVEL_FILLS: dict[int | None, str] = {
    Tingkat.TUJUAN: "#BDD7EE",
    Tingkat.SASARAN_STRATEGIS: "#F8CBAD",
    Tingkat.SASARAN_PROGRAM: "#C6E0B4",
    Tingkat.SASARAN_KEGIATAN: "#FFE699",
    Tingkat.SASARAN_SUB_KEGIATAN: "#D9D2E9",
    Tingkat.RENCANA_HASIL_KERJA: "#EDEDED",
    None: "#FFFFFF",
}
LEVEL_BORDERS: dict[int | None, str] = {
    Tingkat.TUJUAN: "#1F4E79",
    Tingkat.SASARAN_STRATEGIS: "#C55A11",
    Tingkat.SASARAN_PROGRAM: "#548235",
    Tingkat.SASARAN_KEGIATAN: "#BF8F00",
    Tingkat.SASARAN_SUB_KEGIATAN: "#7030A0",
    Tingkat.RENCANA_HASIL_KERJA: "#7F7F7F",
    None: "#7F7F7F",
}
FINDING_COLOUR = "#C00000"
MUTED_COLOUR = "#7F7F7F"
LINK_COLOUR = "#0563C1"
HEADER_FILL = "#1F4E79"
GRID_COLOUR = "#BFBFBF"  # the thin borders of table cells
SEVERITY_FILLS = {"error": "#F4CCCC", "warning": "#FFF2CC", "info": "#DDEBF7"}
SEVERITY_FONTS = {"error": "#9C0006", "warning": "#7F6000", "info": "#1F4E79"}

# xlsxwriter border styles: 1 thin, 2 medium, 3 dashed, 4 dotted, 5 thick.
THIN, MEDIUM, DASHED, DOTTED, THICK = 1, 2, 3, 4, 5


class Styles:
    """The workbook's formats, created on first use."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self._book = book
        self._cache: dict[tuple[tuple[str, Any], ...], Format] = {}
        self._props: dict[int, dict[str, Any]] = {}
        self._runs: dict[tuple[bool, bool, str], Format] = {}

    def get(self, **props: Any) -> Format:
        props.setdefault("font_name", FONT)
        props.setdefault("font_size", TABLE_SIZE)
        key = tuple(sorted(props.items()))
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._book.add_format(dict(props))
            self._cache[key] = fmt
            self._props[id(fmt)] = dict(props)
        return fmt

    def variant(self, fmt: Format | None, **changes: Any) -> Format:
        """`fmt` with some properties changed (e.g. quote_prefix for text that looks like a formula)."""
        base = dict(self._props.get(id(fmt), {})) if fmt is not None else {}
        base.update(changes)
        return self.get(**base)

    # ------------------------------------------------------------- text runs of a rich string
    def run(self, *, bold: bool = False, italic: bool = False, colour: str = "") -> Format:
        key = (bold, italic, colour)
        fmt = self._runs.get(key)
        if fmt is None:
            fmt = self._runs[key] = self._run(bold=bold, italic=italic, colour=colour)
        return fmt

    def _run(self, *, bold: bool, italic: bool, colour: str) -> Format:
        props: dict[str, Any] = {"font_size": BOX_SIZE}
        if bold:
            props["bold"] = True
        if italic:
            props["italic"] = True
        if colour:
            props["font_color"] = colour
        return self.get(**props)

    # ------------------------------------------------------------- drawn sheets
    def title(self, size: int = 14) -> Format:
        return self.get(bold=True, font_size=size, align="center", valign="vcenter", text_wrap=True)

    def subtitle(self) -> Format:
        return self.get(font_size=10, align="center", valign="vcenter", font_color="#404040")

    def band_label(self, level: int | None, *, top: bool = False) -> Format:
        return self.get(
            bold=True,
            font_size=BOX_SIZE,
            align="center",
            valign="top" if top else "vcenter",
            text_wrap=True,
            bg_color=LEVEL_FILLS[level],
            border=THIN,
            border_color=LEVEL_BORDERS[level],
        )

    def box(
        self,
        level: int | None,
        *,
        finding: bool = False,
        context: bool = False,
    ) -> Format:
        return self.get(
            font_size=BOX_SIZE,
            text_wrap=True,
            valign="top",
            align="left",
            bg_color="#FFFFFF" if context else LEVEL_FILLS[level],
            border=THICK if finding else (DASHED if context else THIN),
            border_color=FINDING_COLOUR if finding else LEVEL_BORDERS[level],
        )

    def placeholder(self) -> Format:
        return self.get(
            font_size=BOX_SIZE,
            italic=True,
            font_color=MUTED_COLOUR,
            text_wrap=True,
            align="center",
            valign="vcenter",
            border=DOTTED,
            border_color=MUTED_COLOUR,
        )

    def column_label(self) -> Format:
        return self.get(bold=True, font_size=10, align="center", valign="vcenter")

    def arrow(self) -> Format:
        return self.get(font_size=8, align="center", valign="vcenter", font_color=MUTED_COLOUR)

    def header_label(self) -> Format:
        return self.get(
            bold=True,
            font_size=BOX_SIZE,
            align="center",
            valign="vcenter",
            text_wrap=True,
            bg_color="#F2F2F2",
            border=THIN,
        )

    def header_text(self) -> Format:
        return self.get(
            font_size=BOX_SIZE, text_wrap=True, valign="vcenter", align="left", border=THIN
        )

    def note(self) -> Format:
        return self.get(font_size=8, italic=True, font_color="#404040")

    # ------------------------------------------------------------- tables
    def table_header(self) -> Format:
        return self.get(
            bold=True,
            font_color="#FFFFFF",
            bg_color=HEADER_FILL,
            text_wrap=True,
            valign="vcenter",
            align="center",
            border=THIN,
            border_color=GRID_COLOUR,
        )

    def cell(self, *, wrap: bool = True, bold: bool = False) -> Format:
        props: dict[str, Any] = {"valign": "top", "border": THIN, "border_color": GRID_COLOUR}
        if wrap:
            props["text_wrap"] = True
        if bold:
            props["bold"] = True
        return self.get(**props)

    def number(self, num_format: str = "#,##0.##") -> Format:
        return self.get(valign="top", num_format=num_format, border=THIN, border_color=GRID_COLOUR)

    def link(self, *, boxed: bool = True) -> Format:
        props: dict[str, Any] = {"font_color": LINK_COLOUR, "underline": 1, "valign": "top"}
        if boxed:
            props.update(border=THIN, border_color=GRID_COLOUR, text_wrap=True)
        return self.get(**props)

    def severity(self, severity: str) -> Format:
        """Conditional-format colours for a severity (fill and font only)."""
        return self.conditional(font=SEVERITY_FONTS[severity], fill=SEVERITY_FILLS[severity])

    def conditional(self, *, font: str, fill: str = "", bold: bool = False) -> Format:
        """A conditional format: colours (and bold) only, no font name or size."""
        props: dict[str, Any] = {"font_color": font}
        if fill:
            props["bg_color"] = fill
        if bold:
            props["bold"] = True
        key = (("conditional", tuple(sorted(props.items()))),)
        if key not in self._cache:
            self._cache[key] = self._book.add_format(props)
        return self._cache[key]

    def label(self) -> Format:
        return self.get(bold=True, valign="top", text_wrap=True)

    def plain(self, *, wrap: bool = True) -> Format:
        return self.get(valign="top", text_wrap=wrap)

    def section(self) -> Format:
        return self.get(bold=True, font_size=11, font_color=HEADER_FILL)


# ------------------------------------------------------------- the template a user fills in
# It keeps Excel's own default font (Calibri 11), so that what a user types looks like the rest.
TEMPLATE_FONT, TEMPLATE_SIZE = "Calibri", 11
TEMPLATE_HEADER_FILL = "#1F4E78"
TEMPLATE_LABEL_FILL = "#DDEBF7"
TEMPLATE_EXAMPLE_COLOUR = "#595959"


def template_formats(styles: Styles) -> dict[str, Format]:
    """The template's formats by role: title, header, label, text, example, code, money, plain,
    guide."""

    def get(**props: Any) -> Format:
        return styles.get(**{"font_name": TEMPLATE_FONT, "font_size": TEMPLATE_SIZE, **props})

    cell = {"valign": "top", "border": THIN}
    return {
        "title": get(bold=True, font_size=14),
        "header": get(
            bold=True,
            bg_color=TEMPLATE_HEADER_FILL,
            font_color="#FFFFFF",
            border=THIN,
            text_wrap=True,
            valign="vcenter",
        ),
        "label": get(bold=True, bg_color=TEMPLATE_LABEL_FILL, border=THIN),
        "text": get(text_wrap=True, **cell),
        "example": get(text_wrap=True, font_color=TEMPLATE_EXAMPLE_COLOUR, **cell),
        "code": get(num_format="@", **cell),
        "money": get(num_format="#,##0", **cell),
        "plain": get(text_wrap=True),
        "guide": get(text_wrap=True, valign="top"),
    }
