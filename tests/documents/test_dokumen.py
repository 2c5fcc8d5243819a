"""`pokin-xl dokumen` on workbooks built in code: what each document holds, and what is left out."""

from __future__ import annotations

import json

import openpyxl
import pytest

from pokin_xl.cli import main
from pokin_xl.dokumen import make_documents
from tests.builders import DEFAULT_IDENTITAS, KINERJA_HEADERS, chain, row, write_matriks
from tests.documents.builders import IDENTITAS, PEGAWAI, two_goals, with_quarters


def _sheet_rows(ws) -> list[list[object]]:
    return [[c.value for c in r] for r in ws.iter_rows()]


def _annex_rows(ws) -> list[tuple[str, str, str]]:
    """(Sasaran, Indikator, Target) rows of the first annex table."""
    rows = _sheet_rows(ws)
    start = next(i for i, r in enumerate(rows) if r[:3] == ["No", "Sasaran", "Indikator Kinerja"])
    out = []
    for r in rows[start + 1 :]:
        if not any(r):
            break
        out.append((r[1], r[2], r[3]))
    return out


def test_an_official_with_two_sasaran_and_three_indicators(tmp_path):
    path = write_matriks(tmp_path / "m.xlsx", two_goals(), pegawai=PEGAWAI, identitas=IDENTITAS)
    result = make_documents(path)
    assert result.path == tmp_path / "m_dokumen.xlsx"
    pk = {item["nama"]: item for item in result.manifest["pk"]}
    kasubag = pk["Kasubag Contoh"]
    assert (kasubag["sasaran"], kasubag["indikator"], kasubag["anggaran"]) == (2, 3, 1500)
    assert kasubag["pihak_kedua"] == "Sekretaris Contoh"
    assert kasubag["nip"] == "197001012000013001"
    # The Sekretaris owns the program and its kegiatan: the kegiatan's pagu is not counted twice.
    assert pk["Sekretaris Contoh"]["anggaran"] == 1500
    # The head signs with the Kepala Daerah of Identitas.
    assert pk["Kepala Contoh"]["pihak_kedua"] == "Bupati Contoh"
    book = openpyxl.load_workbook(result.path)
    assert book.sheetnames[0] == "Daftar Dokumen"
    ws = book[kasubag["sheet"]]
    assert _annex_rows(ws) == [
        ("Tersedianya peralatan dan perlengkapan kantor",
         "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan", "6 Paket"),
        ("Terpeliharanya kendaraan dinas", "Jumlah Kendaraan Dinas yang Dipelihara", "22 Unit"),
        (None, "Jumlah Laporan Pemeliharaan Kendaraan", "4 Laporan"),
    ]  # fmt: skip
    texts = [v for r in _sheet_rows(ws) for v in r if isinstance(v, str)]
    assert ": Kasubag Contoh" in texts and ": Sekretaris" in texts
    assert "Kotaraya, 2 Januari 2024" in texts
    total = next(r for r in _sheet_rows(ws) if r[0] == "Jumlah")
    assert total[3] == 1500
    # The statement page and the annex are separate pages.
    assert ws.row_breaks.brk and ws.page_setup.orientation == "portrait"
    assert ws.page_setup.paperSize == 9
    skp = {item["nama"]: item for item in result.manifest["skp"]}
    assert skp["Kasubag Contoh"]["rhk"] == 2


def test_a_plt_is_printed_as_such(tmp_path):
    pegawai = [dict(p) for p in PEGAWAI]
    pegawai[1]["Status"] = "Plt"
    path = write_matriks(tmp_path / "m.xlsx", chain(), pegawai=pegawai, identitas=IDENTITAS)
    result = make_documents(path)
    jabatan = {item["nama"]: item["jabatan"] for item in result.manifest["pk"]}
    assert jabatan["Sekretaris Contoh"] == "Plt. Sekretaris"
    ws = openpyxl.load_workbook(result.path)["PK Sekretaris Contoh"]
    assert ": Plt. Sekretaris" in [v for r in _sheet_rows(ws) for v in r]


