"""The `Rekonsiliasi` sheet: side by side, live formulas, status colours, roll-up block, print setup."""

from __future__ import annotations

import openpyxl
import xlsxwriter
from openpyxl.utils import column_index_from_string, get_column_letter

from pokin_xl.readers.renstra.formulas import evaluate
from pokin_xl.reconcile import reconcile
from pokin_xl.writers.reconciliation import (
    FINDINGS_SHEET,
    SHEET,
    add_reconciliation_sheet,
    sum_formula,
    write_reconciliation_workbook,
)
from tests.builders import chain, write_matriks
from tests.conftest import real_file
from tests.renstra_builders import UNCASCADED_SUB_KEGIATAN, renstra_rows, write_renstra

HEADER_ROW = 4  # 1-based


def headers(ws) -> dict[str, int]:
    return {
        ws.cell(HEADER_ROW, c).value: c
        for c in range(1, ws.max_column + 1)
        if ws.cell(HEADER_ROW, c).value
    }


def recompute(formulas_ws, values_ws, cell: str) -> object:
    """Evaluate a written formula over the written values, as Excel would."""

    def lookup(col: int, row: int) -> object:
        return values_ws.cell(row, col).value

    return evaluate(formulas_ws[cell].value, lookup)


def test_sample_sheet_side_by_side_with_live_differences(tmp_path, sample_dir):
    result = reconcile(sample_dir / "matriks.xlsx", sample_dir / "renstra.xlsx", tahun=2024)
    path = write_reconciliation_workbook(result, tmp_path / "rekonsiliasi.xlsx")
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    assert formulas.sheetnames == [SHEET, FINDINGS_SHEET]
    ws, wv = formulas[SHEET], values[SHEET]
    columns = headers(ws)
    assert "Target 2024 (Matriks)" in columns and "Target 2024 (Renstra)" in columns
    status, a_target, b_target = (
        columns["Status"],
        columns["Target 2024 (Matriks)"],
        columns["Target 2024 (Renstra)"],
    )
    diff = columns["Selisih target (Renstra - Matriks)"]
    rows = range(HEADER_ROW + 1, HEADER_ROW + 1 + len(result.rows))
    statuses = [ws.cell(r, status).value for r in rows]
    assert statuses == result.rows["status"].tolist()
    beda = HEADER_ROW + 1 + statuses.index("beda")
    assert ws.cell(beda, a_target).value == 51.01 and ws.cell(beda, b_target).value == 2.86
    cell = ws.cell(beda, diff).coordinate
    a_ref, b_ref = ws.cell(beda, a_target).coordinate, ws.cell(beda, b_target).coordinate
    assert ws[cell].value == f'=IF(AND(ISNUMBER({a_ref}),ISNUMBER({b_ref})),{b_ref}-{a_ref},"")'
    assert (
        round(wv[cell].value, 2) == -48.15
    )  # the cached value a viewer shows before recalculating
    for r in rows:  # every difference formula computes what was cached
        coordinate = ws.cell(r, diff).coordinate
        computed = recompute(ws, wv, coordinate)
        cached = wv[coordinate].value
        assert (computed == "" and cached in ("", None)) or round(computed, 6) == round(cached, 6)
    # text targets stay text beside numbers
    assert ws.cell(HEADER_ROW + 1, a_target).value == "Sedang (71–80)"
    assert (
        ws.auto_filter.ref
        == f"A{HEADER_ROW}:{ws.cell(rows[-1], ws.max_column).column_letter}{rows[-1]}"
    )
    assert ws.freeze_panes == f"G{HEADER_ROW + 1}"
    rules = {r.text or r.formula[0] for cf in ws.conditional_formatting for r in cf.rules}
    assert {'"sama"', '"beda"', '"tidak di-cascade"', '"ambigu"', "tidak ada di"} <= rules
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert "Rekonsiliasi" in ws.oddHeader.left.text and "Halaman" in ws.oddFooter.center.text
    assert (
        ws.print_title_rows == f"$1:${HEADER_ROW}"
        or ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    )


