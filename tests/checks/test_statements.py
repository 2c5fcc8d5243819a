"""S001-S004 on small workbooks built in code (chain() plus one change), then on the samples."""

from __future__ import annotations

from functools import partial

import pandas as pd
import pytest

from pokin_xl.checks.statements import (
    _Column,
    _opening_form,
    activity_form,
    check_statements,
    indicator_head,
    is_active_verb,
    is_activity_noun,
    is_condition_word,
    not_a_measure,
    states_a_quality,
)
from pokin_xl.model.frames import KINERJA_FIELDS
from pokin_xl.model.text import clean
from pokin_xl.readers.matriks import read_matriks
from tests.builders import SSK_ROW, chain, changed, findings_of, read, row, sub_kegiatan

run = partial(findings_of, check_statements)


def test_the_consistent_chain_has_no_statement_finding(tmp_path):
    assert run(tmp_path, chain()) == []


# ------------------------------------------------------------------------------------- S001
@pytest.mark.parametrize(
    ("sasaran", "word"),
    [
        ("Jumlah Dokumen Hasil Pengelolaan Promosi ASN", "Jumlah"),
        ("1. Persentase peralatan kantor yang tersedia", "Persentase"),
        ("a) Rata-rata lama layanan", "Rata-rata"),
        ("Indeks Kepuasan Masyarakat", "Indeks"),
        ("Cakupan layanan administrasi", "Cakupan"),
    ],
)
def test_s001_sasaran_worded_as_an_indicator(tmp_path, sasaran, word):
    (found,) = run(tmp_path, changed(sasaran=sasaran), "S001")
    assert found.cell == f"E{SSK_ROW}"
    assert found.severity == "warning"
    assert f"'{word}'" in found.message and "indikator" in found.message
    assert found.subject == sasaran


@pytest.mark.parametrize(
    "sasaran",
    [
        "Tersusunnya Dokumen Perencanaan",
        "Nilai-nilai budaya kerja yang terinternalisasi",
        "Meningkatnya nilai akuntabilitas kinerja",
    ],
)
def test_s001_near_misses(tmp_path, sasaran):
    assert run(tmp_path, changed(sasaran=sasaran), "S001") == []


def test_s001_once_per_node(tmp_path):
    rows = changed(sasaran="Jumlah Paket Peralatan Kantor")
    rows.append(row(kode="SSK1", indikator="Jumlah Paket Perlengkapan", target=2, satuan="Paket"))
    assert [f.cell for f in run(tmp_path, rows, "S001")] == [f"E{SSK_ROW}"]


# ------------------------------------------------------------------------------------- S002
@pytest.mark.parametrize(
    ("indikator", "why"),
    [
        ("Terlaksananya Pengelolaan Promosi ASN", "kondisi"),
        ("Meningkatnya Kualitas Layanan", "kondisi"),
        ("Tersedianya Peralatan Kantor", "kondisi"),
        ("Dilaksanakannya Rapat Koordinasi", "kondisi"),
        ("Evaluasi Data, Informasi dan Sistem Informasi Kepegawaian", "kegiatan"),
        ("Penyusunan Dokumen Perencanaan", "kegiatan"),
        ("Optimalisasi Penerapan Sistem Merit", "kegiatan"),
        ("Fasilitasi Pengadaan PNS dan PPPK", "kegiatan"),
    ],
)
def test_s002_indicator_that_is_not_a_measure(tmp_path, indikator, why):
    (found,) = run(tmp_path, changed(indikator=indikator), "S002")
    assert found.cell == f"H{SSK_ROW}"
    assert f"menyatakan {why}" in found.message
    assert found.subject == indikator


def test_s002_indicator_equal_to_its_sasaran(tmp_path):
    text = "Optimalisasi Penerapan Sistem Merit"
    (found,) = run(tmp_path, changed(index=1, sasaran=text, indikator=text), "S002")
    assert found.cell == "H3"
    assert "sama dengan sasarannya" in found.message


@pytest.mark.parametrize(
    "indikator",
    [
        "IPASN",
        "IKM Layanan Kepegawaian",
        "Persentase terwujudnya penata usaha keuangan",
        "Rata - rata lama pegawai mendapatkan pelatihan",
        "Realisasi Anggaran Belanja",
        "Pertumbuhan Ekonomi",
        "Lama Waktu Penyelesaian Layanan",
        "Capaian SAKIP Perangkat Daerah",
    ],
)
def test_s002_near_misses(tmp_path, indikator):
    assert run(tmp_path, changed(indikator=indikator), "S002") == []


