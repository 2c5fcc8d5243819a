from functools import partial

import pytest

from pokin_xl.checks.nomenclature import agency_code, check_nomenclature
from pokin_xl.readers.matriks import read_matriks
from tests.builders import chain, changed, findings_of, read, row

# chain(): header on row 1, then T1 (row 2), SS1 (3), SP1 (4), SK1 (5), SSK1 (6).
# Columns: F Kode Nomenklatur, G Program/Kegiatan/Sub Kegiatan, J Satuan.
SP1, SK1, SSK1 = 2, 3, 4


nomenclature = partial(findings_of, check_nomenclature)


def test_a_consistent_chain_has_no_nomenclature_finding(tmp_path):
    assert nomenclature(tmp_path, chain()) == []


def test_agency_code_is_the_most_common_urusan_bidang(tmp_path):
    wb = read(tmp_path, chain())
    assert agency_code(wb) == "5.03"


@pytest.mark.parametrize("code", ["5.03.01.2.06.A", "5.03.01.2.06.00002", "5..03.01"])
def test_n001_malformed_code(tmp_path, code):
    found = nomenclature(tmp_path, changed(SSK1, kode_nomenklatur=code))
    n001 = [f for f in found if f.code == "N001"]
    assert [(f.cell, f.kode) for f in n001] == [("F6", "SSK1")]
    assert f"'{code}'" in n001[0].message and "U.BB.PP.K.KK.SSSS" in n001[0].message
    # The name still identifies the sub kegiatan: say which code it has.
    assert "'5.03.01.2.06.0002'" in n001[0].message


def test_n001_unknown_code_says_what_a_two_digit_sub_kegiatan_was_read_as(tmp_path):
    found = nomenclature(
        tmp_path, changed(SSK1, kode_nomenklatur="5.03.01.2.06.99", nomenklatur="")
    )
    assert [(f.code, f.cell) for f in found] == [("N001", "F6")]
    assert "dibaca sebagai '5.03.01.2.06.0099'" in found[0].message
    assert "tidak ada dalam nomenklatur" in found[0].message


def test_n001_near_miss_the_two_digit_form_of_a_known_code(tmp_path):
    assert nomenclature(tmp_path, changed(SSK1, kode_nomenklatur="5.03.01.2.06.02")) == []


def test_n001_near_miss_the_placeholder_form(tmp_path):
    rows = changed(SSK1, kode_nomenklatur="X.XX.01.2.06.0002")
    rows[SK1].update(row(kode_nomenklatur="x.xx.01.2.06"))
    assert nomenclature(tmp_path, rows) == []


def test_n002_a_typo_in_the_name(tmp_path):
    rows = changed(
        SSK1,
        kode_nomenklatur="5.03.01.2.06.0008",
        nomenklatur="Fasilitas Kunjungan Tamu",
        indikator="Jumlah Laporan Fasilitasi Kunjungan Tamu",
        satuan="Laporan",
    )
    found = nomenclature(tmp_path, rows)
    assert [(f.code, f.cell, f.kode) for f in found] == [("N002", "G6", "SSK1")]
    assert "'Fasilitas' seharusnya 'Fasilitasi'" in found[0].message
    assert "'Fasilitasi Kunjungan Tamu'" in found[0].message
    assert found[0].subject == "Fasilitas Kunjungan Tamu"


def test_n002_a_missing_word_in_the_program_name(tmp_path):
    found = nomenclature(
        tmp_path,
        changed(SP1, nomenklatur="Program Penunjang Urusan Pemerintahan Daerah Kabupaten"),
    )
    assert [(f.code, f.cell) for f in found] == [("N002", "G4")]
    assert "kurang kata 'KOTA'" in found[0].message


def test_n002_the_name_of_another_code(tmp_path):
    found = nomenclature(
        tmp_path, changed(SSK1, nomenklatur="Penyediaan Bahan Logistik Kantor", satuan="Paket")
    )
    assert [f.code for f in found] == ["N002"]
    assert "'5.03.01.2.06.0004'" in found[0].message


