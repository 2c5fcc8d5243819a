"""Cells no openpyxl-built workbook can hold otherwise: texts over Excel's 32,767 characters and
texts beginning with '=' stored as text. openpyxl cuts a longer text and reads '=...' as a
formula; a file from another program can hold either, and the readers take them as they are."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from tests.builders import KINERJA_HEADERS


def put_texts(path: Path, sheet: str, texts: Mapping[str, str]) -> Path:
    """`texts` ({"E6": "...", ...}) written as plain strings into `sheet` of the workbook at `path`."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    for ref, text in texts.items():
        cell = ws[ref]
        cell._value = text  # past openpyxl's own cut and formula reading
        cell.data_type = "s"
    book.save(path)
    return path


def kinerja_cell(header: str, row: int) -> str:
    """The A1 reference of a Kinerja column (by its header) in row `row` of write_matriks."""
    return f"{get_column_letter(KINERJA_HEADERS.index(header) + 1)}{row}"
