"""A sheet as a grid of cells, with merged ranges filled from their top-left cell."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pokin_xl.model.text import clean


@dataclass(frozen=True)
class Cell:
    value: object
    number_format: str = "General"
    merged: bool = False


EMPTY = Cell(None)


class Grid:
    """Rows of Cells addressed by 1-based Excel row and column numbers."""

    def __init__(self, sheet: Worksheet) -> None:
        self.title = sheet.title
        self.max_row = sheet.max_row or 0
        self.max_col = sheet.max_column or 0
        self._rows: list[list[Cell]] = [
            [Cell(c.value, c.number_format or "General") for c in row]
            for row in sheet.iter_rows(min_row=1, max_row=self.max_row, max_col=self.max_col)
        ]
        for merged in sheet.merged_cells.ranges:
            top = self.get(merged.min_row, merged.min_col)
            for r in range(merged.min_row, min(merged.max_row, self.max_row) + 1):
                for c in range(merged.min_col, min(merged.max_col, self.max_col) + 1):
                    if (r, c) != (merged.min_row, merged.min_col):
                        self._rows[r - 1][c - 1] = Cell(top.value, top.number_format, merged=True)

    def get(self, row: int, col: int) -> Cell:
        if 1 <= row <= len(self._rows) and 1 <= col <= len(self._rows[row - 1]):
            return self._rows[row - 1][col - 1]
        return EMPTY

    def value(self, row: int, col: int) -> object:
        return self.get(row, col).value

    def row_values(self, row: int) -> list[object]:
        return [c.value for c in self._rows[row - 1]] if 1 <= row <= len(self._rows) else []


def column_letter(col: int) -> str:
    return get_column_letter(col)


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
