"""A user's text and numbers reach every output through SheetWriter's guards (writers/cells.py).

Each test builds a small workbook in code whose cells hold what xlsxwriter does not take as it
is: a text over Excel's 32,767 characters (cut, and marked as cut), a text beginning with '=',
'+', '-' or '@' (kept as text, with the quote prefix), and a number Excel cannot hold (written as
no number, never a crash). A 400-digit Target or Pagu is read as no number (model/targets.py), so
an infinity reaches a writer only through a frame: the tests put it there. The output is read
back with openpyxl.
"""

from __future__ import annotations

import math

import openpyxl
import pytest

from pokin_xl.build import build
from pokin_xl.dokumen import make_documents
from pokin_xl.reconcile import reconcile
from pokin_xl.rekap import run_rekap
from pokin_xl.writers.cells import EXCEL_MAX_CHARS, TRUNCATION_MARK, utf16_len
from pokin_xl.writers.page import header_text
from pokin_xl.writers.reconciliation import (
    SHEET,
    add_reconciliation_sheet,
    write_reconciliation_workbook,
)
from pokin_xl.writers.rekap import write_rekap_workbook
from pokin_xl.writers.rows import RowOrderWorkbook
from pokin_xl.writers.workbook import parts_folder
from tests.builders import DEFAULT_IDENTITAS, SSK_ROW, chain, changed, write_matriks
from tests.raw_cells import kinerja_cell, put_texts
from tests.renstra_builders import renstra_rows, write_renstra

LONG = 40_000
HEADER_ROW = 4  # 1-based, the Rekonsiliasi table's header
SK_ROW, SP_ROW = SSK_ROW - 1, SSK_ROW - 2
HUGE = "9" * 400  # digits beyond a float: read as no number


def _column(ws, header: str) -> int:
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(HEADER_ROW, c).value == header)


def _row_of(ws, column: int, startswith: str) -> int:
    return next(
        r
        for r in range(HEADER_ROW + 1, ws.max_row + 1)
        if str(ws.cell(r, column).value or "").startswith(startswith)
    )


def _cut(value: object) -> bool:
    return (
        isinstance(value, str)
        and value.endswith(TRUNCATION_MARK)
        and (utf16_len(value) <= EXCEL_MAX_CHARS)
    )


def _finite_numbers_only(path) -> None:
    for data_only in (False, True):
        for ws in openpyxl.load_workbook(path, data_only=data_only).worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, float):
                        assert math.isfinite(cell.value), (ws.title, cell.coordinate)


def _write_rekonsiliasi(result, path, mode: str):
    """The sheet as `reconcile --format xlsx` writes it, or as `build --renstra` does (a small
    build in memory, a large one row by row in constant_memory mode)."""
    if mode == "reconcile":
        return write_reconciliation_workbook(result, path)
    with parts_folder() as options:
        book = RowOrderWorkbook(str(path), {**options, "in_memory": mode == "build_small"})
        add_reconciliation_sheet(book, result)
        book.close()
    return path


MODES = ["reconcile", "build_small", "build_large"]