# ------------------------------------------------------------------------------------- S003
def test_s003_same_indicator_under_another_sasaran(tmp_path):
    rows = chain()
    indikator = rows[4][KINERJA_FIELDS["indikator"]]
    rows.append(sub_kegiatan("SSK2", "Tersedianya perlengkapan rapat", indikator))
    (found,) = run(tmp_path, rows, "S003")
    assert found.cell == "H7"
    assert "SSK1" in found.message and "H6" in found.message
    assert "'Tersedianya peralatan dan perlengkapan kantor'" in found.message


def test_s003_not_within_one_node(tmp_path):
    rows = chain()
    indikator = rows[4][KINERJA_FIELDS["indikator"]]
    rows.append(row(kode="SSK1", indikator=indikator, target=5, satuan="Paket"))
    assert run(tmp_path, rows, "S003") == []


def test_s003_not_for_the_same_sasaran_under_two_codes(tmp_path):
    rows = chain()
    sasaran = rows[4][KINERJA_FIELDS["sasaran"]]
    indikator = rows[4][KINERJA_FIELDS["indikator"]]
    rows.append(sub_kegiatan("SSK2", sasaran.upper(), indikator))
    assert run(tmp_path, rows, "S003") == []


# ------------------------------------------------------------------------------------- S004
@pytest.mark.parametrize(
    ("sasaran", "word"),
    [
        ("Meningkatkan Pemeliharaan Barang Milik Daerah", "Meningkatkan"),
        ("Melaksanakan Koordinasi Perencanaan", "Melaksanakan"),
        ("Menyusun Dokumen Perencanaan", "Menyusun"),
        ("Penyusunan Dokumen Perencanaan", "Penyusunan"),
        ("Optimalisasi Penerapan Sistem Merit", "Optimalisasi"),
        ("2. Pengelolaan Arsip Dinamis", "Pengelolaan"),
    ],
)
def test_s004_sasaran_worded_as_an_activity(tmp_path, sasaran, word):
    (found,) = run(tmp_path, changed(sasaran=sasaran), "S004")
    assert found.cell == f"E{SSK_ROW}"
    assert f"'{word}'" in found.message and "kegiatan" in found.message


def test_s004_suggests_the_condition(tmp_path):
    (found,) = run(tmp_path, changed(sasaran="Meningkatkan Pemeliharaan Gedung"), "S004")
    assert "'Meningkatnya Pemeliharaan Gedung'" in found.message


@pytest.mark.parametrize(
    "sasaran",
    [
        "Meningkatnya Pemeliharaan Barang Milik Daerah",
        "Tersosialisasi dan tersebarnya informasi jabatan fungsional",
        "Terselenggaranya Pengembangan Kompetensi",
        "Pelayanan administrasi yang prima",
        "Penyelenggaraan pemerintahan yang akuntabel",
        "Pendidikan aparatur yang bermutu",
    ],
)
def test_s004_near_misses(tmp_path, sasaran):
    assert run(tmp_path, changed(sasaran=sasaran), "S004") == []


# ------------------------------------------------------------------------------------- morphology
def test_morphology():
    assert is_condition_word("terlaksananya") and is_condition_word("menurunnya")
    assert is_condition_word("keberhasilannya")
    assert not is_condition_word("banyaknya") and not is_condition_word("lamanya")
    assert is_activity_noun("penyelenggaraan") and is_activity_noun("digitalisasi")
    assert not is_activity_noun("persentase") and not is_activity_noun("organisasi")
    assert not is_activity_noun("tersosialisasi") and not is_activity_noun("pegawai")
    assert is_active_verb("mengelola") and is_active_verb("mewujudkan")
    assert not is_active_verb("meningkatnya") and not is_active_verb("media")


# ------------------------------------------------------------------------------------- samples
def found_in(path) -> set[tuple[str, str, str]]:
    return {(f.code, f.cell, f.subject) for f in check_statements(read_matriks(path))}


