import pytest

from pokin_xl.model.text import normalise
from pokin_xl.model.units import (
    SUGGESTED_UNITS,
    UNIT_ALIASES,
    base_unit,
    implied_unit,
    implied_units,
    normalise_unit,
    units_compatible,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        (float("nan"), ""),
        ("-", ""),
        ("%", "%"),
        ("(%)", "%"),
        ("persen", "%"),
        ("Persen", "%"),
        ("PERSEN", "%"),
        ("Persen (%)", "%"),
        ("prosen", "%"),
        ("percent", "%"),
        ("％", "%"),
        ("dokumen", "Dokumen"),
        ("DOKUMEN", "Dokumen"),
        (" Dokumen ", "Dokumen"),
        ("dok", "Dokumen"),
        ("Dok.", "Dokumen"),
        ("laporan", "Laporan"),
        ("orang", "Orang"),
        ("org", "Orang"),
        ("Jiwa", "Jiwa"),
        ("orang/bulan", "Orang/Bulan"),
        ("Orang / Bulan", "Orang/Bulan"),
        ("org/bln", "Orang/Bulan"),
        ("OB", "Orang/Bulan"),
        ("paket", "Paket"),
        ("unit", "Unit"),
        ("predikat", "Predikat"),
        ("indeks", "Indeks"),
        ("Index", "Indeks"),
        ("nilai", "Nilai"),
        ("kegiatan", "Kegiatan"),
        ("kali", "Kali"),
        ("bulan", "Bulan"),
        ("hari", "Hari"),
        ("tahun", "Tahun"),
        ("lembaga", "Lembaga"),
        ("berkas", "Berkas"),
        ("buku", "Buku"),
        ("rekomendasi", "Rekomendasi"),
        ("sistem", "Sistem"),
        ("aplikasi", "Aplikasi"),
        ("ha", "Ha"),
        ("Hektar", "Ha"),
        ("m2", "m2"),
        ("m²", "m2"),
        ("rupiah", "Rupiah"),
        ("Rp", "Rupiah"),
        ("Rp.", "Rupiah"),
        ("level", "Level"),
        ("poin", "Poin"),
        ("skor", "Skor"),
        ("kategori", "Kategori"),
        ("unit kerja", "Unit Kerja"),
        ("UNIT  KERJA", "Unit Kerja"),
        ("kali kunjungan", "Kali Kunjungan"),
        ("kelompok", "Kelompok"),
        ("dokumen/tahun", "Dokumen/Tahun"),
        ("kali/tahun", "Kali/Tahun"),
        ("orang/hari", "Orang/Hari"),
    ],
)
def test_normalise_unit(text: object, expected: str) -> None:
    assert normalise_unit(text) == expected


def test_alias_keys_are_comparison_keys() -> None:
    assert [key for key in UNIT_ALIASES if normalise(key, expand=False) != key] == []


@pytest.mark.parametrize("unit", SUGGESTED_UNITS)
def test_suggested_units_are_canonical(unit: str) -> None:
    assert normalise_unit(unit) == unit


def test_suggested_units_are_distinct_and_common() -> None:
    assert len(set(SUGGESTED_UNITS)) == len(SUGGESTED_UNITS)
    assert 15 <= len(SUGGESTED_UNITS) <= 30
    assert {"%", "Dokumen", "Laporan", "Orang", "Paket", "Unit", "Predikat"} <= set(SUGGESTED_UNITS)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("Orang/Bulan", "Orang"),
        ("org/bln", "Orang"),
        ("Dokumen/Tahun", "Dokumen"),
        ("Orang", "Orang"),
        ("persen", "%"),
        ("", ""),
    ],
)
def test_base_unit(unit: str, expected: str) -> None:
    assert base_unit(unit) == expected


