"""The Matriks Peran dan Hasil template: sheets Identitas, Pegawai and Kinerja."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from pokin_xl.errors import InputError, printable
from pokin_xl.findings import Finding, finding
from pokin_xl.gc_pause import release_free_memory
from pokin_xl.model.frames import (
    KINERJA_FIELDS,
    NODE_FIELDS,
    PEGAWAI_FIELDS,
    QUARTER_FIELDS,
    Identity,
    KinerjaFrame,
    MatriksWorkbook,
    NodesFrame,
    PegawaiFrame,
    SheetFrame,
    conform,
    empty_frame,
)
from pokin_xl.model.levels import JenisJabatan, Tingkat
from pokin_xl.model.quarters import CaraHitung, Polaritas, parse_yes_no
from pokin_xl.model.targets import parse_target
from pokin_xl.model.text import clean, is_blank, normalise
from pokin_xl.model.units import normalise_unit
from pokin_xl.readers.book import open_book
from pokin_xl.readers.grid import Cell, Grid, code_text, column_letter, lost_digits
from pokin_xl.readers.headers import KINERJA_HEADERS, PEGAWAI_HEADERS, match_header_row
from pokin_xl.readers.pagu import read_pagu

T = TypeVar("T")

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("B001", "B003", "B007", "B008", "B009", "B010")

CODE_FIELDS = ("kode", "kode_induk", "kode_nomenklatur")
_ROW_FIELDS = ("kode", "tingkat", "sasaran", "indikator", "target", "nomenklatur")

IDENTITAS_LABELS: dict[str, list[str]] = {
    "pemda": ["Pemerintah Daerah", "Pemda", "Kabupaten/Kota", "Provinsi/Kabupaten/Kota"],
    "perangkat_daerah": ["Perangkat Daerah", "OPD", "SKPD", "Nama Perangkat Daerah", "Instansi"],
    "tahun": ["Tahun", "Tahun Anggaran", "Tahun Kinerja"],
    "visi": ["Visi", "Visi Kepala Daerah"],
    "misi": ["Misi", "Misi Kepala Daerah"],
    "kepala": ["Kepala Perangkat Daerah", "Kepala", "Nama Kepala", "Pimpinan"],
    "nip_kepala": ["NIP", "NIP Kepala", "NIP Kepala Perangkat Daerah"],
    "kepala_daerah": ["Kepala Daerah", "Nama Kepala Daerah", "Bupati/Wali Kota", "Gubernur"],
    "jabatan_kepala_daerah": ["Jabatan Kepala Daerah", "Sebutan Kepala Daerah"],
    "tempat": ["Tempat", "Tempat Penandatanganan", "Kota Penandatanganan"],
    "tanggal": ["Tanggal", "Tanggal Penandatanganan", "Tanggal Perjanjian Kinerja"],
}
_MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def _lost_digits(cell: Cell, file: str, sheet: str, where: str, **about: str) -> list[Finding]:
    """B009 when a code or NIP cell holds a number that lost digits (see `lost_digits`)."""
    reason = lost_digits(cell)
    if reason is None:
        return []
    return [
        finding(
            "B009",
            f"{reason}. Format sel sebagai Teks lalu ketik ulang isinya.",
            file=file,
            sheet=sheet,
            cell=where,
            **about,
        )
    ]


# Columns only a matriks has: a planning table on a sheet that happens to be named "Kinerja"
# names none of them.
_MATRIKS_ONLY = frozenset({"tingkat", "kode_induk", "pengampu"})


def has_matriks_columns(path: str | Path, title: str) -> bool:
    """Whether sheet `title`'s header names a column only the matriks template has."""
    grid = open_book(path).grid(title)
    try:
        header = match_header_row(grid, KINERJA_HEADERS, [])
    except InputError:
        return False
    return not _MATRIKS_ONLY.isdisjoint(header.columns)


def read_matriks(path: str | Path, *, route: str = "") -> MatriksWorkbook:
    """Read a filled Matriks Peran dan Hasil workbook into frames (see MatriksWorkbook).

    `route` forces a reading path (readers.book), for comparing them."""
    workbook = _read_matriks(Path(path), route)
    # The grids and the XML pass's facts are gone now: give their pages back, so that the
    # checks and the writer that come next do not stack on top of the read's peak.
    release_free_memory()
    return workbook


