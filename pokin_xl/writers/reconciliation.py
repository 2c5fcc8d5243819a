"""The `Rekonsiliasi` sheet: both documents side by side, differences as live formulas.

Finance audits the sheet rather than the tool: every difference is an Excel formula over the two
values beside it, and every roll-up is a SUM over the children's cells in the block below, so a
changed value re-computes in Excel. The rules that decided each status live in checks.reconcile;
this module only lays the result out. Every cell goes through SheetWriter (writers/cells.py), so a
user's text is cut to Excel's limit with a mark, keeps its quote prefix when it looks like a
formula, and a write xlsxwriter refuses raises instead of being lost.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell

from pokin_xl.model.matching import METHOD_LABELS
from pokin_xl.model.reconciliation import ReconcileResult
from pokin_xl.model.records import records
from pokin_xl.writers.atomic import atomic_output
from pokin_xl.writers.cells import SheetWriter, as_number
from pokin_xl.writers.findings import Locations, write_findings_sheet
from pokin_xl.writers.output import check_output_path
from pokin_xl.writers.page import header_text
from pokin_xl.writers.styles import SEVERITY_FONTS, THIN, Styles

SHEET = "Rekonsiliasi"
FINDINGS_SHEET = "Temuan Rekonsiliasi"
_HEADER_ROW = 3  # 0-based: title, subtitle, blank, header
_SUM_CHUNK = 200  # SUM takes at most 255 arguments
_FORMULA_LIMIT = 8192  # characters of a formula Excel opens
_STATUS_COLOURS = {
    "sama": ("#C6EFCE", "#006100"),
    "beda": ("#FFC7CE", "#9C0006"),
    "tidak ada di": ("#FFEB9C", "#9C5700"),
    "tidak di-cascade": ("#DDEBF7", "#1F4E78"),
    "ambigu": ("#E4DFEC", "#5B2C6F"),
}


RECONCILE_SIZE = 10  # a wide table read on screen: one point above the build's tables


def _formats(styles: Styles) -> dict[str, Format]:
    """The sheet's formats, made by the Styles its SheetWriter uses (for the quote-prefix variants)."""
    base = {"font_size": RECONCILE_SIZE, "valign": "top", "border": THIN}
    return {
        "title": styles.get(bold=True, font_size=14),
        "subtitle": styles.get(italic=True, font_size=10, font_color="#404040"),
        "section": styles.get(bold=True, font_size=12),
        "header": styles.variant(styles.table_header(), font_size=RECONCILE_SIZE),
        "text": styles.get(**base, text_wrap=True),
        "center": styles.get(**base, align="center"),
        "number": styles.get(**base, num_format="General"),
        "score": styles.get(**base, num_format="0.0"),
        "money": styles.get(**base, num_format="#,##0"),
        "diff": styles.get(**base, num_format="+#,##0.##;-#,##0.##;0"),
        "money_diff": styles.get(**base, num_format="+#,##0;-#,##0;0"),
        "bold_text": styles.get(**base, bold=True, text_wrap=True),
        "bold_money": styles.get(**base, bold=True, num_format="#,##0"),
        **{
            f"status_{name}": styles.conditional(font=font, fill=fill)
            for name, (fill, font) in _STATUS_COLOURS.items()
        },
        "nonzero": styles.conditional(font=SEVERITY_FONTS["error"], bold=True),
    }


def _columns(result: ReconcileResult) -> list[tuple[str, str, int]]:
    """(key, header, width) of the indicator table."""
    a, b = result.a_label, result.b_label
    year = f" {result.tahun}" if result.tahun else ""
    return [
        ("no", "No", 5),
        ("status", "Status", 18),
        ("method", "Cara cocok", 11),
        ("score", "Skor", 6),
        ("tingkat", "Tingkat", 13),
        ("unit_kerja", "Unit Kerja", 16),
        ("a_indikator", f"Indikator ({a})", 38),
        ("b_indikator", f"Indikator ({b})", 38),
        ("a_value", f"Target{year} ({a})", 11),
        ("b_value", f"Target{year} ({b})", 11),
        ("target_diff", f"Selisih target ({b} - {a})", 11),
        ("a_satuan", f"Satuan ({a})", 10),
        ("b_satuan", f"Satuan ({b})", 10),
        ("a_pagu", f"Pagu ({a})", 15),
        ("b_pagu", f"Pagu ({b})", 15),
        ("pagu_diff", f"Selisih pagu ({b} - {a})", 15),
        ("a_cell", f"Sel ({a})", 8),
        ("b_cell", f"Sel ({b})", 8),
        ("a_induk", f"Induk ({a})", 28),
        ("b_induk", f"Induk ({b})", 28),
        ("codes", "Temuan", 11),
        ("note", "Catatan", 40),
    ]


