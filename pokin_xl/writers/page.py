"""Print setup: landscape, paper size, one page wide, a title and page numbers on every page."""

from __future__ import annotations

from xlsxwriter.worksheet import Worksheet

PAPER_A3 = 8
PAPER_A4 = 9
_HEADER_MAX = 200  # Excel allows 255 characters for a whole header or footer, codes included


def _escape(text: str) -> str:
    """Header/footer text: '&' starts a control code in Excel, so a literal one is doubled."""
    return text.replace("&", "&&")[:_HEADER_MAX]


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
    worksheet.set_header(f"&C&9&B{_escape(title)}", {"margin": 0.25})
    left = f"&L&8{_escape(footer_note)}" if footer_note else ""
    worksheet.set_footer(f"{left}&R&8Halaman &P dari &N", {"margin": 0.25})
    if drawn:
        worksheet.hide_gridlines(2)
        worksheet.center_horizontally()
    if repeat_rows is not None:
        worksheet.repeat_rows(*repeat_rows)
