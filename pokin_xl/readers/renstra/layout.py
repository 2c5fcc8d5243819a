"""Which Renstra table a sheet holds, read from its headers (never from a flag).

Headers may span several merged rows (T-C.27: "Target Kinerja Program dan Kerangka Pendanaan" ->
"Tahun-1" -> "Target" / "Rp"), a field may span several columns ("Kode" over urusan, bidang,
program, kegiatan), and a table may state two indicator groups side by side (Tabel 2.1: the
sasaran's indicator and target, then the program's). Each column is classified from the text of
its header cells top to bottom; each target, satuan and pagu column belongs to the indicator
column nearest on its left.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from pokin_xl.model.text import clean, is_blank, normalise
from pokin_xl.model.units import is_known_unit
from pokin_xl.readers.grid import Grid
from pokin_xl.readers.renstra.roles import column_role, pagu_scale

_SCAN_ROWS = 30
_MAX_HEADER_ROWS = 5
_CONTENT_SAMPLE = 60

# field -> header keys (normalised), tried in this order; a header matches a key when it equals
# it or starts with it followed by a space.
FIELD_KEYS: list[tuple[str, tuple[str, ...]]] = [
    (
        "baseline",
        (
            "data capaian awal",
            "data capaian pada tahun awal",
            "capaian awal",
            "kondisi awal",
            "kondisi kinerja awal",
            "kondisi kinerja pada awal",
            "capaian kinerja awal",
            "baseline",
            "tahun dasar",
        ),
    ),
    ("akhir", ("kondisi kinerja pada akhir", "kondisi kinerja akhir", "kondisi akhir")),
    ("indikator", ("indikator", "iku", "i k u", "ikk", "tolok ukur", "tolak ukur")),
    ("satuan", ("satuan",)),
    ("kelompok", ("kelompok", "jenis")),
    ("uraian", ("tujuan sasaran", "uraian tujuan sasaran")),
    (
        "nama",
        (
            "program dan kegiatan",
            "program kegiatan",
            "program kegiatan dan sub kegiatan",
            "program kegiatan sub kegiatan",
            "urusan bidang urusan",
            "bidang urusan",
            "nomenklatur",
            "uraian",
            "nama program",
        ),
    ),
    ("kode", ("kode", "kode rekening", "no kode")),
    ("tujuan", ("tujuan",)),
    ("sasaran", ("sasaran",)),
    ("program", ("program",)),
    ("sub_kegiatan", ("sub kegiatan", "subkegiatan", "nama sub kegiatan")),
    ("kegiatan", ("kegiatan", "nama kegiatan")),
    (
        "unit_kerja",
        (
            "unit kerja",
            "perangkat daerah penanggung jawab",
            "penanggung jawab",
            "penanggungjawab",
            "pd penanggung jawab",
        ),
    ),
    ("lokasi", ("lokasi",)),
    ("keterangan", ("keterangan", "catatan", "ket")),
    ("nomor", ("no", "nomor", "no urut")),
]
GROUP_FIELDS = ("satuan", "baseline", "target", "pagu")

_TARGET_WORDS = ("target", "tk", "k", "target kinerja", "capaian target")
_PAGU_WORDS = ("rp", "dana", "pagu", "anggaran", "rupiah", "pendanaan", "pagu indikatif")
_PAGU_PHRASES = (
    "pagu indikatif",
    "alokasi anggaran",
    "alokasi dana",
    "kebutuhan dana",
    "jumlah anggaran",
    "nilai anggaran",
    "anggaran rp",
)
_PERIOD_RE = re.compile(r"\btahun\s*(?:ke\s*)?-?\s*([1-9])\b|\bth\s*-?\s*([1-9])\b")
_YEAR_RE = re.compile(r"\b(20\d\d)\b")
_SPAN_RE = re.compile(
    r"\b(20\d\d)\s*(?:-|–|—|s\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*(20\d\d)\b"
)
_NUMBERING_RE = re.compile(r"^\(?\d{1,2}\)?(?:\s*=.*)?$")


@dataclass
class Column:
    col: int
    field: str  # a FIELD_KEYS field, "target", "pagu" or "" (unknown)
    header: str  # the header texts, top to bottom, joined by " / "
    period: int | None = None  # 1..n for "Tahun-n"; None for calendar-year or undated columns
    year: int | None = None
    tier: str = ""  # for indikator columns: the level its header names ("program", "sasaran", ...)
    role: str = ""  # a value column that is not the plan (roles.ROLE_LABELS: realisasi, akhir ...)
    kind: str = ""  # "target" or "pagu" for value columns, whatever their role
    scale: int = 1  # pagu written in thousands ("Rp (000)") or millions
    copy_of: int | None = None  # a column of a second group that repeats the first one


@dataclass
class Group:
    """One indicator column and the satuan/baseline/target/pagu columns that belong to it."""

    indikator: Column
    virtual: bool = False  # no indicator column (SIPD target sheet): the item's name stands for it
    satuan: Column | None = None
    baseline: Column | None = None
    targets: dict[int, Column] = field(default_factory=dict)  # period -> column
    pagu: dict[int, Column] = field(default_factory=dict)


@dataclass
class Layout:
    name: str  # a key of model.renstra.LAYOUTS
    sheet: str
    header_rows: tuple[int, int]  # first and last header row
    first_data_row: int
    columns: list[Column]
    groups: list[Group]
    periods: dict[int, int | None]
    title: str
    tahun_awal: int | None  # from the title ("2024-2026")
    numbering_rows: tuple[int, ...] = ()  # rows under the header that number the columns 1, 2, 3

    @property
    def score(self) -> int:
        return len({c.field for c in self.columns if c.field}) + len(self.groups)


def _key(value: object) -> str:
    return normalise(value, expand=False)


def _classify_text(text: str) -> str:
    key = _key(text)
    if not key:
        return ""
    for name, keys in FIELD_KEYS:
        for candidate in keys:
            if key == candidate or key.startswith(candidate + " "):
                return name
    return ""


def _indicator_tier(text: str) -> str:
    words = set(_key(text).split())
    mentions = [t for t in ("tujuan", "sasaran", "program", "kegiatan") if t in words]
    if mentions == ["tujuan", "sasaran"] or mentions == ["sasaran"]:
        return "sasaran"
    if len(mentions) == 1:
        return mentions[0]
    if "iku" in words or _key(text) == "i k u":
        return "sasaran"
    return ""


def _value_kind(texts: list[str]) -> str:
    """'target' or 'pagu' from the lowest header text that says which."""
    for text in reversed(texts):
        key = _key(text)
        first = key.split(" ")[0] if key else ""
        if key in _PAGU_WORDS or first in ("rp", "dana", "pagu", "anggaran", "rupiah"):
            return "pagu"
        if any(f" {phrase} " in f" {key} " for phrase in _PAGU_PHRASES):
            return "pagu"  # "Alokasi Anggaran (Rp juta)", "Kebutuhan Dana/ Pagu Indikatif"
        if key in _TARGET_WORDS or first == "target":
            return "target"
    return ""


def _period(texts: list[str]) -> tuple[int | None, int | None]:
    for text in reversed(texts):
        key = _key(text)
        match = _PERIOD_RE.search(key)
        if match:
            return int(match.group(1) or match.group(2)), None
        years = _YEAR_RE.findall(key)
        if len(years) == 1:
            return None, int(years[0])
    return None, None


def _header_texts(grid: Grid, first: int, last: int, col: int) -> list[str]:
    texts: list[str] = []
    for row in range(first, last + 1):
        text = clean(grid.value(row, col))
        if text and (not texts or _key(texts[-1]) != _key(text)):
            texts.append(text)
    return texts


def _classify(texts: list[str], col: int) -> Column:
    header = " / ".join(texts)
    if not texts:
        return Column(col, "", header)
    kind = _value_kind(texts)
    period, year = _period(texts)
    # a group header over the column ("Rencana Tahun 2025" over "Satuan") names no field itself
    top = next((name for name in map(_classify_text, texts) if name), "")
    if top in ("baseline", "akhir"):
        return Column(col, top, header)
    if kind and (period is not None or year is not None or top in ("", "satuan")):
        role = column_role(texts)
        scale = pagu_scale(texts) if kind == "pagu" else 1
        field_name = "lain" if role else kind
        return Column(
            col, field_name, header, period=period, year=year, role=role, kind=kind, scale=scale
        )
    if top == "indikator":
        return Column(col, top, header, tier=_indicator_tier(texts[0]))
    if kind and top == "":
        role = column_role(texts)
        scale = pagu_scale(texts) if kind == "pagu" else 1
        return Column(col, "lain" if role else kind, header, role=role, kind=kind, scale=scale)
    return Column(col, top, header)


def _row_fields(grid: Grid, row: int) -> set[str]:
    fields: set[str] = set()
    for col in range(1, grid.max_col + 1):
        value = grid.value(row, col)
        if isinstance(value, str) and len(value) <= 120:
            texts = [value]
            name = _classify_text(value)
            if name:
                fields.add(name)
            elif _value_kind(texts) and (_period(texts) != (None, None)):
                fields.add("target_or_pagu")
    return fields


_HEADER_FIRST_WORDS = frozenset(
    {
        "urusan",
        "bidang",
        "program",
        "kegiatan",
        "sub",
        "realisasi",
        "target",
        "tingkat",
        "capaian",
        "triwulan",
        "tw",
        "semester",
        "indikator",
        "kinerja",
        "anggaran",
        "pagu",
        "dana",
        "fisik",
        "keuangan",
        "renja",
        "renstra",
        "rkpd",
        "proyeksi",
        "prakiraan",
        "kebutuhan",
        "kondisi",
        "satuan",
        "volume",
        "tahun",
        "rencana",
        "sasaran",
        "k",
        "rp",
        "i",
        "ii",
        "iii",
        "iv",
        "output",
        "outcome",
        "hasil",
        "keluaran",
        "akhir",
        "kode",
    }
)


def _spans(grid: Grid, row: int, col: int) -> bool:
    """The cell at (row, col) belongs to a merged header that spans several columns."""
    here = grid.get(row, col)
    if is_blank(here.value):
        return False
    right = grid.get(row, col + 1)
    left = grid.get(row, col - 1)
    return (right.merged and right.value == here.value) or (
        here.merged and left.value == here.value and (left.merged or col > 1)
    )


def _is_header_like(grid: Grid, row: int, above: int) -> bool:
    """A row under the header that only continues it: merged cells, Tahun-n, Target / Rp, I-IV."""
    own = 0
    for col in range(1, grid.max_col + 1):
        cell = grid.get(row, col)
        if is_blank(cell.value):
            continue
        if cell.merged and cell.value == grid.value(above, col):
            continue
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
            if 2000 <= cell.value <= 2100:
                own += 1
                continue
            return False
        text = clean(cell.value)
        key = _key(text)
        if len(text) > 120:
            return False
        words = key.split()
        short = (
            _value_kind([text])
            or _PERIOD_RE.search(key)
            or _YEAR_RE.fullmatch(key)
            or key in ("i", "ii", "iii", "iv")
        )
        # a longer text continues the header only under a parent header spanning several columns
        # (a data row's first cell under "Program/Kegiatan" is not a header)
        # ("U", "BU", "P", "K", "SK" under a merged "Kode": the parts of a split code)
        named = words and (words[0] in _HEADER_FIRST_WORDS or (len(words) == 1 and len(key) <= 3))
        known = short or (named and _spans(grid, above, col))
        if not known:
            return False
        own += 1
    return own > 0


def _header_top(grid: Grid, row: int) -> int:
    """The first header row: rows above `row` whose cells merge down into it ("Rencana Tahun
    2025" over Target / Satuan / Pagu, "Kode" over two rows) belong to the same header."""
    top = row
    while top > 1 and row - top + 1 < _MAX_HEADER_ROWS:
        above = top - 1
        filled = [c for c in range(1, grid.max_col + 1) if not is_blank(grid.value(above, c))]
        if len(filled) < 2:
            break
        if any(len(clean(grid.value(above, c))) > 120 for c in filled):
            break
        down = any(
            grid.get(top, c).merged and grid.value(top, c) == grid.value(above, c) for c in filled
        )
        if not down:
            break
        top = above
    return top


def _is_numbering_row(grid: Grid, row: int) -> bool:
    values = [grid.get(row, c) for c in range(1, grid.max_col + 1)]
    filled = [c for c in values if not is_blank(c.value)]
    if len(filled) < 2:
        return False
    return all(
        _NUMBERING_RE.match(clean(c.value)) or (isinstance(c.value, int | float) and c.value < 100)
        for c in filled
    )


def _title(grid: Grid, header_row: int) -> str:
    lines: list[str] = []
    for row in range(1, header_row):
        for col in range(1, grid.max_col + 1):
            cell = grid.get(row, col)
            if isinstance(cell.value, str) and not cell.merged and cell.value.strip():
                lines.append(clean(cell.value))
    return " | ".join(lines)


def tahun_awal_from(text: str) -> int | None:
    """The first year of a span written in a title ("Tahun 2024-2026" -> 2024)."""
    match = _SPAN_RE.search(text.lower())
    return int(match.group(1)) if match else None


def _groups(columns: list[Column]) -> list[Group]:
    indicator_columns = [c for c in columns if c.field == "indikator"]
    groups = [Group(c) for c in indicator_columns]
    if not groups:
        return []
    for column in columns:
        if column.field not in GROUP_FIELDS:
            continue
        left = [g for g in groups if g.indikator.col < column.col]
        group = left[-1] if left else groups[0]
        if column.field == "satuan":
            group.satuan = group.satuan or column
        elif column.field == "baseline":
            group.baseline = group.baseline or column
    return groups


def _periods(columns: list[Column]) -> tuple[dict[int, int | None], dict[int, int]]:
    """Period numbers 1..n in order of first appearance, their years, and column -> period."""
    keys: list[tuple[str, int | None]] = []
    by_column: dict[int, int] = {}
    for column in columns:
        if column.field not in ("target", "pagu"):
            continue
        if column.period is not None:
            key: tuple[str, int | None] = ("n", column.period)
        elif column.year is not None:
            key = ("y", column.year)
        else:
            key = ("-", None)
        if key not in keys:
            keys.append(key)
        by_column[column.col] = keys.index(key) + 1
    if all(kind == "n" for kind, _ in keys):  # "Tahun-n": keep the document's own numbers
        periods = {int(value or 0): None for _, value in keys}
        by_column = {c.col: int(c.period or 0) for c in columns if c.col in by_column}
        return periods, by_column
    periods = {i + 1: (value if kind == "y" else None) for i, (kind, value) in enumerate(keys)}
    return periods, by_column


def detect(grid: Grid) -> Layout | None:
    """The planning-table layout of a sheet, or None when its headers are not those of one."""
    best_row, best_fields = 0, set()
    for row in range(1, min(grid.max_row, _SCAN_ROWS) + 1):
        fields = _row_fields(grid, row)
        if len(fields) > len(best_fields):
            best_row, best_fields = row, fields
    if len(best_fields) < 2:
        return None
    last = best_row
    best_row = _header_top(grid, best_row)
    while last + 1 <= grid.max_row and last - best_row + 1 < _MAX_HEADER_ROWS:
        if not _is_header_like(grid, last + 1, last):
            break
        last += 1
    columns = [
        _classify(_header_texts(grid, best_row, last, col), col)
        for col in range(1, grid.max_col + 1)
    ]
    first_data = last + 1
    numbering: list[int] = []
    while first_data <= grid.max_row and _is_numbering_row(grid, first_data):
        numbering.append(first_data)
        first_data += 1
    _mark_repeated_group(columns)
    _same_header_by_content(grid, columns, first_data)
    _numeric_indicators(grid, columns, first_data)
    _units_by_content(grid, columns, first_data)
    fields = {c.field for c in columns}
    valued = bool(fields & {"target", "pagu"})
    if "indikator" not in fields and not (valued and fields & {"kode", "nama"}):
        return None
    roles = {c.role for c in columns if c.role}
    if {"kelompok", "uraian"} <= fields:
        name = "kelompok"
    elif "kode" in fields and ("nama" in fields or "program" in fields):
        if roles & {"realisasi", "triwulan", "capaian"} and valued:
            name = "evaluasi"
        elif "indikator" not in fields:
            name = "sipd"
        else:
            name = "T-C.27" if last > best_row or "tujuan" in fields else "sesendok"
    elif "indikator" in fields and valued and not fields & {*_ITEM_COLUMNS, "nama"}:
        name = "iku"  # indicators with their targets, no item column (an IKU / kinerja table)
    elif fields & {*_ITEM_COLUMNS, "nama"}:
        if roles & {"realisasi", "triwulan", "capaian"} and valued:
            name = "evaluasi"
        elif "nama" in fields and not fields & set(_ITEM_COLUMNS):
            name = "tanpa_kode"
        else:
            name = "ringkas"
    else:
        return None
    if name in ("sesendok", "T-C.27", "evaluasi", "sipd"):
        for column in columns:  # "Program" under a merged Kode header is part of the code
            if column.field in ("program", "kegiatan", "sub_kegiatan"):
                column.field = "nama"
    groups = _groups(columns)
    if not groups:  # a SIPD target sheet: no indicator column, the item's name stands for it
        anchor = next((c for c in columns if c.field == "nama"), None)
        if anchor is None:
            return None
        groups = [Group(anchor, virtual=True)]
        groups[0].satuan = next((c for c in columns if c.field == "satuan"), None)
    periods, by_column = _periods(columns)
    for column in columns:
        if column.field in ("target", "pagu"):
            period = by_column[column.col]
            left = [g for g in groups if g.indikator.col < column.col]
            group = left[-1] if left else groups[0]
            bucket = group.targets if column.field == "target" else group.pagu
            bucket.setdefault(period, column)
    title = _title(grid, best_row)
    return Layout(
        name=name,
        sheet=grid.title,
        header_rows=(best_row, last),
        first_data_row=first_data,
        columns=columns,
        groups=groups,
        periods=periods,
        title=title,
        tahun_awal=tahun_awal_from(f"{title} {grid.title}"),
        numbering_rows=tuple(numbering),
    )


# Columns that each hold the items of one level (Tabel 2.1; a Program | Kegiatan | Sub Kegiatan
# matrix), as opposed to one name column for every level.
_ITEM_COLUMNS = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
_STRUCTURE_FIELDS = ("kode", "nama", "program", "indikator")


def _mark_repeated_group(columns: list[Column]) -> None:
    """A second column group that repeats the first (a "Hasil Analisis Kebutuhan" copy of the
    plan beside it) is read once: from the first repeated structure column on, the copy's
    columns are set aside."""
    seen: dict[tuple[str, str], int] = {}
    indicator_cols = [c.col for c in columns if c.field == "indikator"]
    start = None
    for column in columns:
        if column.field not in _STRUCTURE_FIELDS:
            continue
        key = (column.field, _key(column.header.split(" / ")[-1]))
        between = key in seen and any(seen[key] < c < column.col for c in indicator_cols)
        if between and column.field in ("nama", "kode", "program"):
            start = column.col
            break
        seen.setdefault(key, column.col)
    if start is None:
        return
    firsts: dict[str, int] = {}
    for column in columns:
        if column.col < start and column.field:
            firsts.setdefault(column.field, column.col)
        if column.col >= start and column.field in (*_STRUCTURE_FIELDS, *GROUP_FIELDS, "lain"):
            column.copy_of = firsts.get(column.field)
            column.field = "salinan"


def _numeric_indicators(grid: Grid, columns: list[Column], first_data: int) -> None:
    """An 'indicator' column that holds numbers (an "IKK" column of values) states no indicator."""
    for column in columns:
        if column.field != "indikator":
            continue
        numbers = texts = 0
        for row in range(first_data, min(grid.max_row, first_data + _CONTENT_SAMPLE) + 1):
            value = grid.value(row, column.col)
            if isinstance(value, int | float) and not isinstance(value, bool):
                numbers += 1
            elif sum(ch.isalpha() for ch in clean(value)) >= 4:
                texts += 1
        if numbers >= 3 and numbers > 2 * texts:
            column.field = ""


def _same_header_by_content(grid: Grid, columns: list[Column], first_data: int) -> None:
    """Two neighbouring indicator columns under one (merged) header: the one holding statements
    is the indicator; the other holds units (satuan) or only dashes (set aside)."""
    for left, right in itertools.pairwise(columns):
        if left.field != "indikator" or right.field != "indikator" or left.header != right.header:
            continue
        scores = []
        for column in (left, right):
            words = units = 0
            for row in range(first_data, min(grid.max_row, first_data + _CONTENT_SAMPLE) + 1):
                text = clean(grid.value(row, column.col))
                if is_known_unit(text):
                    units += 1
                elif sum(ch.isalpha() for ch in text) >= 4:
                    words += 1
            scores.append((words, units))
        weaker = right if scores[0][0] >= scores[1][0] else left
        units = scores[1][1] if weaker is right else scores[0][1]
        weaker.field = "satuan" if units >= 3 else ""


def _units_by_content(grid: Grid, columns: list[Column], first_data: int) -> None:
    """Two columns under one header ("Target" over a unit and a number): the one holding words
    without digits is the satuan."""
    for column in columns:
        if column.field != "target":
            continue
        words = numbers = 0
        last = min(grid.max_row, first_data + _CONTENT_SAMPLE)
        for row in range(first_data, last + 1):
            value = grid.value(row, column.col)
            if is_blank(value):
                continue
            text = clean(value)
            if isinstance(value, int | float) or any(ch.isdigit() for ch in text):
                numbers += 1
            elif is_known_unit(text):
                words += 1
        if words >= 3 and words > 4 * numbers:
            column.field = "satuan"
            column.kind = ""


def header_row_values(grid: Grid, layout: Layout) -> list[str]:
    """Normalised header texts of the layout's last header row (to skip repeated headers)."""
    return [_key(grid.value(layout.header_rows[1], c)) for c in range(1, grid.max_col + 1)]
