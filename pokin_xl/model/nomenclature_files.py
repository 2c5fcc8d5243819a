"""The national list's package files, as text: the CSV records of the list and of its keys, and
the derived tables file (``nomenklatur_satuan.json``) with the mark that ties it to the very list
bytes it was made from. How the records become entries is `model.nomenclature`'s; how the files
are built, ``scripts/build_nomenklatur.py`` and ``pokin_xl/data/ORIGIN.md``.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import zlib
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pokin_xl.model.units import NationalUnits

LIST_FILE = "nomenklatur.csv"
LIST_COLUMNS = ("kode", "jenis", "nama", "kinerja", "indikator", "satuan")
KEYS_FILE = "nomenklatur_kunci.csv"
KEYS_COLUMNS = ("kode", "nama", "indikator", "satuan", "implied")
TABLES_FILE = "nomenklatur_satuan.json"
"""Derived tables of the list: see `tables_json` and pokin_xl/data/ORIGIN.md."""


def csv_rows(text: str) -> list[list[str]]:
    """The records of a CSV text."""
    return list(csv.reader(io.StringIO(text, newline="")))


def one_record(line: str) -> list[str]:
    """One line that must be one whole CSV record (csv.Error otherwise)."""
    return next(csv.reader((line,), strict=True), [])


def read_rows(name: str, columns: tuple[str, ...]) -> list[list[str]]:
    """The records of a package CSV file under its header, which must be `columns`."""
    source = resources.files("pokin_xl") / "data" / name
    with source.open("r", encoding="utf-8", newline="") as handle:
        rows = csv_rows(handle.read())
    header = tuple(rows[0]) if rows else ()
    if header != columns:
        raise ValueError(f"Kolom {name} tidak dikenal: {list(header)!r}")
    return rows[1:]


def list_mark(list_bytes: bytes) -> dict[str, object]:
    """What ties a tables file to the list bytes it was made from."""
    return {"crc32": f"{zlib.crc32(list_bytes):08x}", "bytes": len(list_bytes)}


def one_line_records(text: str) -> bool:
    """Whether each line of a list's text is one whole record whose first field is its code as
    written (what the lazily parsed shipped list, `nomenclature._ShippedNomenclature`, reads it as)."""
    lines = text.split("\n")
    if lines.pop() != "":
        return False
    records = csv_rows(text)
    return len(records) == len(lines) and all(
        csv_rows(line) == [record] and record[0] == line.partition(",")[0]
        for line, record in zip(lines, records, strict=True)
    )


def tables_json(
    list_bytes: bytes, national: NationalUnits, indicator_units: Mapping[str, frozenset[str]]
) -> str:
    """The tables file of a list (``nomenklatur_satuan.json``): the list's bytes it was made from
    (CRC-32 and length; null when its lines are not one record each), the `NationalUnits` and
    the units of each national indicator wording, as sorted lists so that a rebuild gives the
    same bytes (JSON, one indicator wording a line)."""
    one_line = one_line_records(list_bytes.decode("utf-8"))

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    indicators = sorted(indicator_units.items())
    lines = [
        "{",
        f' "daftar": {dump(list_mark(list_bytes) if one_line else None)},',
        f' "satuan": {dump(sorted(national.units))},',
        f' "salah_eja": {dump(sorted(national.misspelt))},',
        f' "pasangan": {dump(sorted(sorted(pair) for pair in national.pairs))},',
        ' "satuan_indikator": {',
        ",\n".join(f"  {dump(key)}: {dump(sorted(units))}" for key, units in indicators),
        " }",
        "}",
    ]
    return "\n".join(lines) + "\n"  # one indicator wording a line, for a readable diff


@functools.cache
def shipped() -> tuple[bytes, dict | None]:
    """The shipped list's bytes and its tables (None when they are not that list's)."""
    data = resources.files("pokin_xl") / "data"
    list_bytes = (data / LIST_FILE).read_bytes()
    tables = json.loads((data / TABLES_FILE).read_text(encoding="utf-8"))
    return list_bytes, tables_of(tables, list_bytes)


def tables_of(tables: dict, list_bytes: bytes) -> dict | None:
    """The tables when they were made from these list bytes, else None (a list rebuilt without
    its tables): then everything is computed from the list, never taken from another one."""
    return tables if tables.get("daftar") == list_mark(list_bytes) else None


def shipped_tables() -> dict | None:
    """The content of the shipped tables file, when it is the shipped list's."""
    return shipped()[1]
