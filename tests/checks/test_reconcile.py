"""Reconciliation R001-R007 each way, P001 and N004 on the Renstra, and the sample's real disagreements."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin_xl.errors import InputError
from pokin_xl.reconcile import reconcile, text_report
from tests.builders import chain, row, write_matriks
from tests.renstra_builders import (
    UNCASCADED_SUB_KEGIATAN,
    renstra_rows,
    write_renstra,
    write_summary,
)


def run(tmp_path: Path, *, kinerja=None, rows=None, title: str = "RENSTRA 2024-2028", **kw):
    a = write_matriks(tmp_path / "matriks.xlsx", kinerja if kinerja is not None else chain())
    b = write_renstra(
        tmp_path / "renstra.xlsx", rows if rows is not None else renstra_rows(), title
    )
    return reconcile(a, b, **kw)


def codes(result) -> list[str]:
    return [f.code for f in result.report.sorted()]


def only(result, code: str):
    found = [f for f in result.report.sorted() if f.code == code]
    assert len(found) == 1, [f.message for f in found]
    return found[0]


# ------------------------------------------------------------------------------ each rule
def test_a_consistent_pair_has_no_disagreement(tmp_path):
    result = run(tmp_path, tahun=2024)
    assert codes(result) == ["B006"]  # formulas without cached values were recomputed
    assert set(result.rows["status"]) == {"sama"}
    assert result.tahun == 2024
    assert set(result.rows["method"]) == {"kode"}


def test_r001_indicator_of_a_not_in_b(tmp_path):
    extra = row(
        kode="SSK1",
        indikator="Jumlah Laporan Inventaris Kantor",
        target=2,
        satuan="Laporan",
    )
    result = run(tmp_path, kinerja=[*chain(), extra])
    finding = only(result, "R001")
    assert finding.file == "matriks.xlsx" and finding.cell == "H7"
    assert "Jumlah Laporan Inventaris Kantor" in finding.message
    assert "R001" not in codes(run(tmp_path))


def test_r002_target_differs_shows_both_and_the_difference(tmp_path):
    rows = renstra_rows(cells={(2, 4): "9"})
    finding = only(run(tmp_path, rows=rows, tahun=2024), "R002")
    assert finding.cell == "I6" and finding.severity == "error"
    assert "'6'" in finding.message and "'9'" in finding.message and "selisih +3" in finding.message
    assert "renstra.xlsx sel E5" in finding.message
    assert "cocok menurut kode nomenklatur" in finding.message
    # the second year's column is another target: 7, not 6
    assert only(run(tmp_path, tahun=2025), "R002").cell == "I6"
    assert "R002" not in codes(run(tmp_path, tahun=2024))


def test_r002_spelling_of_numbers_is_not_a_difference(tmp_path):
    rows = renstra_rows(cells={(0, 4): "100,00", (1, 4): "100 %", (2, 4): "6 Paket"})
    assert "R002" not in codes(run(tmp_path, rows=rows, tahun=2024))


def test_r003_indicator_of_b_not_cascaded(tmp_path):
    extra = [UNCASCADED_SUB_KEGIATAN]
    result = run(tmp_path, rows=renstra_rows(extra=extra), tahun=2024)
    finding = only(result, "R003")
    assert finding.file == "renstra.xlsx" and finding.sheet == "RENSTRA" and finding.cell == "D6"
    assert "tidak di-cascade" in set(result.rows["status"])
    assert "R003" not in codes(run(tmp_path, tahun=2024))


def test_r004_unit_differs(tmp_path):
    finding = only(run(tmp_path, rows=renstra_rows(cells={(2, 2): "Orang"}), tahun=2024), "R004")
    assert finding.cell == "J6" and "'Paket'" in finding.message and "'Orang'" in finding.message
    # 'persen' and '%' are one unit
    assert "R004" not in codes(
        run(tmp_path, rows=renstra_rows(cells={(0, 2): "persen"}), tahun=2024)
    )


def test_r006_pagu_differs(tmp_path):
    rows = renstra_rows(cells={(2, 5): 1500})
    result = run(tmp_path, rows=rows, tahun=2024)
    r006 = [f for f in result.report.sorted() if f.code == "R006"]
    # the sub kegiatan, and its kegiatan and program whose roll-ups follow it
    assert [f.cell for f in r006] == ["K4", "K5", "K6"]
    assert "Rp 1.000" in r006[-1].message and "Rp 1.500" in r006[-1].message
    assert "R006" not in codes(run(tmp_path, tahun=2024))


SASARAN = "Meningkatnya akuntabilitas kinerja"


def summary_for_chain(
    path: Path, sasaran: str, indikator: str = "Persentase layanan administrasi yang tepat waktu"
):
    return write_summary(
        path,
        [
            (
                "Meningkatnya kualitas aparatur",
                sasaran,
                [("Nilai SAKIP Perangkat Daerah", "70")],
                "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                [(indikator, "persen", "100")],
            )
        ],
    )


def test_r005_under_another_sasaran(tmp_path):
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    program = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    indikator = "Persentase layanan administrasi yang tepat waktu"
    b = write_summary(
        tmp_path / "renstra.xlsx",
        [
            (
                "Meningkatnya kualitas aparatur",
                SASARAN,
                [("Nilai SAKIP Perangkat Daerah", "70")],
                "",
                [],
            ),
            (
                "Meningkatnya kualitas aparatur",
                "Meningkatnya kualitas pelayanan publik",
                [("Indeks Kepuasan Masyarakat", "80")],
                program,
                [(indikator, "persen", "100")],
            ),
        ],
    )
    finding = only(reconcile(a, b, tahun=2024), "R005")
    assert finding.cell == "H4" and "Meningkatnya kualitas pelayanan publik" in finding.message
    assert f"'{SASARAN}'" in finding.message and "renstra.xlsx sel B6" in finding.message
    same = reconcile(a, summary_for_chain(tmp_path / "same.xlsx", SASARAN), tahun=2024)
    assert codes(same) == ["R001"]  # only the Tujuan's indicator, which the table lacks


def test_a_sasaran_reworded_but_holding_the_same_indicators_is_r007(tmp_path):
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    b = summary_for_chain(tmp_path / "renstra.xlsx", "Meningkatnya kualitas pelayanan publik")
    result = reconcile(a, b, tahun=2024)
    assert codes(result) == ["R001", "R007"]  # R001: the Tujuan's indicator
    assert "Meningkatnya kualitas pelayanan publik" in only(result, "R007").message


def test_r007_truncated_sasaran_is_reworded_not_another(tmp_path):
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    b = summary_for_chain(tmp_path / "renstra.xlsx", SASARAN + " Perangkat Daerah")
    result = reconcile(a, b, tahun=2024)
    finding = only(result, "R007")
    assert "teks di Matriks terpotong" in finding.message and finding.cell == "E3"
    assert "R005" not in codes(result)


def test_r007_indicator_matched_fuzzily(tmp_path):
    b = summary_for_chain(
        tmp_path / "renstra.xlsx",
        SASARAN,
        indikator="Persentase layanan administrasi yang tepat waktu dilaksanakan",
    )
    result = reconcile(write_matriks(tmp_path / "matriks.xlsx", chain()), b, tahun=2024)
    finding = only(result, "R007")
    assert "cocok fuzzy (skor" in finding.message and finding.cell == "H4"


def test_levels_b_does_not_state_are_not_compared(tmp_path):
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    result = reconcile(a, summary_for_chain(tmp_path / "renstra.xlsx", SASARAN), tahun=2024)
    assert result.compared == {"a": 3, "b": 2, "a_outside": 2, "b_outside": 0}
    # kegiatan and sub kegiatan are not in a summary table; its tujuan/sasaran column is
    assert [f.cell for f in result.report.findings if f.code == "R001"] == ["H2"]


def test_ambiguous_candidates_are_reported_not_guessed(tmp_path):
    extra = [
        [
            "x.xx.01.2.06.0009",
            "Penyediaan Peralatan Rumah Tangga",
            "Paket",
            "Jumlah paket peralatan dan perlengkapan kantor yang disediakan",
            4,
            None,
            4,
            None,
        ]
    ]
    kinerja = chain()
    kinerja[-1] = {**kinerja[-1], "Kode Nomenklatur": ""}  # no code: text alone must decide
    result = run(tmp_path, kinerja=kinerja, rows=renstra_rows(extra=extra), tahun=2024)
    finding = only(result, "R001")
    assert (
        "beberapa kandidat" in finding.message
        and "D5" in finding.message
        and "D6" in finding.message
    )
    assert "ambigu" in set(result.rows["status"])


# ------------------------------------------------------------------------------ P001, N004 on B
def test_p001_roll_up_formula_over_a_wrong_range(tmp_path):
    extra = [UNCASCADED_SUB_KEGIATAN]
    result = run(tmp_path, rows=renstra_rows(extra=extra), tahun=2024)
    p001 = [f for f in result.report.sorted() if f.code == "P001"]
    assert [f.cell for f in p001] == ["F4", "H4"]  # both years' kegiatan SUM(F5:F5) misses row 6
    assert "tidak menghitung anaknya di baris 6" in p001[0].message
    assert "Rp 1.000" in p001[0].message and "Rp 1.500" in p001[0].message
    assert p001[0].file == "renstra.xlsx"
    fixed = renstra_rows(extra=extra, cells={(1, 5): "=SUM(F5:F6)", (1, 7): "=SUM(H5:H6)"})
    assert "P001" not in codes(run(tmp_path, rows=fixed, tahun=2024))


def test_p001_broken_reference(tmp_path):
    rows = renstra_rows(cells={(0, 5): '=IFERROR(F4+#REF!,"")'})
    finding = only(run(tmp_path, rows=rows, tahun=2024), "P001")
    assert finding.cell == "F3" and "#REF!" in finding.message


def test_n004_code_under_another_kegiatan(tmp_path):
    extra = [
        ["x.xx.01.2.07.0001", "Pengadaan Kendaraan", "Unit", "Jumlah Kendaraan", 1, None, 1, None]
    ]
    finding = only(run(tmp_path, rows=renstra_rows(extra=extra), tahun=2024), "N004")
    assert finding.cell == "A6" and "x.xx.01.2.06" in finding.message


# ------------------------------------------------------------------------------ years
def test_year_needs_a_start_when_the_file_names_none(tmp_path):
    with pytest.raises(InputError, match="--tahun-awal"):
        run(tmp_path, title="RENSTRA BKPSDM", tahun=2024)
    result = run(tmp_path, title="RENSTRA BKPSDM", tahun=2025, tahun_awal=2024)
    assert result.tahun == 2025
    with pytest.raises(InputError, match="2030"):
        run(tmp_path, tahun=2030)


def test_two_matriks_name_each_other_by_file(tmp_path):
    a = write_matriks(tmp_path / "cascading.xlsx", chain())
    changed = chain()
    changed[-1] = {**changed[-1], "Target": 8}
    b = write_matriks(tmp_path / "pohon.xlsx", changed)
    result = reconcile(a, b)
    finding = only(result, "R002")
    assert "cascading '6'" in finding.message and "pohon '8'" in finding.message
    assert result.b_kind == "matriks"


# ------------------------------------------------------------------------------ the sample
def test_sample_against_tabel_2_1(sample_dir):
    result = reconcile(sample_dir / "matriks.xlsx", sample_dir / "renstra.xlsx", tahun=2024)
    by_code: dict[str, list] = {}
    for f in result.report.sorted():
        by_code.setdefault(f.code, []).append(f)
    # chart 51,01 % for the 'telah mengikuti ... struktural' indicator; Tabel 2.1 says 2,86 and
    # gives 51,01 to 'Persentase Pejabat ASN yang mengikuti pendidikan dan pelatihan formal'
    (r002,) = by_code["R002"]
    assert r002.cell == "I53" and "51,01" in r002.message and "2,86" in r002.message
    assert "tertukar" in r002.message
    assert {f.cell for f in by_code["R001"]} == {"H2", "H3", "H7", "H54", "H55", "H56"}
    assert len(by_code["R003"]) == 13
    assert any(f.cell == "F11" and "I53" in f.message for f in by_code["R003"])
    (r005,) = by_code["R005"]
    assert r005.cell == "H6" and "Optimalisasi Penerapan Sistem Merit" in r005.message
    truncated = [f for f in by_code["R007"] if "terpotong" in f.message]
    assert {f.cell for f in truncated} == {"E6", "G8"}  # Sasaran Strategis, program name
    # '1,00' persen against the chart's 1 %: the same target
    formal = result.rows[result.rows["b_indikator"].str.startswith("Persentase ASN yang mengikuti")]
    assert formal["status"].tolist() == ["sama"]
    assert "Rekonsiliasi matriks.xlsx" in text_report(result)


def test_sample_cascade_chapter_against_pohon_kinerja_chapter(sample_dir):
    result = reconcile(sample_dir / "matriks.xlsx", sample_dir / "pohon_kinerja_dokumen.xlsx")
    r002 = {f.cell: f.message for f in result.report.sorted() if f.code == "R002"}
    assert set(r002) == {"I19", "I25", "I26", "I29"}
    assert "'1'" in r002["I26"] and "'56'" in r002["I26"]  # Pakaian Dinas beserta Atribut
    assert "'1'" in r002["I29"] and "'2'" in r002["I29"]  # Komponen Instalasi Listrik
    assert "'20'" in r002["I25"] and "'25'" in r002["I25"]  # Diklat pegawai
    assert "'2'" in r002["I19"] and "'1'" in r002["I19"]  # Penatausahaan ... '- 2 Dokumen'
    assert {f.code for f in result.report.findings} <= {"R001", "R002", "R003", "R005", "R007"}


def test_r007_on_a_higher_node_names_that_node_not_the_indicator_row(sample_dir):
    from pokin_xl.reconcile import reconcile as run_reconcile

    result = run_reconcile(sample_dir / "matriks.xlsx", sample_dir / "renstra.xlsx", tahun=2024)
    found = {
        f.cell: f for f in result.report.findings if f.code == "R007" and f.cell.startswith("E")
    }
    assert (found["E6"].kode, found["E6"].tingkat) == ("SS2", "Sasaran Strategis")
    r003 = next(f for f in result.report.findings if f.code == "R003" and f.cell == "C13")
    assert "tidak ada pada tingkat yang sama" in r003.message
