"""Compare two .xlsx files by what Excel shows, as openpyxl reads it; print the differences.

    .venv/bin/python -m benchmarks.compare_outputs before.xlsx after.xlsx

Compared: sheet order; every cell's value (rich text run by run with its font), type, number
format, font, fill, border, alignment, protection and quote prefix; merged ranges; comments;
hyperlinks; data validations; conditional formats; tables; autofilter; column widths; row
heights; freeze panes; print settings (page setup, margins, header/footer, print titles and
area, gridlines, page breaks); defined names; document properties but the dates.
How the file stores it (shared or inline strings, spans, part order) is not compared: that is
the point, e.g. for xlsxwriter's constant_memory mode. Exit 1 when they differ.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import openpyxl
from openpyxl.cell.rich_text import CellRichText
from openpyxl.xml.functions import tostring


def _style(obj: object) -> object:
    """An openpyxl object as comparable data: its XML when it has one, else its repr."""
    if obj is None:
        return None
    to_tree = getattr(obj, "to_tree", None)
    if to_tree is not None:
        tree = to_tree()
        return None if tree is None else tostring(tree)
    return repr(obj)


def _value(cell) -> object:
    value = cell.value
    if isinstance(value, CellRichText):
        return [
            (part, None) if isinstance(part, str) else (part.text, _style(part.font))
            for part in value
        ]
    return value


def _cells(ws) -> dict[tuple[int, int], tuple]:
    out = {}
    for (row, col), cell in ws._cells.items():
        out[(row, col)] = (
            _value(cell),
            cell.data_type,
            cell.number_format,
            _style(cell.font),
            _style(cell.fill),
            _style(cell.border),
            _style(cell.alignment),
            _style(cell.protection),
            cell.quotePrefix,
            None
            if cell.hyperlink is None
            else (
                cell.hyperlink.target,
                cell.hyperlink.location,
                cell.hyperlink.display,
                cell.hyperlink.tooltip,
            ),
            None
            if cell.comment is None
            else (cell.comment.text, cell.comment.author, cell.comment.width, cell.comment.height),
        )
    return out


def _sheet_facts(ws) -> Iterator[tuple[str, object]]:
    yield "merged", sorted(str(r) for r in ws.merged_cells.ranges)
    yield "validations", [_style(dv) for dv in ws.data_validations.dataValidation]
    yield (
        "conditional",
        sorted(
            (
                str(rng.sqref),
                repr(rule.type),
                repr(rule.operator),
                repr(rule.formula),
                _style(rule.dxf),
            )
            for rng, rules in ws.conditional_formatting._cf_rules.items()
            for rule in rules
        ),
    )
    yield "tables", sorted(_style(t) for t in ws.tables.values())
    yield "autofilter", ws.auto_filter.ref
    yield (
        "columns",
        sorted(
            (key, d.width, d.hidden, d.min, d.max, d.customWidth)
            for key, d in ws.column_dimensions.items()
        ),
    )
    yield (
        "rows",
        sorted(
            (key, d.height, d.hidden, d.customHeight)
            for key, d in ws.row_dimensions.items()
            if d.height is not None or d.hidden
        ),
    )
    yield "freeze", ws.freeze_panes
    yield "gridlines", ws.sheet_view.showGridLines
    yield "page_setup", _style(ws.page_setup)
    yield "print_options", _style(ws.print_options)
    yield "margins", _style(ws.page_margins)
    yield "header_footer", _style(ws.HeaderFooter)
    yield "print_titles", (ws.print_title_rows, ws.print_title_cols)
    yield "print_area", ws.print_area
    yield (
        "fit_to_page",
        ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage,
    )
    yield "row_breaks", [b.id for b in ws.row_breaks.brk]
    yield "tab_color", _style(ws.sheet_properties.tabColor)
    yield "state", ws.sheet_state


def compare(left_path: str, right_path: str, limit: int = 20) -> list[str]:
    left = openpyxl.load_workbook(left_path, rich_text=True)
    right = openpyxl.load_workbook(right_path, rich_text=True)
    problems: list[str] = []
    if left.sheetnames != right.sheetnames:
        problems.append(f"sheets: {left.sheetnames} != {right.sheetnames}")
    props = ("title", "subject", "creator", "description", "keywords", "category")
    for name in props:
        a, b = getattr(left.properties, name), getattr(right.properties, name)
        if a != b:
            problems.append(f"property {name}: {a!r} != {b!r}")
    names_a = sorted((n, repr(d.value)) for n, d in left.defined_names.items())
    names_b = sorted((n, repr(d.value)) for n, d in right.defined_names.items())
    if names_a != names_b:
        problems.append(f"defined names: {names_a} != {names_b}")
    for title in left.sheetnames:
        if title not in right.sheetnames:
            continue
        a, b = left[title], right[title]
        for (key, fact_a), (_, fact_b) in zip(_sheet_facts(a), _sheet_facts(b), strict=True):
            if fact_a != fact_b:
                problems.append(f"{title}: {key}: {str(fact_a)[:300]} != {str(fact_b)[:300]}")
        cells_a, cells_b = _cells(a), _cells(b)
        shown = 0
        for key in sorted(set(cells_a) | set(cells_b)):
            if cells_a.get(key) != cells_b.get(key):
                shown += 1
                if shown <= limit:
                    problems.append(f"{title}!{key}: {cells_a.get(key)} != {cells_b.get(key)}")
        if shown > limit:
            problems.append(f"{title}: {shown - limit} more cells differ")
    return problems


def main() -> None:
    left, right = sys.argv[1], sys.argv[2]
    problems = compare(left, right)
    for line in problems:
        print(line)
    print(f"{left} vs {right}: {'SAME' if not problems else f'{len(problems)} differences'}")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
