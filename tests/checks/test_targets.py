"""T001-T008 on small workbooks built in code (chain() plus one change), then on the samples."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pandas as pd
import pytest

from pokin_xl.checks.targets import _wordings, check_targets, indicator_key, stated_target
from pokin_xl.model.frames import KINERJA_FIELDS
from pokin_xl.model.text import clean
from pokin_xl.model.units import implied_unit
from pokin_xl.readers.matriks import read_matriks
from tests.builders import SSK_ROW, chain, changed, findings_of, row, sub_kegiatan

run = partial(findings_of, check_targets)


def test_the_consistent_chain_has_no_target_finding(tmp_path):
    assert run(tmp_path, chain()) == []


# ------------------------------------------------------------------------------------- T001
def test_t001_indicator_without_target(tmp_path):
    (found,) = run(tmp_path, changed(target=None), "T001")
    assert found.cell == f"I{SSK_ROW}"
    assert found.severity == "error"
    assert "Target kosong" in found.message
    assert found.subject.startswith("Jumlah Paket")


def test_t001_not_for_a_node_without_indicator(tmp_path):
    assert run(tmp_path, changed(indikator=None, target=None, satuan=None), "T001") == []


# ------------------------------------------------------------------------------------- T002
def test_t002_unreadable_target(tmp_path):
    (found,) = run(tmp_path, changed(target="enam paket lebih"), "T002")
    assert found.cell == f"I{SSK_ROW}"
    assert "'enam paket lebih'" in found.message


def test_t002_a_date_made_by_excel(tmp_path):
    (found,) = run(tmp_path, changed(target=dt.datetime(2024, 4, 1)), "T002")
    assert found.cell == f"I{SSK_ROW}"
    assert "tanggal" in found.message and "Teks" in found.message


def test_t002_not_for_a_range(tmp_path):
    assert run(tmp_path, changed(target="4 - 6", satuan="Paket"), "T002") == []


# ------------------------------------------------------------------------------------- T003
def test_t003_number_without_unit(tmp_path):
    (found,) = run(tmp_path, changed(satuan=None), "T003")
    assert found.cell == f"J{SSK_ROW}"
    assert found.severity == "warning"
    assert "'Paket'" in found.message  # the unit the indicator's wording implies


def test_t003_not_when_the_target_carries_its_unit(tmp_path):
    assert run(tmp_path, changed(index=2, satuan=None), "T003") == []  # "100%", no Satuan
    assert run(tmp_path, changed(target="6 Paket", satuan=None), "T003") == []


# ------------------------------------------------------------------------------------- T004
@pytest.mark.parametrize(
    ("indikator", "satuan", "implied"),
    [
        ("Jumlah Paket Peralatan Kantor yang Disediakan", "Unit", "Paket"),
        ("Jumlah Dokumen Hasil Koordinasi Pemberhentian", "Orang", "Dokumen"),
        ("Jumlah Laporan Keuangan", "Paket", "Laporan"),
        ("Persentase Peralatan yang Tersedia", "Dokumen", "%"),
    ],
)
def test_t004_unit_contradicts_the_wording(tmp_path, indikator, satuan, implied):
    (found,) = run(tmp_path, changed(indikator=indikator, satuan=satuan), "T004")
    assert found.cell == f"J{SSK_ROW}"
    assert f"'{satuan}'" in found.message and f"'{implied}'" in found.message


def test_t004_unit_in_the_target_text_contradicts_the_satuan(tmp_path):
    rows = changed(indikator="Jumlah Rencana Kebutuhan", target="1 Dokumen", satuan="Laporan")
    (found,) = run(tmp_path, rows, "T004")
    assert found.cell == f"J{SSK_ROW}"
    assert "'Laporan'" in found.message and "'1 Dokumen'" in found.message


def test_t004_points_at_the_target_when_the_satuan_is_blank(tmp_path):
    rows = changed(indikator="Jumlah Dokumen Perencanaan", target="3 Orang", satuan=None)
    (found,) = run(tmp_path, rows, "T004")
    assert found.cell == f"I{SSK_ROW}"


@pytest.mark.parametrize(
    ("indikator", "satuan"),
    [
        ("Jumlah Dokumen Hasil Evaluasi Pengembangan Jabatan Fungsional", "Laporan"),
        ("Jumlah Orang yang Mengikuti Diklat", "Orang/Bulan"),
        ("Jumlah Pegawai yang Mengikuti Diklat", "Orang"),
        ("Jumlah Orang yang Mengikuti Diklat", "Peserta"),  # a unit this tool does not know
        ("Jumlah Rencana Kebutuhan Barang", "Dokumen"),  # the wording implies nothing
        ("Persentase Peralatan yang Tersedia", "persen"),
    ],
)
def test_t004_near_misses(tmp_path, indikator, satuan):
    assert run(tmp_path, changed(indikator=indikator, satuan=satuan), "T004") == []


# ------------------------------------------------------------------------------------- T005
def test_t005_number_in_the_indicator_differs(tmp_path):
    rows = changed(
        indikator="Jumlah Dokumen Penatausahaan SKPD - 2 Dokumen", target=1, satuan="Dokumen"
    )
    (found,) = run(tmp_path, rows, "T005")
    assert found.cell == f"I{SSK_ROW}"
    assert "'2 Dokumen'" in found.message and "'1 Dokumen'" in found.message


def test_t005_unit_in_the_indicator_differs(tmp_path):
    rows = changed(indikator="Jumlah Laporan Keuangan SKPD — Dokumen", target=4, satuan="Laporan")
    (found,) = run(tmp_path, rows, "T005")
    assert found.cell == f"J{SSK_ROW}"
    assert "'Dokumen'" in found.message and "'Laporan'" in found.message


@pytest.mark.parametrize(
    ("indikator", "target", "satuan"),
    [
        ("Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi", 1, "Dokumen"),
        ("Jumlah Dokumen RKA- SKPD", 1, "Dokumen"),
        ("Jumlah Orang yang Mengikuti Bimtek Perundang-Undangan", 40, "Orang"),
        ("Rata - rata lama pegawai mendapatkan pendidikan dan pelatihan", "25%", "%"),
        ("Jumlah Dokumen Renstra Tahun 2019 - 2024", 1, "Dokumen"),
        ("Jumlah Dokumen Penatausahaan SKPD - 2 Dokumen", 2, "Dokumen"),
        ("Persentase Administrasi Umum - 100%", "100%", "%"),
    ],
)
def test_t005_near_misses(tmp_path, indikator, target, satuan):
    rows = changed(indikator=indikator, target=target, satuan=satuan)
    assert run(tmp_path, rows, "T005") == []


def test_stated_target_reads_the_tail():
    said = stated_target("Jumlah Dokumen X - 2 (dua) Dokumen")
    assert (said.value, said.unit) == (2, "Dokumen")
    assert stated_target("Persentase X – 100 %").unit == "%"
    assert stated_target("Jumlah X - Dokumen").value is None
    assert stated_target("Tahun 2019 - 2024") is None
    assert indicator_key("Jumlah Dokumen X - 2 Dokumen") == indicator_key("jumlah dokumen x")


WORDINGS = [
    "Jumlah Dokumen X - 2 Dokumen",
    "Jumlah Dokumen X – 100 %",
    "Jumlah Dokumen X—Dokumen",
    "Jumlah Dokumen X -",
    "Tahun 2019 - 2024",
    "RKA-SKPD yang disusun",
    " - 2 Dokumen",
    "Persentase SDM terlatih",
    "Jumlah Dokumen layanan 1.2",
    "Jumlah layanan (Laporan) - 3 Laporan",
    "Jumlah Dokumen X \uff0d 2 Dokumen",  # a fullwidth dash, a dash once folded
    "Jumlah\u00a0Dokumen X",
    "",
    None,
]


def test_wordings_read_each_indicator_as_the_rules_do():
    keys, implied, states = _wordings(pd.Series(WORDINGS, dtype=object))
    texts = [clean(text) for text in WORDINGS]
    assert keys.tolist() == [indicator_key(text) for text in WORDINGS]
    assert implied.tolist() == [implied_unit(text) for text in texts]
    assert states.tolist() == [stated_target(text) is not None for text in texts]
    assert states.sum() == 5 and keys[0] == keys[1] == "jumlah dokumen x"


# ------------------------------------------------------------------------------------- T006
@pytest.mark.parametrize(("target", "satuan"), [("120%", "%"), (150, "%"), ("-5%", None)])
def test_t006_percentage_outside_0_100(tmp_path, target, satuan):
    (found,) = run(tmp_path, changed(index=2, target=target, satuan=satuan), "T006")
    assert found.cell == "I4"
    assert "0–100" in found.message


@pytest.mark.parametrize(("target", "satuan"), [("100%", "%"), ("0%", "%"), ("80 - 100", "%")])
def test_t006_near_misses(tmp_path, target, satuan):
    assert run(tmp_path, changed(index=2, target=target, satuan=satuan), "T006") == []


def test_t006_not_for_a_count_above_100(tmp_path):
    assert run(tmp_path, changed(target=150), "T006") == []


# ------------------------------------------------------------------------------------- T007
def test_t007_same_indicator_two_targets_in_one_node(tmp_path):
    rows = changed(index=0, indikator="IPASN", target="Sedang (71-80)", satuan=None)
    rows.insert(1, row(kode="T1", indikator="IPASN", target="Sangat Rendah"))
    (found,) = run(tmp_path, rows, "T007")
    assert found.cell == "I3"
    assert found.severity == "error"
    assert "'IPASN' bertarget 'Sangat Rendah' di sel I3" in found.message
    assert "'Sedang (71-80)' di sel I2" in found.message


def test_t007_across_units_names_the_other_unit(tmp_path):
    rows = chain()
    other = sub_kegiatan(
        "SSK2", "Tersedianya peralatan kantor", rows[4][KINERJA_FIELDS["indikator"]], 4, "Paket"
    )
    other[KINERJA_FIELDS["unit_kerja"]] = "Bidang Pengadaan"
    rows.append(other)
    (found,) = run(tmp_path, rows, "T007")
    assert found.cell == "I7"
    assert "'6 Paket' di sel I6 (Sekretariat)" in found.message


def test_t007_only_at_the_rows_that_differ(tmp_path):
    rows = chain()
    indikator = rows[4][KINERJA_FIELDS["indikator"]]
    rows.append(sub_kegiatan("SSK2", "Tersedianya peralatan A", indikator, "6 Paket", ""))
    rows.append(sub_kegiatan("SSK3", "Tersedianya peralatan B", indikator, 5, "Paket"))
    found = run(tmp_path, rows, "T007")
    assert [f.cell for f in found] == ["I8"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("100%", "%"), (100, "%")),
        (("100%", "%"), ("100 %", None)),
        (("Baik", "Predikat"), ("baik", "Predikat")),
    ],
)
def test_t007_near_misses_same_target_written_differently(tmp_path, first, second):
    rows = changed(index=2, target=first[0], satuan=first[1])
    indikator = rows[2][KINERJA_FIELDS["indikator"]]
    rows.append(sub_kegiatan("SSK2", "Tersedianya layanan", indikator, *second))
    assert run(tmp_path, rows, "T007") == []


def test_t007_the_stated_target_does_not_hide_the_same_indicator(tmp_path):
    rows = changed(indikator="Jumlah Dokumen Arsip - 2 Dokumen", target=2, satuan="Dokumen")
    rows.append(sub_kegiatan("SSK2", "Tersusunnya arsip", "Jumlah Dokumen Arsip", 3, "Dokumen"))
    (found,) = run(tmp_path, rows, "T007")
    assert found.cell == "I7"


# ------------------------------------------------------------------------------------- T008
@pytest.mark.parametrize("target", ["Sangat Rendah", "Kurang", "Predikat C"])
def test_t008_poor_category(tmp_path, target):
    (found,) = run(tmp_path, changed(index=0, target=target, satuan=None), "T008")
    assert found.cell == "I2"
    assert f"'{target}'" in found.message


@pytest.mark.parametrize("target", ["Sedang (71-80)", "Baik", "Predikat A", "Sangat Tinggi"])
def test_t008_near_misses(tmp_path, target):
    assert run(tmp_path, changed(index=0, target=target, satuan=None), "T008") == []


# ------------------------------------------------------------------------------------- samples
def found_in(path) -> set[tuple[str, str, str]]:
    return {(f.code, f.cell, f.subject) for f in check_targets(read_matriks(path))}


def test_matriks_sample(sample_dir):
    found = found_in(sample_dir / "matriks.xlsx")
    # J41 'Jumlah Paket Mebel yang Disediakan' in Unit is the national pair (no T004); J75 is a
    # national indicator in the wrong unit, which N003 owns (tests/checks/test_national_pairs.py).
    assert ("T007", "I3", "IPASN") in found
    assert ("T008", "I3", "IPASN") in found
    assert ("T008", "I5", "Tingkat Profesionalitas ASN") in found
    assert ("T001", "I7", "Optimalisasi Penerapan Sistem Merit") in found
    # nothing else: every other row of the sample is consistent as far as targets go
    assert {(code, cell) for code, cell, _ in found} == {
        ("T007", "I3"),
        ("T008", "I3"),
        ("T008", "I5"),
        ("T001", "I7"),
    }


def test_pohon_kinerja_sample(sample_dir):
    found = {(code, cell) for code, cell, _ in found_in(sample_dir / "pohon_kinerja_dokumen.xlsx")}
    assert found == {
        ("T005", "I9"),  # "... SKPD - 2 Dokumen" with target 1
        ("T005", "J8"),  # "... Semesteran SKPD - Dokumen" in Laporan
        ("T003", "J42"),  # Assessment: 1, no unit
        # J17 "Jumlah Dokumen Hasil ... Pemberhentian" in Orang (360): a national indicator, N003
    }