@pytest.mark.parametrize("mode", MODES)
def test_rekonsiliasi_cuts_long_texts_and_keeps_formula_like_texts_as_text(tmp_path, mode):
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    put_texts(
        a,
        "Kinerja",
        {
            kinerja_cell("Indikator", SSK_ROW): "=" + "x" * LONG,
            kinerja_cell("Program/Kegiatan/Sub Kegiatan", SK_ROW): "k" * LONG,
            kinerja_cell("Indikator", SK_ROW): "-Persentase administrasi umum yang terpenuhi",
            kinerja_cell("Indikator", SP_ROW): "+Persentase layanan administrasi tepat waktu",
            kinerja_cell("Satuan", SSK_ROW): "@Paket",
        },
    )
    b = write_renstra(tmp_path / "renstra.xlsx", renstra_rows())
    put_texts(b, "RENSTRA", {"D5": "@" + "z" * LONG})
    path = _write_rekonsiliasi(reconcile(a, b, tahun=2024), tmp_path / "out.xlsx", mode)
    ws = openpyxl.load_workbook(path)[SHEET]
    a_ind, b_ind = _column(ws, "Indikator (Matriks)"), _column(ws, "Indikator (Renstra)")
    row = _row_of(ws, a_ind, "=xxx")
    long_a = ws.cell(row, a_ind)
    assert _cut(long_a.value) and long_a.data_type == "s" and long_a.quotePrefix
    long_b = ws.cell(_row_of(ws, b_ind, "@zzz"), b_ind)
    assert _cut(long_b.value) and long_b.quotePrefix
    for column, text in (
        (a_ind, "-Persentase administrasi umum yang terpenuhi"),
        (a_ind, "+Persentase layanan administrasi tepat waktu"),
        (_column(ws, "Satuan (Matriks)"), "@Paket"),
    ):
        cell = ws.cell(_row_of(ws, column, text), column)
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix, text
    # the roll-up block indents a kegiatan's name: 40,000 characters and the indent, cut
    nama = next(c for row in ws.iter_rows() for c in row if str(c.value or "").startswith("   kkk"))
    assert _cut(nama.value)


@pytest.mark.parametrize("mode", MODES)
def test_rekonsiliasi_writes_a_number_excel_cannot_hold_as_no_number(tmp_path, mode):
    a = write_matriks(tmp_path / "matriks.xlsx", changed(target=HUGE))
    b = write_renstra(tmp_path / "renstra.xlsx", renstra_rows(cells={(2, 5): HUGE}))
    result = reconcile(a, b, tahun=2024)
    huge = result.rows["a_target"].eq(HUGE)
    assert huge.sum() == 1 and result.rows.loc[huge, ["a_value", "b_pagu"]].isna().all(axis=None)
    result.rows.loc[huge, ["a_value", "b_pagu"]] = math.inf
    path = _write_rekonsiliasi(result, tmp_path / "out.xlsx", mode)
    _finite_numbers_only(path)
    ws = openpyxl.load_workbook(path)[SHEET]
    values = openpyxl.load_workbook(path, data_only=True)[SHEET]
    a_ind = _column(ws, "Indikator (Matriks)")
    row = _row_of(ws, a_ind, "Jumlah Paket Peralatan")
    shown = result.rows.loc[result.rows["a_indikator"].str.startswith("Jumlah Paket"), "a_target"]
    target = ws.cell(row, _column(ws, "Target 2024 (Matriks)"))
    assert target.data_type == "s" and target.value == shown.iloc[0]  # the target as written
    assert ws.cell(row, _column(ws, "Pagu (Renstra)")).value is None
    for header in ("Selisih target (Renstra - Matriks)", "Selisih pagu (Renstra - Matriks)"):
        assert values.cell(row, _column(ws, header)).value in ("", None)


def test_rekonsiliasi_page_header_holds_long_file_names(tmp_path):
    a_name, b_name = "matriks_" + "a" * 140 + ".xlsx", "renstra_" + "b" * 140 + ".xlsx"
    a = write_matriks(tmp_path / a_name, chain())
    b = write_renstra(tmp_path / b_name, renstra_rows())
    path = write_reconciliation_workbook(reconcile(a, b, tahun=2024), tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET]
    # xlsxwriter drops a header over 255 characters (with only a warning)
    assert ws.oddHeader.right.text.startswith("matriks_aaa")
    assert ws.oddHeader.left.text


def test_header_text_never_leaves_half_of_a_doubled_ampersand():
    cut = header_text("a" * 199 + "&" + "b" * 50)
    assert cut == "a" * 199  # not "a" * 199 + "&", which would start a control code
    assert header_text("R&D") == "R&&D"
    assert utf16_len(header_text("😀" * 150)) <= 200


