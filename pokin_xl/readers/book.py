"""A workbook as named sheets of Grids, read by the fastest path that is right for the file.

Which path a file takes (`Book.route`):
- "xlrd": a legacy .xls (readers.xls);
- "calamine": an .xlsx/.xlsm whose sheets python-calamine can read whole: values and merged
  ranges from calamine (Rust), number formats of numeric cells and error values from the one XML
  pass of the package check (readers.cell_facts). Only the sheets asked for are read;
- "openpyxl": everything else: python-calamine missing, a sheet whose cells are not written the
  plain way (prefixed elements, cells without an address, rows out of order), a sheet whose
  cells reach farther than CALAMINE_AREA (calamine would build the whole rectangle; openpyxl's
  sparse cells cost only what they hold), no styles part where cells name styles, a part
  that declares a text encoding other than UTF-8 (calamine refuses it; openpyxl decodes it), or
  a shared-string table that states more strings than it holds (calamine reserves room for them
  first: a damaged count of 10^12 aborts the process).

Formulas saved without their result are recomputed from openpyxl's read-only formula pass
(readers.recompute) whichever path read the values.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

from pokin_xl.errors import InputError
from pokin_xl.readers.grid import Cell, Grid
from pokin_xl.readers.package import CheckedPackage, SheetCount
from pokin_xl.readers.sniff import is_xls
from pokin_xl.readers.workbook import check_input_file, checked_package, find_title

CALAMINE_AREA = 2_000_000  # cells of the rectangle calamine would build for one sheet


class Book:
    """Sheet titles in order, and each sheet's Grid on demand."""

    route = ""

    def __init__(self, name: str, titles: list[str]) -> None:
        self.name = name
        self.titles = titles

    def grid(self, title: str) -> Grid:
        raise NotImplementedError

    def grids(self) -> list[Grid]:
        return [self.grid(title) for title in self.titles]

    def find(self, *names: str) -> str | None:
        """The first sheet title that equals or starts with one of `names` (normalised)."""
        return find_title(self.titles, *names)

    def uncached_formulas(self, title: str) -> int:
        return 0

    def formulas(self, title: str) -> dict[tuple[int, int], str] | None:
        """The sheet's formula texts by (row, column), when the XML pass could read them
        (None: ask openpyxl's read-only pass, readers.recompute.formula_texts)."""
        return {}


class _XlsBook(Book):
    route = "xlrd"

    def __init__(self, path: Path) -> None:
        from pokin_xl.readers.xls import read_xls_grids

        self._grids = {grid.title: grid for grid in read_xls_grids(path)}
        super().__init__(path.name, list(self._grids))

    def grid(self, title: str) -> Grid:
        return self._grids[title]


class _CheckedBook(Book):
    def __init__(self, package: CheckedPackage, titles: list[str]) -> None:
        super().__init__(package.name, titles)
        self.package = package

    def uncached_formulas(self, title: str) -> int:
        count = self.package.sheet(title)
        return count.uncached if count is not None else 0

    def formulas(self, title: str) -> dict[tuple[int, int], str] | None:
        count = self.package.sheet(title)
        if count is None or not count.facts.plain:
            return None
        if self.package.sheet_parts.get(title) in self.package.other_encodings:
            return None  # the XML pass decodes formula texts as UTF-8
        return count.facts.formulas


class _OpenpyxlBook(_CheckedBook):
    route = "openpyxl"

    def __init__(self, package: CheckedPackage) -> None:
        from pokin_xl.readers.workbook import load_checked

        self.workbook = load_checked(package)
        super().__init__(package, [sheet.title for sheet in self.workbook.worksheets])

    def grid(self, title: str) -> Grid:
        return Grid(self.workbook[title])


class _CalamineBook(_CheckedBook):
    route = "calamine"

    def __init__(self, package: CheckedPackage, book: object, titles: list[str]) -> None:
        super().__init__(package, titles)
        self._book = book

    def grid(self, title: str) -> Grid:
        count = self.package.sheet(title)
        assert count is not None
        try:
            sheet = self._book.get_sheet_by_name(title)
            rows = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as exc:  # calamine's errors (or a panic) on damage let through
            raise InputError(
                "berkas .xlsx rusak atau tidak dapat dibaca: susunan bagian-bagiannya tidak "
                "sesuai format Excel; buka dan simpan ulang di Excel, atau minta berkas aslinya.",
                file=self.name,
                sheet=title,
            ) from exc
        return calamine_grid(title, self.name, rows, merged, count)


