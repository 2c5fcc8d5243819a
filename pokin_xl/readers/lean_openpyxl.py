"""openpyxl's loading without the cells it makes up for ranges.

While loading a sheet, openpyxl builds a cell object for every cell of each merged range (to
blank all but the top-left) and of each hyperlink's range (to hang the link on it): one
hyperlink or merge over A1:XFD1048576 ran for minutes and took gigabytes. pokin-xl reads no
hyperlink, and of a merge only its range (Grid fills it, bounded by the cells' own reach, as
for python-calamine, which keeps ranges as ranges too). So while pokin-xl loads a workbook,
hyperlinks are not bound and merged ranges are kept as ranges only.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

_LOADING = threading.RLock()


def _merged_ranges_only(reader: object) -> None:
    from openpyxl.worksheet.cell_range import MultiCellRange
    from openpyxl.worksheet.merge import MergedCellRange

    merged = reader.parser.merged_cells
    if merged:
        ranges = [MergedCellRange(reader.ws, cell.ref) for cell in merged.mergeCell]
        reader.ws.merged_cells = MultiCellRange(ranges)


def _no_hyperlinks(_reader: object) -> None:
    return None


@contextlib.contextmanager
def ranges_as_ranges() -> Iterator[None]:
    """openpyxl's WorksheetReader, for the time of a load, binding merges as ranges only and no
    hyperlinks (see the module text)."""
    from openpyxl.worksheet._reader import WorksheetReader

    with _LOADING:  # the patch is the class's: loads in two threads would undo each other's
        saved = WorksheetReader.bind_merged_cells, WorksheetReader.bind_hyperlinks
        WorksheetReader.bind_merged_cells = _merged_ranges_only
        WorksheetReader.bind_hyperlinks = _no_hyperlinks
        try:
            yield
        finally:
            WorksheetReader.bind_merged_cells, WorksheetReader.bind_hyperlinks = saved