def test_cascade_footer_with_a_long_agency_name_is_kept(tmp_path):
    agency = "Dinas " + "😀" * 200  # 206 characters, 406 UTF-16 units
    identitas = [(k, agency if k == "Perangkat Daerah" else v) for k, v in DEFAULT_IDENTITAS]
    path, _ = build(write_matriks(tmp_path / "m.xlsx", chain(), identitas=identitas))
    ws = openpyxl.load_workbook(path)["Cascading Sekretariat"]
    assert ws.oddFooter.left.text and ws.oddFooter.left.text.lstrip("&8").startswith("Dinas")


def test_cascade_misi_beginning_like_a_formula_keeps_its_quote_prefix(tmp_path):
    identitas = [
        *[(k, v) for k, v in DEFAULT_IDENTITAS if k != "Misi"],
        ("Misi 1", "- Meningkatkan kualitas aparatur"),
        ("Misi 2", "- Meningkatkan pelayanan"),
    ]
    path, _ = build(write_matriks(tmp_path / "m.xlsx", chain(), identitas=identitas))
    ws = openpyxl.load_workbook(path, rich_text=True)["Cascading Sekretariat"]
    cell = next(c for row in ws.iter_rows() for c in row if str(c.value or "").startswith("- "))
    assert str(cell.value) == "- Meningkatkan kualitas aparatur\n- Meningkatkan pelayanan"
    assert cell.quotePrefix  # a rich text (two runs) in a merged box, as the MISI box is


def test_dokumen_with_a_pagu_beyond_a_float_names_its_cell(tmp_path):
    path = write_matriks(tmp_path / "matriks.xlsx", changed(pagu=HUGE))
    result = make_documents(path, tmp_path / "dokumen.xlsx")
    skipped = {(item["dokumen"], item["nama"]): item for item in result.manifest["dilewati"]}
    refused = skipped["pk", "Kasubag Contoh"]
    assert (refused["kode"], refused["sheet"], refused["sel"]) == ("B002", "Kinerja", "K6")
    assert "PK Sekretaris Contoh" in {item["sheet"] for item in result.manifest["pk"]}
    _finite_numbers_only(result.path)


def test_dokumen_cuts_a_long_formula_like_text_and_keeps_it_text(tmp_path):
    path = write_matriks(tmp_path / "matriks.xlsx", changed())
    put_texts(path, "Kinerja", {kinerja_cell("Indikator", SSK_ROW): "=" + "y" * LONG})
    result = make_documents(path, tmp_path / "dokumen.xlsx")
    ws = openpyxl.load_workbook(result.path)["PK Kasubag Contoh"]
    cell = next(c for row in ws.iter_rows() for c in row if str(c.value or "").startswith("=yy"))
    assert _cut(cell.value) and cell.quotePrefix


def test_rekap_file_names_that_begin_like_a_formula_stay_text(tmp_path):
    folder = tmp_path / "kabupaten"
    folder.mkdir()
    write_matriks(folder / "-draft dinas.xlsx", changed(pagu=HUGE))
    path = write_matriks(folder / "@dinas.xlsx", chain())
    put_texts(path, "Kinerja", {kinerja_cell("Sasaran", SSK_ROW): "=" + "s" * LONG})
    out = tmp_path / "rekap.xlsx"
    write_rekap_workbook(run_rekap([folder], workers=1), out)
    _finite_numbers_only(out)
    book = openpyxl.load_workbook(out)
    links = [
        c
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.hyperlink is not None and str(c.value).startswith(("-draft", "@dinas"))
    ]
    assert {c.value for c in links} == {"-draft dinas.xlsx", "@dinas.xlsx"}
    assert all(c.quotePrefix and c.data_type == "s" for c in links)


def test_cascade_footer_of_an_agency_name_beginning_with_a_digit_keeps_the_digits(tmp_path):
    identitas = [
        (k, "1000 Pulau Dinas" if k == "Perangkat Daerah" else v) for k, v in DEFAULT_IDENTITAS
    ]
    path, _ = build(write_matriks(tmp_path / "m.xlsx", chain(), identitas=identitas))
    footer = openpyxl.load_workbook(path)["Cascading Sekretariat"].oddFooter.left
    assert footer.size == 8 and footer.text.strip().startswith("1000 Pulau Dinas")
