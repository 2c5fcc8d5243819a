"""What a workbook is, for choosing its reader: a Matriks Peran dan Hasil or a planning table."""

from __future__ import annotations

from pathlib import Path

from pokin_xl.errors import InputError
from pokin_xl.readers.matriks import has_matriks_columns
from pokin_xl.readers.workbook import find_title, sheet_titles


def detect_kind(path: str | Path) -> str:
    """'matriks' when the workbook has the template's Identitas or Pegawai sheet (a matriks whose
    Kinerja is missing is still a matriks: read_matriks says so), or a Kinerja sheet whose header
    names Tingkat, Kode Induk or Pengampu; otherwise 'renstra' (a planning table, even on a sheet
    named "Kinerja"). Only the workbook part is read (sheet_titles), and the Kinerja header
    when that decides.
    """
    titles = sheet_titles(path)
    if find_title(titles, "Identitas", "Pegawai", "Daftar Pegawai"):
        return "matriks"
    kinerja = find_title(titles, "Kinerja", "Matriks Kinerja", "Cascading", "Data Kinerja")
    return "matriks" if kinerja and has_matriks_columns(path, kinerja) else "renstra"


def is_matriks(path: str | Path) -> bool:
    """Whether `validate` reads the file as a matriks: an .xls is a planning table (the matriks
    template is .xlsx), and an unusable file is left to the matriks reader, which says why."""
    if str(path).lower().endswith(".xls"):
        return False
    try:
        return detect_kind(path) == "matriks"
    except InputError:
        return True
