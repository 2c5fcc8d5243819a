"""Indicator matching: by code, by normalised text, fuzzy; ambiguity reported, never guessed."""

from __future__ import annotations

import pandas as pd
import pytest

from pokin_xl.model.matching import (
    FUZZY,
    KODE,
    TEKS,
    MatchSettings,
    comparison_code,
    match_indicators,
    similarity,
    text_key,
)


def frame(*texts: str, **columns: list) -> pd.DataFrame:
    return pd.DataFrame({"text": list(texts), **columns})


def pairs(matches: pd.DataFrame) -> dict:
    return {label: (m["b"], m["method"]) for label, m in matches.iterrows()}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Program Pengembangan SDM", "program pengembangan sumber daya manusia"),
        (
            "Persentase ASN yang mengikutipendidikan dan pelatihan formal",
            "Persentase ASN yang mengikuti pendidikan dan pelatihan formal",
        ),
        ("Rata - rata lama pegawai", "Rata-rata lama pegawai"),
        (
            "Jumlah Dokumen Verifikasi Keuangan SKPD - 2 Dokumen",
            "Jumlah Dokumen Verifikasi Keuangan SKPD",
        ),
        ("Jumlah Laporan Keuangan SKPD - Dokumen", "jumlah laporan keuangan skpd"),
    ],
)
def test_same_text_whatever_its_spelling(a, b):
    assert text_key(a).replace(" ", "") == text_key(b).replace(" ", "")
    matches = match_indicators(frame(a), frame(b))
    assert pairs(matches) == {0: (0, TEKS)}
    assert matches.loc[0, "score"] == 100


def test_a_dash_inside_the_text_is_kept():
    assert text_key("Jumlah Dokumen RKA-SKPD") != text_key("Jumlah Dokumen RKA")


def test_code_decides_when_one_indicator_on_each_side():
    a = frame("Jumlah dokumen perencanaan", "Tidak terkait", kode=["5.03.01.2.01.0001", ""])
    b = frame("Jumlah Dokumen Perencanaan Perangkat Daerah yang disusun", kode=["X.XX.01.2.01.1"])
    matches = match_indicators(a, b)
    assert matches.loc[0, "b"] == 0 and matches.loc[0, "method"] == KODE
    assert 0 < matches.loc[0, "score"] < 100  # the text similarity is still recorded
    assert matches.loc[1, "b"] is None


def test_several_indicators_under_one_code_are_paired_by_text():
    a = frame("Persentase ASN ikut diklat formal", "Rata-rata lama diklat", kode=["5.04.02"] * 2)
    b = frame("Rata rata lama diklat", "Persentase ASN ikut diklat formal", kode=["5.04.02"] * 2)
    assert pairs(match_indicators(a, b)) == {0: (1, KODE), 1: (0, KODE)}


def test_comparison_code_folds_the_supporting_program():
    assert comparison_code("5.03.01.2.06.0002") == comparison_code("x.xx.01.2.06.2") != ""
    assert comparison_code("5.03.02.2.01") == "5.03.02.2.01"
    assert comparison_code("bukan kode") == ""


def test_fuzzy_typo_and_text_cut_short():
    b = frame(
        "Jumlah Orang yang Mengikuti Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",
        "Persentase Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
        "Persentase Mutasi dan Promosi ASN",
    )
    a = frame(
        "Jumlah Urang yang Mengikuti Bimbingan Teknis Implementasi Peraturan",
        "Persentase Pemeliharaan",
        "Persentase Penataan ASN Sesuai Dengan Kompetensi",
    )
    matches = match_indicators(a, b)
    assert pairs(matches) == {0: (0, FUZZY), 1: (1, FUZZY), 2: (None, "")}
    assert matches.loc[0, "score"] >= 88 and matches.loc[1, "score"] >= 88
    assert matches.loc[2, "candidates"]  # the nearest rows are kept for the message


def test_a_short_text_inside_two_longer_ones_is_ambiguous():
    b = frame(
        "Jumlah Dokumen Hasil Evaluasi Pengembangan Jabatan Fungsional",
        "Jumlah Dokumen Hasil Evaluasi Kinerja Perangkat Daerah",
    )
    matches = match_indicators(frame("Jumlah Dokumen Hasil Evaluasi"), b)
    assert matches.loc[0, "b"] is None and matches.loc[0, "ambiguous"]
    assert {label for label, _ in matches.loc[0, "candidates"]} == {0, 1}


