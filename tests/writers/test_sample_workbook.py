"""The sample's cascade workbook, read back with openpyxl: every sheet's structure."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pokin_xl.build import build
from pokin_xl.model.levels import Tingkat
from pokin_xl.readers.matriks import read_matriks
from tests.writers.readback import (
    FIXED_AFTER,
    FIXED_BEFORE,
    internal_links,
    overlapping_merges,
    parse_location,
    resolve,
    sheet_titled,
    texts,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = Path(__file__).resolve().parents[2]
    folder = tmp_path_factory.mktemp("sample")
    source = folder / "matriks.xlsx"
    shutil.copy(root / "samples" / "bkpsdm_purwakarta_2024" / "matriks.xlsx", source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    messages: list[str] = []
    path, report = build(source, progress=messages.append)
    workbook = read_matriks(source)
    book = openpyxl.load_workbook(path)
    return {
        "source": source,
        "digest": digest,
        "path": path,
        "report": report,
        "workbook": workbook,
        "book": book,
        "messages": messages,
    }


def units_with_sheets(workbook) -> list[str]:
    nodes = workbook.nodes.frame
    owning = nodes[nodes["level"].isna() | (nodes["level"] >= Tingkat.SASARAN_PROGRAM)]
    return list(dict.fromkeys(owning["unit_kerja"]))


def test_output_beside_the_input_and_the_input_untouched(built):
    assert built["path"] == built["source"].with_name("matriks_cascading.xlsx")
    assert hashlib.sha256(built["source"].read_bytes()).hexdigest() == built["digest"]
    leftovers = [p.name for p in built["source"].parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_progress_is_reported_per_stage(built):
    messages = built["messages"]
    assert messages[0].startswith("Membaca") and messages[-1].startswith("Menyimpan")
    assert any(m.startswith("Menggambar Cascading") for m in messages)


def test_sheets_in_order_one_cascading_sheet_per_unit(built):
    book, workbook = built["book"], built["workbook"]
    names = book.sheetnames
    units = units_with_sheets(workbook)
    assert names[:2] == FIXED_BEFORE and names[-3:] == FIXED_AFTER
    cascading = names[2:-3]
    assert len(cascading) == len(units)
    assert all(n.startswith("Cascading ") and len(n) <= 31 for n in cascading)
    year = workbook.identity.tahun
    titles = {book[n]["A1"].value for n in cascading}
    assert titles == {f"CASCADING {u.upper()} TAHUN {year}" for u in units}
    assert "Cascading Bid. Pengembangan SDM" in names


def test_every_sub_kegiatan_appears_in_its_units_sheet_with_its_target(built):
    book, workbook = built["book"], built["workbook"]
    indicators = workbook.indicators.frame
    year = workbook.identity.tahun
    subs = workbook.nodes.frame[workbook.nodes.frame["level"] == Tingkat.SASARAN_SUB_KEGIATAN]
    assert len(subs) > 40
    for _, node in subs.iterrows():
        ws = sheet_titled(book, f"CASCADING {node['unit_kerja'].upper()} TAHUN {year}")
        boxes = [t for t in texts(ws) if f"({node['kode']}):" in t]
        assert len(boxes) == 1, node["kode"]
        box = boxes[0]
        assert node["sasaran"] in box
        for _, indicator in indicators[indicators["kode"] == node["kode"]].iterrows():
            assert indicator["indikator"] in box
            assert indicator["target_raw"] in box
            if indicator["satuan"]:
                assert indicator["satuan_norm"] in box


def test_the_sekretariat_has_kegiatan_columns_k1_to_k8(built):
    ws = sheet_titled(built["book"], "CASCADING SEKRETARIAT TAHUN 2024")
    labels = [t for t in texts(ws) if t.startswith("K ")]
    assert labels == [f"K {n}" for n in range(1, 9)]


def test_no_merged_ranges_overlap(built):
    for ws in built["book"].worksheets:
        assert overlapping_merges(ws) == [], ws.title


def test_every_link_resolves_and_points_at_what_the_finding_concerns(built):
    book, report = built["book"], built["report"]
    temuan = book["Temuan"]
    assert temuan.max_row == max(len(report.findings), 1) + 1
    header = [c.value for c in temuan[1]]
    kode_col = header.index("Kode") + 1
    main_col = header.index("Lihat di Workbook Ini") + 1
    links = internal_links(temuan)
    assert links, "Temuan has no links"
    for coordinate, location in links:
        target = resolve(book, location)
        cell = temuan[coordinate]
        kode = temuan.cell(cell.row, kode_col).value
        if cell.column == main_col and kode:
            sheet, _, _ = parse_location(location)
            if sheet == "Data Kinerja":
                assert book[sheet].cell(target.row, 3).value == kode
            else:
                assert f"({kode})" in str(target.value), (kode, location)
    for ws in book.worksheets:
        for _, location in internal_links(ws):
            resolve(book, location)


def test_boxes_with_findings_have_a_red_border_and_a_note(built):
    book, report, workbook = built["book"], built["report"], built["workbook"]
    nodes = workbook.nodes.frame.set_index("kode")
    temuan = book["Temuan"]
    header = [c.value for c in temuan[1]]
    kode_col, main_col = header.index("Kode") + 1, header.index("Lihat di Workbook Ini") + 1
    checked = 0
    for row in range(2, temuan.max_row + 1):
        kode = temuan.cell(row, kode_col).value
        link = temuan.cell(row, main_col).hyperlink
        if not kode or kode not in nodes.index or link is None:
            continue
        sheet, r, c = parse_location(link.location)
        if sheet == "Data Kinerja":
            continue
        box = book[sheet].cell(r, c)
        assert box.comment is not None and kode in str(box.value)
        assert box.border.left.style == "thick"
        code = temuan.cell(row, 2).value
        assert code in box.comment.text
        checked += 1
    assert checked or not report.findings


def test_print_setup(built):
    book = built["book"]
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth in (1, None) and ws.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
        drawn = ws.title.startswith("Cascading ") or ws.title == "Pohon Kinerja"
        assert int(ws.page_setup.paperSize) == (8 if drawn else 9), ws.title
        if drawn:
            assert ws.sheet_view.showGridLines is False, ws.title
        else:
            assert ws.sheet_view.showGridLines is not False, ws.title


def test_data_kinerja_is_a_filtered_table_with_the_source_cell(built):
    book, workbook = built["book"], built["workbook"]
    ws = book["Data Kinerja"]
    frame = workbook.indicators.frame
    assert ws.max_row == len(frame) + 1
    assert "TabelDataKinerja" in ws.tables
    assert ws.freeze_panes == "D2"
    header = [c.value for c in ws[1]]
    for required in ("Sel Sumber", "Target (tertulis)", "Target (terbaca)", "Satuan (baku)"):
        assert required in header
    first_row = int(frame.index[0])
    assert ws.cell(2, 1).value == f"{workbook.indicators.sheet}!A{first_row}"
    assert ws.cell(2, header.index("Kode") + 1).value == frame.iloc[0]["kode"]
    assert "TabelTemuan" in book["Temuan"].tables


def _strategic(kode: str, nodes: pd.DataFrame) -> str | None:
    seen = set()
    while kode in nodes.index and kode not in seen:
        seen.add(kode)
        if nodes.loc[kode, "level"] == Tingkat.SASARAN_STRATEGIS:
            return kode
        kode = nodes.loc[kode, "kode_induk"]
    return None


def test_matriks_places_each_named_persons_sasaran_under_its_sasaran_strategis(built):
    book, workbook = built["book"], built["workbook"]
    ws = book["Matriks Peran Hasil"]
    header_row = 4
    header = [str(c.value or "") for c in ws[header_row]]
    nodes = workbook.nodes.frame.set_index("kode")
    people = workbook.pegawai.frame
    rows = {
        ws.cell(r, 2).value: r for r in range(header_row + 1, ws.max_row + 1) if ws.cell(r, 2).value
    }
    for nama in people["nama"]:
        if nama:
            assert nama in rows
    checked = 0
    for kode, node in nodes.iterrows():
        if node["pengampu"] not in rows or node["level"] < Tingkat.SASARAN_STRATEGIS:
            continue
        ss = _strategic(kode, nodes)
        if ss is None:
            continue
        col = next(i for i, h in enumerate(header, start=1) if f"({ss}):" in h)
        assert node["sasaran"] in str(ws.cell(rows[node["pengampu"]], col).value), kode
        checked += 1
    assert checked > 40