_WRAPPED = ("a_indikator", "b_indikator", "a_induk", "b_induk", "note", "unit_kerja", "tingkat")


def _height(record: dict, widths: dict[str, int]) -> float:
    return _row_height((str(record.get(key, "") or ""), widths[key]) for key in _WRAPPED)


def _row_height(texts: Iterable[tuple[str, int]]) -> float:
    """Row height for wrapped texts, each with its column's width: LibreOffice does not grow
    rows that were written, and a name on two lines ran over the row below."""
    lines = 1
    for text, width in texts:
        lines = max(lines, -(-len(text) // max(width - 2, 1)))
    return 13.0 * min(lines, 12) + 2


def sum_formula(rows: list[int], col: int) -> str | None:
    """'=SUM(H5:H9,H12)' over the cells of `rows` (0-based) in `col`, consecutive rows as one
    range (a kegiatan's sub kegiatan follow one another), at most _SUM_CHUNK arguments per SUM;
    None when the formula would pass the 8,192 characters Excel accepts."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    cells = [
        xl_rowcol_to_cell(first, col)
        + (f":{xl_rowcol_to_cell(last, col)}" if last != first else "")
        for first, last in runs
    ]
    chunks = [cells[n : n + _SUM_CHUNK] for n in range(0, len(cells), _SUM_CHUNK)]
    formula = "=" + "+".join(f"SUM({','.join(chunk)})" for chunk in chunks)
    return formula if len(formula) <= _FORMULA_LIMIT else None


def _difference_formula(left: str, right: str) -> str:
    return f'=IF(AND(ISNUMBER({left}),ISNUMBER({right})),{right}-{left},"")'


def add_reconciliation_sheet(book: xlsxwriter.Workbook, result: ReconcileResult) -> None:
    """Add the `Rekonsiliasi` sheet for `result` to `book` (its own formats included)."""
    styles = Styles(book)
    formats = _formats(styles)
    sheet = SheetWriter(book.add_worksheet(SHEET), styles)
    ws = sheet.ws
    columns = _columns(result)
    position = {key: index for index, (key, _, _) in enumerate(columns)}
    last_col = len(columns) - 1
    sheet.merge(
        0, 0, 0, last_col, f"Rekonsiliasi {result.a_file} dengan {result.b_file}", formats["title"]
    )
    compared = result.compared
    subtitle = (
        f"A: {result.a_file} ({result.a_label}); B: {result.b_file} ({result.b_label})"
        + (f"; tahun {result.tahun}" if result.tahun else "")
        + f"; dibandingkan {compared.get('a', 0)} indikator A dan {compared.get('b', 0)} indikator B"
        + result.outside_note()
        + ". Selisih dan jumlah adalah rumus Excel."
    )
    sheet.merge(1, 0, 1, last_col, subtitle, formats["subtitle"])
    for index, (_, header, width) in enumerate(columns):
        sheet.text(_HEADER_ROW, index, header, formats["header"])
        sheet.column_width(index, index, width)
    sheet.row_height(_HEADER_ROW, 42)
    rows = records(result.rows)
    first = _HEADER_ROW + 1
    widths = {key: width for key, _, width in columns}
    for offset, record in enumerate(rows):
        r = first + offset
        _indicator_row(sheet, r, offset + 1, record, position, formats)
        sheet.row_height(r, _height(record, widths))
    last = first + max(len(rows), 1) - 1
    if len(rows) == 0:
        sheet.merge(
            first, 0, first, last_col, "Tidak ada indikator yang dibandingkan.", formats["text"]
        )
    else:
        status_range = (first, position["status"], last, position["status"])
        for name in _STATUS_COLOURS:
            criteria = (
                {"type": "text", "criteria": "begins with", "value": name}
                if name == "tidak ada di"
                else {"type": "cell", "criteria": "==", "value": f'"{name}"'}
            )
            ws.conditional_format(*status_range, {**criteria, "format": formats[f"status_{name}"]})
        for key in ("target_diff", "pagu_diff"):
            col = position[key]
            cell = xl_rowcol_to_cell(first, col, row_abs=False, col_abs=True)
            ws.conditional_format(
                first,
                col,
                last,
                col,
                {
                    "type": "formula",
                    "criteria": f"=AND(ISNUMBER({cell}),{cell}<>0)",
                    "format": formats["nonzero"],
                },
            )
        ws.autofilter(_HEADER_ROW, 0, last, last_col)
    ws.freeze_panes(first, position["a_indikator"])
    block_end = _rollup_block(sheet, last + 3, result, formats, position, widths)
    _print_setup(ws, result, last_col, block_end)


def _text(sheet: SheetWriter, row: int, col: int, text: str, fmt: Format) -> None:
    """A text cell; an empty one stays an empty text cell, as this sheet has always written it."""
    if text:
        sheet.text(row, col, text, fmt)
    else:
        sheet.empty_text(row, col, fmt)


def _indicator_row(
    sheet: SheetWriter, r: int, number: int, record: dict, position: dict, formats: dict
) -> None:
    text, center = formats["text"], formats["center"]
    sheet.number(r, position["no"], number, center)
    _text(sheet, r, position["status"], str(record["status"]), center)
    _text(sheet, r, position["method"], METHOD_LABELS.get(str(record["method"]), ""), center)
    score = as_number(record["score"])
    if record["method"] and score is not None:
        sheet.number(r, position["score"], score, formats["score"])
    else:
        sheet.blank(r, position["score"], formats["score"])
    for key in ("tingkat", "unit_kerja", "a_indikator", "b_indikator", "a_satuan", "b_satuan"):
        _text(sheet, r, position[key], str(record[key] or ""), text)
    for key in ("a_cell", "b_cell", "codes"):
        _text(sheet, r, position[key], str(record[key] or ""), center)
    for key in ("a_induk", "b_induk", "note"):
        _text(sheet, r, position[key], str(record[key] or ""), text)
    for value_key, shown_key in (("a_value", "a_target"), ("b_value", "b_target")):
        value = as_number(record[value_key])
        if value is not None:
            sheet.number(r, position[value_key], value, formats["number"])
        else:
            _text(sheet, r, position[value_key], str(record[shown_key] or ""), text)
    for key in ("a_pagu", "b_pagu"):
        value = as_number(record[key])
        if value is not None:
            sheet.number(r, position[key], value, formats["money"])
        else:
            sheet.blank(r, position[key], formats["money"])
    for diff_key, left_key, right_key, fmt in (
        ("target_diff", "a_value", "b_value", "diff"),
        ("pagu_diff", "a_pagu", "b_pagu", "money_diff"),
    ):
        left = xl_rowcol_to_cell(r, position[left_key])
        right = xl_rowcol_to_cell(r, position[right_key])
        a_value, b_value = as_number(record[left_key]), as_number(record[right_key])
        cached: float | str = (
            b_value - a_value if a_value is not None and b_value is not None else ""
        )
        sheet.formula(r, position[diff_key], _difference_formula(left, right), formats[fmt], cached)


def _ordered(frame: pd.DataFrame) -> tuple[list[tuple[int, int]], dict[int, list[int]]]:
    """(position, depth) of the nodes to list, parents first, and each one's listed children.

    A node is listed when it states a pagu or one of its children does (a parent whose own
    pagu is blank - a broken roll-up formula - is exactly what the block must show).
    """
    rows = list(frame["row"])
    index_of = {row: i for i, row in enumerate(rows)}
    children: dict[int | None, list[int]] = defaultdict(list)
    for i, parent in enumerate(frame["parent"]):
        key = None if pd.isna(parent) or int(parent) not in index_of else index_of[int(parent)]
        children[key].append(i)
    stated = [as_number(v) is not None for v in frame["stated"]]
    listed = [stated[i] or any(stated[c] for c in children.get(i, [])) for i in range(len(rows))]
    order: list[tuple[int, int]] = []
    stack = [(i, 0) for i in reversed(children[None])]
    seen: set[int] = set()
    while stack:
        i, depth = stack.pop()
        if i in seen:
            continue
        seen.add(i)
        if listed[i]:
            order.append((i, depth))
        deeper = depth + 1 if listed[i] else depth
        stack.extend((c, deeper) for c in reversed(children.get(i, [])))
    kids = {i: [c for c in children.get(i, []) if listed[c]] for i, _ in order}
    return order, kids


# The roll-up block reuses the indicator table's columns, the wide ones for names and money.
_BLOCK = {
    "no": ("No", "no"),
    "dokumen": ("Dokumen", "status"),
    "jenis": ("Jenis", "tingkat"),
    "kode": ("Kode", "unit_kerja"),
    "nama": ("Nama", "a_indikator"),
    "stated": ("Pagu tertulis", "a_pagu"),
    "total": ("Jumlah pagu anak", "b_pagu"),
    "difference": ("Selisih (jumlah - tertulis)", "pagu_diff"),
    "cell": ("Sel", "a_cell"),
    "status": ("Status", "b_cell"),
}


def _rollup_block(
    sheet: SheetWriter,
    start: int,
    result: ReconcileResult,
    formats: dict,
    position: dict[str, int],
    widths: dict[str, int],
) -> int:
    """The pagu roll-up of each source; returns the last row written."""
    last_col = max(position.values())
    col = {key: position[table_key] for key, (_, table_key) in _BLOCK.items()}
    sheet.merge(
        start,
        0,
        start,
        last_col,
        "Pagu induk dan jumlah pagu anak" + (f" (tahun {result.tahun})" if result.tahun else ""),
        formats["section"],
    )
    header_row = start + 1
    for key, (header, _) in _BLOCK.items():
        sheet.text(header_row, col[key], header, formats["header"])
    rollups = result.rollups
    r = header_row + 1
    if rollups is None or rollups.empty or rollups["stated"].isna().all():
        sheet.merge(
            r, 0, r, last_col, "Tidak ada pagu pada dokumen yang dibandingkan.", formats["text"]
        )
        return r
    number = 0
    first_data = r
    for source, frame in rollups.groupby("source", sort=True):
        frame = frame.reset_index(drop=True)
        order, kids = _ordered(frame)
        written = {i: r + offset for offset, (i, _) in enumerate(order)}
        for i, depth in order:
            node = frame.loc[i]
            row = written[i]
            number += 1
            parent = bool(kids.get(i))
            text_fmt = formats["bold_text"] if parent else formats["text"]
            money = formats["bold_money"] if parent else formats["money"]
            texts = {
                "dokumen": f"{source}: {node['file']}",
                "jenis": str(node["jenis"]),
                "kode": str(node["kode"]),
                "nama": "   " * depth + str(node["nama"]),
            }
            sheet.number(row, col["no"], number, formats["center"])
            for key, text in texts.items():
                _text(sheet, row, col[key], text, formats["text"] if key == "dokumen" else text_fmt)
            sheet.row_height(row, _row_height((t, widths[_BLOCK[k][1]]) for k, t in texts.items()))
            _text(sheet, row, col["cell"], str(node["cell"]), formats["center"])
            stated = as_number(node["stated"])
            if stated is not None:
                sheet.number(row, col["stated"], stated, money)
            else:
                sheet.blank(row, col["stated"], money)
            if not parent:
                for key in ("total", "difference", "status"):
                    sheet.blank(row, col[key], formats["text"])
                continue
            formula = sum_formula([written[k] for k in kids[i]], col["stated"])
            values = [as_number(frame.loc[k, "stated"]) for k in kids[i]]
            total = sum(v for v in values if v is not None)
            if formula is not None:
                sheet.formula(row, col["total"], formula, money, total)
            else:  # past Excel's formula length: the sum as a number (Excel would not open it)
                sheet.number(row, col["total"], total, money)
            stated_cell = xl_rowcol_to_cell(row, col["stated"])
            total_cell = xl_rowcol_to_cell(row, col["total"])
            difference: float | str = total - stated if stated is not None else ""
            sheet.formula(
                row,
                col["difference"],
                _difference_formula(stated_cell, total_cell),
                formats["money_diff"],
                difference,
            )
            if stated is not None:
                status = "sama" if abs(total - stated) < 1 else "beda"
            else:
                status = "pagu kosong" if total else ""
            sheet.formula(
                row,
                col["status"],
                f'=IF(ISNUMBER({stated_cell}),IF(ABS({total_cell}-{stated_cell})<1,"sama","beda"),'
                f'IF({total_cell}<>0,"pagu kosong",""))',
                formats["center"],
                status,
            )
        r += len(order)
    last = r - 1
    ws = sheet.ws
    for name, style in (("sama", "sama"), ("beda", "beda"), ("pagu kosong", "tidak ada di")):
        ws.conditional_format(
            first_data,
            col["status"],
            last,
            col["status"],
            {
                "type": "cell",
                "criteria": "==",
                "value": f'"{name}"',
                "format": formats[f"status_{style}"],
            },
        )
    return last


def _print_setup(ws, result: ReconcileResult, last_col: int, last_row: int) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.repeat_rows(_HEADER_ROW)
    ws.print_area(0, 0, last_row, last_col)
    names = header_text(f"{result.a_file} / {result.b_file}")
    ws.set_header(f"&L&B{SHEET}&B&R{names}")
    ws.set_footer("&LDibuat oleh pokin-xl&CHalaman &P dari &N&R&D")


def add_findings_sheet(book: xlsxwriter.Workbook, result: ReconcileResult) -> None:
    """The findings list of `reconcile --format xlsx`: the same Temuan table `build` writes."""
    sheet = SheetWriter(book.add_worksheet(FINDINGS_SHEET), Styles(book))
    write_findings_sheet(sheet, result.report.sorted(), Locations(), title=FINDINGS_SHEET)


def write_reconciliation_workbook(result: ReconcileResult, path: str | Path) -> Path:
    """`Rekonsiliasi` and the findings list in a new workbook, written whole or not at all."""
    target = check_output_path(path)
    with atomic_output(target) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"in_memory": True})
        add_reconciliation_sheet(book, result)
        add_findings_sheet(book, result)
        book.close()
    return target
