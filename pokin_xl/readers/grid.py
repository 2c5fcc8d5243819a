"""A sheet as a grid of cells, with merged ranges filled from their top-left cell."""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from pokin_xl.errors import InputError
from pokin_xl.model.targets import format_number
from pokin_xl.model.text import clean

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

MAX_AREA = 5_000_000  # rows x columns of the used range that readers may walk


class Cell(NamedTuple):
    """A cell's value, its number format, and whether a merged range filled it. A tuple: a
    sheet holds hundreds of thousands, and a tuple is made twice as fast as a dataclass."""

    value: object
    number_format: str = "General"
    merged: bool = False


EMPTY = Cell(None)


def _holds_value(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _extent(cells: dict[tuple[int, int], Cell]) -> tuple[int, int, tuple[int, int]]:
    max_row = max_col = 0
    far: tuple[int, int] = (0, 0)
    for (row, col), cell in cells.items():
        if _holds_value(cell.value):
            if row > max_row:
                max_row = row
            if col > max_col:
                max_col = col
            if row * col > far[0] * far[1]:
                far = (row, col)
    return max_row, max_col, far


def _range_text(top: int, left: int, bottom: int = 0, right: int = 0) -> str:
    """'E2', or 'E2:XFD1048576' when the range's other corner is given."""
    start = f"{column_letter(left)}{top}"
    return f"{start}:{column_letter(right)}{bottom}" if bottom else start


class Grid:
    """Cells addressed by 1-based Excel row and column numbers, stored sparsely.

    The used range (max_row, max_col) is where cells hold values, not the range a sheet declares
    or styles: one stray space in XFD1048576 or a million formatted empty rows cost nothing. A
    used range wider than MAX_AREA cells (readers walk it row by row) is refused, naming the
    farthest cell, rather than walked for minutes.
    """

    def __init__(self, sheet: Worksheet) -> None:
        # openpyxl keeps a worksheet's cells in `_cells`; iter_rows() would build every
        # position of the declared rectangle, empty or not.
        cells = {
            position: Cell(source.value, source.number_format or "General")
            for position, source in sheet._cells.items()
            if source.value is not None
        }
        ranges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
        from pokin_xl.readers.workbook import source_name

        self._fill(sheet.title, source_name(sheet.parent), cells, ranges)

    def _fill(
        self,
        title: str,
        file: str,
        cells: dict[tuple[int, int], Cell],
        ranges: list[tuple[int, int, int, int]],
        extent: tuple[int, int, tuple[int, int]] | None = None,
    ) -> None:
        """Take the non-empty cells and the merged ranges (min_row, min_col, max_row, max_col),
        whatever library read them: the used range, its bound and the merged fill are one code.
        `extent` (max_row, max_col, farthest cell) of the cells holding a value, when the
        reader measured it on its way."""
        self.title = title
        self._file = file
        self._cells = cells
        if extent is not None:
            max_row, max_col, far = extent
        else:
            max_row, max_col, far = _extent(cells)
        widest = None  # the merged range that reaches furthest beyond the cells' own reach
        for min_row, min_col, max_r, max_c in ranges:
            if _holds_value(cells.get((min_row, min_col), EMPTY).value):
                if max_r * max_c > max(max_row, 1) * max(max_col, 1) and (
                    widest is None or max_r * max_c > widest[2] * widest[3]
                ):
                    widest = (min_row, min_col, max_r, max_c)
                max_row = max(max_row, max_r)
                max_col = max(max_col, max_c)
        self.max_row, self.max_col = max_row, max_col
        if max_row * max_col > MAX_AREA:
            self._refuse(far, widest)
        # one entry per row of each merged range within the reach: overlapping ranges (A1:A76000,
        # A2:A76000, ...) would make millions of them
        entries = sum(max(0, min(r1, max_row) - r0 + 1) for r0, _, r1, _ in ranges)
        if entries > MAX_AREA:
            self._refuse_merges(ranges, entries)
        self._merged: dict[int, list[tuple[int, int, Cell]]] = {}
        for min_row, min_col, max_r, max_c in ranges:
            if min_row > max_row or min_col > max_col:
                continue
            top = cells.get((min_row, min_col), EMPTY)
            fill = Cell(top.value, top.number_format, merged=True)
            for r in range(min_row, min(max_r, max_row) + 1):
                self._merged.setdefault(r, []).append((min_col, min(max_c, max_col), fill))
        self._tops = {(r0, c0) for r0, c0, _, _ in ranges if r0 <= max_row}

    def _refuse(
        self, far: tuple[int, int], merged: tuple[int, int, int, int] | None = None
    ) -> None:
        shown = f"{format_number(self.max_row)} baris x {format_number(self.max_col)} kolom"
        reach = (
            f"isi sheet terbentang sampai baris {self.max_row} dan kolom "
            f"{column_letter(self.max_col)} ({shown}; batas {format_number(MAX_AREA)} sel)."
        )
        if merged is not None:  # the cells stay near; one merged range carries the reach away
            where = _range_text(*merged[:2])
            advice = (
                f" Penyebabnya sel gabungan {_range_text(*merged)}; pisahkan (unmerge) sel itu "
                "atau perkecil gabungannya sebatas tabel, lalu simpan ulang."
            )
        else:
            where = _range_text(*far) if far[0] else "?"
            advice = (
                f" Sel terjauh yang berisi: {where}. Hapus isi sel di luar tabel lalu simpan ulang."
            )
        raise InputError(reach + advice, file=self._file, sheet=self.title, cell=where)

    def _refuse_merges(self, ranges: list[tuple[int, int, int, int]], entries: int) -> None:
        longest = max(ranges, key=lambda r: min(r[2], self.max_row) - r[0])
        raise InputError(
            f"sheet ini memuat {format_number(len(ranges))} sel gabungan yang bersama-sama "
            f"mencakup {format_number(entries)} baris (batas {format_number(MAX_AREA)}), antara "
            f"lain {_range_text(*longest)}; pisahkan (unmerge) sel gabungan yang tidak perlu lalu "
            "simpan ulang.",
            file=self._file,
            sheet=self.title,
            cell=_range_text(*longest[:2]),
        )

    def get(self, row: int, col: int) -> Cell:
        if not (1 <= row <= self.max_row and 1 <= col <= self.max_col):
            return EMPTY
        for first, last, fill in self._merged.get(row, ()):
            if first <= col <= last and (row, col) not in self._tops:
                return fill
        return self._cells.get((row, col), EMPTY)

    def cells(self, row: int, cols: Iterable[int]) -> list[Cell]:
        """get(row, col) for each of `cols`, a row at a time (readers walk rows)."""
        if row in self._merged or not 1 <= row <= self.max_row:
            return [self.get(row, col) for col in cols]
        found, last = self._cells.get, self.max_col
        return [found((row, col), EMPTY) if 1 <= col <= last else EMPTY for col in cols]

    def value(self, row: int, col: int) -> object:
        return self.get(row, col).value

    def set_value(self, row: int, col: int, value: object) -> None:
        """A value computed after reading (a formula saved without its result)."""
        old = self._cells.get((row, col), EMPTY)
        self._cells[(row, col)] = Cell(value, old.number_format, old.merged)
        if _holds_value(value):
            self.max_row, self.max_col = max(self.max_row, row), max(self.max_col, col)

    def row_values(self, row: int) -> list[object]:
        if not 1 <= row <= self.max_row:
            return []
        return [self.get(row, col).value for col in range(1, self.max_col + 1)]


def column_letter(col: int) -> str:
    """1 -> 'A', 27 -> 'AA' (Excel's column names)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """'A' -> 1, 'AA' -> 27 (the inverse of column_letter)."""
    number = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise ValueError(f"bukan huruf kolom: {letters!r}")
        number = number * 26 + ord(ch) - 64
    return number


def code_text(cell: Cell) -> str:
    """A code as the user sees it: '1.10' stays '1.10' when the number format shows two decimals.

    pandas and openpyxl hand back 1.1 for a code typed as a number; the format is the only trace
    of the trailing zero (see TOOLING_NOTES: codes turn into numbers).
    """
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        fmt = cell.number_format or "General"
        if "." in fmt and fmt.split(".")[0].strip("#,") in {"0", ""}:
            decimals = sum(1 for ch in fmt.split(".")[1].split(";")[0] if ch in "0#")
            return f"{value:.{decimals}f}"
        if value.is_integer():
            # The digits the stored number holds (never '1.96708291995031e+17').
            return format(Decimal(repr(value)), "f")
        return repr(value)
    return clean(value)


EXCEL_DIGITS = 15  # significant digits Excel keeps of a number


def lost_digits(cell: Cell) -> str | None:
    """Why a code or NIP typed as a number is not what was typed, in Indonesian; None when exact.

    A whole number longer than 15 digits lost the rest (Excel keeps 15 significant digits: an
    18-digit NIP ends in zeros); a decimal number in a format that fixes no decimals lost its
    trailing zeros ("1.10" is stored as 1.1), and the cell cannot tell which was typed.
    """
    value = cell.value
    if not isinstance(value, float) or math.isnan(value) or math.isinf(value):
        return None
    text = code_text(cell)
    if value.is_integer():
        digits = text.lstrip("-")
        if len(digits) <= EXCEL_DIGITS:
            return None
        return (
            f"'{text}' tersimpan sebagai angka {len(digits)} digit, padahal Excel hanya menyimpan "
            f"{EXCEL_DIGITS} digit: {len(digits) - EXCEL_DIGITS} digit terakhir hilang (menjadi 0)"
        )
    if text != repr(value):
        return None  # the number format fixes the decimals: the displayed text is exact
    return (
        f"'{text}' tersimpan sebagai angka, sehingga nol di belakang koma hilang "
        f"(mis. 1.10 menjadi 1.1) dan kode yang diketik tidak dapat dipastikan"
    )
