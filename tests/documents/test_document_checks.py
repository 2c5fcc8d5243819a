"""D001-D003 and B010, each triggered and near-missed on workbooks built in code."""

from __future__ import annotations

import pytest

from pokin_xl.checks.documents import check_documents
from pokin_xl.checks.quarters import check_quarters
from tests.builders import DEFAULT_IDENTITAS, chain, read, row
from tests.documents.builders import IDENTITAS, PEGAWAI, with_quarters


def codes(findings, code):
    return [f for f in findings if f.code == code]


# ------------------------------------------------------------------ D001 pihak kedua
def test_d001_an_official_without_atasan_has_no_pihak_kedua(tmp_path):
    pegawai = [dict(p) for p in PEGAWAI]
    pegawai[2]["Atasan Langsung"] = ""  # the Kasubag
    found = codes(
        check_documents(read(tmp_path, chain(), pegawai=pegawai, identitas=IDENTITAS)), "D001"
    )
    assert len(found) == 1
    assert "Kasubag Contoh" in found[0].message and found[0].sheet == "Pegawai"
    assert found[0].cell.startswith("F")  # the Atasan Langsung column


def test_d001_an_atasan_not_on_the_pegawai_sheet(tmp_path):
    pegawai = [dict(p) for p in PEGAWAI]
    pegawai[2]["Atasan Langsung"] = "Orang Lain Sekali"
    found = codes(
        check_documents(read(tmp_path, chain(), pegawai=pegawai, identitas=IDENTITAS)), "D001"
    )
    assert len(found) == 1 and "Orang Lain Sekali" in found[0].message


def test_d001_the_head_needs_the_kepala_daerah(tmp_path):
    pegawai = [dict(p) for p in PEGAWAI]
    pegawai[0]["Atasan Langsung"] = ""
    workbook = read(tmp_path, chain(), pegawai=pegawai, identitas=DEFAULT_IDENTITAS)
    found = codes(check_documents(workbook), "D001")
    assert len(found) == 1 and "Kepala Contoh" in found[0].message
    assert found[0].sheet == "Identitas"


def test_d001_near_miss_every_official_has_an_atasan(tmp_path):
    assert (
        codes(
            check_documents(read(tmp_path, chain(), pegawai=PEGAWAI, identitas=IDENTITAS)), "D001"
        )
        == []
    )


def test_d001_near_miss_the_head_signs_with_the_atasan_written_on_pegawai(tmp_path):
    # No Kepala Daerah in Identitas, but the head's Atasan Langsung names the Bupati.
    workbook = read(tmp_path, chain(), pegawai=PEGAWAI, identitas=DEFAULT_IDENTITAS)
    assert codes(check_documents(workbook), "D001") == []


# ------------------------------------------------------------------ D003 RHK atasan
def test_d003_an_rhk_under_a_sasaran_of_someone_else_than_the_atasan(tmp_path):
    rows = chain()
    rows.append(
        row(
            kode="RHK1",
            kode_induk="SP1",  # the Sekretaris's, but the Pelaksana's atasan is the Kasubag
            tingkat="Rencana Hasil Kerja",
            unit_kerja="Sekretariat",
            sasaran="Tersusunnya daftar inventaris",
            indikator="Jumlah dokumen inventaris",
            target=1,
            satuan="Dokumen",
            pengampu="Pelaksana Contoh",
        )
    )
    found = codes(
        check_documents(read(tmp_path, rows, pegawai=PEGAWAI, identitas=IDENTITAS)), "D003"
    )
    assert len(found) == 1
    assert "Sekretaris Contoh" in found[0].message and "Kasubag Contoh" in found[0].message
    assert found[0].kode == "RHK1"


def test_d003_near_miss_the_rhk_hangs_from_the_atasan(tmp_path):
    rows = chain()
    rows.append(
        row(
            kode="RHK1",
            kode_induk="SSK1",
            tingkat="Rencana Hasil Kerja",
            unit_kerja="Sekretariat",
            sasaran="Tersusunnya daftar inventaris",
            indikator="Jumlah dokumen inventaris",
            target=1,
            satuan="Dokumen",
            pengampu="Pelaksana Contoh",
        )
    )
    assert (
        codes(check_documents(read(tmp_path, rows, pegawai=PEGAWAI, identitas=IDENTITAS)), "D003")
        == []
    )


