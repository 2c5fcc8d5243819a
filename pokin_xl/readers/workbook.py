"""Opening a workbook safely: every way a file can be unusable becomes an InputError."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pokin_xl.errors import InputError
from pokin_xl.model.text import normalise

MAX_BYTES = 100 * 1024 * 1024
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


def open_workbook(path: str | Path) -> Workbook:
    """Open for reading with cached formula values; the file itself is never written."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise InputError("berkas tidak ditemukan.", file=str(path))
    if path.is_dir():
        raise InputError("ini sebuah folder, bukan berkas Excel.", file=str(path))
    size = path.stat().st_size
    if size == 0:
        raise InputError("berkas kosong (0 byte).", file=name)
    if size > MAX_BYTES:
        raise InputError(
            f"berkas terlalu besar ({size / 1024 / 1024:.0f} MB; batas {MAX_BYTES // 1024 // 1024} MB).",
            file=name,
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(_OLE2_MAGIC):
        if path.suffix.lower() == ".xls":
            raise InputError(
                "format .xls (Excel 97-2003) tidak didukung; buka di Excel/LibreOffice lalu "
                "simpan sebagai .xlsx.",
                file=name,
            )
        raise InputError(
            "berkas terenkripsi atau dilindungi kata sandi; hapus kata sandinya lalu simpan "
            "ulang sebagai .xlsx.",
            file=name,
        )
    if not head.startswith(_ZIP_MAGIC):
        raise InputError("bukan berkas Excel .xlsx (isi berkas tidak dikenali).", file=name)
    try:
        return openpyxl.load_workbook(path, data_only=True, read_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise InputError(
            f"berkas .xlsx rusak atau tidak dapat dibaca ({type(exc).__name__}).", file=name
        ) from exc


def find_sheet(workbook: Workbook, *names: str) -> Worksheet | None:
    """The first sheet whose normalised title equals or starts with one of `names`."""
    wanted = [normalise(n) for n in names]
    titles = {normalise(ws.title): ws for ws in workbook.worksheets}
    for key in wanted:
        if key in titles:
            return titles[key]
    for key in wanted:
        for title, ws in titles.items():
            if title.startswith(key):
                return ws
    return None