def test_a_missing_atasan_leaves_the_pk_out_and_lists_it(tmp_path):
    pegawai = [dict(p) for p in PEGAWAI]
    pegawai[2]["Atasan Langsung"] = ""
    path = write_matriks(tmp_path / "m.xlsx", chain(), pegawai=pegawai, identitas=IDENTITAS)
    result = make_documents(path)
    assert "Kasubag Contoh" not in [item["nama"] for item in result.manifest["pk"]]
    skipped = [s for s in result.manifest["dilewati"] if s["nama"] == "Kasubag Contoh"]
    assert {s["dokumen"] for s in skipped} == {"pk", "renaksi", "skp"}
    assert all(s["kode"] == "D001" for s in skipped)
    book = openpyxl.load_workbook(result.path)
    assert not any(name.startswith("PK Kasubag") for name in book.sheetnames)
    listed = [r for r in _sheet_rows(book["Daftar Dokumen"]) if "Kasubag Contoh" in r]
    assert any("D001" in r for r in listed)


def test_quarters_right_are_printed_and_wrong_left_out(tmp_path):
    good = write_matriks(
        tmp_path / "good.xlsx",
        with_quarters((1, 2, 2, 1), cara_hitung="Kumulatif"),
        pegawai=PEGAWAI,
        identitas=IDENTITAS,
    )
    result = make_documents(good)
    ws = openpyxl.load_workbook(result.path)["Rencana Aksi"]
    row = next(r for r in _sheet_rows(ws) if r[2] == chain()[4][KINERJA_HEADERS[7]])
    assert row[3:9] == ["6 Paket", "1", "2", "2", "1", "Kumulatif"]
    assert result.manifest["renaksi"]["indikator"] == 4
    bad = write_matriks(
        tmp_path / "bad.xlsx",
        with_quarters((1, 2, 2, 2), cara_hitung="Kumulatif"),
        pegawai=PEGAWAI,
        identitas=IDENTITAS,
    )
    result = make_documents(bad)
    assert result.manifest["renaksi"]["indikator"] == 3
    skipped = [s for s in result.manifest["dilewati"] if s["dokumen"] == "renaksi"]
    assert [(s["nama"], s["kode"]) for s in skipped] == [("Kasubag Contoh", "D002")]
    # The PK itself does not depend on the quarters.
    assert "Kasubag Contoh" in [item["nama"] for item in result.manifest["pk"]]


def test_an_indicator_without_target_leaves_its_documents_out(tmp_path):
    rows = chain()
    rows[4][KINERJA_HEADERS[8]] = None
    path = write_matriks(tmp_path / "m.xlsx", rows, pegawai=PEGAWAI, identitas=IDENTITAS)
    result = make_documents(path)
    assert "Kasubag Contoh" not in [item["nama"] for item in result.manifest["pk"]]
    assert {(s["dokumen"], s["kode"]) for s in result.manifest["dilewati"]} >= {
        ("pk", "T001"),
        ("skp", "T001"),
    }


def test_iku_rows_marked_ya_or_by_default_tujuan_and_sasaran_strategis(tmp_path):
    path = write_matriks(tmp_path / "m.xlsx", chain(), pegawai=PEGAWAI, identitas=IDENTITAS)
    assert make_documents(path).manifest["iku"]["indikator"] == 2
    rows = chain()
    rows[2]["IKU (Ya/Tidak)"] = "Ya"
    path = write_matriks(tmp_path / "m.xlsx", rows, pegawai=PEGAWAI, identitas=IDENTITAS)
    result = make_documents(path)
    assert result.manifest["iku"]["indikator"] == 1
    ws = openpyxl.load_workbook(result.path)["IKU"]
    assert any(r[2] == "Persentase layanan administrasi yang tepat waktu" for r in _sheet_rows(ws))


def test_an_old_workbook_without_the_new_columns_still_makes_documents(tmp_path):
    old_headers = KINERJA_HEADERS[:13]
    rows = [{h: r.get(h) for h in old_headers} for r in chain()]
    path = write_matriks(
        tmp_path / "old.xlsx", rows, identitas=DEFAULT_IDENTITAS, headers=old_headers
    )
    book = openpyxl.load_workbook(path)
    assert [c.value for c in book["Kinerja"][1] if c.value] == old_headers
    result = make_documents(path)
    assert [item["nama"] for item in result.manifest["pk"]] == [
        "Kepala Contoh",
        "Sekretaris Contoh",
        "Kasubag Contoh",
    ]
    assert result.manifest["renaksi"]["indikator"] == 5 - 1 - 0  # Tujuan is no one's PK


