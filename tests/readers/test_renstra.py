"""Renstra workbooks as they really are: each layout built here cell by cell, and the real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pokin_xl.errors import InputError
from pokin_xl.readers.renstra import read_renstra
from pokin_xl.readers.renstra.formulas import ExcelError, FormulaError, evaluate, references
from tests.conftest import real_file
from tests.renstra_builders import SUMMARY_HEADERS, write_summary

SESENDOK_HEADERS = [
    "SASARAN",
    "KODE",
    "PROGRAM DAN KEGIATAN",
    "SATUAN",
    "INDIKATOR",
    "DATA CAPAIAN AWAL",
    "TARGET TAHUN 1",
    "DANA TAHUN 1",
    "TARGET TAHUN 2",
    "DANA TAHUN 2",
]


# ---------------------------------------------------------------------------------- builders
def write_code_table(path: Path, rows: list[list[object]], *, title: str | None = None) -> Path:
    """The SIPD/sesendok code table: KODE, PROGRAM DAN KEGIATAN, ..., TARGET/DANA TAHUN n.

    openpyxl stores formulas without a cached value, as files saved by other programs do.
    """
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RENSTRA"
    if title:
        sheet.append([title])
    sheet.append(SESENDOK_HEADERS)
    for values in rows:
        sheet.append(values)
    for cells in sheet.iter_rows(min_col=2, max_col=2):
        for cell in cells:
            cell.number_format = "@"
    book.save(path)
    return path


def simple_code_rows(program_formula: str = "=SUM(H4:H5)") -> list[list[object]]:
    return [
        [None, "5.03.02", "PROGRAM KEPEGAWAIAN DAERAH", 0, 0, None, None, "=H3", None, "=J3"],
        [
            None,
            "5.03.02.2.01",
            "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN",
            0,
            0,
            None,
            None,
            program_formula,
            None,
            "=SUM(J4:J5)",
        ],
        [
            None,
            "5.03.02.2.01.0003",
            "Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK",
            "Dokumen",
            "Jumlah Dokumen Kegiatan Koordinasi dan Fasilitasi Pengadaan PNS dan PPPK",
            "1",
            "1",
            1500000,
            "2",
            "=ROUNDDOWN(H4*1.15,-3)",
        ],
        [
            None,
            "5.03.02.2.01.0006",
            "Koordinasi Pelaksanaan Administrasi Pemberhentian",
            "Orang",
            "Jumlah Dokumen Hasil kegiatan Koordinasi Pelaksanaan Administrasi Pemberhentian",
            None,
            "51,01",
            "2.500.000",
            "60",
            3000000,
        ],
    ]


def write_tc27(
    path: Path, *, split_code: bool, title: str = "RENSTRA BKPSDM TAHUN 2025-2029"
) -> Path:
    """Permendagri 86/2017 T-C.27: three merged header rows, a numbering row, merged cells."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "T-C.27"
    ws["A1"] = "Tabel T-C.27"
    ws["A2"] = title
    top, mid, low = 4, 5, 6
    code_cols = 3 if split_code else 1  # urusan.bidang | program | kegiatan (split) or one column
    c = 1
    for label in ("Tujuan", "Sasaran"):
        ws.cell(top, c, label)
        ws.merge_cells(start_row=top, start_column=c, end_row=low, end_column=c)
        c += 1
    ws.cell(top, c, "Kode")
    ws.merge_cells(start_row=top, start_column=c, end_row=low, end_column=c + code_cols - 1)
    code_first = c
    c += code_cols
    for label in (
        "Program dan Kegiatan",
        "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
        "Data Capaian pada Tahun Awal Perencanaan",
    ):
        ws.cell(top, c, label)
        ws.merge_cells(start_row=top, start_column=c, end_row=low, end_column=c)
        c += 1
    first_year = c
    ws.cell(top, c, "Target Kinerja Program dan Kerangka Pendanaan")
    ws.merge_cells(start_row=top, start_column=c, end_row=top, end_column=c + 5)
    for n in range(3):
        ws.cell(mid, c + 2 * n, f"Tahun-{n + 1}")
        ws.merge_cells(start_row=mid, start_column=c + 2 * n, end_row=mid, end_column=c + 2 * n + 1)
        ws.cell(low, c + 2 * n, "Target")
        ws.cell(low, c + 2 * n + 1, "Rp")
    c += 6
    ws.cell(top, c, "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah")
    ws.merge_cells(start_row=top, start_column=c, end_row=mid, end_column=c + 1)
    ws.cell(low, c, "Target")
    ws.cell(low, c + 1, "Rp")
    c += 2
    ws.cell(top, c, "Unit Kerja Perangkat Daerah Penanggung-jawab")
    ws.merge_cells(start_row=top, start_column=c, end_row=low, end_column=c)
    unit_col = c
    for col in range(1, c + 1):  # the numbering row (1) (2) ...
        ws.cell(low + 1, col, f"({col})")
    data = low + 2

    def code(row: int, parts: list[str]) -> None:
        if split_code:
            for offset, part in enumerate(parts):
                if part:
                    ws.cell(row, code_first + offset, part)
        else:
            ws.cell(row, code_first, ".".join(p for p in parts if p))

    name_col, ind_col = code_first + code_cols, code_first + code_cols + 1
    # tujuan and sasaran merged over all data rows; the sasaran's own indicator first
    last = data + 5
    ws.cell(data, 1, "1. Meningkatkan kualitas aparatur")
    ws.merge_cells(start_row=data, start_column=1, end_row=last, end_column=1)
    ws.cell(data, 2, "1.1 Meningkatnya profesionalitas ASN")
    ws.merge_cells(start_row=data, start_column=2, end_row=last, end_column=2)
    ws.cell(data, ind_col, "Indeks Profesionalitas ASN")
    ws.cell(data, first_year, "70")
    # a program with two indicators: code and name merged over its two rows
    program = data + 1
    code(program, ["5.04", "02", ""])
    ws.cell(program, name_col, "Program Pengembangan Sumber Daya Manusia")
    for col in range(code_first, name_col + 1):
        ws.merge_cells(start_row=program, start_column=col, end_row=program + 1, end_column=col)
    ws.cell(program, ind_col, "Persentase ASN yang mengikuti pendidikan dan pelatihan formal")
    ws.cell(program, first_year, "1,00 %")
    rp = openpyxl.utils.get_column_letter(first_year + 1)
    ws.cell(program, first_year + 1, f"={rp}{program + 2}+{rp}{program + 3}")  # its two kegiatan
    ws.cell(program + 1, ind_col, "Rata-rata lama pegawai mendapatkan pendidikan dan pelatihan")
    ws.cell(program + 1, first_year, "25")
    ws.cell(program, unit_col, "Bidang Pengembangan SDM")
    for offset, (kegiatan, name, rp) in enumerate(
        [
            ("2.01", "Pengembangan Kompetensi Teknis", "1500000000"),
            ("2.02", "Sertifikasi, Kelembagaan, Pengembangan Kompetensi Manajerial", 750000000),
        ]
    ):
        row = program + 2 + offset
        code(row, ["5.04", "02", kegiatan])
        ws.cell(row, name_col, name)
        ws.cell(row, ind_col, f"Persentase {name}")
        ws.cell(row, first_year, "100%")
        ws.cell(row, first_year + 1, rp)
    if split_code:  # urusan.bidang and program parts merged down over the kegiatan rows
        ws.merge_cells(
            start_row=program + 2,
            start_column=code_first,
            end_row=program + 3,
            end_column=code_first,
        )
    book.save(path)
    return path