def _read_matriks(path: Path, route: str) -> MatriksWorkbook:
    book = open_book(path, route=route)
    name = printable(path.name)
    kinerja_sheet = book.find("Kinerja", "Matriks Kinerja", "Cascading", "Data Kinerja")
    if kinerja_sheet is None:
        sheets = ", ".join(f"'{title}'" for title in book.titles)
        raise InputError(
            f"sheet 'Kinerja' tidak ditemukan (sheet yang ada: {sheets}). Gunakan template "
            "templates/Matriks_Peran_Hasil.xlsx.",
            file=name,
        )
    problems: list[Finding] = []
    identitas_sheet = book.find("Identitas")
    identity = (
        _read_identity(book.grid(identitas_sheet), name, problems)
        if identitas_sheet
        else Identity()
    )
    problems.extend(_identity_gaps(identity, identitas_sheet is not None, name))
    pegawai_sheet = book.find("Pegawai", "Daftar Pegawai")
    pegawai = (
        _read_pegawai(book.grid(pegawai_sheet), name, problems)
        if pegawai_sheet
        else SheetFrame(empty_frame(PegawaiFrame), "Pegawai")
    )
    kinerja = book.grid(kinerja_sheet)
    if book.uncached_formulas(kinerja_sheet):
        # the formula evaluator (and the Renstra reader's B006) only for a file that needs it
        from pokin_xl.readers.recompute import recompute_formulas

        recomputed = recompute_formulas(kinerja, path, name, book.formulas(kinerja_sheet))
        problems.extend([recomputed] if recomputed else [])
    indicators = _read_kinerja(kinerja, name, problems)
    nodes = _nodes(indicators)
    # The frames' contract, checked where they leave the reader (a failure is a pokin-xl bug).
    pegawai.frame = conform(pegawai.frame, PegawaiFrame)
    indicators.frame = conform(indicators.frame, KinerjaFrame)
    nodes.frame = conform(nodes.frame, NodesFrame)
    return MatriksWorkbook(
        path=str(path),
        identity=identity,
        pegawai=pegawai,
        indicators=indicators,
        nodes=nodes,
        problems=problems,
    )


def _read_identity(grid: Grid, file: str, problems: list[Finding]) -> Identity:
    labels = {
        normalise(label): field for field, names in IDENTITAS_LABELS.items() for label in names
    }
    identity = Identity(sheet=grid.title)
    current: str | None = None
    for row in range(1, grid.max_row + 1):
        values = [(col, grid.value(row, col)) for col in range(1, grid.max_col + 1)]
        filled = [(col, v) for col, v in values if not is_blank(v)]
        if not filled:
            continue
        first_col, first = filled[0]
        field = labels.get(normalise(first).rstrip(" 0123456789"))
        rest = filled[1:]
        if field is None and current == "misi" and first_col > 1:
            field, rest = "misi", filled
        if field is None:
            current = None
            continue
        current = field
        if not rest:
            continue
        col, value = rest[0]
        text = clean(value)
        identity.cells.setdefault(field, f"{column_letter(col)}{row}")
        if field == "misi":
            identity.misi.append(text)
        elif field == "tahun":
            digits = "".join(ch for ch in text if ch.isdigit())
            identity.tahun = int(digits[:4]) if len(digits) >= 4 else None
        elif field == "nip_kepala":
            identity.nip_kepala = code_text(grid.get(row, col))
            where = f"{column_letter(col)}{row}"
            problems.extend(_lost_digits(grid.get(row, col), file, grid.title, where))
        elif field == "tanggal" and isinstance(value, dt.date | dt.datetime):
            identity.tanggal = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
        else:
            setattr(identity, field, text)
    return identity