def test_cli_json_manifest_and_jenis(tmp_path, capsys):
    path = write_matriks(tmp_path / "m.xlsx", chain(), pegawai=PEGAWAI, identitas=IDENTITAS)
    out = tmp_path / "docs.xlsx"
    code = main(["dokumen", str(path), "-o", str(out), "--jenis", "pk,skp", "--format", "json"])
    assert code == 0
    manifest = json.loads(capsys.readouterr().out)
    assert set(manifest) >= {"file", "pk", "iku", "renaksi", "skp", "dilewati"}
    assert manifest["iku"] is None and manifest["renaksi"] is None
    assert len(manifest["pk"]) == 3 and len(manifest["skp"]) == 3
    assert openpyxl.load_workbook(out).sheetnames[0] == "Daftar Dokumen"
    with pytest.raises(SystemExit) as refused:
        main(["dokumen", str(path), "--jenis", "pk,surat"])
    assert refused.value.code == 2
    assert "surat" in capsys.readouterr().err
    assert main(["dokumen", str(path), "-o", str(path)]) == 2  # the input is never overwritten


def test_the_skp_of_a_pelaksana_intervenes_the_kasubags_rhk(tmp_path):
    rows = chain()
    rows.append(
        row(
            kode="RHK1",
            kode_induk="SSK1",
            tingkat="Rencana Hasil Kerja",
            unit_kerja="Sekretariat",
            sasaran="Tersusunnya daftar inventaris peralatan kantor",
            indikator="Jumlah dokumen inventaris",
            target=1,
            satuan="Dokumen",
            pengampu="Pelaksana Contoh",
        )
    )
    path = write_matriks(tmp_path / "m.xlsx", rows, pegawai=PEGAWAI, identitas=IDENTITAS)
    result = make_documents(path)
    skp = {item["nama"]: item for item in result.manifest["skp"]}
    assert skp["Pelaksana Contoh"]["rhk"] == 1
    assert "Pelaksana Contoh" not in [item["nama"] for item in result.manifest["pk"]]
    ws = openpyxl.load_workbook(result.path)[skp["Pelaksana Contoh"]["sheet"]]
    table = [r for r in _sheet_rows(ws) if r[0] == "1"]
    assert table == [
        [
            "1",
            "Tersedianya peralatan dan perlengkapan kantor",
            "Tersusunnya daftar inventaris peralatan kantor",
            "Jumlah dokumen inventaris",
            "1 Dokumen",
        ]
    ]
    texts = [v for r in _sheet_rows(ws) for v in r if isinstance(v, str)]
    assert ": Kasubag Contoh" in texts  # the pejabat penilai is the atasan langsung


def test_a_plt_written_in_the_jabatan_still_owns_the_post(tmp_path):
    pegawai = [dict(p) for p in PEGAWAI]
    pegawai[1]["Jabatan"] = "Plt. Sekretaris"
    rows = chain()
    for index in (2, 3):  # the program and the kegiatan, Pengampu written as the post
        rows[index][KINERJA_HEADERS[11]] = "Sekretaris"
    path = write_matriks(tmp_path / "m.xlsx", rows, pegawai=pegawai, identitas=IDENTITAS)
    pk = {item["nama"]: item for item in make_documents(path).manifest["pk"]}
    assert pk["Sekretaris Contoh"]["jabatan"] == "Plt. Sekretaris"
    assert pk["Sekretaris Contoh"]["sasaran"] == 2


def test_a_sasaran_without_indicator_leaves_its_pk_out(tmp_path):
    rows = two_goals()
    rows = [r for r in rows if r.get(KINERJA_HEADERS[0]) != "SSK2"]
    rows.append(
        {
            **two_goals()[-2],
            KINERJA_HEADERS[7]: None,
            KINERJA_HEADERS[8]: None,
            KINERJA_HEADERS[9]: None,
        }
    )
    path = write_matriks(tmp_path / "m.xlsx", rows, pegawai=PEGAWAI, identitas=IDENTITAS)
    result = make_documents(path)
    assert "Kasubag Contoh" not in [item["nama"] for item in result.manifest["pk"]]
    assert ("pk", "Kasubag Contoh", "B004") in {
        (s["dokumen"], s["nama"], s["kode"]) for s in result.manifest["dilewati"]
    }