SUMMARY_BLOCKS = [
    (
        "1. Meningkatkan Kualitas SDM aparatur",
        "1. Meningkatnya Kapasitas dan Profesionalitas Pegawai",
        [("1. Tingkat Profesionalitas ASN", "Sangat Rendah")],
        "Program Pengembangan Sumber Daya Manusia",
        [
            ("1. Rata-rata lama pegawai mendapatkan pendidikan dan pelatihan", "persen", "25"),
            ("2. Persentase ASN yang mengikuti pendidikan dan pelatihan formal", "persen", "1,00"),
        ],
    ),
    (
        "2. Mewujudkan Tata Kelola Pemerintahan yang Baik",
        "2. Meningkatnya Akuntabilitas Publik",
        [("2. Capaian SAKIP Perangkat Daerah", "A"), ("3. Indeks Kepuasan Masyarakat", "Baik")],
        "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        [("5. Capaian SAKIP Perangkat Daerah", "Predikat", "A")],
    ),
]


# ------------------------------------------------------------------------------ code table
def test_code_table_hierarchy_from_dotted_codes(tmp_path):
    wb = read_renstra(write_code_table(tmp_path / "r.xlsx", simple_code_rows()))
    assert wb.layout == "sesendok"
    nodes = wb.nodes.frame
    assert list(nodes.index) == [2, 3, 4, 5]
    assert list(nodes["jenis"]) == ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan"]
    assert list(nodes["kode"]) == [
        "5.03.02",
        "5.03.02.2.01",
        "5.03.02.2.01.0003",
        "5.03.02.2.01.0006",
    ]
    assert list(nodes["induk_row"].astype(object)) == [pd.NA, 2, 3, 3]
    assert set(nodes["induk_by"][1:]) == {"kode"}
    indicators = wb.indicators.frame
    assert list(indicators.index) == [4, 5]  # parent rows carry 0, not an indicator
    assert wb.indicators.cell("indikator", 4) == "E4"
    assert indicators.loc[5, "target_1"].value == pytest.approx(51.01)  # text '51,01'
    assert indicators.loc[4, "satuan_norm"] == "Dokumen"