def test_matriks_sample(sample_dir):
    found = found_in(sample_dir / "matriks.xlsx")
    expected = {
        (
            "S002",
            "H38",
            "Terlaksananya Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD",
        ),
        ("S002", "H73", "Evaluasi Data, Informasi dan Sistem Informasi Kepegawaian"),
        ("S002", "H7", "Optimalisasi Penerapan Sistem Merit"),
        ("S003", "H63", "Persentase Pengembangan Kompetensi ASN"),
        (
            "S004",
            "E46",
            "Meningkatkan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
        ),
        ("S004", "E7", "Optimalisasi Penerapan Sistem Merit"),
    }
    # a Tujuan states an intent and may use a verb ("Meningkatkan ...", "Mewujudkan ..."): no S004
    assert found == expected


def test_pohon_kinerja_sample(sample_dir):
    found = found_in(sample_dir / "pohon_kinerja_dokumen.xlsx")
    assert found == {
        ("S001", "E19", "Jumlah Dokumen Hasil Pengelolaan Promosi ASN"),
        ("S001", "E37", "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"),
        ("S002", "H19", "Terlaksananya Pengelolaan Promosi ASN"),
        ("S002", "H15", "Evaluasi Data, Informasi dan Sistem Informasi Kepegawaian"),
    }


def test_s002_words_in_capitals_are_still_read(tmp_path):
    (found,) = run(tmp_path, changed(indikator="PENYUSUNAN DOKUMEN PERENCANAAN"), "S002")
    assert "menyatakan kegiatan" in found.message
    assert run(tmp_path, changed(indikator="SAKIP"), "S002") == []


def test_s004_asks_the_condition_form_of_sasaran_not_of_tujuan(tmp_path):
    rows = chain()
    rows[0] = {**rows[0], **row(sasaran="Meningkatkan kualitas aparatur")}
    rows[1] = {**rows[1], **row(sasaran="Meningkatkan akuntabilitas kinerja")}
    found = check_statements(read(tmp_path, rows))
    assert [(f.code, f.cell) for f in found] == [("S004", "E3")]


# ------------------------------------------------------------------------------------- openings
# Statements that a cut after the first words could misread: numbering, punctuation as a word,
# words glued by punctuation, a quality further on, capitals, non-ASCII folding, blanks.
OPENING_CASES = [
    "Jumlah Dokumen layanan 1.2.3",
    "Jumlah Dokumen layanan 1.2.4",
    "Tersedianya layanan 1.2.3",
    "1. Persentase peralatan kantor yang tersedia",
    "1.2) Jumlah Dokumen x y",
    "a) Rata-rata lama layanan x",
    "(b) Indeks kepuasan masyarakat x",
    "iv. Terlaksananya rapat x",
    "1. - Jumlah Dokumen x",
    "- - Jumlah Dokumen x",
    "1.) Jumlah Dokumen x",
    "Rata - rata lama pegawai mendapatkan pelatihan",
    "Nilai-nilai budaya kerja yang terinternalisasi",
    "Nilai nilai budaya kerja",
    "PENYUSUNAN DOKUMEN PERENCANAAN DAERAH",
    "IKM Layanan Kepegawaian Daerah",
    "IPASN",
    "Pelayanan administrasi yang prima",
    "Pelayanan administrasi kantor yang prima",
    "Penyelenggaraan pemerintahan daerah yang bersih",
    "Penyusunan Dokumen Perencanaan Daerah",
    "Meningkatkan Pemeliharaan Barang Milik Daerah",
    "Meningkatnya kualitas kegiatan 1.2",
    "Jumlah\u00a0Dokumen layanan x",
    "Ｊｕｍｌａｈ Dokumen layanan x",
    "Penyusunan\u200b Dokumen x y",
    "   ",
    "",
    None,
]


@pytest.mark.parametrize("read", [indicator_head, not_a_measure, _opening_form])
def test_each_opening_reads_as_its_statement(read):
    by_opening = _Column(pd.Series(OPENING_CASES, dtype=object)).map_opening(read)
    assert by_opening.tolist() == [read(clean(text)) for text in OPENING_CASES]


def test_the_activity_form_is_the_openings_less_a_stated_quality():
    forms = _Column(pd.Series(OPENING_CASES, dtype=object)).map_opening(_opening_form)
    texts = [clean(text) for text in OPENING_CASES]
    assert [
        "" if form == "nama kegiatan" and states_a_quality(text) else form
        for form, text in zip(forms, texts, strict=True)
    ] == [activity_form(text) for text in texts]
    assert "nama kegiatan" in forms.tolist() and "kata kerja aktif" in forms.tolist()