def test_the_parent_breaks_a_tie():
    b = frame(
        "Jumlah Dokumen Hasil Evaluasi Pengembangan Jabatan Fungsional",
        "Jumlah Dokumen Hasil Evaluasi Kinerja Perangkat Daerah",
        context=[frozenset({"kegiatan:jabatan fungsional"}), frozenset({"kegiatan:kinerja"})],
    )
    a = frame("Jumlah Dokumen Hasil Evaluasi", context=[frozenset({"kegiatan:jabatan fungsional"})])
    assert pairs(match_indicators(a, b)) == {0: (0, FUZZY)}


def test_two_texts_claiming_one_row_are_both_ambiguous():
    a = frame(
        "Jumlah Dokumen Perencanaan Perangkat Daerahh",
        "Jumlah Dokumen Perencanaan Perangkat Daerahx",
    )
    matches = match_indicators(a, frame("Jumlah Dokumen Perencanaan Perangkat Daerah"))
    assert list(matches["ambiguous"]) == [True, True]
    assert list(matches["b"]) == [None, None]


def test_identical_rows_on_b_are_ambiguous_unless_interchangeable():
    a = frame("Persentase Pengembangan Kompetensi ASN")
    b = frame("Persentase Pengembangan Kompetensi ASN", "Persentase pengembangan kompetensi ASN")
    assert match_indicators(a, b).loc[0, "ambiguous"]
    same = b.assign(signature=["100 %|%|", "100 %|%|"])
    matched = match_indicators(a, same)
    assert matched.loc[0, "method"] == TEKS and not matched.loc[0, "ambiguous"]


def test_duplicates_on_both_sides_are_spread_one_to_one():
    a = frame(
        "Persentase Pengembangan Kompetensi ASN",
        "Persentase Pengembangan Kompetensi ASN",
        signature=["x", "x"],
    )
    b = frame(
        "Persentase Pengembangan Kompetensi ASN",
        "Persentase Pengembangan Kompetensi ASN",
        signature=["x", "x"],
    )
    assert sorted(match_indicators(a, b)["b"]) == [0, 1]


def test_groups_block_matches_across_levels():
    a = frame("Capaian SAKIP Perangkat Daerah", group=["program"])
    b = frame(
        "Capaian SAKIP Perangkat Daerah",
        "Capaian SAKIP Perangkat Daerah",
        group=["strategis", "program"],
    )
    assert pairs(match_indicators(a, b)) == {0: (1, TEKS)}
    assert pairs(match_indicators(a, b.iloc[:1])) == {0: (None, "")}


def test_context_lets_a_lower_score_through_only_under_the_same_parent():
    a_text, b_text = "Jumlah Laporan Evaluasi Kinerja", "Jumlah Laporan Hasil Evaluasi Kinerja Unit"
    score = similarity(text_key(a_text), text_key(b_text))
    assert 85 <= score < 88
    assert match_indicators(frame(a_text), frame(b_text)).loc[0, "b"] is None
    context = [frozenset({"kegiatan:pembinaan jabatan fungsional"})]
    matched = match_indicators(frame(a_text, context=context), frame(b_text, context=context))
    assert matched.loc[0, "method"] == FUZZY


def test_blocking_large_pools_finds_the_same_matches():
    b_texts = [f"Jumlah Dokumen Laporan Kegiatan Nomor {n} Bidang {n % 7}" for n in range(60)]
    b_texts.append(
        "Persentase Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"
    )
    a = frame("Persentase Pemeliharan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah")
    b = frame(*b_texts)
    plain = match_indicators(a, b)
    blocked = match_indicators(a, b, MatchSettings(block_above=5))
    assert plain.loc[0, "b"] == blocked.loc[0, "b"] == 60


def test_similarity_of_a_truncated_text_depends_on_how_much_it_covers():
    long = text_key("Jumlah ASN Jabatan Fungsional yang Mendapatkan Layanan Pengembangan Karir")
    assert similarity(
        text_key("Jumlah ASN Jabatan Fungsional yang Mendapatkan Layanan"), long
    ) > similarity(text_key("Jumlah ASN Jabatan"), long)
    assert similarity("", long) == 0