def test_formulas_without_cached_values_are_recomputed_never_zero(tmp_path):
    wb = read_renstra(write_code_table(tmp_path / "r.xlsx", simple_code_rows()))
    nodes = wb.nodes.frame
    assert nodes.loc[4, "pagu_1"] == 1_500_000
    assert nodes.loc[5, "pagu_1"] == 2_500_000  # text '2.500.000' read as the number it shows
    # Excel's SUM skips a number stored as text: the kegiatan shows 1.500.000, as Excel would
    assert nodes.loc[3, "pagu_1"] == 1_500_000
    assert nodes.loc[2, "pagu_1"] == 1_500_000  # '=H3'
    assert nodes.loc[3, "pagu_src_1"] == "dihitung"
    assert nodes.loc[4, "pagu_2"] == 1_725_000  # ROUNDDOWN(1500000 * 1.15, -3)
    assert nodes.loc[2, "pagu_2"] == 1_725_000 + 3_000_000
    info = [p for p in wb.problems if p.code == "B006"]
    assert len(info) == 1 and info[0].severity == "info"
    assert info[0].cell in {"H2", "H3", "J2", "J3", "J4"}
    assert set(wb.recomputed_cells) == {"H2", "H3", "J2", "J3", "J4"}


def test_cached_values_are_used_when_the_file_has_them(tmp_path):
    path = write_code_table(tmp_path / "r.xlsx", simple_code_rows())
    # A value cached by Excel is what Excel shows, even when it disagrees with the formula.
    real = real_file("real", "renstra_template_sesendok.xlsx")
    wb = read_renstra(real)
    assert wb.nodes.frame.loc[4, "pagu_1"] == 15_264_117_328
    assert wb.nodes.frame.loc[4, "pagu_src_1"] == "cache"
    assert read_renstra(path).nodes.frame.loc[3, "pagu_src_1"] == "dihitung"


def test_code_parts_split_over_columns_are_joined_and_stay_text(tmp_path):
    wb = read_renstra(write_tc27(tmp_path / "t.xlsx", split_code=True))
    codes = wb.nodes.frame.query("jenis in ['program', 'kegiatan']")["kode"].tolist()
    assert codes == ["5.04.02", "5.04.02.2.01", "5.04.02.2.02"]


@pytest.mark.parametrize("split_code", [False, True])
def test_tc27_three_merged_header_rows(tmp_path, split_code):
    wb = read_renstra(write_tc27(tmp_path / "t.xlsx", split_code=split_code))
    assert wb.layout == "T-C.27"
    assert wb.periods == {1: 2025, 2: 2026, 3: 2027}  # Tahun-1 from the title 2025-2029
    nodes = wb.nodes.frame.set_index("node_id")
    kinds = wb.nodes.frame["jenis"].tolist()
    assert kinds == ["tujuan", "sasaran", "program", "kegiatan", "kegiatan"]
    indicators = wb.indicators.frame
    program = nodes[nodes["jenis"] == "program"].iloc[0]
    of_program = indicators[indicators["node"] == program.name]
    assert len(of_program) == 2  # the merged code/name carries the program over two rows
    assert of_program.iloc[0]["target_1"].value == pytest.approx(1.0)
    sasaran = indicators[indicators["jenis"] == "sasaran"]
    assert sasaran["indikator"].tolist() == ["Indeks Profesionalitas ASN"]
    assert program["pagu_1"] == 2_250_000_000  # '=H11+H12' over text '1500000000' and 750000000
    assert program["unit_kerja"] == "Bidang Pengembangan SDM"
    kegiatan = nodes[nodes["jenis"] == "kegiatan"]
    assert set(kegiatan["induk"]) == {program.name}


def test_tahun_awal_maps_periods_when_the_title_does_not(tmp_path):
    path = write_tc27(tmp_path / "t.xlsx", split_code=False, title="RENSTRA BKPSDM")
    assert read_renstra(path).periods == {1: None, 2: None, 3: None}
    assert read_renstra(path, tahun_awal=2024).periods == {1: 2024, 2: 2025, 3: 2026}


