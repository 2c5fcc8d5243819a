"""Print setup: landscape, paper size, one page wide, a title and page numbers on every page."""

from __future__ import annotations

import re

from xlsxwriter.worksheet import Worksheet

from pokin_xl.writers.cells import utf16_len

PAPER_A3 = 8
PAPER_A4 = 9
# Excel allows 255 UTF-16 units for a whole header or footer, codes included; xlsxwriter drops a
# longer one with only a warning. A user's text gets 200, leaving 55 for the codes around it.
_HEADER_MAX = 200
_ODD_AMPERSANDS_RE = re.compile(r"(?<!&)(&&)*&$")


def header_text(text: str) -> str:
    """A user's text for a header or footer: '&' starts a control code in Excel, so a literal one
    is doubled; cut to _HEADER_MAX UTF-16 units, never between the two '&' of a literal one."""
    escaped = text.replace("&", "&&")
    if 2 * len(escaped) > _HEADER_MAX and utf16_len(escaped) > _HEADER_MAX:
        escaped = escaped[:_HEADER_MAX]
        while utf16_len(escaped) > _HEADER_MAX:
            escaped = escaped[:-1]
        if _ODD_AMPERSANDS_RE.search(escaped):
            escaped = escaped[:-1]
    return escaped


def setup_page(
    worksheet: Worksheet,
    title: str,
    *,
    paper: int,
    drawn: bool = False,
    repeat_rows: tuple[int, int] | None = None,
    footer_note: str = "",
    portrait: bool = False,
) -> None:
    """Landscape on `paper`, fit to one page wide; gridlines hidden on drawn sheets.

    Portrait sheets are printed at 100 % instead: Excel ignores manual page breaks on a sheet
    fitted to pages, and the documents need theirs (their columns are sized to fit A4).
    """
    if portrait:
        worksheet.set_portrait()
        worksheet.set_print_scale(100)
    else:
        worksheet.set_landscape()
        worksheet.fit_to_pages(1, 0)
    worksheet.set_paper(paper)
    worksheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    worksheet.set_header(f"&C&9&B{header_text(title)}", {"margin": 0.25})
    note = header_text(footer_note)
    # '&8' sets the font size and takes every digit after it: "&82024" would be size 82024
    left = f"&L&8{' ' if note[:1].isdigit() else ''}{note}" if note else ""
    worksheet.set_footer(f"{left}&R&8Halaman &P dari &N", {"margin": 0.25})
    if drawn:
        worksheet.hide_gridlines(2)
        worksheet.center_horizontally()
    if repeat_rows is not None:
        worksheet.repeat_rows(*repeat_rows)
