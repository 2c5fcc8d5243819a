"""Planning tables as agencies keep them (issue 8): year and columns, levels and parents, the
rows set aside, and tables that are not plans. Each layout is built in code (tests/planning_builders)."""

from __future__ import annotations

import json

import openpyxl
import pytest
import xlsxwriter

from pokin_xl.errors import InputError
from pokin_xl.inspect import inspect_workbook
from tests.cli_runner import run_cli
from tests.conftest import ROOT, real_file
from tests.planning_builders import (
    write_evaluasi,
    write_plan_and_copy,
    write_renja_without_code,
    write_sipd,
)


def rows_of(reading: dict) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for entry in reading["baris"]:
        out.setdefault(entry["baris"], []).append(entry)
    return out


# ------------------------------------------------------------------ the year and its columns
def test_evaluation_form_reads_the_evaluated_year_not_the_end_of_period_or_realisation(tmp_path):
    reading = inspect_workbook(write_evaluasi(tmp_path / "e.xlsx"))
    assert reading["jenis"] == "renja"
    assert reading["tahun"] == 2018 and "K4" in reading["tahun_dari"]
    assert reading["kolom"]["target"]["kolom"] == "K"  # not G (2019, end of period)
    assert reading["kolom"]["pagu"]["kolom"] == "L"
    set_aside = {item["kolom"] for item in reading["kolom"]["diabaikan"]}
    assert {"G", "H", "I", "J", "M", "T", "U", "W", "AB"} <= set_aside
    rows = rows_of(reading)
    assert rows[10][0]["target_teks"] == "95 %" and rows[11][0]["target"] == 1200
    assert rows[11][0]["pagu"] == 200_000_000


def test_the_column_numbering_row_is_header_never_data(tmp_path):
    reading = inspect_workbook(write_evaluasi(tmp_path / "e.xlsx"))
    assert reading["header"] == [4, 5, 6, 7]
    assert 7 not in rows_of(reading)
    assert all(entry["target"] != 11 for entry in reading["baris"])  # K7 numbers column K


def test_a_year_not_in_the_table_stops_and_names_tahun_and_the_years_present(tmp_path):
    path = write_evaluasi(tmp_path / "e.xlsx")
    run = run_cli("inspect", path, "--tahun", "2024")
    assert run.code == 2
    assert "--tahun" in run.err and "2018" in run.err and "Traceback" not in run.err


