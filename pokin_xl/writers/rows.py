"""A workbook that holds one sheet's cells at a time, not the whole workbook's.

xlsxwriter keeps every cell of every sheet until `close()`, unless it is in `constant_memory`
mode: then each row goes to the sheet's temporary file as soon as a later row is written, and a
write to an earlier row is refused (-2). Our drawings do not write in row order (a box is merged
down, then the rows beside it are written), so `RowOrderWorksheet` keeps what is written to it
as compact entries and replays them in row order when `flush()` is called: after each sheet is
done, or every few hundred rows for a table written top to bottom. Within a row the entries keep
the order they were written in, so a later write to a cell wins, as without buffering.

What replaying needs beyond xlsxwriter's own row-by-row writing:
- a merged range is registered at its first row and its padding cells are replayed in their
  own rows (xlsxwriter's `merge_range` pads every row at once, which would close the rows
  between);
- a row that holds only a height (or only a comment) is visited on the way, so that xlsxwriter
  writes it (in constant_memory mode it writes only the rows cells are written to);
- `add_table`, which xlsxwriter refuses in constant_memory mode, writes its header cells as
  inline strings, like every other cell of the sheet;
- the table's overlap index holds ranges, not one entry per cell of the table (a 20k x 29
  table made xlsxwriter keep 580k entries, ~60 MB);
- after a flush, the heights and merged cells of the rows already in the file are dropped.

Strings are written inline (`<is>`), not in the shared-string table: the content Excel and
LibreOffice show is the same.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import OverlappingRange
from xlsxwriter.utility import xl_range, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from pokin_xl.writers.cells import WriterError
from pokin_xl.writers.many_sheets import ManySheetsWorkbook

_ROW = itemgetter(0)


class _InlineStrings:
    """Stands in for the shared-string table while `add_table` writes its header cells."""

    @staticmethod
    def _get_shared_string_index(string: str) -> str:
        return string


class _TableRanges:
    """xlsxwriter's `table_cells` ((row, col) -> the table range holding it) kept as ranges;
    merge_range only asks `get`."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int, int, int, str]] = []

    def get(self, key: tuple[int, int], default: object = None) -> object:
        row, col = key
        for first_row, first_col, last_row, last_col, name in self.ranges:
            if first_row <= row <= last_row and first_col <= col <= last_col:
                return name
        return default


