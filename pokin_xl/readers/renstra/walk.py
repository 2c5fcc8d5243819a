"""Walking a Renstra table's rows: which node each row opens or continues, and its indicators.

One walker serves every layout. Structure columns (Tujuan, Sasaran, Program, Kode + Program dan
Kegiatan, Kelompok + Tujuan/Sasaran) open nodes where their cell starts (a merged cell's top-left,
or a plain non-blank cell); a merged cell's other rows continue the node it opened. Each indicator
column belongs to a node: the one its header names ("Indikator Program" -> the program), else the
deepest node open on that row.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from pokin_xl.model.nomenclature import canonical_code, jenis_of, jenis_of_name, parent_of
from pokin_xl.model.targets import Target, parse_target
from pokin_xl.model.text import clean, is_blank, normalise
from pokin_xl.readers.grid import Cell, Grid, code_text, column_letter
from pokin_xl.readers.renstra.layout import Column, Group, Layout, header_row_values

RANK = {"urusan": 0, "bidang": 1, "program": 2, "kegiatan": 3, "sub_kegiatan": 4}
_BY_RANK = {rank: jenis for jenis, rank in RANK.items()}
_ENUMERATOR_RE = re.compile(r"^\s*(?:(\d{1,2}|[a-zA-Z]|[IVXivx]{1,4})\s*[.):]|[-•·*])\s+")
_NAME_JENIS = (
    ("urusan pemerintahan bidang", "bidang"),
    ("unsur", "urusan"),
    ("bidang urusan", "bidang"),
    ("urusan", "urusan"),
    ("bidang", "bidang"),
    ("program", "program"),
    ("sub kegiatan", "sub_kegiatan"),
    ("subkegiatan", "sub_kegiatan"),
    ("kegiatan", "kegiatan"),
)
_KELOMPOK_JENIS = {
    "tujuan": "tujuan",
    "sasaran": "sasaran",
    "sasaran strategis": "sasaran",
    "program": "program",
    "kegiatan": "kegiatan",
    "sub kegiatan": "sub_kegiatan",
    "subkegiatan": "sub_kegiatan",
}


@dataclass
class Valued:
    """A target or pagu cell as read: its value, number format, formula and where the value came from."""

    value: object
    number_format: str
    formula: str
    source: str  # model.renstra.VALUE_SOURCES
    cell: str


@dataclass
class NodeRecord:
    """A node; `id` is the cell that names it (several nodes may start on one row)."""

    row: int
    jenis: str
    kode: str = ""
    kode_canonical: str = ""
    nama: str = ""
    uraian: str = ""
    induk: str | None = None
    induk_posisi: str | None = None
    induk_by: str = ""
    ancestors: dict[str, str] = field(default_factory=dict)
    unit_kerja: str = ""
    cell: str = ""
    pagu: dict[int, Valued] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.cell


@dataclass
class IndicatorRecord:
    row: int
    node: str | None
    jenis: str
    indikator: str
    nomor: str
    indikator_cell: str
    satuan: str = ""
    satuan_cell: str = ""
    baseline_raw: str = ""
    targets: dict[int, tuple[Target, Valued]] = field(default_factory=dict)


_CODE_RE = re.compile(r"[0-9IVXivx]{1,5}(?:\s*[.\-]\s*[0-9IVXivx]{1,5})*\.?")


def is_code_like(text: str) -> bool:
    """'1.02.02.2.01.0001', 'X.XX.01', '15', 'IV': a code; 'URUSAN WAJIB' merged over the code
    column is a name."""
    return _CODE_RE.fullmatch(text.strip()) is not None


def strip_enumerator(text: str) -> tuple[str, str]:
    """'1. Meningkatkan ...' -> ('Meningkatkan ...', '1'); list numbering is layout, not content."""
    match = _ENUMERATOR_RE.match(text)
    if not match:
        return text, ""
    return text[match.end() :].strip(), (match.group(1) or "").strip()


def _text(cell: Cell) -> str:
    """A text field: numbers that only repeat an empty formula result (0) are blank."""
    value = cell.value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float) and value == 0:
        return ""
    return clean(value)


def _fresh(cell: Cell) -> bool:
    return not cell.merged and not is_blank(cell.value)


def split_lines(text: str) -> list[str]:
    """Several indicators in one cell: lines ending in ';' or lines that each start with a bullet."""
    lines = [line.strip() for line in re.split(r"\r?\n", text) if line.strip()]
    if len(lines) < 2:
        return [text]
    ended = all(line.endswith(";") for line in lines[:-1])
    bulleted = all(_ENUMERATOR_RE.match(line) for line in lines)
    if not (ended or bulleted):
        return [clean(text)]
    return [clean(line.rstrip(";").strip()) for line in lines]


SUB_KEGIATAN_FROM = 2021
_LOOKAHEAD = 20  # rows looked at below a bare name for the item it groups
_TOTAL_RE = re.compile(r"^(?:jumlah|total|sub ?total|grand total|belanja)\b")
_FOOTER_WORDS = ("sumber", "keterangan", "catatan", "ket", "mengetahui", "ditetapkan")


_COLUMN_NUMBER_RE = re.compile(r"^\(?(\d{1,2})\)?$")


def _numbers_the_columns(cells: list[Cell]) -> bool:
    """A row of column numbers (1, 2, 3 ... or (1), (2) ...) repeated on a new printed page:
    at least three, each a small number, rising from left to right."""
    numbers: list[int] = []
    for cell in cells:
        if cell.merged or is_blank(cell.value):
            continue
        value = cell.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        match = _COLUMN_NUMBER_RE.match(str(value).strip()) if not isinstance(value, bool) else None
        if match is None:
            return False
        numbers.append(int(match.group(1)))
    return len(numbers) >= 3 and all(a < b for a, b in itertools.pairwise(numbers))


def _is_footer(cells: list[Cell]) -> bool:
    """'Sumber : Renstra ...' under a table: the first and only own cell, a footer word first."""
    own = [c for c in cells if not c.merged and not is_blank(c.value)]
    if len(own) != 1 or not isinstance(own[0].value, str):
        return False
    first = normalise(own[0].value, expand=False).split(" ")[0]
    return first in _FOOTER_WORDS and ":" in own[0].value[:20]


@lru_cache(maxsize=65536)
def code_info(code: str) -> tuple[str, str]:
    """(canonical code, jenis) of a code as written; ('', '') when it is not a national code."""
    canonical = canonical_code(code) or ""
    return canonical, (jenis_of(canonical) or "") if canonical else ""


@lru_cache(maxsize=65536)
def _parent_code(canonical: str) -> str:
    return parent_of(canonical) or ""


_ROMAN_RE = re.compile(r"^[IVXLC]+$")


def numbering_style(text: str) -> str:
    """'1' -> 'n1', '1.1' -> 'n2', '1.1.1.' -> 'n3', 'IV' -> 'R', 'A' -> 'A', 'b)' -> 'a', '-' ->
    '-'; '' for a blank or anything else. Outline numbering marks levels by style."""
    key = text.strip().rstrip(".)").lstrip("(").strip()
    if not key:
        return ""
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", key):
        return f"n{len(key.split('.'))}"
    if (_ROMAN_RE.fullmatch(key) and len(key) > 1) or key in ("I", "V", "X"):
        return "R"
    if len(key) == 1 and key.isalpha():
        return "A" if key.isupper() else "a"
    if key in ("-", "•", "·", "*"):
        return "-"
    return ""


def _jenis_by_prefix(name: str) -> str:
    key = normalise(name, expand=False)
    for prefix, jenis in _NAME_JENIS:
        if key == prefix or key.startswith(prefix + " "):
            return jenis
    return ""


def _jenis_from_name(name: str) -> str:
    """'Program ...', 'Urusan ...' by their first words, else the national list's own names."""
    return _jenis_by_prefix(name) or jenis_of_name(name) or ""