def test_two_candidate_years_stop_with_a_message_naming_tahun(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Kode", "Program dan Kegiatan", "Indikator", "Target 2024", "Target 2025"])
    ws.append(["5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", "Indeks Profesionalitas ASN", 70, 72])
    book.save(tmp_path / "r.xlsx")
    run = run_cli("inspect", tmp_path / "r.xlsx")
    assert run.code == 2 and "--tahun" in run.err and "2024, 2025" in run.err
    chosen = run_cli("inspect", tmp_path / "r.xlsx", "--tahun", "2025", "--format", "json")
    reading = json.loads(chosen.out)
    assert reading["kolom"]["target"]["kolom"] == "E" and reading["baris"][0]["target"] == 72


def test_tahun_1_to_5_with_the_period_in_the_title(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "RENSTRA BKPSDM TAHUN 2025-2029"
    ws.append([])
    ws.append(["KODE", "PROGRAM DAN KEGIATAN", "INDIKATOR", "TARGET TAHUN 1", "TARGET TAHUN 2"])
    ws.append(["5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", "Indeks Profesionalitas ASN", 70, 72])
    book.save(tmp_path / "r.xlsx")
    reading = inspect_workbook(tmp_path / "r.xlsx", tahun=2026)
    assert reading["kolom"]["target"]["kolom"] == "E" and reading["baris"][0]["target"] == 72
    with pytest.raises(InputError, match="2025, 2026"):
        inspect_workbook(tmp_path / "r.xlsx")


def test_a_table_without_any_year_asks_for_tahun(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["KODE", "PROGRAM DAN KEGIATAN", "INDIKATOR", "TARGET TAHUN 1", "TARGET TAHUN 2"])
    ws.append(["5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", "Indeks Profesionalitas ASN", 70, 72])
    book.save(tmp_path / "r.xlsx")
    with pytest.raises(InputError, match="--tahun"):
        inspect_workbook(tmp_path / "r.xlsx")


def test_next_years_forecast_is_never_this_years_target(tmp_path):
    reading = inspect_workbook(write_renja_without_code(tmp_path / "r.xlsx"))
    assert reading["tahun"] == 2025
    assert reading["kolom"]["target"]["kolom"] == "E" and reading["kolom"]["pagu"]["kolom"] == "F"
    assert {"G", "H"} <= {item["kolom"] for item in reading["kolom"]["diabaikan"]}
    assert rows_of(reading)[11][0]["target"] == 3


def test_a_second_group_repeating_the_first_is_read_once(tmp_path):
    reading = inspect_workbook(write_plan_and_copy(tmp_path / "j3.xlsx"))
    assert [e["baris"] for e in reading["baris"]] == [6, 7]
    assert reading["kolom"]["indikator"]["kolom"] == "C"
    assert "F" in {item["kolom"] for item in reading["kolom"]["diabaikan"]}


def test_two_columns_with_one_header_told_apart_by_contents(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "Renja Tahun 2025"
    ws.append(["Kode", "Program dan Kegiatan", "Indikator", "Target", "Target"])
    ws.append(["5.03.02.2.01", "Mutasi dan Promosi ASN", "Jumlah dokumen mutasi", "Dokumen", 12])
    ws.append(["5.03.02.2.02", "Pengadaan ASN", "Jumlah laporan pengadaan", "Laporan", 4])
    ws.append(["5.03.02.2.03", "Pengembangan Kompetensi ASN", "Jumlah ASN dilatih", "Orang", 40])
    book.save(tmp_path / "r.xlsx")
    reading = inspect_workbook(tmp_path / "r.xlsx")
    assert reading["kolom"]["satuan"]["kolom"] == "D"
    assert reading["kolom"]["target"]["kolom"] == "E"
    assert [e["target"] for e in reading["baris"]] == [12, 4, 40]


# ------------------------------------------------------------------------ levels and parents
def test_code_split_over_four_columns_before_sub_kegiatan_existed(tmp_path):
    reading = inspect_workbook(write_evaluasi(tmp_path / "e.xlsx"))
    levels = [(e["baris"], e["tingkat"], e["kode"], e["induk"]) for e in reading["baris"]]
    assert levels == [
        (10, "Program", "1.20.15", None),
        (11, "Kegiatan", "1.20.15.01", 10),
        (12, "Kegiatan", "1.20.15.01", 10),  # a second indicator of the same kegiatan
        (13, "Kegiatan", "1.20.15.02", 10),
    ]
    skipped = {e["baris"]: e["alasan"] for e in reading["dilewati"]}
    assert "urusan" in skipped[8] and "bidang" in skipped[9] and "jumlah" in skipped[14]


def test_without_a_code_column_levels_come_from_the_national_names(tmp_path):
    reading = inspect_workbook(write_renja_without_code(tmp_path / "r.xlsx"))
    levels = [(e["baris"], e["tingkat"], e["induk"]) for e in reading["baris"]]
    assert levels == [
        (9, "Program", None),
        (10, "Kegiatan", 9),
        (11, "Sub Kegiatan", 10),
        (12, "Sub Kegiatan", 10),
        (13, "Program", None),
        (14, "Kegiatan", 13),
        (15, "Sub Kegiatan", 14),
        (16, "Sub Kegiatan", 14),
    ]
    skipped = {e["baris"] for e in reading["dilewati"]}
    assert {7, 8, 17} <= skipped


def test_sipd_target_sheet_has_no_indicator_column(tmp_path):
    reading = inspect_workbook(write_sipd(tmp_path / "s.xlsx"))
    assert reading["tahun"] == 2024 and reading["kolom"]["target"]["kolom"] == "E"
    rows = rows_of(reading)
    assert [e["tingkat"] for e in reading["baris"]] == [
        "Program",
        "Kegiatan",
        "Sub Kegiatan",
        "Sub Kegiatan",
    ]
    assert rows[7][0]["indikator"] is None and rows[7][0]["satuan"] == "Dok"
    assert rows[7][0]["target"] == 12 and rows[7][0]["induk"] == 6
    assert "TW I" not in json.dumps(reading["kolom"].get("target"))


@pytest.mark.parametrize(
    ("header", "scale"), [("Pagu (Rp)", 1), ("Pagu (Rp 000)", 1000), ("Pagu (juta rupiah)", 10**6)]
)
def test_pagu_scale_from_the_header(tmp_path, header, scale):
    reading = inspect_workbook(write_sipd(tmp_path / "s.xlsx", pagu_header=header))
    assert reading["kolom"]["pagu"]["skala"] == scale
    assert rows_of(reading)[7][0]["pagu"] == 200_000 * scale


# ------------------------------------------------------------------------- not a planning table
def test_a_nomenclature_list_is_not_a_plan(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["KODE", "NOMENKLATUR URUSAN", "KINERJA", "INDIKATOR", "SATUAN"])
    ws.append(
        [
            "5.03.02.2.01.0001",
            "Perumusan Bahan Kebijakan Pengadaan ASN",
            "Terlaksananya",
            "Jumlah Dokumen",
            "Dokumen",
        ]
    )
    book.save(tmp_path / "n.xlsx")
    run = run_cli("inspect", tmp_path / "n.xlsx")
    assert run.code == 2 and "tidak ada kolom target atau pagu" in run.err


def test_a_workbook_drawn_as_text_boxes_is_not_a_table(tmp_path):
    path = tmp_path / "pohon.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Pohon")
    for n in range(3):
        sheet.insert_textbox(2 + 6 * n, 1, f"Sasaran {n + 1}")
    book.close()
    run = run_cli("inspect", path)
    assert run.code == 2 and "3 kotak teks" in run.err


# ------------------------------------------------------------------------------- real .xls
def test_the_real_xls_annex_reads_with_its_own_cell_addresses():
    path = real_file("real", "andri000me_renja_biro_perekonomian_lampiran.xls")
    reading = inspect_workbook(path, sheet="J-1")
    assert reading["tahun"] == 2014
    assert reading["kolom"]["target"]["kolom"] == "L"  # 'Target Renja SKPD Tahun 2014'
    assert reading["kolom"]["kode"]["kolom"] == "B:F"
    rows = rows_of(reading)
    assert rows[13][0]["tingkat"] == "Program" and rows[13][0]["kode"] == "1.20.03.53"
    assert rows[14][0]["tingkat"] == "Kegiatan" and rows[14][0]["induk"] == 13
    assert rows[14][0]["target"] == 1  # L14, not J14 (4, the 2013 Renstra target)
    j3 = inspect_workbook(path, sheet="J-3")
    assert j3["kolom"]["pagu"]["kolom"] == "G"
    assert rows_of(j3)[12][0]["pagu"] == 4_450_000_000


# ------------------------------------------------------------------------------ the contract
CONTRACT = {
    "file",
    "sheet",
    "jenis",
    "tata_letak",
    "tahun",
    "tahun_dari",
    "header",
    "kolom",
    "baris",
    "dilewati",
}
ROW_KEYS = {
    "baris",
    "tingkat",
    "kode",
    "induk",
    "nama",
    "indikator",
    "target",
    "target_teks",
    "satuan",
    "pagu",
}


def test_inspect_json_keeps_the_contract(tmp_path):
    run = run_cli("inspect", write_evaluasi(tmp_path / "e.xlsx"), "--format", "json")
    assert run.code == 0
    reading = json.loads(run.out)
    assert set(reading) >= CONTRACT
    assert all(set(entry) >= ROW_KEYS for entry in reading["baris"])
    assert {"kolom", "judul", "tahun"} <= set(reading["kolom"]["target"])
    assert {"kolom", "judul", "tahun", "skala"} <= set(reading["kolom"]["pagu"])
    text = run_cli("inspect", tmp_path / "e.xlsx")
    assert text.code == 0 and "Tahun: 2018" in text.out and "Dilewati" in text.out


def test_inspect_shows_a_matriks_the_same_way():
    path = ROOT / "samples" / "bkpsdm_purwakarta_2024" / "matriks.xlsx"
    reading = inspect_workbook(path)
    assert reading["jenis"] == "matriks" and reading["tahun"] == 2024
    assert set(reading) >= CONTRACT
    assert all(set(entry) >= ROW_KEYS for entry in reading["baris"])
    assert reading["kolom"]["target"]["kolom"] == "I"


def test_a_pre_2019_table_never_gets_a_sub_kegiatan_from_a_name(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "Rencana Kerja Sekretariat Daerah Tahun 2016 (Permendagri Nomor 54 Tahun 2010)"
    ws.append([])
    ws.append(["No", "Program/Kegiatan", "Indikator Kinerja", "Target", "Pagu Indikatif (Rp)"])
    ws.append([None, "BELANJA LANGSUNG", None, None, None])
    ws.append(["I", "Program Pelayanan Administrasi Perkantoran", None, None, 300])
    # a 2016 kegiatan whose name is a national sub kegiatan today
    ws.append([1, "Penyediaan Jasa Surat Menyurat", "Jumlah surat terkirim", "1200 surat", 100])
    ws.append([2, "Penyediaan Alat Tulis Kantor", "Jumlah paket ATK", "12 paket", 200])
    ws.append([None, "Sub Total", None, None, 300])
    book.save(tmp_path / "r.xlsx")
    reading = inspect_workbook(tmp_path / "r.xlsx")
    assert reading["tahun"] == 2016  # the regulation's 2010 is not a candidate
    levels = [(e["baris"], e["tingkat"], e["induk"]) for e in reading["baris"]]
    assert levels == [(5, "Program", None), (6, "Kegiatan", 5), (7, "Kegiatan", 5)]
    skipped = {e["baris"] for e in reading["dilewati"]}
    assert {4, 8} <= skipped


def test_a_sub_kegiatan_named_sub_is_an_item_not_a_total(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "Renja Tahun 2025"
    ws.append(["Program/Kegiatan/Sub Kegiatan", "Indikator", "Satuan", "Target", "Pagu (Rp)"])
    ws.append(["Program Kepegawaian Daerah", "Indeks Profesionalitas ASN", "Indeks", 71, 10])
    ws.append(["Kegiatan Mutasi dan Promosi ASN", "Persentase mutasi", "%", 90, 10])
    ws.append(["Sub Kegiatan Pengelolaan Promosi ASN", "Jumlah dokumen", "Dokumen", 1, 10])
    book.save(tmp_path / "r.xlsx")
    reading = inspect_workbook(tmp_path / "r.xlsx")
    assert [e["tingkat"] for e in reading["baris"]] == ["Program", "Kegiatan", "Sub Kegiatan"]


def test_an_indicator_table_without_items_like_the_real_j2(tmp_path):
    """J-2 of the real annex: Indikator, an IKK column of numbers, Target Renstra over years."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "J-2"
    ws["B3"] = "Pencapaian Kinerja Biro Bina Produksi"
    for col, text in ((2, "No"), (3, "Indikator"), (4, "SPM/Standar Nasional"), (5, "IKK")):
        ws.cell(6, col, text)
        ws.merge_cells(start_row=6, start_column=col, end_row=7, end_column=col)
    ws.cell(6, 6, "Target Renstra SKPD")
    ws.merge_cells(start_row=6, start_column=6, end_row=6, end_column=9)
    ws.cell(6, 10, "Proyeksi")
    for offset, year in enumerate(range(2014, 2018)):
        ws.cell(7, 6 + offset, year)
    for col in range(2, 11):
        ws.cell(8, col, f"({col - 1})")
    ws.append([None, 1, "Jumlah pegawai yang telah menempuh jenjang S2", None, 6, 1, 2, 4, 2])
    ws.append([None, 2, "Jumlah rumusan kebijakan bidang :"])
    ws.append([None, None, "a. Pertanian", None, 12, 3, 3, 3, 3])
    ws.append([None, None, "b. Ketahanan Pangan", None, 4, 1, 1, 1, 1])
    book.save(tmp_path / "j2.xlsx")
    with pytest.raises(InputError, match="2014, 2015, 2016, 2017"):
        inspect_workbook(tmp_path / "j2.xlsx")
    reading = inspect_workbook(tmp_path / "j2.xlsx", tahun=2016)
    assert reading["kolom"]["indikator"]["kolom"] == "C"  # not E, whose 'IKK' holds numbers
    assert reading["kolom"]["target"]["kolom"] == "H"
    assert [(e["baris"], e["target"]) for e in reading["baris"]] == [(9, 4), (11, 3), (12, 1)]
    assert 10 in {e["baris"] for e in reading["dilewati"]}  # the heading ending in ':'
    # its lettered items carry it: two 'a. Pertanian' under two headings are two indicators
    assert reading["baris"][1]["indikator"] == "Jumlah rumusan kebijakan bidang Pertanian"


def test_a_sheet_that_holds_no_table_says_so(tmp_path):
    path = write_sipd(tmp_path / "s.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("Catatan")["A1"] = "Disusun oleh Bidang Perencanaan"
    book.save(path)
    with pytest.raises(InputError, match="sheet ini tidak memuat judul kolom"):
        inspect_workbook(path, sheet="Catatan")


def test_a_planning_table_on_a_sheet_named_kinerja_is_read_as_a_planning_table(tmp_path):
    path = write_sipd(tmp_path / "s.xlsx")
    book = openpyxl.load_workbook(path)
    book.active.title = "Kinerja"
    book.save(path)
    reading = inspect_workbook(path)
    assert reading["jenis"] != "matriks" and reading["sheet"] == "Kinerja"
    assert [e["tingkat"] for e in reading["baris"]][:2] == ["Program", "Kegiatan"]


def test_a_kinerja_sheet_with_the_matriks_columns_is_still_a_matriks(tmp_path):
    from pokin_xl.readers.kind import detect_kind
    from tests.builders import chain, write_matriks

    path = write_matriks(tmp_path / "m.xlsx", chain())
    book = openpyxl.load_workbook(path)
    del book["Identitas"], book["Pegawai"]
    book.save(path)
    assert detect_kind(path) == "matriks"