def test_d003_an_unknown_atasan_is_said_once_per_official_not_per_rhk(tmp_path):
    rows = chain()
    rows.append(
        row(
            kode="RHK1",
            kode_induk="SP1",
            tingkat="Rencana Hasil Kerja",
            unit_kerja="Sekretariat",
            sasaran="Tersusunnya daftar inventaris",
            indikator="Jumlah dokumen inventaris",
            target=1,
            satuan="Dokumen",
            pengampu="Pelaksana Contoh",
        )
    )
    rows.append({**rows[-1], **row(kode="RHK2", sasaran="Tersusunnya daftar aset")})
    pegawai = [dict(p) for p in PEGAWAI]
    for person in pegawai:
        if person["Nama"] == "Pelaksana Contoh":
            person["Atasan Langsung"] = ""
    found = check_documents(read(tmp_path, rows, pegawai=pegawai, identitas=IDENTITAS))
    # A Pelaksana holds no PK (no D001): one D003 at the Atasan Langsung cell, not one per RHK.
    (only,) = codes(found, "D003")
    assert "Pelaksana Contoh" in only.message and only.sheet == "Pegawai"
    assert only.cell.startswith("F")


# ------------------------------------------------------------------ D002 quarters
RIGHT_AND_WRONG = [
    # (cara, polaritas, annual, right quarters, wrong quarters, words in the message)
    ("Kumulatif", "", 6, (1, 2, 2, 1), (1, 2, 2, 2), "jumlah TW I-IV 7"),
    ("Nilai Akhir", "Positif", 6, (1, 3, 5, 6), (1, 3, 5, 5), "TW IV 5"),
    ("Nilai Akhir", "Positif", 6, (0, 3, 3, 6), (4, 3, 5, 6), "TW II 3 turun"),
    ("Nilai Akhir", "Negatif", 6, (9, 8, 7, 6), (9, 10, 7, 6), "TW II 10 naik"),
    ("Rata-rata", "", 6, (5, 6, 6, 7), (6, 6, 6, 7), "rata-rata TW I-IV 6,25"),
]


@pytest.mark.parametrize(
    ("cara", "polaritas", "annual", "right", "wrong", "words"), RIGHT_AND_WRONG
)
def test_d002_quarters_against_the_annual_target(
    tmp_path, cara, polaritas, annual, right, wrong, words
):
    fields = {"cara_hitung": cara, "polaritas": polaritas}
    bad = codes(check_quarters(read(tmp_path, with_quarters(wrong, annual, **fields))), "D002")
    assert len(bad) == 1 and words in bad[0].message, bad
    assert bad[0].cell == "N6"  # Target TW I of the sub kegiatan row
    good = read(tmp_path, with_quarters(right, annual, **fields))
    assert codes(check_quarters(good), "D002") == []


def test_d002_a_missing_quarter(tmp_path):
    found = codes(
        check_quarters(read(tmp_path, with_quarters((1, 2, None, 3), cara_hitung="Kumulatif"))),
        "D002",
    )
    assert len(found) == 1 and "TW III belum diisi" in found[0].message


def test_d002_blank_cara_hitung_passes_when_one_way_fits_and_fails_when_none_does(tmp_path):
    assert codes(check_quarters(read(tmp_path, with_quarters((1.5, 3, 4.5, 6)))), "D002") == []
    found = codes(check_quarters(read(tmp_path, with_quarters((9, 9, 9, 9)))), "D002")
    assert len(found) == 1 and "isi Cara Hitung" in found[0].message


def test_d002_percent_cells_are_read_as_percent(tmp_path):
    rows = with_quarters((0.25, 0.5, 0.75, 1), "100%", cara_hitung="Nilai Akhir")
    formats = {f"{c}6": "0%" for c in "NOPQ"}
    assert codes(check_quarters(read(tmp_path, rows, formats=formats)), "D002") == []


def test_no_quarters_no_finding(tmp_path):
    assert check_quarters(read(tmp_path, chain())) == []


# ------------------------------------------------------------------ B010 choices
def test_b009_unknown_cara_hitung(tmp_path):
    workbook = read(tmp_path, with_quarters((1, 2, 2, 1), cara_hitung="Dijumlah saja"))
    found = codes(workbook.problems, "B010")
    assert len(found) == 1 and "Dijumlah saja" in found[0].message and found[0].cell == "R6"


def test_b009_near_miss_known_spellings(tmp_path):
    rows = with_quarters((1, 2, 2, 1), cara_hitung="kumulatif", polaritas="POSITIF")
    rows[4]["IKU (Ya/Tidak)"] = "ya"
    assert codes(read(tmp_path, rows).problems, "B010") == []