# ------------------------------------------------------------------------------ summary table
def test_summary_table_with_merged_cells(tmp_path):
    wb = read_renstra(write_summary(tmp_path / "s.xlsx", SUMMARY_BLOCKS))
    assert wb.layout == "ringkas"
    assert wb.periods == {1: 2024}
    nodes = wb.nodes.frame
    assert nodes["jenis"].tolist() == ["tujuan", "sasaran", "program"] * 2
    assert nodes["uraian"].iloc[0] == "Meningkatkan Kualitas SDM aparatur"  # numbering dropped
    indicators = wb.indicators.frame
    assert indicators["jenis"].tolist() == [
        "sasaran",
        "program",
        "program",
        "sasaran",
        "program",
        "sasaran",
    ]
    formal = indicators[indicators["indikator"].str.contains("formal")].iloc[0]
    assert formal["target_1"].value == pytest.approx(1.0) and formal["satuan_norm"] == "%"
    assert formal["nomor"] == "2" and formal["indikator_cell"] == "F6"
    ikm = indicators[indicators["indikator"] == "Indeks Kepuasan Masyarakat"].iloc[0]
    assert (
        nodes.set_index("node_id").loc[ikm["node"], "uraian"] == "Meningkatnya Akuntabilitas Publik"
    )
    assert ikm["target_1"].category == "Baik"


def test_summary_repeated_header_and_footer_are_not_rows(tmp_path):
    path = write_summary(tmp_path / "s.xlsx", SUMMARY_BLOCKS, repeat_header_after=1)
    wb = read_renstra(path)
    assert len(wb.indicators.frame) == 6
    assert "Sumber" not in " ".join(wb.nodes.frame["uraian"])


def test_kelompok_list_splits_indicators_written_in_one_cell(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["KELOMPOK", "TUJUAN/SASARAN", "INDIKATOR SASARAN", "KETERANGAN"])
    ws.append(["Tujuan", "Penyediaan pelayanan aparatur", None, None])
    ws.append(
        [
            "Sasaran",
            "Meningkatnya kapasitas ruang kerja",
            "Prosentase sarana baik;\nProsentase kehadiran;",
            None,
        ]
    )
    path = tmp_path / "k.xlsx"
    book.save(path)
    wb = read_renstra(path)
    assert wb.layout == "kelompok" and wb.periods == {}
    assert wb.indicators.frame["indikator"].tolist() == [
        "Prosentase sarana baik",
        "Prosentase kehadiran",
    ]
    assert set(wb.indicators.frame["jenis"]) == {"sasaran"}


# ------------------------------------------------------------------------------ real files
def test_real_sesendok_template_reads_with_the_hierarchy_right():
    wb = read_renstra(real_file("real", "renstra_template_sesendok.xlsx"))
    nodes = wb.nodes.frame
    assert wb.layout == "sesendok"
    assert len(nodes) == 95 and len(wb.indicators.frame) == 60
    assert nodes.loc[2, "jenis"] == "urusan" and nodes.loc[3, "jenis"] == "bidang"
    # 'x.xx.01' has no coded parent: it sits under the bidang above it
    assert nodes.loc[4, "kode_key"] == "X.XX.01" and nodes.loc[4, "induk_row"] == 3
    assert nodes.loc[4, "induk_by"] == "posisi"
    assert nodes.loc[5, "induk_row"] == 4 and nodes.loc[6, "induk_row"] == 5
    # row 65 is coded 1.3.08.2.01.0021 although it stands under 1.3.09.2.01 (row 64)
    assert nodes.loc[65, "induk_row"] == 61 and nodes.loc[65, "induk_posisi_row"] == 64
    # a sub kegiatan without a code stays under the kegiatan above
    assert nodes.loc[56, "jenis"] == "sub_kegiatan" and nodes.loc[56, "induk_row"] == 55
    # the #REF! roll-ups kept no value: recomputed (to Excel's "" under IFERROR), said once
    # (the target columns' roll-ups too: every aggregate formula on a parent row is read)
    assert sorted(wb.recomputed_cells) == sorted(f"{c}39" for c in "GHIJKLMNOP")
    assert pd.isna(nodes.loc[39, "pagu_1"]) and nodes.loc[39, "pagu_broken_1"]
    assert [p.code for p in wb.problems] == ["B006"]
    assert nodes.loc[44, "pagu_refs_1"] == (47, 48, 49)


