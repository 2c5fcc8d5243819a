"""Every sheet of a workbook as a Grid, whatever its format (.xlsx/.xlsm through openpyxl, legacy
.xls through xlrd), plus what a sheet holds besides cells (text boxes drawn over it)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pokin_xl.readers.grid import Grid
from pokin_xl.readers.workbook import open_workbook
from pokin_xl.readers.xls import is_xls, read_xls_grids

_TEXT_BOX_RE = re.compile(rb"<(?:xdr:)?txBody\b")


def read_grids(path: str | Path) -> list[Grid]:
    """The workbook's sheets in order (empty sheets included, with max_row 0)."""
    path = Path(path)
    if path.is_file() and path.stat().st_size and is_xls(path):
        return read_xls_grids(path)
    workbook = open_workbook(path)
    return [Grid(sheet) for sheet in workbook.worksheets]


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