def _identity_gaps(identity: Identity, present: bool, file: str) -> list[Finding]:
    """Perangkat Daerah and Tahun head every output and pick the Renstra year: say when absent."""
    if not present:
        return [
            finding(
                "B008",
                "Sheet 'Identitas' tidak ada; nama perangkat daerah dan tahun tidak dapat dibaca. "
                "Salin sheet Identitas dari template dan isi.",
                file=file,
                sheet="Identitas",
            )
        ]
    missing = [
        label
        for label, value in (
            ("Perangkat Daerah", identity.perangkat_daerah),
            ("Tahun", identity.tahun),
        )
        if not value
    ]
    if not missing:
        return []
    return [
        finding(
            "B008",
            f"Identitas belum menyebut {' dan '.join(missing)}; isi di kolom B baris berlabel "
            f"{' / '.join(repr(m) for m in missing)}.",
            file=file,
            sheet=identity.sheet,
        )
    ]


def _read_pegawai(grid: Grid, file: str, problems: list[Finding]) -> SheetFrame:
    header = match_header_row(grid, PEGAWAI_HEADERS, ["nama", "jabatan"], file=file)
    records: dict[int, dict[str, object]] = {}
    jenis = _memo(JenisJabatan.parse)
    for row in range(header.row + 1, grid.max_row + 1):
        record = {
            field: (
                code_text(grid.get(row, col)) if field == "nip" else clean(grid.value(row, col))
            )
            for field, col in header.columns.items()
        }
        if not any(record.values()):
            continue
        for field in PEGAWAI_FIELDS:
            record.setdefault(field, "")
        if "nip" in header.columns:
            col = header.columns["nip"]
            problems.extend(
                _lost_digits(
                    grid.get(row, col),
                    file,
                    grid.title,
                    f"{column_letter(col)}{row}",
                    subject=str(record["nama"] or record["jabatan"]),
                )
            )
        kind = jenis(record["jenis_jabatan"])
        record["jenis"] = kind.value if kind else ""
        if record["jenis_jabatan"] and kind is None:
            col = header.columns["jenis_jabatan"]
            problems.append(
                finding(
                    "B003",
                    f"Jenis Jabatan '{record['jenis_jabatan']}' tidak dikenal; pilih JPT, "
                    "Administrator, Pengawas, Fungsional atau Pelaksana.",
                    file=file,
                    sheet=grid.title,
                    cell=f"{column_letter(col)}{row}",
                    subject=str(record["nama"] or record["jabatan"]),
                )
            )
        records[row] = record
    frame = (
        pd.DataFrame.from_dict(records, orient="index", columns=[*PEGAWAI_FIELDS, "jenis"])
        if records
        else empty_frame(PegawaiFrame)
    )
    frame.index.name = "row"
    letters = {f: column_letter(c) for f, c in header.columns.items()}
    return SheetFrame(frame, grid.title, letters)


def _memo(fn: Callable[..., T]) -> Callable[..., T]:
    """fn once per distinct arguments within one read (values repeat down a sheet: levels,
    units, targets). The key holds the types: 1, 1.0 and True are equal but read apart."""
    cache: dict[tuple, T] = {}

    def call(*args: object) -> T:
        key = (*args, *map(type, args))
        try:
            return cache[key]
        except KeyError:
            result = cache[key] = fn(*args)
            return result
        except TypeError:  # an unhashable value
            return fn(*args)

    return call


_VALUE_FIELDS = frozenset(("target", "pagu", *QUARTER_FIELDS))
# every field of a Kinerja record, blank: a text field "", a value field None
_TEXT_DEFAULTS = tuple(f for f in KINERJA_FIELDS if f not in _VALUE_FIELDS)
_VALUE_DEFAULTS = {f: None for f in KINERJA_FIELDS if f in _VALUE_FIELDS}


def _raw_record(grid: Grid, row: int, columns: dict[str, int]) -> dict[str, object]:
    record: dict[str, object] = dict.fromkeys(_TEXT_DEFAULTS, "")
    record.update(_VALUE_DEFAULTS)
    for field, cell in zip(columns, grid.cells(row, columns.values()), strict=True):
        if field in CODE_FIELDS:
            record[field] = code_text(cell)
        elif field in _VALUE_FIELDS:
            record[field] = cell.value
            record[f"_{field}_format"] = cell.number_format
        else:
            record[field] = clean(cell.value)  # memoised per distinct text (model/text.py)
    return record