class Walker:
    def __init__(
        self,
        grid: Grid,
        layout: Layout,
        value_at: Callable[[int, int], Valued],
    ) -> None:
        self.grid = grid
        self.layout = layout
        self.value_at = value_at
        self.nodes: dict[str, NodeRecord] = {}
        self.indicators: list[IndicatorRecord] = []
        self.by_code: dict[str, str] = {}
        self.tujuan: NodeRecord | None = None
        self.sasaran: NodeRecord | None = None
        self.program: NodeRecord | None = None  # ringkas: the Program column's node
        self.stack: list[NodeRecord] = []  # coded program/kegiatan/... nodes, outermost first
        self.header_keys = header_row_values(grid, layout)
        first = {c.field: c for c in reversed(layout.columns)}
        self.tujuan_col = first.get("tujuan")
        self.sasaran_col = first.get("sasaran")
        self.program_col = first.get("program")
        self.level_cols = [
            (column, jenis)
            for jenis in ("kegiatan", "sub_kegiatan")
            if (column := first.get(jenis)) is not None
        ]
        self.nama_col = first.get("nama")
        # several name columns in a coded table (Kode | Program | Kegiatan | Sub Kegiatan): a
        # row's name is in the first of them that it fills
        self.nama_cols = [c for c in layout.columns if c.field == "nama"]
        self.unit_col = first.get("unit_kerja")
        self.kelompok_col = first.get("kelompok")
        self.uraian_col = first.get("uraian")
        self.kode_cols = [c for c in layout.columns if c.field == "kode"]
        self.skipped: list[tuple[int, str]] = []
        self.took_pagu = False  # the row being walked gave its pagu to an item above it
        self.heading = ""  # an indicator heading ending in ':' over lettered items
        self.max_parts = self._longest_local_code()
        self.allow_sub = self._has_sub_kegiatan()
        self.nomor_col = first.get("nomor")
        self.style_rank: dict[str, int] = {}  # numbering style ("1.1", "a") -> level it numbers
        self.numbered = self._outline_numbering()

    def _has_sub_kegiatan(self) -> bool:
        """Sub kegiatan exist from the 2021 nomenclature on; older tables (program and kegiatan
        only) never get one from a name or a position, only from a six-part national code."""
        header = normalise(self.nama_col.header if self.nama_col else "", expand=False)
        if "sub" in header.split() or "subkegiatan" in header:
            return True
        if any(c.field == "sub_kegiatan" for c in self.layout.columns):
            return True
        years = [y for y in self.layout.periods.values() if y is not None]
        years += [int(y) for y in re.findall(r"\b(20\d\d)\b", self.layout.title)]
        if years and max(years) >= SUB_KEGIATAN_FROM:
            return True
        if not years and self.max_parts == 0:
            return True  # nothing says the table is old
        for row in range(self.layout.first_data_row, self.grid.max_row + 1):
            parts = self._code_parts(row)
            if parts and code_info(".".join(parts))[1] == "sub_kegiatan":
                return True
        return False

    def _style(self, row: int) -> str:
        """The numbering style of a row's No cell: 'n2' for '1.1', 'R' for 'IV', 'a' for 'b.'."""
        if self.nomor_col is None:
            return ""
        return numbering_style(code_text(self.grid.get(row, self.nomor_col.col)))

    def _outline_numbering(self) -> bool:
        """The No column numbers an outline (I / A / 1 / 1.1 / a) rather than counting rows: it
        uses at least two styles. Only then does a style tell an item's level."""
        styles = {self._style(r) for r in range(self.layout.first_data_row, self.grid.max_row + 1)}
        return len(styles - {""}) >= 2

    def _longest_local_code(self) -> int:
        """Parts of the longest code that is not a national one (pre-2019 tables number programs
        and kegiatan their own way: the longest code is a kegiatan, one part less a program)."""
        longest = 0
        for row in range(self.layout.first_data_row, self.grid.max_row + 1):
            parts = self._code_parts(row)
            if parts and not code_info(".".join(parts))[1]:
                longest = max(longest, len(".".join(parts).split(".")))
        return longest

    def _code_parts(self, row: int) -> list[str]:
        parts: list[str] = []
        for column in self.kode_cols:
            cell = self.grid.get(row, column.col)
            if isinstance(cell.value, int | float) and cell.value == 0:
                continue
            part = code_text(cell)
            if part and is_code_like(part):
                parts.append(part)
        return parts

    def _is_total(self, row: int) -> bool:
        if self.nama_col is None or self._code_parts(row):
            return False
        key = normalise(self.grid.value(row, self.nama_col.col), expand=False)
        return bool(key) and _TOTAL_RE.match(key) is not None

    # ------------------------------------------------------------------------------ walking
    def walk(self) -> None:
        for row in range(self.layout.first_data_row, self.grid.max_row + 1):
            if all(
                v is None or (isinstance(v, str) and not v.strip())
                for v in self.grid.row_values(row)
            ):
                continue
            cells = [self.grid.get(row, c) for c in range(1, self.grid.max_col + 1)]
            if self._repeats_header(cells):
                self.skipped.append((row, "judul kolom diulang"))
                continue
            if _numbers_the_columns(cells):
                self.skipped.append((row, "nomor kolom (1, 2, 3 ...) diulang"))
                continue
            if _is_footer(cells):
                self.skipped.append((row, "catatan di bawah tabel; baris berikutnya tidak dibaca"))
                break
            if self._is_total(row):
                self.skipped.append((row, "baris jumlah/total atau kelompok belanja, bukan butir"))
                continue
            before = (len(self.nodes), len(self.indicators), len(self.skipped))
            self.took_pagu = False
            self._structure(row)
            for group in self.layout.groups:
                self._indicators(row, group)
            unread = before == (len(self.nodes), len(self.indicators), len(self.skipped))
            if unread and not self.took_pagu:
                self.skipped.append((row, self._unread_reason(row, cells)))

    def _unread_reason(self, row: int, cells: list[Cell]) -> str:
        """Why a non-blank row opened no item and stated no indicator: every row is accounted for."""
        own = [
            column_letter(index + 1)
            for index, cell in enumerate(cells)
            if not cell.merged and not is_blank(cell.value)
        ]
        where = ", ".join(own[:6]) + (" ..." if len(own) > 6 else "")
        if not own:
            return "hanya sel gabungan dari baris di atasnya"
        above = self._deepest()
        item = f" butir baris {above.row}" if above is not None else ""
        return f"lanjutan{item} tanpa nama butir atau indikator baru (kolom {where}); tidak dibaca"

    def _repeats_header(self, cells: list[Cell]) -> bool:
        same = filled = 0
        for index, cell in enumerate(cells):
            if cell.merged or is_blank(cell.value):
                continue
            filled += 1
            if normalise(cell.value, expand=False) == self.header_keys[index]:
                same += 1
        return filled >= 2 and same * 2 >= filled

    def _cell_ref(self, row: int, column: Column) -> str:
        return f"{column_letter(column.col)}{row}"

    def _open(self, node: NodeRecord) -> NodeRecord:
        self.nodes[node.id] = node
        return node

    def _open_under(
        self, parent: NodeRecord | None, row: int, jenis: str, cell: str, **texts: str
    ) -> NodeRecord:
        """A sasaran or program placed by position: its parent is the node enclosing it, if any."""
        return self._open(
            NodeRecord(
                row,
                jenis,
                induk=parent.id if parent else None,
                induk_posisi=parent.id if parent else None,
                induk_by="posisi" if parent else "",
                cell=cell,
                **texts,
            )
        )

    def _structure(self, row: int) -> None:
        grid = self.grid
        if self._starts(row, self.tujuan_col, self.tujuan, "uraian"):
            text, _ = strip_enumerator(_text(grid.get(row, self.tujuan_col.col)))
            self.tujuan = self._open(
                NodeRecord(row, "tujuan", uraian=text, cell=self._cell_ref(row, self.tujuan_col))
            )
            self.sasaran, self.program, self.stack = None, None, []
        if self._starts(row, self.sasaran_col, self.sasaran, "uraian"):
            text, _ = strip_enumerator(_text(grid.get(row, self.sasaran_col.col)))
            self.sasaran = self._open_under(
                self.tujuan, row, "sasaran", self._cell_ref(row, self.sasaran_col), uraian=text
            )
            self.program, self.stack = None, []
        if self.kelompok_col and self.uraian_col:
            self._kelompok(row)
        if self._starts(row, self.program_col, self.program, "nama"):
            text, _ = strip_enumerator(_text(grid.get(row, self.program_col.col)))
            parent = self.sasaran or self.tujuan
            self.program = self._open_under(
                parent, row, "program", self._cell_ref(row, self.program_col), nama=text
            )
            self.stack = []
        for column, jenis in self.level_cols:  # a Kegiatan / Sub Kegiatan column of names
            current = next((n for n in reversed(self.stack) if n.jenis == jenis), None)
            if self._starts(row, column, current, "nama"):
                text, _ = strip_enumerator(_text(grid.get(row, column.col)))
                self._new_coded(row, "", jenis, text, self._cell_ref(row, column))
        if self.kode_cols or self.nama_col:
            self._coded(row)
        if self.unit_col and _fresh(cell := grid.get(row, self.unit_col.col)):
            deepest = self._deepest()
            if deepest is not None and not deepest.unit_kerja:
                deepest.unit_kerja = _text(cell)

    def _starts(
        self, row: int, column: Column | None, current: NodeRecord | None, text_field: str
    ) -> bool:
        """A structure cell opens a node: the top of a merged cell, or a plain cell whose text
        is not the open node's own (tables that repeat the tujuan on every row)."""
        if column is None:
            return False
        cell = self.grid.get(row, column.col)
        if not _fresh(cell) or not _text(cell):
            return False
        if current is None:
            return True
        text, _ = strip_enumerator(_text(cell))
        return normalise(text) != normalise(getattr(current, text_field))

    def _kelompok(self, row: int) -> None:
        assert self.kelompok_col and self.uraian_col
        kind_cell = self.grid.get(row, self.kelompok_col.col)
        text_cell = self.grid.get(row, self.uraian_col.col)
        if not (_fresh(kind_cell) or _fresh(text_cell)):
            return
        jenis = _KELOMPOK_JENIS.get(normalise(kind_cell.value, expand=False), "")
        text, _ = strip_enumerator(_text(text_cell))
        if not text:
            return
        cell = self._cell_ref(row, self.uraian_col)
        if jenis == "tujuan" or (not jenis and self.tujuan is None):
            self.tujuan = self._open(NodeRecord(row, "tujuan", uraian=text, cell=cell))
            self.sasaran, self.program, self.stack = None, None, []
        elif jenis == "sasaran" or not jenis:
            self.sasaran = self._open_under(self.tujuan, row, "sasaran", cell, uraian=text)
            self.program, self.stack = None, []
        else:
            self._new_coded(row, "", jenis, text, cell)

    def _coded(self, row: int) -> None:
        grid = self.grid
        parts: list[str] = []
        code_fresh = False
        spilt = ""  # a name written from the code column on, merged over the name column
        for column in self.kode_cols:
            cell = grid.get(row, column.col)
            part = (
                code_text(cell)
                if not (isinstance(cell.value, int | float) and cell.value == 0)
                else ""
            )
            if part and not is_code_like(part):
                spilt = spilt or ("" if cell.merged else part)
                continue
            if part:
                parts.append(part)
                code_fresh = code_fresh or not cell.merged
        code = ".".join(parts)
        name_col = next((c for c in self.nama_cols if _fresh(grid.get(row, c.col))), self.nama_col)
        name_cell = grid.get(row, name_col.col) if name_col else None
        name_fresh = name_cell is not None and _fresh(name_cell) and bool(_text(name_cell))
        if spilt and not name_fresh and name_cell is not None and name_cell.value == spilt:
            name_cell, name_fresh = Cell(spilt), True
        if not (code_fresh or name_fresh):
            return
        name, _ = strip_enumerator(_text(name_cell)) if name_fresh and name_cell else ("", "")
        current = self.stack[-1] if self.stack else None
        if (
            current is not None
            and code
            and code == current.kode
            and (not name or normalise(name) == normalise(current.nama))
        ):
            return  # the code repeated on an indicator row of the same node
        if not code_fresh:
            code = ""  # code parts merged down from the rows above belong to an enclosing node
        canonical, jenis = code_info(code) if code else ("", "")
        if jenis not in RANK and code:
            jenis = self._local_code_jenis(code, name)
        if jenis not in RANK:
            jenis = _jenis_from_name(name) if jenis == "" else jenis
        heading = not self.stack or (name.isupper() and len(name) > 3)
        if not code and jenis not in RANK and heading and self._heads_programs(row):
            jenis = "bidang"  # "KESEHATAN" above its programs: a grouping row, not an item
        cell_col = self.kode_cols[0] if code and self.kode_cols else self.nama_col
        cell = self._cell_ref(row, cell_col) if cell_col else f"A{row}"
        self._new_coded(row, code, jenis, name, cell, canonical, style=self._style(row))

    def _heads_programs(self, row: int) -> bool:
        """A row of a name only (no code, no indicator) whose next named row is a program or a
        grouping row by its name: it groups those programs (an urusan or bidang named bare)."""
        grid = self.grid
        if any(_fresh(grid.get(row, g.indikator.col)) for g in self.layout.groups):
            return False
        for below in range(row + 1, min(grid.max_row, row + _LOOKAHEAD) + 1):
            for column in self.nama_cols:
                cell = grid.get(below, column.col)
                if _fresh(cell) and _text(cell):
                    name, _ = strip_enumerator(_text(cell))
                    return RANK.get(_jenis_from_name(name), 9) <= RANK["program"]
        return False

    def _local_code_jenis(self, code: str, name: str) -> str:
        """The level of a code that is not national, from its shape within this table."""
        named = _jenis_by_prefix(name)  # "Program ..."; a national name may be reused locally
        if named:
            return named
        parts = len(code.split("."))
        if not self.max_parts or parts > self.max_parts:
            return ""
        if parts == self.max_parts:
            return "kegiatan"
        if parts == self.max_parts - 1:
            return "program"
        return "urusan" if parts == 1 else "bidang"

    def _new_coded(
        self,
        row: int,
        code: str,
        jenis: str,
        name: str,
        cell: str,
        canonical: str = "",
        style: str = "",
    ) -> None:
        style = style if self.numbered else ""
        if jenis not in RANK and style in self.style_rank:
            jenis = _BY_RANK[self.style_rank[style]]  # numbered like an earlier item of a level
        # Position: pop the nodes at the same or a deeper rank.
        if jenis not in RANK:
            jenis = (
                _BY_RANK.get(RANK[self.stack[-1].jenis] + 1, "sub_kegiatan")
                if self.stack
                else "program"
            )
        if jenis == "sub_kegiatan" and not self.allow_sub and not canonical:
            jenis = "kegiatan"
        rank = RANK[jenis]
        if style:
            self.style_rank[style] = rank
        while self.stack and RANK[self.stack[-1].jenis] >= rank:
            self.stack.pop()
        positional = self.stack[-1] if self.stack else (self.program or self.sasaran or self.tujuan)
        by_code: str | None = None
        if canonical:
            ancestor = _parent_code(canonical)
            while ancestor:
                if ancestor in self.by_code:
                    by_code = self.by_code[ancestor]
                    break
                ancestor = _parent_code(ancestor)
        if by_code is not None:
            induk, induk_by = by_code, "kode"
        elif positional is not None:
            induk, induk_by = positional.id, "posisi"
        else:
            induk, induk_by = None, ""
        node = NodeRecord(
            row,
            jenis,
            kode=code,
            kode_canonical=canonical,
            nama=name,
            induk=induk,
            induk_posisi=positional.id if positional else None,
            induk_by=induk_by,
            cell=cell,
        )
        self._open(node)
        if canonical:
            self.by_code.setdefault(canonical, node.id)
        self.stack.append(node)

    def _deepest(self) -> NodeRecord | None:
        if self.stack:
            return self.stack[-1]
        return self.program or self.sasaran or self.tujuan

    def _anchor(self, group: Group) -> NodeRecord | None:
        tier = group.indikator.tier
        if tier == "tujuan":
            return self.tujuan
        if tier == "sasaran":
            return self.sasaran or self.tujuan
        if tier == "program":
            coded = next((n for n in reversed(self.stack) if n.jenis == "program"), None)
            return self.program or coded or self._deepest()
        if tier == "kegiatan":
            coded = next((n for n in reversed(self.stack) if n.jenis == "kegiatan"), None)
            return coded or self._deepest()
        return self._deepest()

    # --------------------------------------------------------------------------- indicators
    def _indicators(self, row: int, group: Group) -> None:
        grid = self.grid
        anchor = self._anchor(group)
        if anchor is not None:
            for period, column in group.pagu.items():
                if period in anchor.pagu:
                    continue
                cell = grid.get(row, column.col)
                if cell.merged:
                    continue
                valued = self.value_at(row, column.col)
                if valued.source != "kosong" or row == anchor.row:
                    anchor.pagu[period] = valued
                    self.took_pagu = self.took_pagu or row != anchor.row
        cell = grid.get(row, group.indikator.col)
        if not _fresh(cell):
            return
        text = _text(cell)
        if not text:
            return
        texts = split_lines(str(cell.value)) if isinstance(cell.value, str) else [text]
        satuan = ""
        satuan_cell = ""
        if group.satuan is not None:
            satuan_cell = self._cell_ref(row, group.satuan)
            satuan = _text(grid.get(row, group.satuan.col))
        baseline = ""
        if group.baseline is not None:
            baseline = _text(grid.get(row, group.baseline.col))
        targets: dict[int, tuple[Target, Valued]] = {}
        for period, column in group.targets.items():
            valued = self.value_at(row, column.col)
            targets[period] = (parse_target(valued.value, valued.number_format), valued)
        if group.virtual and all(v.source == "kosong" for _, v in targets.values()):
            return  # no indicator column: only an item with a target states one
        if text.rstrip().endswith(":") and all(v.source == "kosong" for _, v in targets.values()):
            # "Jumlah dokumen ... sub sektor :" heads the lettered items below it
            self.skipped.append((row, "judul kelompok indikator (butirnya di baris berikut)"))
            self.heading = strip_enumerator(text)[0].rstrip(" :")
            return
        for line in texts:
            indikator, nomor = strip_enumerator(line)
            if not indikator:
                continue
            if nomor.isalpha() and len(nomor) == 1 and self.heading:
                indikator = f"{self.heading} {indikator}"  # "a. Pertanian" under its heading
            elif not nomor.isalpha():
                self.heading = ""
            self.indicators.append(
                IndicatorRecord(
                    row=row,
                    node=anchor.id if anchor else None,
                    jenis=anchor.jenis if anchor else "",
                    indikator=indikator,
                    nomor=nomor,
                    indikator_cell=self._cell_ref(row, group.indikator),
                    satuan=satuan,
                    satuan_cell=satuan_cell,
                    baseline_raw=baseline,
                    targets=dict(targets),
                )
            )


def ancestors(nodes: dict[str, NodeRecord]) -> None:
    """Fill each node's ancestors (itself included) by following `induk`."""
    for node in nodes.values():
        seen: set[str] = set()
        current: NodeRecord | None = node
        while current is not None and current.id not in seen:
            seen.add(current.id)
            node.ancestors.setdefault(current.jenis, current.id)
            current = nodes.get(current.induk) if current.induk is not None else None
