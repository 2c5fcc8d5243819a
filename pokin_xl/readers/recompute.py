"""Formulas saved without their result, recomputed so that a target never reads as empty.

Excel stores a formula's last result beside it; files written by other programs (or saved with
calculation off) may not, and a data-only read then sees an empty cell. The Renstra reader
recomputes those cells; this module does the same for any Grid with the same evaluator
(readers.renstra.formulas), and says so once with the Renstra reader's B006 (its one owner).
"""

from __future__ import annotations

from pathlib import Path

from pokin_xl.findings import Finding
from pokin_xl.readers.grid import Grid, column_letter
from pokin_xl.readers.renstra import recomputed_finding
from pokin_xl.readers.renstra.formulas import ExcelError, FormulaError, evaluate
from pokin_xl.readers.workbook import open_workbook


def formula_texts(path: str | Path, sheet: str) -> dict[tuple[int, int], str]:
    """The formulas of one sheet by (row, column), from a read-only pass over the checked file."""
    book = open_workbook(path, formulas=True)
    try:
        texts: dict[tuple[int, int], str] = {}
        for row_number, values in enumerate(book[sheet].iter_rows(values_only=True), start=1):
            for col_number, value in enumerate(values, start=1):
                text = getattr(value, "text", value)  # ArrayFormula keeps its text in .text
                if isinstance(text, str) and text.startswith("=") and len(text) > 1:
                    texts[(row_number, col_number)] = text
        return texts
    finally:
        book.close()


def recompute_formulas(
    grid: Grid,
    path: str | Path,
    file: str,
    formulas: dict[tuple[int, int], str] | None = None,
) -> Finding | None:
    """Fill `grid`'s uncached formula cells with their recomputed values; B006 when any.
    `formulas`: the sheet's formula texts when already read (Book.formulas)."""
    if formulas is None:
        formulas = formula_texts(path, grid.title)
    memo: dict[tuple[int, int], object] = {}
    busy: set[tuple[int, int]] = set()
    recomputed: list[str] = []
    failed: list[str] = []

    def value(row: int, col: int) -> object:
        key = (row, col)
        if key in memo:
            return memo[key]
        cell = grid.get(row, col)
        formula = formulas.get(key)
        if formula is None or cell.merged or cell.value is not None:
            return cell.value
        if key in busy:
            raise FormulaError("rumus melingkar")
        busy.add(key)
        ref = f"{column_letter(col)}{row}"
        try:
            result = evaluate(formula, lambda c, r: lookup(r, c))
        except (FormulaError, RecursionError):
            result = None
            failed.append(ref)
        else:
            if isinstance(result, ExcelError):
                result = result.code
            elif isinstance(result, float) and result.is_integer() and abs(result) < 1e15:
                result = int(result)
            recomputed.append(ref)
        finally:
            busy.discard(key)
        memo[key] = result
        if result is not None:
            grid.set_value(row, col, result)
        return result

    def lookup(row: int, col: int) -> object:
        result = value(row, col)
        if (row, col) in formulas and f"{column_letter(col)}{row}" in failed:
            raise FormulaError("sel rujukan tidak terhitung")
        if isinstance(result, str) and result.startswith("#"):
            return ExcelError(result)
        return result

    for row, col in sorted(formulas):
        value(row, col)
    if not recomputed and not failed:
        return None
    return recomputed_finding(recomputed, failed, file, grid.title)