def _stable_code(tingkat: str, unit: str, sasaran: str, taken: set[str]) -> str:
    digest = hashlib.sha1(f"{tingkat}|{unit}|{normalise(sasaran)}".encode()).hexdigest()[:6]
    code = f"AUTO-{digest.upper()}"
    suffix = 2
    while code in taken:
        code = f"AUTO-{digest.upper()}-{suffix}"
        suffix += 1
    return code


def _read_kinerja(grid: Grid, file: str, problems: list[Finding]) -> SheetFrame:
    header = match_header_row(
        grid, KINERJA_HEADERS, ["tingkat", "sasaran", "indikator", "target"], file=file
    )
    letters = {f: column_letter(c) for f, c in header.columns.items()}
    rows: dict[int, dict[str, object]] = {}
    previous: dict[str, object] | None = None
    generated: set[str] = set()
    code_columns = [header.columns[f] for f in CODE_FIELDS if f in header.columns]
    for row in range(header.row + 1, grid.max_row + 1):
        record = _raw_record(grid, row, header.columns)
        if all(is_blank(record[f]) for f in _ROW_FIELDS):
            continue
        for col in code_columns:
            cell = grid.get(row, col)
            if type(cell.value) is float:
                where = f"{column_letter(col)}{row}"
                problems.extend(_lost_digits(cell, file, grid.title, where))
        continues = previous is not None and (
            record["kode"] == previous["kode"]
            or (not record["kode"] and not record["sasaran"] and not record["tingkat"])
            or (
                not record["kode"]
                and record["sasaran"] == previous["sasaran"]
                and record["tingkat"] in ("", previous["tingkat"])
                and record["unit_kerja"] in ("", previous["unit_kerja"])
            )
        )
        record["kode_generated"] = False
        if continues:
            assert previous is not None
            record["kode"] = previous["kode"]
            record["kode_generated"] = previous["kode_generated"]
            for field in NODE_FIELDS:
                if is_blank(record[field]):
                    record[field] = previous[field]
        elif not record["kode"]:
            record["kode"] = _stable_code(
                str(record["tingkat"]), str(record["unit_kerja"]), str(record["sasaran"]), generated
            )
            record["kode_generated"] = True
            generated.add(str(record["kode"]))
        record["node_row"] = previous["node_row"] if continues and previous else row
        rows[row] = record
        previous = record
    if not rows:
        problems.append(
            finding(
                "B007",
                f"Sheet '{grid.title}' belum berisi baris kinerja di bawah baris judul kolom "
                f"(baris {header.row}); isi satu baris per indikator, dari Tujuan sampai Sasaran "
                "Sub Kegiatan.",
                file=file,
                sheet=grid.title,
                cell=f"A{header.row + 1}",
            )
        )
        return SheetFrame(empty_frame(KinerjaFrame), grid.title, letters)
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame["pagu"] = frame["pagu"].astype(object)  # as written: numbers and text alike
    frame.index.name = "row"
    frame = _parse_fields(frame, grid.title, file, letters, problems)
    frame = _infer_parents(frame)
    return SheetFrame(frame, grid.title, letters)