@pytest.mark.parametrize(
    ("indikator", "expected"),
    [
        ("Persentase ASN yang Mengikuti Pengembangan Kompetensi", "%"),
        ("persentase pegawai yang disiplin", "%"),
        ("Prosentase Penyelesaian Layanan Kepegawaian", "%"),
        ("Presentase Dokumen yang Tepat Waktu", "%"),
        ("Tingkat Kepuasan Pegawai (%)", "%"),
        ("Indeks Profesionalitas ASN (%)", "%"),
        ("Capaian Realisasi Anggaran (persen)", "%"),
        ("Jumlah Dokumen Perencanaan yang Disusun", "Dokumen"),
        ("Jumlah dokumen perencanaan dan evaluasi (RKPD, Renja)", "Dokumen"),
        ("Jumlah Laporan Keuangan yang Disusun Tepat Waktu", "Laporan"),
        ("Jumlah Paket Pengadaan Barang", "Paket"),
        ("Jumlah Unit Kendaraan Dinas yang Dipelihara", "Unit"),
        ("Jumlah Unit Kerja yang Dibina", "Unit"),
        ("Jumlah Orang yang Mengikuti Diklat", "Orang"),
        ("Jumlah ASN yang Mengikuti Bimtek", "Orang"),
        ("Jumlah Pegawai yang Naik Pangkat", "Orang"),
        ("Jumlah PNS yang Pensiun", "Orang"),
        ("Jumlah Peserta Seleksi CPNS", "Orang"),
        ("Jumlah Lembaga Kursus yang Dibina", "Lembaga"),
        ("Jumlah Kegiatan Sosialisasi", "Kegiatan"),
        ("Jumlah Aplikasi Kepegawaian yang Dikembangkan", "Aplikasi"),
        ("Jumlah Rekomendasi Hasil Pemeriksaan yang Ditindaklanjuti", "Rekomendasi"),
        ("Jumlah Berkas Usulan Mutasi yang Diproses", "Berkas"),
        ("Jumlah Hari Keterlambatan Layanan", "Hari"),
        ("Jumlah Rencana Kebutuhan Barang", None),
        ("Jumlah Sarana dan Prasarana Kantor yang Dipelihara", None),
        ("Jumlah Nilai Aset yang Dicatat", None),
        ("Jumlah", None),
        ("Indeks Profesionalitas ASN", None),
        ("Indeks Kepuasan Masyarakat", None),
        ("Rasio Pegawai terhadap Penduduk", None),
        ("Rata-rata Lama Layanan Kenaikan Pangkat", None),
        ("Nilai SAKIP Perangkat Daerah", None),
        ("Tersusunnya Dokumen Renja", None),
        ("Penyediaan Jasa Layanan (SPBE)", None),
        ("", None),
        (None, None),
    ],
)
def test_implied_unit(indikator: object, expected: str | None) -> None:
    assert implied_unit(indikator) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("%", "persen", True),
        ("Persen", "Prosen", True),
        ("Dokumen", "dok", True),
        ("Orang", "Orang/Bulan", True),
        ("org/bln", "Orang", True),
        ("Orang/Bulan", "Orang/Hari", True),
        ("", "Dokumen", True),
        ("Laporan", "", True),
        ("", "", True),
        ("Dokumen", "Laporan", False),
        ("%", "Orang", False),
        ("Orang", "Jiwa", False),
        ("Unit", "Unit Kerja", False),
        ("Dokumen/Tahun", "Orang/Tahun", False),
    ],
)
def test_units_compatible(a: str, b: str, expected: bool) -> None:
    assert units_compatible(a, b) is expected
    assert units_compatible(b, a) is expected


# Openings that a cut after the second word could misread: numbering, punctuation as a word,
# words glued by punctuation, parentheses, capitals, non-ASCII folding, blanks.
OPENING_CASES = [
    "Jumlah Dokumen layanan 1.2.3",
    "Jumlah Dokumen layanan 1.2.4",
    "jumlah  dokumen\tlayanan x",
    "JUMLAH DOKUMEN LAYANAN",
    "Jumlah - Dokumen layanan",
    "- - Jumlah Dokumen x",
    "Jumlah-Dokumen layanan x",
    "Jumlah_Dokumen layanan x",
    "Jumlah Rencana Kebutuhan Barang",
    "Jumlah Nilai Aset x",
    "Jumlah ASN yang Mengikuti Bimtek",
    "Jumlah layanan x (Dokumen)",
    "Indeks Profesionalitas ASN (%) x",
    "Persentase kegiatan 1.2",
    "Persentase",
    "Jumlah",
    "Jumlah Dokumen",
    "% capaian kegiatan x",
    "1. Jumlah Dokumen x y",
    "Jumlah\u00a0Dokumen layanan x",
    "Ｊｕｍｌａｈ Dokumen layanan x",
    "Jumlah\u200b Dokumen layanan x",
    "Jumlah Dokumen\u200b layanan x",
    "",
]


def test_implied_units_reads_as_implied_unit_does() -> None:
    assert implied_units(OPENING_CASES) == [implied_unit(text) for text in OPENING_CASES]
