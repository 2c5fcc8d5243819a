"""Every sheet of a workbook as a Grid, whatever its format (.xlsx/.xlsm through calamine or
openpyxl, legacy .xls through xlrd: readers.book), plus what a sheet holds besides cells (text
boxes drawn over it)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pokin_xl.readers.book import open_book
from pokin_xl.readers.grid import Grid

_TEXT_BOX_RE = re.compile(rb"<(?:xdr:)?txBody\b")


def read_grids(path: str | Path, *, route: str = "") -> list[Grid]:
    """The workbook's sheets in order (empty sheets included, with max_row 0); `route` forces a
    reading path (readers.book)."""
    return open_book(path, route=route).grids()


def count_text_boxes(path: str | Path) -> int:
    """Shapes holding text drawn over the sheets of an .xlsx (a pohon kinerja drawn in Excel)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(
                len(_TEXT_BOX_RE.findall(archive.read(name)))
                for name in archive.namelist()
                if name.startswith("xl/drawings/") and name.endswith(".xml")
            )
    except (zipfile.BadZipFile, OSError, KeyError):
        return 0