@pytest.mark.parametrize(
    ("index", "fields"),
    [
        (SP1, {"kode_nomenklatur": "5.04.02", "nomenklatur": "Program Pengembangan SDM"}),
        (SP1, {"nomenklatur": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA"}),
        (SSK1, {"nomenklatur": "penyediaan  peralatan dan perlengkapan kantor."}),
        (SSK1, {"nomenklatur": ""}),
    ],
)
def test_n002_near_misses_case_spacing_punctuation_abbreviations_blank(tmp_path, index, fields):
    rows = chain()
    rows[index].update(row(**fields))
    if fields.get("kode_nomenklatur") == "5.04.02":
        rows = rows[: SP1 + 1]  # a program of another bidang: leave its children out
    assert nomenclature(tmp_path, rows) == []


def test_n003_unit_differs_from_the_national_unit(tmp_path):
    found = nomenclature(tmp_path, changed(SSK1, satuan="Dokumen"))
    assert [(f.code, f.cell, f.kode) for f in found] == [("N003", "J6", "SSK1")]
    assert "'Dokumen'" in found[0].message and "'Paket'" in found[0].message
    assert "Jumlah Paket Peralatan dan Perlengkapan Kantor" in found[0].message


def test_n003_near_miss_orang_against_orang_per_bulan(tmp_path):
    rows = chain()
    rows[SK1].update(
        row(kode_nomenklatur="5.03.01.2.02", nomenklatur="Administrasi Keuangan Perangkat Daerah")
    )
    rows[SSK1].update(
        row(
            kode_nomenklatur="5.03.01.2.02.0001",
            nomenklatur="Penyediaan Gaji dan Tunjangan ASN",
            indikator="Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
            target=63,
            satuan="Orang",
        )
    )
    assert nomenclature(tmp_path, rows) == []


def test_n003_near_misses_blank_unit_and_a_second_indicator_in_another_unit(tmp_path):
    assert nomenclature(tmp_path, changed(SSK1, satuan="")) == []
    rows = chain()
    rows.append(
        row(kode="SSK1", indikator="Persentase peralatan tersedia", target="100%", satuan="%")
    )
    assert nomenclature(tmp_path, rows) == []


def test_n003_only_for_sub_kegiatan_rows(tmp_path):
    # A Sasaran Kegiatan in % against a kegiatan code: the national list gives it no unit.
    assert nomenclature(tmp_path, changed(SK1, satuan="Dokumen")) == []


def test_n004_child_code_not_under_the_parent_code(tmp_path):
    rows = changed(
        SSK1,
        kode_nomenklatur="5.03.01.2.07.0005",
        nomenklatur="Pengadaan Mebel",
        indikator="Jumlah Paket Mebel yang Disediakan",
        satuan="Unit",
    )
    found = nomenclature(tmp_path, rows)
    assert [(f.code, f.cell, f.kode) for f in found] == [("N004", "F6", "SSK1")]
    assert found[0].severity == "error"
    assert "'5.03.01.2.06'" in found[0].message and "'SK1'" in found[0].message


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        ("5.03.01.2.06", "5.03.01.2.06.0002"),
        ("5.03.01.2.06", "5.3.1.2.6.2"),
        ("5.03.01.2.06", "X.XX.01.2.06.0002"),
        ("X.XX.01.2.06", "5.03.01.2.06.0002"),
    ],
)
def test_n004_near_misses(tmp_path, parent, child):
    rows = chain()
    rows[SK1].update(row(kode_nomenklatur=parent))
    rows[SSK1].update(row(kode_nomenklatur=child))
    assert nomenclature(tmp_path, rows) == []


def test_real_sample_nomenclature_findings(sample_dir):
    found = check_nomenclature(read_matriks(sample_dir / "matriks.xlsx"))
    n002 = {f.subject: f for f in found if f.code == "N002"}
    expected = {
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten": "kurang kata 'KOTA'",
        "Pengembangan Kompetensi Tekhnik": "'Tekhnik' seharusnya 'Teknis'",
        "Fasilitas Kunjungan Tamu": "'Fasilitas' seharusnya 'Fasilitasi'",
        "Penyediaan Barang Cetak dan Penggandaan": "'Cetak' seharusnya 'Cetakan'",
        "Pemeliharaan /Rehabilitasi Sarana dan Prasarana Gedung Kantor Bangunan Lainnya": (
            "kurang kata 'atau'"
        ),
        "Pengelolaan Assesment Center": "'Assesment' seharusnya 'Assessment'",
        "Pendidikan Pelatihan Pegawai berdasarkan Tugas dan Fungsi": "kurang kata 'dan'",
    }
    for name, difference in expected.items():
        assert difference in n002[name].message
    tekhnis = [name for name in n002 if name.startswith("Penyelenggaraan Pengembangan")]
    assert len(tekhnis) == 1 and "'Tekhnis' seharusnya 'Teknis'" in n002[tekhnis[0]].message
    assert len(n002) == len(expected) + 1
    assert "Program Pengembangan SDM" not in n002
    n003 = {(f.kode, f.cell) for f in found if f.code == "N003"}
    assert n003 == {("SP3.K3.2", "J73"), ("SP3.K3.4", "J75")}
    assert {f.code for f in found} == {"N002", "N003"}


def test_real_pohon_sample_has_no_codes_but_one_national_indicator_in_another_unit(sample_dir):
    found = check_nomenclature(read_matriks(sample_dir / "pohon_kinerja_dokumen.xlsx"))
    # The chapter names no Kode Nomenklatur; its Pemberhentian box copies the national indicator
    # 'Jumlah Dokumen Hasil kegiatan Koordinasi ... Pemberhentian' (Dokumen) but counts Orang.
    assert [(f.code, f.kode) for f in found] == [("N003", "E.4")]
    assert "'Dokumen'" in found[0].message and "'Orang'" in found[0].message
