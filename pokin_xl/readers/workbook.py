"""Opening a workbook safely: every way a file can be unusable becomes an InputError.

In order, before any library parses a byte: the path is a regular file (a named pipe would block
forever, a device never ends), it is not empty or over MAX_BYTES, its real format is sniffed from
its bytes (readers.sniff), and its zip parts are checked and counted (readers.package). Only then
does openpyxl read it, with its warnings silenced: a user reads our sentences, not a library's.
"""

from __future__ import annotations

import os
import stat
import warnings
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from pokin_xl.errors import InputError, os_reason
from pokin_xl.model.text import normalise
from pokin_xl.readers.lean_openpyxl import ranges_as_ranges
from pokin_xl.readers.package import CheckedPackage, check_package, sheet_names
from pokin_xl.readers.sniff import REFUSALS, FileFormat, sniff_format

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

MAX_BYTES = 100 * 1024 * 1024
_OPENED: weakref.WeakKeyDictionary[Workbook, tuple[str, CheckedPackage]] = (
    weakref.WeakKeyDictionary()
)


def source_name(book: Workbook) -> str:
    """The file name a workbook was opened from by open_workbook ('' otherwise)."""
    try:
        return _OPENED[book][0]
    except (KeyError, TypeError):
        return ""


def uncached_formulas(book: Workbook) -> int:
    """How many formula cells the file saved without a result (data-only reads see None)."""
    try:
        return sum(count.uncached for count in _OPENED[book][1].sheets.values())
    except (KeyError, TypeError):
        return 0


def check_input_file(path: str | Path) -> Path:
    """The path, when it names a readable regular file of a sane size; never opened here."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("berkas tidak ditemukan.", file=str(path)) from None
    except PermissionError:
        raise InputError("berkas tidak dapat dibaca (izin ditolak).", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibuka: {os_reason(exc)}.", file=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("ini sebuah folder, bukan berkas Excel.", file=str(path))
    if not stat.S_ISREG(info.st_mode):
        kind = "pipa bernama (FIFO)" if stat.S_ISFIFO(info.st_mode) else "perangkat atau soket"
        raise InputError(
            f"ini sebuah {kind}, bukan berkas biasa; simpan workbook sebagai berkas .xlsx lalu "
            "pilih berkas itu.",
            file=str(path),
        )
    if info.st_size == 0:
        raise InputError("berkas kosong (0 byte).", file=path.name)
    if info.st_size > MAX_BYTES:
        raise InputError(
            f"berkas terlalu besar ({info.st_size / 1024 / 1024:.0f} MB; batas "
            f"{MAX_BYTES // 1024 // 1024} MB).",
            file=path.name,
        )
    if not os.access(path, os.R_OK):
        raise InputError("berkas tidak dapat dibaca (izin ditolak).", file=path.name)
    return path


def _xlsx_file(path: str | Path) -> Path:
    """check_input_file, then the format from the bytes: an .xlsx, or the reason it is not."""
    path = check_input_file(path)
    try:
        fmt = sniff_format(path)
    except OSError as exc:
        raise InputError(f"berkas tidak dapat dibaca: {os_reason(exc)}.", file=path.name) from None
    if fmt is not FileFormat.XLSX:
        raise InputError(REFUSALS[fmt], file=path.name)
    return path


def checked_package(path: str | Path) -> CheckedPackage:
    """check_input_file, the format from the bytes, then every part of the zip."""
    path = _xlsx_file(path)
    return check_package(path, path.name)


def open_workbook(path: str | Path, *, formulas: bool = False) -> Workbook:
    """Open for reading, with cached formula values (or, with `formulas`, read-only with the
    formula texts); the file itself is never written."""
    return load_checked(checked_package(path), formulas=formulas)


def load_checked(package: CheckedPackage, *, formulas: bool = False) -> Workbook:
    """openpyxl's reading of a checked package (see open_workbook)."""
    import openpyxl

    try:
        with warnings.catch_warnings(), ranges_as_ranges():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(
                package.source, data_only=not formulas, read_only=formulas
            )
    except MemoryError:
        raise InputError(
            "berkas terlalu besar untuk dibaca dengan memori yang tersedia; pisahkan data ke "
            "beberapa berkas.",
            file=package.name,
        ) from None
    except InputError:
        raise
    except Exception as exc:  # any other failure of the library is a file it cannot understand
        raise InputError(
            "berkas .xlsx rusak atau tidak dapat dibaca: susunan bagian-bagiannya tidak sesuai "
            "format Excel; buka dan simpan ulang di Excel, atau minta berkas aslinya.",
            file=package.name,
        ) from exc
    _OPENED[book] = (package.name, package)
    if formulas:
        for sheet in book.worksheets:
            sheet.reset_dimensions()  # the declared range may be A1:XFD1048576: read what is there
    return book


def sheet_titles(path: str | Path) -> list[str]:
    """The workbook's sheet names, from its workbook part alone (package.sheet_names): choosing a
    reader no longer reads the whole file before the reader reads it again."""
    path = _xlsx_file(path)
    return sheet_names(path, path.name)


def find_sheet(workbook: Workbook, *names: str) -> Worksheet | None:
    """The first sheet whose normalised title equals or starts with one of `names`."""
    title = find_title([ws.title for ws in workbook.worksheets], *names)
    return workbook[title] if title is not None else None


def find_title(titles: list[str], *names: str) -> str | None:
    """The first of `titles` whose normalised form equals or starts with one of `names`."""
    wanted = [normalise(n) for n in names]
    keyed = {normalise(title): title for title in titles}
    for key in wanted:
        if key in keyed:
            return keyed[key]
    for key in wanted:
        for normalised, title in keyed.items():
            if normalised.startswith(key):
                return title
    return None