def _as_openpyxl(value: object) -> object:
    """A calamine value as openpyxl gives it (see calamine_grid)."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return int(value)
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def calamine_grid(
    title: str,
    file: str,
    rows: list[list[object]],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    count: SheetCount,
) -> Grid:
    """A Grid filled from calamine's rows (from A1) and merged ranges (0-based, inclusive).

    Values are made what openpyxl returns: a whole number below 1e15 (exact in Excel's 15
    digits) is an int, a date a datetime at midnight, '' nothing, and a cached error its text.
    A number's format comes from the XML pass; other cells keep General, since a format changes
    nothing else that is read.
    """
    formats = count.facts.formats
    errors = count.facts.errors
    cells: dict[tuple[int, int], Cell] = {}
    make = tuple.__new__
    texts: dict[str, Cell] = {}  # one Cell per distinct text: unit names, levels, units repeat
    max_row = max_col = 0
    far = (0, 0)
    for r, values in enumerate(rows, start=1):
        last = 0  # the row's last column holding something (Grid's used range)
        for c, value in enumerate(values, start=1):
            kind = type(value)
            if kind is str:
                if value:
                    cell = texts.get(value)
                    if cell is None:
                        cell = texts[value] = make(Cell, (value, "General", False))
                    cells[(r, c)] = cell
                    if not value.isspace():
                        last = c
            else:
                last = c
                if kind is bool:
                    cells[(r, c)] = make(Cell, (value, "General", False))
                else:
                    number_format = formats.get((r, c), "General")
                    cells[(r, c)] = make(Cell, (_as_openpyxl(value), number_format, False))
        if last:
            max_row = r
            max_col = max(max_col, last)
            if r * last > far[0] * far[1]:
                far = (r, last)
    for (r, c), text in errors.items():
        cells[(r, c)] = Cell(text)
        max_row, max_col = max(max_row, r), max(max_col, c)
    ranges = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in merged]
    grid = Grid.__new__(Grid)
    grid._fill(title, file, cells, ranges, (max_row, max_col, far))
    return grid


def _calamine_titles(package: CheckedPackage, metadata: list) -> list[str] | None:
    """The worksheets' titles when calamine can read every one of them rightly, else None.

    Every worksheet part of the package must be safe, not only those our mapping of titles to
    parts names: python-calamine maps them its own way (a duplicate title, a second id
    attribute, a target with './', another workbook part), and one part it reached that we had
    not bounded aborted the process."""
    if any(not c.facts.plain or c.facts.area > CALAMINE_AREA for c in package.sheets.values()):
        return None
    titles = [meta.name for meta in metadata if "WorkSheet" in str(meta.typ)]
    if len(set(titles)) != len(titles) or any(package.sheet(t) is None for t in titles):
        return None
    return titles


def open_book(path: str | Path, *, route: str = "") -> Book:
    """The workbook at `path`, read by its path (see the module text); `route` forces one
    ("openpyxl" or "calamine", for comparisons). The file itself is never written."""
    path = check_input_file(path)
    if is_xls(path):
        return _XlsBook(path)
    package = checked_package(path)
    if route != "openpyxl":
        book = _open_calamine(package)
        if book is not None:
            return book
        if route == "calamine":
            raise ValueError(f"{path.name}: calamine cannot read this file rightly")
    return _OpenpyxlBook(package)


def _open_calamine(package: CheckedPackage) -> Book | None:
    if not package.styles_found:
        return None  # no styles part where Excel always writes one: openpyxl is the reference
    if package.other_encodings:
        return None  # e.g. ISO-8859-1 declared: python-calamine decodes UTF-8 only
    if package.overstated_strings:
        return None  # calamine would reserve room for every string the table claims
    try:
        import python_calamine
    except ImportError:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = python_calamine.CalamineWorkbook.from_path(str(package.path))
            metadata = list(book.sheets_metadata)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:  # openpyxl gives the reference message for a file calamine refuses
        return None  # (a Rust panic arrives as pyo3's PanicException, not an Exception)
    titles = _calamine_titles(package, metadata)
    if titles is None:
        return None
    return _CalamineBook(package, book, titles)
