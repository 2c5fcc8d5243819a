"""Reading Renstra workbooks as they really are: the layout comes from the headers.

Layouts (see model.renstra.LAYOUTS): the SIPD/sesendok code table (KODE, PROGRAM DAN KEGIATAN,
SATUAN, INDIKATOR, DATA CAPAIAN AWAL, TARGET/DANA TAHUN 1..5), Permendagri 86/2017 table T-C.27
(three merged header rows, the code in one column or split over several), the summary table of
tujuan, sasaran and program (Tabel "Keterkaitan Visi, Misi, Tujuan, Sasaran dan Program") and the
kelompok list (KELOMPOK, TUJUAN/SASARAN, INDIKATOR SASARAN).

The workbook is read once through readers.book for the values Excel cached (and merged cells and
number formats) and the formula texts (the package check's XML pass; openpyxl's read-only pass
where that cannot serve). A formula without a cached value is
recomputed (readers.renstra.formulas) and reported once (B006); it is never read as 0.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pokin_xl.errors import InputError, printable
from pokin_xl.findings import Finding, finding
from pokin_xl.gc_pause import without_gc_pauses
from pokin_xl.model.frames import SheetFrame, conform, empty_frame
from pokin_xl.model.matching import placeholder_form
from pokin_xl.model.renstra import (
    ANCESTOR_JENIS,
    LAYOUTS,
    RenstraIndicatorsFrame,
    RenstraNodesFrame,
    RenstraWorkbook,
)
from pokin_xl.model.targets import parse_target
from pokin_xl.model.text import is_blank
from pokin_xl.model.units import normalise_unit
from pokin_xl.readers.book import open_book
from pokin_xl.readers.grid import Grid, column_index, column_letter
from pokin_xl.readers.pagu import read_pagu
from pokin_xl.readers.renstra.aggregates import aggregate_formulas
from pokin_xl.readers.renstra.columns import describe_columns
from pokin_xl.readers.renstra.formulas import ExcelError, FormulaError, evaluate, references
from pokin_xl.readers.renstra.layout import Layout, detect
from pokin_xl.readers.renstra.walk import NodeRecord, Valued, Walker, ancestors
from pokin_xl.readers.renstra.year import calendar
from pokin_xl.readers.sheets import count_text_boxes
from pokin_xl.readers.sniff import is_xls
from pokin_xl.readers.workbook import open_workbook

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("B006",)

__all__ = ["read_renstra", "recomputed_finding"]

_MAX_NAMED_CELLS = 5


def read_renstra(
    path: str | Path,
    *,
    tahun_awal: int | None = None,
    sheet: str | None = None,
    route: str = "",
) -> RenstraWorkbook:
    """Read a Renstra workbook into frames (see model.renstra.RenstraWorkbook).

    `tahun_awal` names the calendar year of "Tahun 1" when neither the headers nor the title
    ("... 2024-2026") say it.
    """
    path = Path(path)
    name = printable(path.name)
    book = open_book(path, route=route)  # route: force a reading path (readers.book)
    grids = book.grids()
    candidates: list[tuple[Layout, Grid]] = []
    for grid in grids:
        if not grid.max_row:
            continue
        layout = detect(grid)
        if layout is not None:
            candidates.append((layout, grid))
    found = [c for c in candidates if sheet is None or c[1].title == sheet]
    if sheet is not None and not any(g.title == sheet for g in grids):
        shown = ", ".join(f"'{g.title}'" for g in grids)
        raise InputError(f"sheet '{sheet}' tidak ada (sheet yang ada: {shown}).", file=name)
    if not found and sheet is not None:
        raise InputError(
            "bukan tabel perencanaan: sheet ini tidak memuat judul kolom tabel Renstra/Renja "
            "(indikator dengan target/pagu, atau kode/nama program dan kegiatan).",
            file=name,
            sheet=sheet,
        )
    if not found:
        raise InputError(_not_a_table(path, grids), file=name)
    layout, grid = max(found, key=lambda item: item[0].score)
    other_tables = [
        {"sheet": g.title, "tata_letak": LAYOUTS.get(other.name, other.name)}
        for other, g in candidates
        if g.title != grid.title
    ]
    formulas = book.formulas(layout.sheet)
    if formulas is None:
        formulas = _formulas(path, layout.sheet)
    # The walk makes millions of small objects and frees none in cycles: the collector's passes
    # over them cost 10-20 % of a 20k-40k table's read and grow with it.
    with without_gc_pauses():
        reader = _Values(grid, formulas)
        walker = Walker(grid, layout, reader.value_at)
        walker.walk()
        if not walker.indicators and not walker.nodes:
            raise InputError(
                f"tabel Renstra tidak berisi baris data di bawah judul kolom (baris "
                f"{layout.header_rows[1]}).",
                file=name,
                sheet=grid.title,
                cell=f"A{layout.first_data_row}",
            )
        _refuse_without_values(layout, walker, name, grid.title)
        ancestors(walker.nodes)
        aggregates = aggregate_formulas(walker.nodes, layout, formulas, reader.value_at)
        years = calendar(grid, layout, tahun_awal)
        periods = years.periods
        problems: list[Finding] = []
        nodes = _node_frame(walker.nodes, layout, grid.title, name, problems)
        indicators = _indicator_frame(walker, layout, grid.title)
    if reader.recomputed:
        problems.append(_recomputed_finding(reader, name, grid.title))
    return RenstraWorkbook(
        path=str(path),
        layout=layout.name,
        sheet=grid.title,
        title=layout.title,
        periods=periods,
        nodes=nodes,
        indicators=indicators,
        problems=problems,
        formula_cells=len(formulas),
        recomputed_cells=list(reader.recomputed),
        year_sources=years.sources,
        title_years=list(years.title_years),
        header_rows=[
            *range(layout.header_rows[0], layout.header_rows[1] + 1),
            *layout.numbering_rows,
        ],
        columns=describe_columns(grid, layout),
        skipped=walker.skipped,
        aggregates=aggregates,
        other_tables=other_tables,
    )


def _not_a_table(path: Path, grids: list[Grid]) -> str:
    sheets = ", ".join(f"'{g.title}'" for g in grids)
    boxes = count_text_boxes(path) if not is_xls(path) else 0
    filled = sum(1 for g in grids if g.max_row)
    if boxes and not any(g.max_row > 1 for g in grids):
        return f"bukan tabel perencanaan: berisi {boxes} kotak teks, bukan tabel (sheet: {sheets})."
    drawn = f" dan {boxes} kotak teks" if boxes else ""
    return (
        f"bukan tabel perencanaan: {filled} sheet berisi sel{drawn}, tetapi tidak ada judul kolom "
        f"tabel Renstra/Renja (sheet yang ada: {sheets}). Dikenali: tabel kode (KODE, PROGRAM DAN "
        "KEGIATAN, INDIKATOR, TARGET/DANA TAHUN n), tabel T-C.27, formulir evaluasi Renja "
        "(target, realisasi, triwulan), tabel target sub kegiatan (Kode Rekening, Satuan, Target), "
        "tabel ringkas (Tujuan, Sasaran, Indikator, Target tahun, Program) dan daftar "
        "KELOMPOK/TUJUAN/SASARAN/INDIKATOR."
    )


def _refuse_without_values(layout: Layout, walker: Walker, file: str, sheet: str) -> None:
    """A table with indicators but no target and no pagu (the national nomenclature list, a
    header-only template) is not a plan: comparing against it would only report noise."""
    if layout.name == "kelompok":
        return
    found = sorted({c.field for c in layout.columns if c.field and c.field != "lain"})
    if not layout.periods:
        raise InputError(
            "bukan tabel perencanaan: tidak ada kolom target atau pagu (kolom yang dikenali: "
            + ", ".join(found)
            + ").",
            file=file,
            sheet=sheet,
        )
    has_target = any(
        valued.source != "kosong"
        for item in walker.indicators
        for _, valued in item.targets.values()
    )
    has_pagu = any(
        v.source != "kosong" for node in walker.nodes.values() for v in node.pagu.values()
    )
    if not (has_target or has_pagu):
        raise InputError(
            "bukan tabel perencanaan yang terisi: kolom target/pagu ada tetapi tidak ada satu "
            f"pun nilai target atau pagu di bawah judul kolom (baris {layout.header_rows[1]}).",
            file=file,
            sheet=sheet,
        )


def _formulas(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """Formula texts by (row, column), from a read-only pass (values of the first pass are cached)."""
    formulas: dict[tuple[int, int], str] = {}
    try:
        book = open_workbook(path, formulas=True)
    except Exception:  # the first pass already read the file: formulas are a bonus here
        return formulas
    try:
        rows = book[sheet].iter_rows(values_only=True)
        for row_number, values in enumerate(rows, start=1):
            for col_number, value in enumerate(values, start=1):
                text = getattr(value, "text", value)  # ArrayFormula keeps its text in .text
                if isinstance(text, str) and text.startswith("=") and len(text) > 1:
                    formulas[(row_number, col_number)] = text
    finally:
        book.close()
    return formulas


class _Values:
    """Target and pagu cells: cached value, or the formula recomputed when none was cached."""

    def __init__(self, grid: Grid, formulas: dict[tuple[int, int], str]) -> None:
        self.grid = grid
        self.formulas = formulas
        self.memo: dict[tuple[int, int], Valued] = {}
        self.busy: set[tuple[int, int]] = set()
        self.recomputed: list[str] = []
        self.failed: list[str] = []

    def value_at(self, row: int, col: int) -> Valued:
        key = (row, col)
        if key in self.memo:
            return self.memo[key]
        cell = self.grid.get(row, col)
        ref = f"{column_letter(col)}{row}"
        formula = "" if cell.merged else self.formulas.get(key, "")
        value = cell.value
        if not formula:
            source = "kosong" if is_blank(value) else "nilai"
        elif value is not None:
            source = "cache"
        else:
            value, source = self._recompute(key, formula)
            (self.recomputed if source == "dihitung" else self.failed).append(ref)
        valued = Valued(value, cell.number_format or "General", formula, source, ref)
        self.memo[key] = valued
        return valued

    def _recompute(self, key: tuple[int, int], formula: str) -> tuple[object, str]:
        if key in self.busy:
            raise FormulaError("rumus melingkar")
        self.busy.add(key)
        try:
            result = evaluate(formula, lambda col, row: self._lookup(row, col))
        except (FormulaError, RecursionError):  # RecursionError: a chain of formulas too deep
            return None, "tidak_terhitung"
        finally:
            self.busy.discard(key)
        if isinstance(result, ExcelError):
            return result.code, "dihitung"
        if isinstance(result, float) and result.is_integer() and abs(result) < 1e15:
            return int(result), "dihitung"
        return result, "dihitung"

    def _lookup(self, row: int, col: int) -> object:
        valued = self.value_at(row, col)
        if valued.source == "tidak_terhitung":
            raise FormulaError("sel rujukan tidak terhitung")
        value = valued.value
        if isinstance(value, str) and value.startswith("#"):
            return ExcelError(value)
        return value


def _node_frame(
    nodes: dict[str, NodeRecord], layout: Layout, sheet: str, file: str, problems: list[Finding]
) -> SheetFrame:
    periods = list(layout.periods)
    parents = {node.induk for node in nodes.values() if node.induk}
    scales = {c.col: c.scale for g in layout.groups for c in g.pagu.values()}
    rows: list[int] = []
    records: list[dict[str, object]] = []
    for node in nodes.values():
        parent = nodes.get(node.induk) if node.induk else None
        above = nodes.get(node.induk_posisi) if node.induk_posisi else None
        record: dict[str, object] = {
            "node_id": node.id,
            "jenis": node.jenis,
            "kode": node.kode,
            "kode_canonical": node.kode_canonical,
            "kode_key": placeholder_form(node.kode_canonical),
            "nama": node.nama,
            "uraian": node.uraian,
            "induk": node.induk or "",
            "induk_row": parent.row if parent else None,
            "induk_posisi": node.induk_posisi or "",
            "induk_posisi_row": above.row if above else None,
            "induk_by": node.induk_by,
            "unit_kerja": node.unit_kerja,
            "cell": node.cell,
        }
        for jenis in ANCESTOR_JENIS:
            record[f"{jenis}_node"] = node.ancestors.get(jenis, "")
        for period in periods:
            valued = node.pagu.get(period)
            column = _pagu_column(valued)
            number = (
                read_pagu(
                    valued.value,
                    problems,
                    scale=scales.get(column or 0, 1),
                    file=file,
                    sheet=sheet,
                    cell=valued.cell,
                    kode=node.kode,
                    subject=node.nama or node.uraian,
                )
                if valued is not None
                else None
            )
            # only a parent's formula is a roll-up whose range matters
            refs = (
                references(valued.formula)
                if valued and valued.formula and node.id in parents
                else None
            )
            record[f"pagu_{period}"] = number
            record[f"pagu_src_{period}"] = valued.source if valued else "kosong"
            record[f"pagu_formula_{period}"] = valued.formula if valued else ""
            record[f"pagu_refs_{period}"] = refs.rows_in_column(column) if refs and column else None
            record[f"pagu_broken_{period}"] = bool(refs and refs.broken)
            record[f"pagu_cell_{period}"] = valued.cell if valued else ""
        rows.append(node.row)
        records.append(record)
    frame = pd.DataFrame(records, index=pd.Index(rows, name="row"))
    for column in [c for c in frame.columns if c.endswith("_row")]:
        frame[column] = frame[column].astype("Int64")
    if frame.empty:  # a table of indicators without items (IKU)
        frame = empty_frame(RenstraNodesFrame, periods)
    for period in periods:
        frame[f"pagu_{period}"] = frame[f"pagu_{period}"].astype("Float64")
    letters = {f"pagu_{p}": column_letter(g.pagu[p].col) for g in layout.groups for p in g.pagu}
    return SheetFrame(conform(frame, RenstraNodesFrame), sheet, letters)


def _pagu_column(valued: Valued | None) -> int | None:
    if valued is None or not valued.cell:
        return None
    return column_index("".join(ch for ch in valued.cell if ch.isalpha()))


def _indicator_frame(walker: Walker, layout: Layout, sheet: str) -> SheetFrame:
    periods = list(layout.periods)
    nodes = walker.nodes
    rows: list[int] = []
    records: list[dict[str, object]] = []
    for item in walker.indicators:
        node = nodes.get(item.node) if item.node is not None else None
        record: dict[str, object] = {
            "node": item.node or "",
            "node_row": node.row if node else None,
            "jenis": item.jenis,
            "kode": node.kode if node else "",
            "kode_key": placeholder_form(node.kode_canonical) if node else "",
            "nama": node.nama if node else "",
            "uraian": node.uraian if node else "",
            "unit_kerja": node.unit_kerja if node else "",
            "nomor": item.nomor,
            "indikator": item.indikator,
            "indikator_cell": item.indikator_cell,
            "satuan": item.satuan,
            "satuan_norm": normalise_unit(item.satuan),
            "satuan_cell": item.satuan_cell,
            "baseline_raw": item.baseline_raw,
        }
        for jenis in ANCESTOR_JENIS:
            record[f"{jenis}_node"] = node.ancestors.get(jenis, "") if node else ""
        for period in periods:
            target, valued = item.targets.get(period, (None, None))
            record[f"target_{period}"] = target if target is not None else parse_target(None)
            record[f"target_src_{period}"] = valued.source if valued else "kosong"
            record[f"target_cell_{period}"] = valued.cell if valued else ""
        rows.append(item.row)
        records.append(record)
    frame = pd.DataFrame(records, index=pd.Index(rows, name="row"))
    if frame.empty:
        frame = empty_frame(RenstraIndicatorsFrame, periods)
    for column in [c for c in frame.columns if c.endswith("_row")]:
        frame[column] = frame[column].astype("Int64")
    letters: dict[str, str] = {}
    if len(layout.groups) == 1:
        group = layout.groups[0]
        letters["indikator"] = column_letter(group.indikator.col)
        if group.satuan:
            letters["satuan"] = column_letter(group.satuan.col)
        for period, column in group.targets.items():
            letters[f"target_{period}"] = column_letter(column.col)
    return SheetFrame(conform(frame, RenstraIndicatorsFrame), sheet, letters)


def _recomputed_finding(reader: _Values, file: str, sheet: str) -> Finding:
    return recomputed_finding(reader.recomputed, reader.failed, file, sheet)


def recomputed_finding(recomputed: list[str], failed: list[str], file: str, sheet: str) -> Finding:
    """B006 for formula cells recomputed (and not computable): one text for every reader."""
    cells = recomputed + failed
    shown = ", ".join(cells[:_MAX_NAMED_CELLS]) + (" ..." if len(cells) > _MAX_NAMED_CELLS else "")
    message = (
        f"{len(recomputed)} sel rumus tidak menyimpan nilai hasil hitungan (berkas disimpan "
        f"tanpa menghitung ulang); nilainya dihitung ulang oleh pokin-xl dari rumusnya ({shown})."
    )
    if failed:
        message += (
            f" {len(failed)} sel tidak dapat dihitung dan dibiarkan kosong; buka dan simpan "
            "ulang berkas di Excel agar nilainya tersimpan."
        )
    return finding("B006", message, file=file, sheet=sheet, cell=cells[0])
