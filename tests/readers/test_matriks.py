import hashlib
import shutil

import pytest

from pokin_xl.errors import InputError
from pokin_xl.readers.matriks import read_matriks
from tests.bad_inputs import ole2_bytes
from tests.builders import KINERJA_HEADERS, chain, row, write_matriks


def test_reads_a_consistent_chain(tmp_path):
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", chain()))
    nodes = wb.nodes.frame
    assert list(nodes["kode"]) == ["T1", "SS1", "SP1", "SK1", "SSK1"]
    assert list(nodes["level"]) == [0, 1, 2, 3, 4]
    assert nodes.loc[nodes["kode"] == "SSK1", "kode_induk"].item() == "SK1"
    assert wb.identity.tahun == 2024
    assert wb.identity.nip_kepala == "19670829 199503 1 001"
    assert wb.problems == []


def test_index_is_the_excel_row_and_cells_point_back(tmp_path):
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", chain(), title_rows=3))
    frame = wb.indicators.frame
    # three title rows, the header on row 4, the first data row on row 5
    assert frame.index[0] == 5
    assert wb.indicators.cell("target", 5) == "I5"
    assert wb.indicators.sheet == "Kinerja"


@pytest.mark.parametrize(
    "synonyms",
    [
        {"Kode Induk": "Kode Atasan", "Tingkat": "Level", "Indikator": "Indikator Kinerja"},
        {"Kode Induk": "Induk", "Tingkat": "Jenjang", "Satuan": "Satuan Target", "Pengampu": "PIC"},
        {
            "Pengampu": "Penanggung Jawab",
            "Pagu (Rp)": "Anggaran",
            "Program/Kegiatan/Sub Kegiatan": "Nomenklatur",
        },
        {
            "Pagu (Rp)": "Pagu",
            "Program/Kegiatan/Sub Kegiatan": "Nama Program/Kegiatan/Sub Kegiatan",
        },
        {"Kode Induk": "KODE  INDUK", "Tingkat": "tingkat.", "Sasaran": " sasaran "},
    ],
)
def test_header_synonyms(tmp_path, synonyms):
    headers = [synonyms.get(h, h) for h in KINERJA_HEADERS]
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", chain(), headers=headers))
    nodes = wb.nodes.frame
    assert nodes.set_index("kode").loc["SSK1", "kode_induk"] == "SK1"
    assert nodes.set_index("kode").loc["SSK1", "pengampu"] == "Kasubag Contoh"
    assert wb.indicators.frame["pagu_value"].dropna().tolist() == [1000, 1000, 1000]


def test_several_indicators_with_merged_and_blank_continuation_cells(tmp_path):
    rows = [
        *chain()[:2],
        row(
            kode="SP1",
            kode_induk="SS1",
            tingkat="Sasaran Program",
            unit_kerja="Sekretariat",
            sasaran="Meningkatnya layanan",
            indikator="Persentase A",
            target="100%",
            satuan="%",
            pengampu="Sekretaris Contoh",
        ),
        row(indikator="Persentase B", target="90%", satuan="%"),  # blank Kode: continuation
        row(kode="SP1", indikator="Persentase C", target="80%", satuan="%"),
    ]
    # the Sasaran cell merged over the three indicator rows (rows 4-6)
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", rows, merges=["E4:E6"]))
    frame = wb.indicators.frame
    sp = frame[frame["kode"] == "SP1"]
    assert len(sp) == 3
    assert set(sp["sasaran"]) == {"Meningkatnya layanan"}
    assert set(sp["pengampu"]) == {"Sekretaris Contoh"}
    assert set(sp["tingkat"]) == {"Sasaran Program"}
    nodes = wb.nodes.frame
    assert nodes.set_index("kode").loc["SP1", "n_indikator"] == 3


def test_merged_kode_and_sasaran_without_kode(tmp_path):
    rows = [
        row(
            tingkat="Tujuan",
            unit_kerja="BKPSDM",
            sasaran="Tujuan A",
            indikator="Indeks X",
            target=1,
        ),
        row(
            tingkat="Tujuan",
            unit_kerja="BKPSDM",
            sasaran="Tujuan A",
            indikator="Indeks Y",
            target=2,
        ),
        row(
            tingkat="Tujuan",
            unit_kerja="BKPSDM",
            sasaran="Tujuan B",
            indikator="Indeks Z",
            target=3,
        ),
    ]
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", rows))
    codes = wb.indicators.frame["kode"].tolist()
    assert codes[0] == codes[1] != codes[2]
    assert all(c.startswith("AUTO-") for c in codes)
    again = read_matriks(write_matriks(tmp_path / "n.xlsx", rows))
    assert again.indicators.frame["kode"].tolist() == codes  # stable


