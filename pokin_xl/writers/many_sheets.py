"""A workbook of many sheets: xlsxwriter's sheet-name check in constant time.

xlsxwriter refuses a sheet name already in use by comparing it, lowercased, with every sheet
added so far: adding n sheets costs n²/2 comparisons. The documents workbook has a PK and an
SKP sheet per official, so a region-sized Matriks of 9,685 sheets spent 38 of its 97 s there
(under cProfile; 51-56 -> 31-35 s without it).
Here the names already in use are kept lowercased in a set; every other check (length,
forbidden characters, apostrophes, default names) and every error stay xlsxwriter's own.
"""

from __future__ import annotations

import xlsxwriter
from xlsxwriter.exceptions import DuplicateWorksheetName
from xlsxwriter.worksheet import Worksheet


class ManySheetsWorkbook(xlsxwriter.Workbook):
    """xlsxwriter's Workbook whose duplicate-name check is a set lookup."""

    def __init__(self, filename: str, options: dict[str, object] | None = None) -> None:
        super().__init__(filename, options or {})
        self._names_in_use: set[str] = set()

    def _check_sheetname(self, sheetname: str | None, is_chartsheet: bool = False) -> str:
        # xlsxwriter's own check, shown no earlier sheet: it then only validates the name.
        earlier, self.worksheets_objs = self.worksheets_objs, []
        try:
            name = super()._check_sheetname(sheetname, is_chartsheet)
        finally:
            self.worksheets_objs = earlier
        if name.lower() in self._names_in_use:
            raise DuplicateWorksheetName(
                f"Sheetname '{name}', with case ignored, is already in use."
            )
        return name

    def _add_sheet(self, name: str | None, worksheet_class: type | None = None) -> Worksheet:
        # The name is in use once the sheet exists: a sheet whose start failed (its row file
        # could not be made) leaves its name free, as in xlsxwriter.
        sheet = super()._add_sheet(name, worksheet_class)
        self._names_in_use.add(sheet.name.lower())
        return sheet
