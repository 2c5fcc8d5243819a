"""The optional document columns as people write them: synonyms, dates, old files without them."""

from __future__ import annotations

import datetime as dt

import openpyxl

from pokin_xl.readers.matriks import read_matriks
from tests.builders import DEFAULT_IDENTITAS, KINERJA_HEADERS, chain, write_matriks
from tests.documents.builders import with_quarters

SYNONYMS = {
    "Target TW I": "Triwulan I",
    "Target TW II": "TW 2",
    "Target TW III": "Target Triwulan III",
    "Target TW IV": "TW IV",
    "Cara Hitung": "Cara Perhitungan",
    "Polaritas": "Polarisasi",
    "Definisi Operasional": "Definisi",
    "Formula": "Rumus",
    "Sumber Data": "Sumber Data",
    "IKU (Ya/Tidak)": "Termasuk IKU",
}


def test_headers_written_differently_are_recognised(tmp_path):
    rows = with_quarters((1, 2, 2, 1), cara_hitung="Kumulatif", polaritas="Positif")
    rows[4]["Definisi Operasional"] = "Paket yang diserahterimakan"
    rows[4]["Formula"] = "Jumlah paket"
    rows[4]["Sumber Data"] = "BAST"
    rows[4]["IKU (Ya/Tidak)"] = "Tidak"
    headers = [SYNONYMS.get(h, h) for h in KINERJA_HEADERS]
    workbook = read_matriks(write_matriks(tmp_path / "m.xlsx", rows, headers=headers))
    record = workbook.indicators.frame.loc[6]
    assert [record[f"target_tw{n}_value"] for n in range(1, 5)] == [1, 2, 2, 1]
    assert (record["cara_hitung"], record["polaritas"]) == ("Kumulatif", "Positif")
    assert (record["definisi_operasional"], record["formula"], record["sumber_data"]) == (
        "Paket yang diserahterimakan",
        "Jumlah paket",
        "BAST",
    )
    assert record["iku"] == "Tidak"
    assert workbook.problems == []


def test_an_old_workbook_reads_the_new_fields_as_blank(tmp_path):
    old = KINERJA_HEADERS[:13]
    rows = [{h: r.get(h) for h in old} for r in chain()]
    workbook = read_matriks(write_matriks(tmp_path / "old.xlsx", rows, headers=old))
    frame = workbook.indicators.frame
    assert (frame["target_tw1"] == "").all() and frame["target_tw1_value"].isna().all()
    assert (frame["cara_hitung"] == "").all() and (frame["iku"] == "").all()
    assert "status" in workbook.pegawai.frame.columns


def test_identitas_signing_place_and_a_date_cell(tmp_path):
    path = write_matriks(
        tmp_path / "m.xlsx",
        chain(),
        identitas=[
            *DEFAULT_IDENTITAS,
            ("Kepala Daerah", "Bupati Contoh"),
            ("Jabatan Kepala Daerah", "Pj. Bupati Contoh"),
            ("Tempat", "Kotaraya"),
            ("Tanggal", "x"),
        ],
    )
    book = openpyxl.load_workbook(path)
    book["Identitas"]["B11"] = dt.datetime(2024, 1, 23)
    book.save(path)
    identity = read_matriks(path).identity
    assert (identity.kepala_daerah, identity.jabatan_kepala_daerah) == (
        "Bupati Contoh",
        "Pj. Bupati Contoh",
    )
    assert (identity.tempat, identity.tanggal) == ("Kotaraya", "23 Januari 2024")