def test_blank_kode_induk_is_inferred_from_the_outline(tmp_path):
    rows = [
        row(kode="T1", tingkat="Tujuan", sasaran="Tujuan", indikator="Indeks", target=1),
        row(kode="S1", tingkat="Sasaran Strategis", sasaran="Sasaran", indikator="Nilai", target=1),
        row(
            kode="P1",
            tingkat="Sasaran Program",
            sasaran="Program 1",
            indikator="Persentase",
            target=1,
        ),
        row(
            kode="K1",
            tingkat="Sasaran Kegiatan",
            sasaran="Kegiatan 1",
            indikator="Persentase",
            target=1,
        ),
        row(
            kode="P2",
            tingkat="Sasaran Program",
            sasaran="Program 2",
            indikator="Persentase",
            target=1,
        ),
        row(
            kode="K2",
            tingkat="Sasaran Kegiatan",
            sasaran="Kegiatan 2",
            indikator="Persentase",
            target=1,
        ),
        row(
            kode="R1",
            tingkat="Rencana Hasil Kerja",
            sasaran="Hasil kerja",
            indikator="Jumlah",
            target=1,
        ),
        row(
            kode="K3",
            kode_induk="P1",
            tingkat="Sasaran Kegiatan",
            sasaran="Kegiatan 3",
            indikator="Persentase",
            target=1,
        ),
    ]
    nodes = read_matriks(write_matriks(tmp_path / "m.xlsx", rows)).nodes.frame.set_index("kode")
    assert nodes.loc["T1", "kode_induk"] == ""
    assert nodes.loc["S1", "kode_induk"] == "T1"
    assert nodes.loc["K1", "kode_induk"] == "P1"
    assert nodes.loc["P2", "kode_induk"] == "S1"
    assert nodes.loc["K2", "kode_induk"] == "P2"
    assert nodes.loc["R1", "kode_induk"] == "K2"
    assert nodes.loc["K3", "kode_induk"] == "P1"
    assert bool(nodes.loc["K2", "induk_inferred"]) is True
    assert bool(nodes.loc["K3", "induk_inferred"]) is False


def test_targets_are_parsed_beside_the_raw_text(tmp_path):
    rows = [
        row(
            kode="A",
            tingkat="Tujuan",
            sasaran="A",
            indikator="Persentase",
            target="51,01",
            satuan="persen",
        ),
        row(
            kode="B", tingkat="Tujuan", sasaran="B", indikator="Persentase", target=0.25, satuan="%"
        ),
        row(
            kode="C", tingkat="Tujuan", sasaran="C", indikator="Jumlah Dokumen", target="1 Dokumen"
        ),
        row(kode="D", tingkat="Tujuan", sasaran="D", indikator="Indeks", target="Sedang (71-80)"),
    ]
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", rows, formats={"I3": "0%"}))
    f = wb.indicators.frame.set_index("kode")
    assert f.loc["A", "target_value"] == pytest.approx(51.01)
    assert f.loc["A", "satuan_norm"] == "%"
    assert f.loc["B", "target_kind"] == "percent"
    assert f.loc["B", "target_value"] == pytest.approx(25)
    assert (f.loc["C", "target_value"], f.loc["C", "target_unit"]) == (1, "Dokumen")
    assert f.loc["D", "target_kind"] == "category"
    assert f.loc["D", "target_raw"] == "Sedang (71-80)"


def test_codes_typed_as_numbers_keep_their_displayed_text(tmp_path):
    rows = [
        row(kode=1, tingkat="Tujuan", sasaran="A", indikator="Indeks", target=1),
        row(
            kode=1.1,
            kode_induk=1,
            tingkat="Sasaran Strategis",
            sasaran="B",
            indikator="Nilai",
            target=1,
        ),
        row(
            kode=1.1,
            kode_induk=1,
            tingkat="Sasaran Strategis",
            sasaran="B",
            indikator="Nilai 2",
            target=1,
        ),
        row(
            kode=1.1,
            kode_induk=1.1,
            tingkat="Sasaran Program",
            sasaran="C",
            indikator="Persentase",
            target=1,
        ),
    ]
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", rows, formats={"A5": "0.00", "B5": "0.0"}))
    assert wb.indicators.frame["kode"].tolist() == ["1", "1.1", "1.1", "1.10"]
    assert wb.indicators.frame["kode_induk"].tolist()[-1] == "1.1"
    # B009 at each cell whose typed digits are in doubt: 1.1 in General format (A3, A4, B5),
    # never at A5 (format 0.00 shows 1.10) nor at the whole numbers 1 (A2, B3, B4).
    b009 = [(p.code, p.cell) for p in wb.problems]
    assert b009 == [
        ("B009", "A3"),
        ("B009", "A4"),
        ("B009", "B5"),
    ]
    assert "1.10 menjadi 1.1" in wb.problems[0].message