def _parse_fields(
    frame: pd.DataFrame, sheet: str, file: str, letters: dict[str, str], problems: list[Finding]
) -> pd.DataFrame:
    tingkat, target, unit = _memo(Tingkat.parse), _memo(parse_target), _memo(normalise_unit)
    choices = {field: (_memo(parse), shown) for field, (parse, shown) in _CHOICES.items()}
    levels: list[object] = []
    labels: list[str] = []
    targets = []
    pagu_values: list[float | None] = []
    quarters: dict[str, list[object]] = {
        key: [] for field in QUARTER_FIELDS for key in (field, f"{field}_value")
    }
    for row, record in zip(frame.index, _records(frame), strict=True):
        level = tingkat(record["tingkat"])
        levels.append(int(level) if level is not None else pd.NA)
        labels.append(level.label if level is not None else str(record["tingkat"]))
        if level is None and row == record["node_row"]:
            shown = record["tingkat"] or "(kosong)"
            problems.append(
                finding(
                    "B001",
                    f"Tingkat '{shown}' tidak dikenal; pilih salah satu: "
                    + ", ".join(t.label for t in Tingkat)
                    + ".",
                    file=file,
                    sheet=sheet,
                    cell=f"{letters.get('tingkat', '')}{row}",
                    unit=str(record["unit_kerja"]),
                    kode=str(record["kode"]),
                    subject=str(record["sasaran"]),
                )
            )
        targets.append(target(record["target"], record.get("_target_format")))
        for field in QUARTER_FIELDS:
            quarter = target(record.get(field), record.get(f"_{field}_format"))
            quarters[field].append(quarter.raw)
            quarters[f"{field}_value"].append(
                quarter.value if quarter.kind in ("number", "percent") else None
            )
        _unknown_choices(record, row, sheet, file, letters, problems, choices)
        pagu_values.append(_pagu(record, row, sheet, file, letters, problems))
    parsed = {
        "level": pd.array(levels, dtype="Int64"),
        "tingkat_raw": frame["tingkat"].array,
        "tingkat": labels,
        "target_raw": [t.raw for t in targets],
        "target_kind": [t.kind for t in targets],
        "target_value": _floats(t.value for t in targets),
        "target_low": _floats(t.low for t in targets),
        "target_high": _floats(t.high for t in targets),
        "target_operator": [t.operator for t in targets],
        "target_unit": [t.unit for t in targets],
        "target_category": [t.category for t in targets],
        "satuan_norm": [unit(s) for s in frame["satuan"].tolist()],
        "pagu_value": pd.array(pagu_values, dtype="Float64"),
        **{
            key: (pd.array(values, dtype="Float64") if key.endswith("_value") else values)
            for key, values in quarters.items()
        },
    }
    # The columns read as they were, then the parsed ones: one frame built at once (assigning
    # ~25 columns one by one cost ~5 ms on a small workbook); conform orders them.
    kept = [c for c in frame.columns if c not in parsed and c != "target" and c[0] != "_"]
    return pd.concat([frame[kept], pd.DataFrame(parsed, index=frame.index)], axis=1)


def _records(frame: pd.DataFrame, fields: Iterable[str] | None = None) -> Iterable[dict]:
    """The rows of `frame` as dicts of `fields`, as to_dict("records") makes them but a column
    at a time (to_dict boxes every cell on its own: seconds at 20,000 rows)."""
    names = list(frame.columns if fields is None else fields)
    columns = [frame[name].tolist() for name in names]
    return (dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True))


def _floats(values: Iterable[float | None]) -> np.ndarray:
    """A float column with NaN where there is no number (never an object column of None)."""
    return np.array([np.nan if v is None else v for v in values], dtype="float64")


_CHOICES = {
    "cara_hitung": (CaraHitung.parse, "Kumulatif, Nilai Akhir atau Rata-rata"),
    "polaritas": (Polaritas.parse, "Positif atau Negatif"),
    "iku": (parse_yes_no, "Ya atau Tidak"),
}


def _unknown_choices(
    record: dict[str, object],
    row: int,
    sheet: str,
    file: str,
    letters: dict[str, str],
    problems: list[Finding],
    parsers: dict[str, tuple[Callable[[object], object], str]],
) -> None:
    """B010 for a Cara Hitung, Polaritas or IKU cell that is filled but not one of the choices."""
    for field, (parse, choices) in parsers.items():
        value = record.get(field)
        if is_blank(value) or parse(value) is not None:
            continue
        problems.append(
            finding(
                "B010",
                f"{KINERJA_FIELDS[field]} '{clean(value)}' tidak dikenal; tulis {choices}.",
                file=file,
                sheet=sheet,
                cell=f"{letters.get(field, '')}{row}",
                unit=str(record["unit_kerja"]),
                kode=str(record["kode"]),
                subject=str(record["indikator"] or record["sasaran"]),
            )
        )


def _pagu(
    record: dict[str, object],
    row: int,
    sheet: str,
    file: str,
    letters: dict[str, str],
    problems: list[Finding],
) -> float | None:
    return read_pagu(
        record.get("pagu"),
        problems,
        file=file,
        sheet=sheet,
        cell=f"{letters.get('pagu', '')}{row}",
        unit=str(record["unit_kerja"]),
        kode=str(record["kode"]),
        subject=str(record["sasaran"]),
    )


