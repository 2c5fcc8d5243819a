"""Reading an output workbook back with openpyxl, for the writer tests."""

from __future__ import annotations

import re
from itertools import combinations

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

# The cascade workbook's fixed sheets: before and after the one Cascading sheet per unit.
FIXED_BEFORE = ["Ringkasan", "Temuan"]
FIXED_AFTER = ["Pohon Kinerja", "Matriks Peran Hasil", "Data Kinerja"]

_LOCATION_RE = re.compile(r"^'?(?P<sheet>(?:[^']|'')+?)'?!(?P<cell>\$?[A-Z]+\$?\d+)$")


def texts(ws: Worksheet) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def overlapping_merges(ws: Worksheet) -> list[tuple[str, str]]:
    ranges = list(ws.merged_cells.ranges)
    clashes = []
    for a, b in combinations(ranges, 2):
        if (
            a.min_row <= b.max_row
            and b.min_row <= a.max_row
            and a.min_col <= b.max_col
            and b.min_col <= a.max_col
        ):
            clashes.append((a.coord, b.coord))
    return clashes


def parse_location(location: str) -> tuple[str, int, int]:
    """("Sheet name", row, col) of an internal link's location, 1-based."""
    match = _LOCATION_RE.match(location)
    assert match, f"not an internal location: {location!r}"
    sheet = match.group("sheet").replace("''", "'")
    letters, row = coordinate_from_string(match.group("cell").replace("$", ""))
    return sheet, row, column_index_from_string(letters)


def internal_links(ws: Worksheet) -> list[tuple[str, str]]:
    """(cell coordinate, location) of every internal hyperlink of a sheet."""
    found = []
    for row in ws.iter_rows():
        for cell in row:
            link = cell.hyperlink
            if link is not None and link.location:
                found.append((cell.coordinate, link.location))
    return found


def resolve(book: Workbook, location: str):
    """The target cell of a location; fails when the sheet or the cell is outside its used area."""
    sheet, row, col = parse_location(location)
    assert sheet in book.sheetnames, f"link to missing sheet {sheet!r}"
    ws = book[sheet]
    assert 1 <= row <= ws.max_row and 1 <= col <= ws.max_column, (location, ws.dimensions)
    return ws.cell(row, col)


def sheet_titled(book: Workbook, title: str) -> Worksheet:
    """The drawn sheet whose first cell reads `title`."""
    for ws in book.worksheets:
        if ws["A1"].value == title:
            return ws
    raise AssertionError(f"no sheet titled {title!r}: {[ws['A1'].value for ws in book]}")