def test_real_tujuan_sasaran_list_reads():
    wb = read_renstra(real_file("real", "tujuan_sasaran_renstra_sesendok.xlsx"))
    assert wb.layout == "kelompok"
    assert (wb.nodes.frame["jenis"] == "tujuan").sum() == 13
    assert len(wb.indicators.frame) == 18


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("kaizer26_template_import_capaian_kinerja.xlsx", "bukan tabel perencanaan"),
        ("indigo_template_perencanaan_iku.xlsx", "tidak berisi baris data"),
    ],
)
def test_real_files_that_are_not_renstra_give_a_clean_input_error(name, says):
    with pytest.raises(InputError) as caught:
        read_renstra(real_file("real", name))
    assert says in str(caught.value)
    assert name in str(caught.value)


def test_sample_renstra_is_tabel_2_1():
    sample = Path(__file__).resolve().parents[2] / "samples" / "bkpsdm_purwakarta_2024"
    wb = read_renstra(sample / "renstra.xlsx")
    indicators = wb.indicators.frame
    assert wb.layout == "ringkas" and wb.periods == {1: 2024}
    assert (indicators["jenis"] == "program").sum() == 15
    assert (indicators["jenis"] == "sasaran").sum() == 4
    assert indicators["target_1"].map(lambda t: t.raw).tolist()[:3] == [
        "Sangat Rendah",
        "25",
        "1,00",
    ]


# ------------------------------------------------------------------------------ bad input
def test_bad_inputs_name_file_sheet_and_cell(tmp_path):
    with pytest.raises(InputError, match="tidak ditemukan"):
        read_renstra(tmp_path / "hilang.xlsx")
    text = tmp_path / "bukan.xlsx"
    text.write_text("bukan excel")
    with pytest.raises(InputError, match=r"bukan\.xlsx"):
        read_renstra(text)
    book = openpyxl.Workbook()
    book.active.append(SESENDOK_HEADERS)
    empty = tmp_path / "kosong.xlsx"
    book.save(empty)
    with pytest.raises(InputError) as caught:
        read_renstra(empty)
    assert caught.value.sheet == "Sheet" and caught.value.cell == "A2"


def test_unreadable_pagu_is_a_b002_at_its_cell(tmp_path):
    rows = simple_code_rows()
    rows[3][7] = "dua juta"
    wb = read_renstra(write_code_table(tmp_path / "r.xlsx", rows))
    b002 = [p for p in wb.problems if p.code == "B002"]
    assert [p.cell for p in b002] == ["H5"]


def test_copy_of_a_real_file_keeps_its_name_in_errors(tmp_path):
    copy = tmp_path / "salinan.xlsx"
    shutil.copy(real_file("real", "kaizer26_template_import_capaian_kinerja.xlsx"), copy)
    with pytest.raises(InputError, match=r"salinan\.xlsx"):
        read_renstra(copy)


# ------------------------------------------------------------------------------ formulas
def test_formula_references_and_wrong_ranges():
    refs = references('=_xlfn.IFERROR(SUM(H47:H49),"")')
    assert refs.rows_in_column(8) == (47, 48, 49)
    assert references("=H40+H44+#REF!").broken
    assert references("=25000000*G45").rows_in_column(8) is None  # another column: not a roll-up
    assert references("='Sheet 2'!A1").foreign


def test_formula_evaluation():
    cells = {(8, 6): 13670350.0, (8, 7): None, (7, 6): 12.0}

    def lookup(col: int, row: int) -> object:
        return cells.get((col, row))

    assert evaluate("=ROUNDDOWN(H6*1.15,-3)", lookup) == 15720000
    assert evaluate('=_xlfn.IFERROR(SUM(H6:H7),"")', lookup) == 13670350
    assert evaluate('=IFERROR(H6+#REF!,"")', lookup) == ""
    assert evaluate("=H6/0", lookup) == ExcelError("#DIV/0!")
    assert evaluate("=IF(G6>10,1,2)", lookup) == 1
    with pytest.raises(FormulaError):
        evaluate("=VLOOKUP(A1,B:C,2,0)", lookup)


def test_summary_table_repeating_its_texts_instead_of_merging(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Renstra Contoh 2024-2026"])
    ws.append(SUMMARY_HEADERS)
    for indikator, target in (
        ("Rata-rata lama diklat", "25"),
        ("Persentase ASN diklat formal", "1,00"),
    ):
        ws.append(["Tujuan A", "Sasaran A", None, None, "Program X", indikator, "persen", target])
    path = tmp_path / "s.xlsx"
    book.save(path)
    wb = read_renstra(path)
    assert wb.nodes.frame["jenis"].tolist() == ["tujuan", "sasaran", "program"]
    assert wb.indicators.frame["node"].nunique() == 1
