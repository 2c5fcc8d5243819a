"""The cascade workbook on small workbooks built in code: one case, one test."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest

from pokin_xl.build import build, default_output
from pokin_xl.errors import InputError
from pokin_xl.findings import Finding, Report
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.validate import validate
from pokin_xl.writers.workbook import write_cascade_workbook
from tests.builders import chain, row, write_matriks
from tests.writers.readback import (
    FIXED_AFTER,
    FIXED_BEFORE,
    internal_links,
    overlapping_merges,
    parse_location,
    resolve,
    sheet_titled,
    texts,
)


def make(tmp_path: Path, rows, **kwargs) -> Path:
    return write_matriks(tmp_path / "matriks.xlsx", rows, **kwargs)


def sub(kode: str, induk: str, unit: str, sasaran: str, **extra) -> dict:
    fields = {
        "kode": kode,
        "kode_induk": induk,
        "tingkat": "Sasaran Sub Kegiatan",
        "unit_kerja": unit,
        "sasaran": sasaran,
        "indikator": f"Jumlah {sasaran}",
        "target": 3,
        "satuan": "Dokumen",
        "pengampu": "Kasubag Contoh",
    }
    fields.update(extra)
    return row(**fields)


def test_one_unit_only(tmp_path):
    path, report = build(make(tmp_path, chain()))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [*FIXED_BEFORE, "Cascading Sekretariat", *FIXED_AFTER]
    ws = book["Cascading Sekretariat"]
    body = "\n".join(texts(ws))
    for kode in ("T1", "SS1", "SP1", "SK1", "SSK1"):
        assert f"({kode}):" in body
    assert "6 Paket" in body and "K 1" in body
    for sheet in book.worksheets:
        assert overlapping_merges(sheet) == []
    assert isinstance(report, Report)


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    rows = chain()
    rows.append(
        sub(
            "SSK2",
            "SK1",
            "Sekretariat",
            '=HYPERLINK("http://contoh.id","klik")',
            indikator="+Jumlah orang",
            target="-5 orang",
            satuan="",
        )
    )
    source = make(tmp_path, rows)
    # openpyxl would store a typed "=..." as a formula; a user's cell holds it as text.
    typed = openpyxl.load_workbook(source)
    for line in typed["Kinerja"].iter_rows():
        for cell in line:
            if cell.data_type == "f":
                cell._value, cell.data_type = cell.value, "s"
    typed.save(source)
    assert read_matriks(source).nodes.frame.set_index("kode").loc["SSK2", "sasaran"].startswith("=")
    path, _ = build(source)
    book = openpyxl.load_workbook(path)
    data = book["Data Kinerja"]
    header = [c.value for c in data[1]]
    found = [
        r
        for r in range(2, data.max_row + 1)
        if data.cell(r, header.index("Kode") + 1).value == "SSK2"
    ]
    assert len(found) == 1
    r = found[0]
    for column, value in (
        ("Sasaran", '=HYPERLINK("http://contoh.id","klik")'),
        ("Indikator", "+Jumlah orang"),
        ("Target (tertulis)", "-5 orang"),
    ):
        cell = data.cell(r, header.index(column) + 1)
        assert cell.value == value and cell.data_type == "s", column
    for ws in book.worksheets:
        for line in ws.iter_rows():
            for cell in line:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    box = next(t for t in texts(book["Cascading Sekretariat"]) if "(SSK2):" in t)
    assert "=HYPERLINK" in box and "-5" in box


def test_a_forty_character_unit_name(tmp_path):
    unit = "Bidang Pengadaan Pemberhentian Informasi"
    assert len(unit) == 40
    rows = chain(unit=unit)
    path, _ = build(make(tmp_path, rows))
    book = openpyxl.load_workbook(path)
    cascading = [n for n in book.sheetnames if n.startswith("Cascading ")]
    assert len(cascading) == 1
    name = cascading[0]
    assert len(name) <= 31 and name.startswith("Cascading Bid. Pengadaan")
    assert book[name]["A1"].value == f"CASCADING {unit.upper()} TAHUN 2024"
    ringkasan_links = [loc for _, loc in internal_links(book["Ringkasan"])]
    assert any(parse_location(loc)[0] == name for loc in ringkasan_links)


def test_a_unit_with_sub_kegiatan_but_no_kegiatan(tmp_path):
    rows = chain()
    rows.append(sub("M1", "SP1", "Bidang Mutasi", "Terlaksananya mutasi pegawai"))
    rows.append(sub("M2", "SP1", "Bidang Mutasi", "Terlaksananya promosi pegawai", target=7))
    path, _ = build(make(tmp_path, rows))
    book = openpyxl.load_workbook(path)
    ws = sheet_titled(book, "CASCADING BIDANG MUTASI TAHUN 2024")
    body = texts(ws)
    m1 = [t for t in body if "(M1):" in t]
    m2 = [t for t in body if "(M2):" in t]
    assert m1 and "3 Dokumen" in m1[0]
    assert m2 and "7 Dokumen" in m2[0]
    assert any(t.startswith("Tanpa Sasaran Kegiatan") for t in body)
    program = next(t for t in body if "(SP1):" in t)
    assert "Milik unit kerja lain: Sekretariat" in program
    assert not any("(SK1):" in t for t in body)  # another unit's kegiatan is not this unit's
    assert overlapping_merges(ws) == []


def test_nodes_whose_parent_is_missing_are_still_drawn(tmp_path):
    rows = chain()
    rows.append(sub("LOST", "NOPE", "Sekretariat", "Tersedianya dokumen yatim"))
    path, _ = build(make(tmp_path, rows))
    ws = openpyxl.load_workbook(path)["Cascading Sekretariat"]
    body = texts(ws)
    assert any("(LOST):" in t and "3 Dokumen" in t for t in body)
    assert "Tanpa induk" in body


def test_hand_made_findings_link_to_their_box_person_and_row(tmp_path):
    source = make(tmp_path, chain())
    workbook = read_matriks(source)
    report = Report(
        [
            Finding(
                "T001",
                "error",
                "Target kosong.",
                file="matriks.xlsx",
                sheet="Kinerja",
                cell="I6",
                unit="Sekretariat",
                tingkat="Sasaran Sub Kegiatan",
                kode="SSK1",
                subject="x",
            ),
            Finding(
                "B003",
                "warning",
                "Jenis Jabatan tidak dikenal.",
                file="matriks.xlsx",
                sheet="Pegawai",
                cell="D3",
                subject="Sekretaris Contoh",
            ),
            Finding("R001", "info", "Tanpa tempat."),
        ]
    )
    path = write_cascade_workbook(workbook, report, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    temuan = book["Temuan"]
    header = [c.value for c in temuan[1]]
    main = header.index("Lihat di Workbook Ini") + 1
    data = header.index("Baris Data Kinerja") + 1
    by_code = {temuan.cell(r, 2).value: r for r in range(2, temuan.max_row + 1)}
    box = resolve(book, temuan.cell(by_code["T001"], main).hyperlink.location)
    assert box.parent.title == "Cascading Sekretariat" and "(SSK1):" in box.value
    assert box.comment is not None and "T001" in box.comment.text
    assert box.border.left.style == "thick" and box.border.left.color.rgb.endswith("C00000")
    data_row = resolve(book, temuan.cell(by_code["T001"], data).hyperlink.location)
    assert data_row.parent.title == "Data Kinerja" and data_row.value == "SSK1"
    person = resolve(book, temuan.cell(by_code["B003"], main).hyperlink.location)
    assert person.parent.title == "Matriks Peran Hasil" and person.value == "Sekretaris Contoh"
    assert temuan.cell(by_code["R001"], main).hyperlink is None
    assert temuan.cell(by_code["T001"], header.index("Sel Sumber") + 1).value == "I6"
    assert temuan.cell(by_code["T001"], 3).value == "galat"


def test_extra_sheets_come_after_data_kinerja_and_extra_findings_join_temuan(tmp_path):
    def reconciliation(book):
        book.add_worksheet("Rekonsiliasi").write_string(0, 0, "isi")

    extra = Finding("R001", "warning", "Indikator tidak ada di Renstra.", kode="SSK1")
    path, report = build(
        make(tmp_path, chain()), extra_sheets=[reconciliation], extra_findings=[extra]
    )
    assert extra in report.findings
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[-2:] == ["Data Kinerja", "Rekonsiliasi"]
    codes = [c.value for c in book["Temuan"]["B"]]
    assert "R001" in codes
    listed = [parse_location(loc)[0] for _, loc in internal_links(book["Ringkasan"])]
    assert "Rekonsiliasi" in listed


def test_a_failure_while_writing_leaves_no_file_and_keeps_an_older_one(tmp_path):
    source = make(tmp_path, chain())
    out = tmp_path / "hasil.xlsx"

    def broken(book):
        raise RuntimeError("gagal di tengah jalan")

    with pytest.raises(RuntimeError):
        build(source, out, extra_sheets=[broken])
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["matriks.xlsx"]

    out.write_bytes(b"versi lama")
    with pytest.raises(RuntimeError):
        build(source, out, extra_sheets=[broken])
    assert out.read_bytes() == b"versi lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.xlsx", "matriks.xlsx"]


def test_the_input_is_never_the_output(tmp_path, monkeypatch):
    source = make(tmp_path, chain())
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    with pytest.raises(InputError, match="sama dengan berkas masukan"):
        build(source, source)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="sama dengan berkas masukan"):
        build(source, Path("matriks.xlsx"))
    (tmp_path / "tautan.xlsx").symlink_to(source)
    with pytest.raises(InputError, match="sama dengan berkas masukan"):
        build(source, tmp_path / "tautan.xlsx")
    with pytest.raises(InputError, match=r"\.xlsx"):
        build(source, tmp_path / "hasil.xls")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest
    assert default_output(source) == tmp_path / "matriks_cascading.xlsx"


def test_validation_findings_reach_the_temuan_sheet(tmp_path):
    rows = chain()
    rows[-1] = {**rows[-1], "Target": None}  # an empty target: a finding once the checks land
    source = make(tmp_path, rows)
    report = validate(read_matriks(source))
    path, built_report = build(source)
    temuan = openpyxl.load_workbook(path)["Temuan"]
    assert len(built_report.findings) == len(report.findings)
    assert temuan.max_row == max(len(report.findings), 1) + 1
    written = sorted(temuan.cell(r, 2).value for r in range(2, temuan.max_row + 1))
    assert written == sorted(f.code for f in report.findings) or (
        not report.findings and written == [None]
    )


def test_the_parts_folder_is_removed_after_writing_and_after_a_failure(tmp_path, monkeypatch):
    import tempfile

    from pokin_xl.writers import workbook as workbook_writer

    parts = tmp_path / "parts"
    parts.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(parts))
    monkeypatch.setattr(workbook_writer, "IN_MEMORY_ROWS", 0)  # parts on disk, as a large one
    source = write_matriks(tmp_path / "m.xlsx", chain())
    workbook = read_matriks(source)
    report = validate(workbook)
    out = write_cascade_workbook(workbook, report, tmp_path / "out.xlsx")
    assert out.exists() and list(parts.iterdir()) == []

    import xlsxwriter.workbook

    class DiskFull(xlsxwriter.workbook.ZipFile):
        def write(self, *args, **kwargs):  # the parts are on disk by now: zipping them fails
            assert any(parts.rglob("*")), "the parts should be written to the private folder"
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsxwriter.workbook, "ZipFile", DiskFull)
    with pytest.raises(InputError):
        write_cascade_workbook(workbook, report, tmp_path / "out2.xlsx")
    assert list(parts.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsx", "out.xlsx", "parts"]