def test_b009_nip_typed_as_a_number_is_read_exactly_and_its_lost_digits_reported(tmp_path):
    pegawai = [
        {"Nama": "Angka", "NIP": 196708291995031001, "Jabatan": "Sekretaris"},
        {"Nama": "Teks", "NIP": "196708291995031001", "Jabatan": "Kepala Badan"},
        {"Nama": "Pendek", "NIP": 123456, "Jabatan": "Staf"},
    ]
    identitas = [("Perangkat Daerah", "Contoh"), ("Tahun", "2024"), ("NIP", 196708291995031001)]
    path = write_matriks(tmp_path / "m.xlsx", chain(), pegawai=pegawai, identitas=identitas)
    wb = read_matriks(path)
    assert wb.pegawai.frame["nip"].tolist() == [
        "196708291995031000",
        "196708291995031001",
        "123456",
    ]
    assert wb.identity.nip_kepala == "196708291995031000"
    found = [(p.code, p.sheet, p.cell) for p in wb.problems]
    assert found == [("B009", "Identitas", "B3"), ("B009", "Pegawai", "B2")]
    assert "3 digit terakhir hilang" in wb.problems[1].message
    assert wb.problems[1].subject == "Angka"


def test_hidden_rows_and_blank_rows(tmp_path):
    rows = [chain()[0], {}, chain()[1]]
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", rows, hidden_rows=[4]))
    assert wb.nodes.frame["kode"].tolist() == ["T1", "SS1"]


def test_unknown_tingkat_and_unreadable_pagu_are_reported_with_their_cell(tmp_path):
    rows = [
        row(
            kode="X",
            tingkat="Sasaran Antara",
            sasaran="A",
            indikator="Indeks",
            target=1,
            pagu="seratus juta",
        )
    ]
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", rows))
    codes = {(p.code, p.cell) for p in wb.problems}
    assert ("B001", "C2") in codes
    assert ("B002", "K2") in codes
    assert all(p.file == "m.xlsx" and p.sheet == "Kinerja" for p in wb.problems)