def test_rollup_block_sums_children_as_formulas(tmp_path):
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    extra = [UNCASCADED_SUB_KEGIATAN]
    b = write_renstra(tmp_path / "renstra.xlsx", renstra_rows(extra=extra))
    result = reconcile(a, b, tahun=2024)
    path = write_reconciliation_workbook(result, tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET]
    wv = openpyxl.load_workbook(path, data_only=True)[SHEET]
    block = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "No" and r > HEADER_ROW
    )
    col = {
        ws.cell(block, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(block, c).value
    }
    name, stated, total = col["Nama"], col["Pagu tertulis"], col["Jumlah pagu anak"]
    difference, status, where = col["Selisih (jumlah - tertulis)"], col["Status"], col["Sel"]
    names = {
        ws.cell(r, name).value.strip(): r
        for r in range(block + 1, ws.max_row + 1)
        if ws.cell(r, name).value and ws.cell(r, 2).value.startswith("B:")
    }
    kegiatan = names["Administrasi Umum Perangkat Daerah"]
    children = [
        names["Penyediaan Peralatan dan Perlengkapan Kantor"],
        names["Penyediaan Barang Cetakan dan Penggandaan"],
    ]
    letter = get_column_letter(stated)
    assert children == [children[0], children[0] + 1]  # sub kegiatan follow their kegiatan
    assert ws.cell(kegiatan, total).value == f"=SUM({letter}{children[0]}:{letter}{children[1]})"
    assert wv.cell(kegiatan, stated).value == 1000 and wv.cell(kegiatan, total).value == 1500
    diff_cell = ws.cell(kegiatan, difference).coordinate
    assert recompute(ws, wv, diff_cell) == 500 == wv[diff_cell].value
    assert wv.cell(kegiatan, status).value == "beda"
    assert ws.cell(kegiatan, where).value == "F4"  # where the stated pagu is in the Renstra
    # the matriks' own pagu roll-up is listed too, and agrees
    sources = {
        ws.cell(r, 2).value.split(":")[0]
        for r in range(block + 1, ws.max_row + 1)
        if ws.cell(r, 2).value
    }
    assert sources == {"A", "B"}


def test_sheet_is_added_to_a_workbook_the_caller_owns(tmp_path):
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    b = write_renstra(tmp_path / "renstra.xlsx", renstra_rows())
    result = reconcile(a, b, tahun=2024)
    path = tmp_path / "build.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Cascading")
    add_reconciliation_sheet(book, result)
    book.close()
    sheetnames = openpyxl.load_workbook(path).sheetnames
    assert sheetnames == ["Cascading", SHEET]


def test_an_empty_comparison_still_writes_a_readable_sheet(tmp_path):
    a = write_matriks(tmp_path / "matriks.xlsx", chain()[:1])
    b = write_renstra(tmp_path / "renstra.xlsx", renstra_rows())
    result = reconcile(a, b, tahun=2024)
    assert result.rows.empty
    ws = openpyxl.load_workbook(write_reconciliation_workbook(result, tmp_path / "o.xlsx"))[SHEET]
    assert ws.cell(HEADER_ROW + 1, 1).value == "Tidak ada indikator yang dibandingkan."
    assert column_index_from_string("A") == 1


def test_rollup_block_of_the_real_template_shows_its_broken_roll_ups(tmp_path):
    template = real_file("real", "renstra_template_sesendok.xlsx")
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    result = reconcile(a, template, tahun=2024, tahun_awal=2024)
    path = write_reconciliation_workbook(result, tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET]
    wv = openpyxl.load_workbook(path, data_only=True)[SHEET]
    block = next(r for r in range(HEADER_ROW + 2, ws.max_row + 1) if ws.cell(r, 1).value == "No")
    col = {
        ws.cell(block, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(block, c).value
    }
    status = {
        ws.cell(r, col["Kode"]).value: wv.cell(r, col["Status"]).value
        for r in range(block + 1, ws.max_row + 1)
    }
    assert status["1.3.02"] == "pagu kosong"  # '=IFERROR(H40+H44+#REF!,"")' shows nothing
    assert status["1.3.02.2.02"] == "beda"  # SUM(H47:H49) misses rows 45-46
    assert status["1.3.02.2.01"] == "sama"
    for r in range(block + 1, ws.max_row + 1):  # each status formula computes what was cached
        cell = ws.cell(r, col["Status"])
        if isinstance(cell.value, str) and cell.value.startswith("="):
            assert recompute(ws, wv, cell.coordinate) == wv[cell.coordinate].value


def test_reconcile_findings_sheet_is_the_build_findings_table(tmp_path):
    from pokin_xl.writers.findings import COLUMNS

    matriks = write_matriks(tmp_path / "a.xlsx", chain())
    renstra = write_renstra(tmp_path / "b.xlsx", renstra_rows())
    path = write_reconciliation_workbook(reconcile(matriks, renstra), tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(path)[FINDINGS_SHEET]
    assert [c.value for c in ws[1]] == [name for name, _ in COLUMNS]


def test_sum_formula_takes_consecutive_children_as_one_range():
    assert sum_formula([8, 4, 5, 6], 7) == "=SUM(H5:H7,H9)"
    assert sum_formula([3], 0) == "=SUM(A4)"
    # 2,000 sub kegiatan under one kegiatan: one range, where a cell each ran past 8,192 chars
    assert sum_formula(list(range(10, 2010)), 7) == "=SUM(H11:H2010)"


def test_sum_formula_splits_past_255_arguments_and_gives_up_past_excels_limit():
    apart = list(range(0, 402, 2))  # 201 cells, none next to another
    formula = sum_formula(apart, 1)
    assert formula.startswith("=SUM(B1,B3,") and formula.count("SUM(") == 2
    assert formula.split("+")[1].startswith("SUM(B401")
    assert sum_formula(list(range(0, 4000, 2)), 1) is None  # ~12,000 characters
