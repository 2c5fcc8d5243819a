"""Which calendar year each target/pagu period of a planning table is, and where that was read.

Sources, most specific first: a year in the column's own header ("Target Renja Tahun Berjalan
(Tahun 2025)"), "Tahun 1..5" with the period in the title ("Renstra 2024-2029"), `tahun_awal`
from the caller, or a single year in the title ("Evaluasi Renja ... Tahun 2018") for a table that
states one undated target column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pokin_xl.errors import InputError
from pokin_xl.model.renstra import RenstraWorkbook
from pokin_xl.model.text import clean
from pokin_xl.readers.grid import Grid, column_letter
from pokin_xl.readers.renstra.layout import Column, Layout

_SPAN_RE = re.compile(
    r"\b(20\d\d|19\d\d)\s*(?:-|–|—|s\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*(20\d\d)\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")
# "Permendagri Nomor 86 Tahun 2017", "Perda No. 5 Tahun 2021": the year of a regulation, not of
# the plan.
_REGULATION_RE = re.compile(
    r"\b(?:permendagri|peraturan|perda|perbup|perwal|pergub|kepmendagri|uu|pp|nomor|no)\b"
    r"[^|]*?\btahun\s+(?:19|20)\d\d",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Calendar:
    periods: dict[int, int | None]
    sources: dict[int, str]  # period -> where its year was read, in words
    title_years: tuple[int, ...]  # single years written above the header (spans excluded)


def _title_cells(grid: Grid, header_row: int) -> list[tuple[str, str]]:
    cells: list[tuple[str, str]] = []
    for row in range(1, header_row):
        label = ""  # the text to the left on the row: "Tahun Anggaran" | ":" | 2025
        for col in range(1, grid.max_col + 1):
            cell = grid.get(row, col)
            ref = f"{column_letter(col)}{row}"
            if isinstance(cell.value, str) and not cell.merged and cell.value.strip(" :"):
                text = clean(cell.value)
                cells.append((ref, f"{label} {text}".strip() if _is_year_label(label) else text))
                label = text
            elif _is_year_number(cell.value) and not cell.merged and _is_year_label(label):
                cells.append((ref, f"{label} {int(cell.value)}"))  # type: ignore[call-overload]
    return [*cells, (f"sheet '{grid.title}'", grid.title)]


def _is_year_label(text: str) -> bool:
    words = text.lower().replace(":", " ").split()
    return bool(words) and words[0] in ("tahun", "ta", "t.a", "t.a.") and len(words) <= 3


def _is_year_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and float(value).is_integer()
        and 1990 <= value <= 2100
    )


def _header_cell(grid: Grid, layout: Layout, column: Column, year: int) -> str:
    first, last = layout.header_rows
    for row in range(last, first - 1, -1):
        text = clean(grid.value(row, column.col))
        if str(year) in text:
            # the cell that holds the text (a merged header's top-left)
            col = column.col
            while col > 1 and grid.get(row, col).merged and grid.value(row, col - 1) == text:
                col -= 1
            top = row
            while top > 1 and grid.get(top, col).merged and grid.value(top - 1, col) == text:
                top -= 1
            return f"judul kolom {column_letter(col)}{top}: '{text}'"
    return f"judul kolom {column_letter(column.col)}: '{column.header}'"


def calendar(grid: Grid, layout: Layout, tahun_awal: int | None) -> Calendar:
    titles = _title_cells(grid, layout.header_rows[0])
    singles: list[tuple[int, str]] = []
    span: tuple[int, str] | None = None
    for ref, text in titles:
        spans = list(_SPAN_RE.finditer(text))
        if spans and span is None:
            span = (int(spans[0].group(1)), f"{ref}: '{text}'")
        rest = _REGULATION_RE.sub(" ", _SPAN_RE.sub(" ", text))
        singles.extend((int(y), f"{ref}: '{text}'") for y in _YEAR_RE.findall(rest))
    periods = dict(layout.periods)
    sources: dict[int, str] = {}
    by_period = _columns_by_period(layout)
    for period, year in periods.items():
        if year is not None and by_period.get(period):
            sources[period] = _header_cell(grid, layout, by_period[period][0], year)
    if not any(year is not None for year in periods.values()):
        numbered = all(c.period is not None for cols in by_period.values() for c in cols)
        start, where = None, ""
        if numbered and tahun_awal is not None:
            start, where = tahun_awal, "--tahun-awal"
        elif numbered and span is not None:
            start, where = span[0], f"judul {span[1]} (Tahun 1 = {span[0]})"
        if start is not None:
            periods = {p: start + p - 1 for p in periods}
            sources = {p: f"Tahun {p} dari {where}" for p in periods}
        elif len(periods) == 1 and len({y for y, _ in singles}) == 1:
            period = next(iter(periods))
            periods[period] = singles[0][0]
            sources[period] = f"judul {singles[0][1]}"
    return Calendar(periods, sources, tuple(dict.fromkeys(y for y, _ in singles)))


def _columns_by_period(layout: Layout) -> dict[int, list[Column]]:
    found: dict[int, list[Column]] = {}
    for group in layout.groups:
        for period, column in [*group.targets.items(), *group.pagu.items()]:
            found.setdefault(period, []).append(column)
    return found


@dataclass(frozen=True)
class ChosenYear:
    period: int | None
    year: int | None
    source: str


def choose_period(workbook: RenstraWorkbook, tahun: int | None) -> ChosenYear:
    """The one period whose target and pagu are read, for `tahun` or from the table itself.

    Never a guess: no year, or two candidate years, is an InputError naming --tahun and the years
    present. A list without target columns (tujuan/sasaran per kelompok) has no period.
    """
    periods = workbook.periods
    if not periods:
        return ChosenYear(None, tahun, "tabel tanpa kolom target")
    known = [y for y in periods.values() if y is not None]
    where = {"file": workbook.file_name, "sheet": workbook.sheet}
    if tahun is not None:
        period = workbook.period_of(tahun)
        if period is not None:
            return ChosenYear(period, tahun, "--tahun")
        if known:
            raise InputError(
                f"tahun {tahun} tidak ada di tabel (tahun yang ada: {_years(known)}); "
                "pilih salah satunya dengan --tahun.",
                **where,
            )
        raise InputError(
            f"tahun {tahun} tidak dapat dicari: kolom target memakai 'Tahun 1..{len(periods)}' "
            "dan judul tabel tidak menyebut periodenya (mis. '2024-2028'); gunakan --tahun-awal "
            "untuk tahun pertama.",
            **where,
        )
    if len(set(known)) == 1 and len(periods) == 1:
        period = next(iter(periods))
        return ChosenYear(period, known[0], workbook.year_sources.get(period, ""))
    in_title = [y for y in dict.fromkeys(workbook.title_years) if y in known]
    if len(in_title) == 1:
        period = workbook.period_of(in_title[0])
        source = f"judul tabel menyebut tahun {in_title[0]}; " + workbook.year_sources.get(
            period or 0, ""
        )
        return ChosenYear(period, in_title[0], source.rstrip("; "))
    if known:
        raise InputError(
            f"tabel memuat target beberapa tahun ({_years(known)}); pilih tahunnya dengan --tahun.",
            **where,
        )
    titles = f" (tahun di judul: {_years(workbook.title_years)})" if workbook.title_years else ""
    raise InputError(
        f"tahun target tidak diketahui: judul kolom dan judul tabel tidak menyebut tahunnya"
        f"{titles}; gunakan --tahun (dan --tahun-awal untuk kolom 'Tahun 1..n').",
        **where,
    )


def _years(years: list[int]) -> str:
    return ", ".join(str(y) for y in sorted(set(years)))