def test_pagu_in_indonesian_writing(tmp_path):
    rows = [
        row(kode="X", tingkat="Tujuan", sasaran="A", indikator="Indeks", target=1, pagu="1.500.000")
    ]
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", rows))
    assert wb.nodes.frame["pagu_value"].tolist() == [1_500_000]


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (None, "missing.xlsx", "tidak ditemukan"),
        (b"", "empty.xlsx", "kosong"),
        (b"hello, this is text", "text.xlsx", "bukan berkas Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "old.xls", ".xls"),
        (ole2_bytes("EncryptionInfo", "EncryptedPackage"), "locked.xlsx", "terenkripsi"),
        (ole2_bytes("Workbook"), "renamed.xlsx", ".xls (Excel 97-2003)"),
        (b"PK\x03\x04broken zip", "broken.xlsx", "rusak"),
    ],
)
def test_unusable_files_raise_input_error_naming_the_file(tmp_path, content, name, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_matriks(path)
    assert expected in str(info.value)
    assert name in str(info.value)


def test_missing_kinerja_sheet_and_missing_columns(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Lembar1"
    book.save(tmp_path / "a.xlsx")
    with pytest.raises(InputError, match="sheet 'Kinerja' tidak ditemukan"):
        read_matriks(tmp_path / "a.xlsx")
    headers = ["Kode", "Tingkat", "Sasaran", "Satuan"]
    path = write_matriks(tmp_path / "b.xlsx", [], headers=headers)
    with pytest.raises(InputError) as info:
        read_matriks(path)
    message = str(info.value)
    assert "'Indikator'" in message and "'Target'" in message and "Kinerja" in message


def test_input_file_is_never_modified(tmp_path, sample_dir):
    source = sample_dir / "matriks.xlsx"
    copy = tmp_path / "matriks.xlsx"
    shutil.copy(source, copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    mtime = copy.stat().st_mtime_ns
    read_matriks(copy)
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert copy.stat().st_mtime_ns == mtime


def test_b007_a_kinerja_sheet_without_rows(tmp_path):
    wb = read_matriks(write_matriks(tmp_path / "kosong.xlsx", [], title_rows=2))
    assert [(p.code, p.severity, p.sheet, p.cell) for p in wb.problems] == [
        ("B007", "error", "Kinerja", "A4")
    ]
    assert "belum berisi baris kinerja" in wb.problems[0].message


def test_b008_identitas_missing_or_without_perangkat_daerah_and_tahun(tmp_path):
    partial = [("Pemerintah Daerah", "Kabupaten Contoh"), ("Visi", "Contoh")]
    wb = read_matriks(write_matriks(tmp_path / "a.xlsx", chain(), identitas=partial))
    assert [(p.code, p.sheet) for p in wb.problems] == [("B008", "Identitas")]
    assert "Perangkat Daerah dan Tahun" in wb.problems[0].message

    import openpyxl

    path = write_matriks(tmp_path / "b.xlsx", chain())
    book = openpyxl.load_workbook(path)
    book.remove(book["Identitas"])
    book.save(path)
    wb = read_matriks(path)
    assert [p.code for p in wb.problems] == ["B008"]
    assert "tidak ada" in wb.problems[0].message
    # the near miss: a complete Identitas (chain's default) reads without problems
    assert read_matriks(write_matriks(tmp_path / "c.xlsx", chain())).problems == []


def test_b003_unknown_jenis_jabatan_at_its_cell_and_known_aliases_pass(tmp_path):
    pegawai = [
        {"Nama": "Satu", "Jabatan": "Sekretaris", "Jenis Jabatan": "Eselon 3a"},
        {"Nama": "Dua", "Jabatan": "Kepala Badan", "Jenis Jabatan": "Eselon II"},
        {"Nama": "Tiga", "Jabatan": "Analis", "Jenis Jabatan": "JFT"},
    ]
    wb = read_matriks(write_matriks(tmp_path / "m.xlsx", chain(), pegawai=pegawai))
    assert [(p.code, p.sheet, p.cell, p.subject) for p in wb.problems] == [
        ("B003", "Pegawai", "D2", "Satu")
    ]
    assert wb.pegawai.frame["jenis"].tolist() == ["", "JPT", "Fungsional"]


def _nodes_by_groupby(frame):
    """The node table as pandas' groupby makes it (the reader's `_nodes` computes the same)."""
    from pokin_xl.model.fields import NODE_FIELDS

    first = frame.groupby("kode", sort=False).head(1)
    named = frame.assign(_has=frame["indikator"].astype(str).str.strip() != "")
    counts = named.groupby("kode", sort=False)["_has"].sum()
    pagu = frame.groupby("kode", sort=False)["pagu_value"].first()
    columns = ["kode", "level", *NODE_FIELDS, "kode_generated", "induk_inferred", "induk_skipped"]
    nodes = first[columns].copy()
    nodes["pagu_value"] = nodes["kode"].map(pagu).astype("Float64")
    nodes["n_indikator"] = nodes["kode"].map(counts).astype(int)
    return nodes


def test_the_node_table_is_what_groupby_gives(tmp_path):
    """First row per Kode, the first pagu read for it, the rows naming an indicator: with a
    pagu only on a Kode's later row, a Kode without pagu, blank indicators, Kodes repeated
    after others."""
    import pandas as pd

    from pokin_xl.model.frames import NodesFrame, conform
    from tests.builders import read

    rows = chain()
    rows[2] = {**rows[2], **row(pagu=None)}  # SP1: its pagu only on its second row
    extra = [
        row(kode="SP1", indikator="Indikator kedua", target=5, satuan="Dokumen", pagu=2500),
        row(kode="SSK1", indikator="", target=1, satuan="Paket"),
        row(kode="SS1", indikator="  ", target=2, satuan="Nilai"),
        row(kode="SK1", indikator="Lagi", target=3, satuan="%", pagu="tidak terbaca"),
    ]
    wb = read(tmp_path, rows + extra)
    expected = _nodes_by_groupby(wb.indicators.frame)
    pd.testing.assert_frame_equal(wb.nodes.frame, conform(expected, NodesFrame), check_exact=True)
    assert wb.nodes.frame.set_index("kode")["pagu_value"].isna().to_dict()["SS1"]
    assert wb.nodes.frame.set_index("kode")["n_indikator"].to_dict() == {
        "T1": 1, "SS1": 1, "SP1": 2, "SK1": 2, "SSK1": 1,
    }  # fmt: skip
