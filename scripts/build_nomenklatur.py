"""Build ``pokin_xl/data/nomenklatur.csv`` from the national sub kegiatan workbook.

The source (sheet ``subkeg`` of ``subkegiatan_kepmendagri_900_2023.xlsx``) splits each code over
five columns and stores most code parts as numbers: urusan ``5``, bidang ``3`` (meaning ``03``),
program ``2`` (``02``), kegiatan ``"2.01"`` (text), sub kegiatan ``3`` (``0003``). The supporting
programs carry the placeholder ``X | XX``. This script joins the parts into the canonical dotted
code (``5.03.02.2.01.0003``, ``X.XX.01.2.06.0005``), folds the runs of whitespace in the texts and
writes one CSV row per source row, in source order.

Beside it goes ``nomenklatur_kunci.csv``: each entry's comparison keys (``EntryKeys``: normalised
name and indicator, canonical satuan, the unit the indicator implies), so that no run works them
out again. ``--kunci`` rebuilds only that file from the CSV (after a change to ``normalise`` or
the unit vocabulary; ``tests/model/test_nomenclature_keys.py`` fails until it is rebuilt), and
``nomenklatur_satuan.json``, the tables derived from the list and tied to the CSV's bytes: what
the unit rules take from the SATUAN column (``NationalUnits``: the units, those misspelt, the pairs
the list writes by habit) and the units of each national indicator wording
(``tests/model/test_unit_vocabulary.py`` fails until it is rebuilt).

Usage (from the repository root)::

    .venv/bin/python scripts/build_nomenklatur.py [SOURCE.xlsx] [-o pokin_xl/data/nomenklatur.csv]
    .venv/bin/python scripts/build_nomenklatur.py --kunci
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pokin_xl.model.nomenclature_files import KEYS_FILE, TABLES_FILE  # noqa: E402
from pokin_xl.model.text import clean, is_blank  # noqa: E402

DEFAULT_SOURCE = Path("/work/shared/data/nomenklatur/subkegiatan_kepmendagri_900_2023.xlsx")
DEFAULT_OUTPUT = REPO / "pokin_xl" / "data" / "nomenklatur.csv"
SHEET = "subkeg"
HEADER = (
    "URUSAN/UNSUR",
    "BIDANG URUSAN/BIDANG UNSUR",
    "PROGRAM",
    "KEGIATAN",
    "SUB KEGIATAN",
    "NOMENKLATUR URUSAN",
    "KINERJA",
    "INDIKATOR",
    "SATUAN",
    "KETERANGAN",
)
COLUMNS = ("kode", "jenis", "nama", "kinerja", "indikator", "satuan")
JENIS_BY_DEPTH = {1: "urusan", 2: "bidang", 3: "program", 4: "kegiatan", 5: "sub_kegiatan"}

# Text that was stored as UTF-8 and read back as Latin-1 somewhere upstream ("MÂ³/Hari").
MOJIBAKE = {"Â³": "³", "Â²": "²"}
_KEGIATAN_RE = re.compile(r"(\d)\.(\d{1,2})")


class SourceError(ValueError):
    """The source workbook does not have the expected shape."""


def _digits(value: object, width: int, *, row: int, column: str) -> str:
    """An integer code part (stored as int, float or digit text) padded to ``width`` digits."""
    if isinstance(value, bool):
        raise SourceError(f"baris {row}: {column} tidak terbaca: {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not text.isdigit() or int(text) == 0 or len(str(int(text))) > width:
        raise SourceError(f"baris {row}: {column} tidak terbaca: {value!r}")
    return str(int(text)).zfill(width)


def code_parts(values: tuple[object, ...], row: int) -> list[str]:
    """The canonical parts of the code in the first five columns (empty for a blank row)."""
    urusan, bidang, program, kegiatan, sub = values[:5]
    present = [not is_blank(v) for v in (urusan, bidang, program, kegiatan, sub)]
    depth = sum(present)
    if present != [True] * depth + [False] * (5 - depth):
        raise SourceError(f"baris {row}: kolom kode tidak berurutan: {values[:5]!r}")
    parts: list[str] = []
    if depth >= 1:
        if str(urusan).strip() == "X":
            parts.append("X")
        else:
            parts.append(_digits(urusan, 1, row=row, column="URUSAN"))
    if depth >= 2:
        if str(bidang).strip() == "XX":
            if parts[0] != "X":
                raise SourceError(f"baris {row}: bidang XX di bawah urusan {parts[0]}")
            parts.append("XX")
        else:
            if parts[0] == "X":
                raise SourceError(f"baris {row}: urusan X dengan bidang {bidang!r}")
            parts.append(_digits(bidang, 2, row=row, column="BIDANG"))
    if depth >= 3:
        parts.append(_digits(program, 2, row=row, column="PROGRAM"))
    if depth >= 4:
        match = _KEGIATAN_RE.fullmatch(str(kegiatan).strip())
        if not isinstance(kegiatan, str) or not match:
            # A number here (2.1) would have lost its trailing zero: refuse to guess.
            raise SourceError(f"baris {row}: KEGIATAN tidak terbaca: {kegiatan!r}")
        parts.append(f"{match.group(1)}.{int(match.group(2)):02d}")
    if depth >= 5:
        parts.append(_digits(sub, 4, row=row, column="SUB KEGIATAN"))
    return parts


def fix_text(value: object) -> str:
    """Display text: mojibake repaired, whitespace folded (via ``clean``), typos kept."""
    text = "" if is_blank(value) else str(value)
    for bad, good in MOJIBAKE.items():
        text = text.replace(bad, good)
    return clean(text)


def read_source(path: Path) -> tuple[list[dict[str, str]], int]:
    """The rows of the national list (in source order) and the number of blank rows skipped."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook[SHEET]
        rows = sheet.iter_rows(values_only=True)
        header = tuple(clean(v) for v in next(rows))
        if header[: len(HEADER)] != HEADER:
            raise SourceError(f"header tidak dikenal: {header!r}")
        records: list[dict[str, str]] = []
        blank = 0
        for row_number, values in enumerate(rows, start=2):
            values = tuple(values) + (None,) * (len(HEADER) - len(values))
            if all(is_blank(v) for v in values):
                blank += 1
                continue
            parts = code_parts(values, row_number)
            if not parts:
                raise SourceError(f"baris {row_number}: ada teks tetapi tanpa kode")
            jenis = JENIS_BY_DEPTH[len(parts)]
            nama = fix_text(values[5])
            if not nama:
                raise SourceError(f"baris {row_number}: nama kosong")
            is_sub = jenis == "sub_kegiatan"
            records.append(
                {
                    "kode": ".".join(parts),
                    "jenis": jenis,
                    "nama": nama,
                    "kinerja": fix_text(values[6]) if is_sub else "",
                    "indikator": fix_text(values[7]) if is_sub else "",
                    "satuan": fix_text(values[8]) if is_sub else "",
                }
            )
    finally:
        workbook.close()
    return records, blank