class _Discard(dict):
    """Takes xlsxwriter's per-cell entries of a table and keeps none (see _TableRanges)."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


class RowOrderWorksheet(Worksheet):
    """A worksheet whose cell writes are kept and replayed in row order by `flush()`.

    Outside constant_memory mode it is a plain xlsxwriter worksheet."""

    def __init__(self) -> None:
        super().__init__()
        self._pending: list[tuple[Any, ...]] = []
        self.table_cells = _TableRanges()

    def _initialize(self, init_data: dict[str, Any]) -> None:
        super()._initialize(init_data)
        # xlsxwriter opens each sheet's row file here and keeps it open to the end: a workbook
        # of many sheets needed as many open files (macOS allows 256; past the limit the write
        # failed). Each file is open only while flush() writes to it; xlsxwriter reopens it
        # itself to assemble the sheet.
        if self.constant_memory:
            self._opt_close()

    # ------------------------------------------------------------------ kept, not yet written

    def _keep(self, row: int, write: Callable[..., Any], *args: object) -> int:
        self._pending.append((row, write, *args))
        return 0

    def write_string(self, row, col, string, cell_format=None):  # type: ignore[override]
        if not self.constant_memory:
            return super().write_string(row, col, string, cell_format)
        return self._keep(row, Worksheet._write_string, col, string, cell_format)

    def write_number(self, row, col, number, cell_format=None):  # type: ignore[override]
        if not self.constant_memory:
            return super().write_number(row, col, number, cell_format)
        return self._keep(row, Worksheet._write_number, col, number, cell_format)

    def write_blank(self, row, col, blank, cell_format=None):  # type: ignore[override]
        if not self.constant_memory:
            return super().write_blank(row, col, blank, cell_format)
        return self._keep(row, Worksheet._write_blank, col, blank, cell_format)

    def write_formula(self, row, col, formula, cell_format=None, value=0):  # type: ignore[override]
        if not self.constant_memory:
            return super().write_formula(row, col, formula, cell_format, value)
        return self._keep(row, Worksheet._write_formula, col, formula, cell_format, value)

    def write_rich_string(self, row, col, *args):  # type: ignore[override]
        if not self.constant_memory:
            return super().write_rich_string(row, col, *args)
        return self._keep(row, Worksheet._write_rich_string, col, *args)

    def write_url(self, row, col, url, cell_format=None, string=None, tip=None):  # type: ignore[override]
        if not self.constant_memory:
            return super().write_url(row, col, url, cell_format, string, tip)
        return self._keep(row, Worksheet._write_url, col, url, cell_format, string, tip)

    def write_comment(self, row, col, comment, options=None):  # type: ignore[override]
        if not self.constant_memory:
            return super().write_comment(row, col, comment, options)
        return self._keep(row, Worksheet.write_comment, col, comment, options)

    def set_row(self, row, height=None, cell_format=None, options=None):  # type: ignore[override]
        if not self.constant_memory:
            return super().set_row(row, height, cell_format, options)
        return self._keep(row, Worksheet.set_row, height, cell_format, options)

    def merge_range(  # type: ignore[override]
        self, first_row, first_col, last_row, last_col, data, cell_format=None
    ):
        if not self.constant_memory:
            return super().merge_range(first_row, first_col, last_row, last_col, data, cell_format)
        if first_row > last_row:
            first_row, last_row = last_row, first_row
        if first_col > last_col:
            first_col, last_col = last_col, first_col
        self._keep(
            first_row, RowOrderWorksheet._merge, first_col, last_row, last_col, data, cell_format
        )
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                if row != first_row or col != first_col:
                    self._keep(row, Worksheet._write_blank, col, "", cell_format)
        return 0

    def add_table(self, first_row, first_col, last_row, last_col, options=None):  # type: ignore[override]
        if not self.constant_memory:
            return self._add_table(first_row, first_col, last_row, last_col, options)
        return self._keep(
            min(first_row, last_row),
            RowOrderWorksheet._table,
            first_col,
            last_row,
            last_col,
            options,
        )

    # -------------------------------------------------------------------------- replayed

    def _merge(self, first_row, first_col, last_row, last_col, data, cell_format) -> int:
        """xlsxwriter's merge_range without its padding (kept as cells of their own rows)."""
        if first_row == last_row and first_col == last_col:
            return -1
        if self._check_dimensions(first_row, first_col) or self._check_dimensions(
            last_row, last_col
        ):
            return -1
        cell_range = xl_range(first_row, first_col, last_row, last_col)
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                previous = self.merged_cells.get((row, col))
                if previous:
                    raise OverlappingRange(
                        f"Merge range '{cell_range}' overlaps previous merge range '{previous}'."
                    )
                previous = self.table_cells.get((row, col))
                if previous:
                    raise OverlappingRange(
                        f"Merge range '{cell_range}' overlaps previous table range '{previous}'."
                    )
                self.merged_cells[(row, col)] = cell_range
        self.merge.append([first_row, first_col, last_row, last_col])
        return self._write(first_row, first_col, data, cell_format)

    def _table(self, first_row, first_col, last_row, last_col, options) -> int:
        """add_table as outside constant_memory mode; its header cells become inline strings
        of the current row, like the cells around them."""
        shared = self.str_table
        self.constant_memory = False
        self.str_table = _InlineStrings()
        try:
            return self._add_table(first_row, first_col, last_row, last_col, options)
        finally:
            self.str_table = shared
            self.constant_memory = True

    def _add_table(self, first_row, first_col, last_row, last_col, options) -> int:
        """xlsxwriter's add_table, with the overlap of tables checked by range."""
        top, bottom = sorted((first_row, last_row))
        left, right = sorted((first_col, last_col))
        name = xl_range(top, left, bottom, right)
        for r0, c0, r1, c1, previous in self.table_cells.ranges:
            if r0 <= bottom and top <= r1 and c0 <= right and left <= c1:
                raise OverlappingRange(
                    f"Table range '{name}' overlaps previous table range '{previous}'."
                )
        ranges = self.table_cells
        self.table_cells = _Discard()
        try:
            code = Worksheet.add_table(self, first_row, first_col, last_row, last_col, options)
        finally:
            self.table_cells = ranges
        if not code:
            ranges.ranges.append((top, left, bottom, right, name))
        return code

    def flush(self) -> None:
        """Write what was kept, row by row; a later write to an earlier row is refused."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        pending.sort(key=_ROW)
        first = pending[0][0]
        if first < self.previous_row:
            raise WriterError(
                f"penulisan ke baris yang sudah ditulis di sheet '{self.name}' "
                f"(baris {first + 1}, sesudah baris {self.previous_row + 1})."
            )
        self._opt_reopen()
        try:
            self._replay(pending)
        finally:
            self._opt_close()
        self._forget_written_rows()

    def _replay(self, pending: list[tuple[Any, ...]]) -> None:
        current = self.previous_row
        for row, write, *args in pending:
            if row != current:
                # Visit the row first, so that a row with only a height or a comment is written.
                self._write_single_row(row)
                current = row
            code = write(self, row, *args)
            if code is not None and code < 0:
                raise WriterError(
                    f"xlsxwriter menolak penulisan di sheet '{self.name}' sel "
                    f"{xl_rowcol_to_cell(row, args[0] if args and isinstance(args[0], int) else 0)} "
                    f"(kode {code})."
                )

    def _write_single_row(self, current_row_num: int = 0) -> None:
        if self.row_data_fh_closed:
            # A write xlsxwriter makes itself (write(), write_row(), write_datetime()... which
            # are not kept) reaches the row file between flushes; flush() closes it again.
            self._opt_reopen()
        row = self.previous_row
        if row in self.comments and row not in self.row_info and not self.table.get(row):
            # xlsxwriter's constant_memory path reads the row's height and format, which a row
            # holding only a comment has none of (KeyError); written as outside that mode.
            self._write_empty_row(row, None, None)
            self.previous_row = current_row_num
            self.table.clear()
            return
        super()._write_single_row(current_row_num)

    def _write_optimized_sheet_data(self) -> None:
        super()._write_optimized_sheet_data()
        if self.dim_rowmin is None:  # xlsxwriter closes the row file only when it held a row
            self._opt_close()

    def _forget_written_rows(self) -> None:
        """Drop what xlsxwriter keeps of the rows already in the file: their heights (read only
        when a row is written) and their merged cells (read only to refuse an overlap, and no
        write can reach those rows any more)."""
        done = self.previous_row
        self.row_info = {row: info for row, info in self.row_info.items() if row >= done}
        if self.merged_cells:
            self.merged_cells = {
                cell: name for cell, name in self.merged_cells.items() if cell[0] >= done
            }


def flush_sheets(book: xlsxwriter.Workbook) -> None:
    """Flush every row-ordered sheet of `book` (a plain workbook's sheets have nothing kept)."""
    for sheet in book.worksheets():
        if isinstance(sheet, RowOrderWorksheet):
            sheet.flush()


class RowOrderWorkbook(ManySheetsWorkbook):
    """A constant_memory workbook of RowOrderWorksheets; `close()` flushes every sheet first.

    With the option `in_memory` (a small workbook) it is written the plain way instead, every
    part built in memory: xlsxwriter turns constant_memory off then, and the sheets write
    straight through. No temporary file per sheet and per part, no keeping and replaying; the
    content is the same (tests/writers/test_rows.py).
    """

    worksheet_class = RowOrderWorksheet

    def __init__(self, filename: str, options: dict[str, object]) -> None:
        in_memory = bool(options.get("in_memory"))
        super().__init__(filename, {**options, "constant_memory": not in_memory})

    def close(self) -> None:
        flush_sheets(self)
        super().close()