def _infer_parents(frame: pd.DataFrame) -> pd.DataFrame:
    """Blank Kode Induk below the top: the nearest node above whose level is one higher.

    From Sasaran Program down, a candidate of another Unit Kerja is not taken: a unit's box that
    follows another unit's kegiatan is far more often a box whose own kegiatan is missing, and a
    crosscutting link must be written in Kode Induk. The skipped candidate is kept in
    `induk_skipped` so that a check can say why the node has no parent.
    """
    inferred: list[bool] = []
    parents: list[str] = []
    skipped: list[str] = []
    last_at_level: dict[int, tuple[str, str]] = {}
    last_sasaran: tuple[str, str] | None = None
    node_parent: dict[str, tuple[str, bool, str]] = {}
    for record in _records(frame, ("kode", "level", "unit_kerja", "kode_induk")):
        kode = str(record["kode"])
        level = record["level"]
        unit = normalise(record["unit_kerja"])
        if kode in node_parent:
            parent, was_inferred, passed = node_parent[kode]
            parents.append(parent if not record["kode_induk"] else str(record["kode_induk"]))
            inferred.append(was_inferred and not record["kode_induk"])
            skipped.append(passed if not record["kode_induk"] else "")
            continue
        parent = str(record["kode_induk"])
        was_inferred, passed = False, ""
        if not parent and not pd.isna(level) and level > 0:
            if level == Tingkat.RENCANA_HASIL_KERJA:
                candidate = last_sasaran
            else:
                candidate = last_at_level.get(int(level) - 1)
            if candidate:
                code, candidate_unit = candidate
                crosses = (
                    level - 1 >= Tingkat.SASARAN_PROGRAM
                    and unit
                    and candidate_unit
                    and unit != candidate_unit
                )
                if crosses:
                    passed = code
                else:
                    parent, was_inferred = code, True
        node_parent[kode] = (parent, was_inferred, passed)
        parents.append(parent)
        inferred.append(was_inferred)
        skipped.append(passed)
        if not pd.isna(level):
            last_at_level[int(level)] = (kode, unit)
            for deeper in [lv for lv in last_at_level if lv > int(level)]:
                del last_at_level[deeper]
            if level < Tingkat.RENCANA_HASIL_KERJA:
                last_sasaran = (kode, unit)
    return frame.assign(kode_induk=parents, induk_inferred=inferred, induk_skipped=skipped)


def _nodes(indicators: SheetFrame) -> SheetFrame:
    """One row per Kode, at its first indicator row: the node fields of that row, the first
    pagu read for the Kode (None when none) and how many of its rows name an indicator.

    What `groupby("kode", sort=False)` with head(1), first() and sum() gives, from one
    factorisation of the Kode column (each groupby cost ~2 ms on a small workbook)."""
    frame = indicators.frame
    if frame.empty:
        return SheetFrame(empty_frame(NodesFrame), indicators.sheet, indicators.columns)
    codes, uniques = pd.factorize(frame["kode"], sort=False)
    grouped = codes >= 0  # groupby leaves out a missing Kode
    codes = codes[grouped]
    positions = np.flatnonzero(grouped)
    # factorize numbers the Kodes in order of first appearance: each Kode's first row, in order
    _, first = np.unique(codes, return_index=True)
    columns = ["kode", "level", *NODE_FIELDS, "kode_generated", "induk_inferred", "induk_skipped"]
    nodes = frame.iloc[positions[first]][columns].copy()
    pagu = frame["pagu_value"].array[positions]
    read = np.flatnonzero(~np.asarray(pagu.isna()))
    pagu_first = pd.array([pd.NA] * len(uniques), dtype="Float64")
    read_codes, read_first = np.unique(codes[read], return_index=True)
    pagu_first[read_codes] = pagu[read[read_first]]
    nodes["pagu_value"] = pagu_first
    named = (frame["indikator"].astype(str).str.strip() != "").to_numpy()[positions]
    nodes["n_indikator"] = np.bincount(codes, weights=named, minlength=len(uniques)).astype(int)
    return SheetFrame(nodes, indicators.sheet, indicators.columns)