def parent(kode: str) -> str | None:
    parts = kode.split(".")
    if len(parts) == 1:
        return None
    # A kegiatan has two parts of its own ("2.01"): its parent is the program (3 parts).
    return ".".join(parts[:3] if len(parts) == 5 else parts[:-1])


def validate(records: list[dict[str, str]]) -> None:
    counts = Counter(r["kode"] for r in records)
    duplicates = sorted(k for k, n in counts.items() if n > 1)
    if duplicates:
        raise SourceError(f"kode ganda: {duplicates[:10]}")
    known = set(counts)
    orphans = [r["kode"] for r in records if (p := parent(r["kode"])) and p not in known]
    if orphans:
        raise SourceError(f"kode tanpa induk: {orphans[:10]}")


def write_csv(records: list[dict[str, str]], output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)


def _entries(csv_path: Path) -> list:
    from pokin_xl.model.nomenclature import Entry

    with csv_path.open("r", encoding="utf-8", newline="") as handle:
        return [Entry(**row) for row in csv.DictReader(handle)]


def write_keys(csv_path: Path, output: Path) -> int:
    """Write the comparison keys of every entry of ``csv_path``, in its order; the row count."""
    from pokin_xl.model.nomenclature import entry_keys
    from pokin_xl.model.nomenclature_files import KEYS_COLUMNS

    entries = _entries(csv_path)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(KEYS_COLUMNS)
        for entry in entries:
            key = entry_keys(entry)
            writer.writerow([entry.kode, key.nama, key.indikator, key.satuan, key.implied])
    return len(entries)


def write_tables(csv_path: Path, output: Path) -> str:
    """Write the tables file of the list in ``csv_path`` (``tables_text``); a one-line summary."""
    from pokin_xl.model.nomenclature import Nomenclature, tables_text

    text = tables_text(csv_path.read_bytes(), Nomenclature(_entries(csv_path)))
    output.write_text(text, encoding="utf-8", newline="\n")
    tables = json.loads(text)
    return (
        f"{len(tables['satuan'])} satuan, {len(tables['salah_eja'])} salah eja, "
        f"{len(tables['pasangan'])} pasangan, {len(tables['satuan_indikator'])} indikator"
        + ("" if tables["daftar"] else "; BUKAN satu rekaman per baris: tidak dipakai")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--kunci",
        action="store_true",
        help="only rebuild the keys and units files from the existing CSV",
    )
    args = parser.parse_args(argv)
    keys_path = args.output.with_name(KEYS_FILE)
    tables_path = args.output.with_name(TABLES_FILE)
    if args.kunci:
        print(f"{keys_path}: {write_keys(args.output, keys_path)} baris")
        print(f"{tables_path}: {write_tables(args.output, tables_path)}")
        return 0
    records, blank = read_source(args.source)
    validate(records)
    write_csv(records, args.output)
    by_jenis = Counter(r["jenis"] for r in records)
    summary = ", ".join(f"{j}={by_jenis[j]}" for j in JENIS_BY_DEPTH.values())
    print(f"{args.output}: {len(records)} baris ({summary}); {blank} baris kosong dilewati")
    print(f"{keys_path}: {write_keys(args.output, keys_path)} baris")
    print(f"{tables_path}: {write_tables(args.output, tables_path)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
