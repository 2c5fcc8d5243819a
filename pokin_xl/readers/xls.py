"""Legacy Excel 97-2003 (.xls) workbooks, read with xlrd into the same Grid as an .xlsx.

Rows are read ragged (each as long as its last cell), so that one cell at IV65536 costs one
row's walk and not 16.7 million empty cells (7.8 s and 290 MB before the area limit refused it).
Cell addresses are Excel's own (row 1, column A), merged ranges are filled from their top-left
cell, and each cell keeps its number format, so a percent cell or a code typed as "1.10" reads
exactly as it does from an .xlsx. An .xls keeps the value of every formula, so nothing needs
recomputing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import xlrd

from pokin_xl.errors import InputError
from pokin_xl.readers.grid import Cell, Grid

T = TypeVar("T")


class _Discard(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


# xlrd writes its warnings on a damaged file ("WARNING *** file size ... not 512 + multiple of
# sector size") to stdout by default: into `validate --format json` and every message a user
# reads. The damage itself reaches the user as an InputError.
_XLRD_LOG = _Discard()


class XlsGrid(Grid):
    """A Grid filled from an xlrd sheet (Grid's own constructor reads an openpyxl sheet)."""

    def __init__(self, book: xlrd.book.Book, sheet: xlrd.sheet.Sheet, file: str = "") -> None:
        cells: dict[tuple[int, int], Cell] = {}
        for r in range(sheet.nrows):
            for c in range(sheet.row_len(r)):  # ragged rows: only up to each row's last cell
                cell = _cell(book, sheet, r, c)
                if cell.value is not None:
                    cells[(r + 1, c + 1)] = cell
        # xlrd: 0-based, end exclusive; Grid: Excel's 1-based, inclusive.
        ranges = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
        self._fill(sheet.name, file, cells, ranges)


def _cell(book: xlrd.book.Book, sheet: xlrd.sheet.Sheet, row: int, col: int) -> Cell:
    kind = sheet.cell_type(row, col)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return Cell(None)
    value = sheet.cell_value(row, col)
    if kind == xlrd.XL_CELL_ERROR:
        value = xlrd.error_text_from_code.get(value, "#VALUE!")
    elif kind == xlrd.XL_CELL_BOOLEAN:
        value = bool(value)
    elif kind == xlrd.XL_CELL_NUMBER and float(value).is_integer() and abs(value) < 1e15:
        value = int(value)
    return Cell(value, _number_format(book, sheet, row, col))


def _number_format(book: xlrd.book.Book, sheet: xlrd.sheet.Sheet, row: int, col: int) -> str:
    try:
        xf = book.xf_list[sheet.cell_xf_index(row, col)]
        return book.format_map[xf.format_key].format_str or "General"
    except (IndexError, KeyError, AttributeError):
        return "General"


def read_xls_grids(path: str | Path) -> list[Grid]:
    """Every sheet of an .xls as a Grid; an unreadable file becomes an InputError."""
    path = Path(path)
    book = _damage_refused(
        lambda: xlrd.open_workbook(
            str(path),
            formatting_info=True,
            on_demand=True,
            ragged_rows=True,
            logfile=_XLRD_LOG,
        ),
        path.name,
    )
    try:
        names = book.sheet_names()
        return [
            XlsGrid(
                book,
                _damage_refused(lambda i=i: book.sheet_by_index(i), path.name, names[i]),
                path.name,
            )
            for i in range(book.nsheets)
        ]
    finally:
        book.release_resources()


def _damage_refused(work: Callable[[], T], file: str, sheet: str = "") -> T:
    """`work()` (an xlrd call that parses), with whatever xlrd raises on a damaged file said as
    one InputError. xlrd parses a sheet only when it is asked for (on_demand), and its parser
    fails on damage with anything: its own XLRDError, struct.error, KeyError, IndexError,
    AssertionError, OverflowError. Only xlrd's parsing goes through here: a failure of our own
    code on the parsed sheet stays an internal error."""
    try:
        return work()
    except Exception as exc:
        raise InputError(
            "berkas .xls rusak atau tidak dapat dibaca: isinya tidak sesuai format Excel 97-2003; "
            "buka dan simpan ulang di Excel (sebaiknya sebagai .xlsx), atau minta berkas aslinya.",
            file=file,
            sheet=sheet,
        ) from exc
