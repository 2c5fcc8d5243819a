"""Workbooks a person could really produce, given to the CLI.

The promise: bad input gets a clear Indonesian message naming the file, sheet and cell, a non-zero
exit and no traceback; the input is never modified; an output is written whole or not at all.

Most runs call `main()` in this process (a subprocess per case would cost a second each); the
CLI turns any unexpected exception into "kesalahan internal" (exit 3), so its absence from stderr is
the in-process proof of "no traceback". Real processes are used where a hang must be cut off
(Kode Induk cycles, deep chains) and once for the unusable files, to see the real stderr.
Tests marked xfail(strict=True) document bugs; see their reasons.
"""

from __future__ import annotations

import builtins
import datetime as dt
import errno
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from pokin_xl.readers.matriks import read_matriks
from tests.builders import DEFAULT_PEGAWAI, KINERJA_HEADERS, chain, row, write_matriks
from tests.cli_runner import CRASH, Run, digest, run_cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "bkpsdm_purwakarta_2024"
INDONESIAN = re.compile(r"\b(berkas|tidak|bukan|kolom|sel|folder|kosong|baris|sama)\b")


# ------------------------------------------------------------------------------------ helpers
def cli(*argv: object) -> Run:
    """run_cli(), and every run is checked for a crash."""
    run = run_cli(*argv)
    assert run.code in (0, 1, 2), run
    assert CRASH not in run.err and "Traceback" not in run.err, run.err
    return run


def process(*argv: object, timeout: float = 60) -> Run:
    """The CLI in its own process, cut off after `timeout` seconds (an endless loop fails)."""
    done = subprocess.run(
        [sys.executable, "-m", "pokin_xl.cli", *map(str, argv)],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    assert "Traceback" not in done.stderr and CRASH not in done.stderr, done.stderr
    return Run(done.returncode, done.stdout, done.stderr)


def findings(path: Path) -> tuple[int, list[dict]]:
    run = cli("validate", path, "--format", "json")
    assert run.code in (0, 1), run
    return run.code, json.loads(run.out)["findings"]


def where(items: list[dict]) -> list[tuple[str, str]]:
    return [(f["code"], f["cell"]) for f in items]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def assert_refused(run: Run, name: str, *phrases: str) -> None:
    """Exit 2 and one Indonesian line on stderr that names `name` and says `phrases`."""
    assert run.code == 2, run
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pokin-xl: "), run.err
    assert name in lines[0], lines[0]
    assert INDONESIAN.search(lines[0]), lines[0]
    for phrase in phrases:
        assert phrase in lines[0], (phrase, lines[0])


def edit(path: Path, change: Callable[[Workbook], object]) -> Path:
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    return path


def typed_as_text(cell, value: str) -> None:
    """What a user gets by typing '=... (apostrophe first) in Excel: text, not a formula."""
    cell.value = value
    cell.data_type = "s"
    cell.quotePrefix = True


def ssk2(**fields: object) -> dict[str, object]:
    """A second Sasaran Sub Kegiatan under SK1 of `chain()`, consistent with the nomenclature."""
    values: dict[str, object] = {
        "kode": "SSK2",
        "kode_induk": "SK1",
        "tingkat": "Sasaran Sub Kegiatan",
        "unit_kerja": "Sekretariat",
        "sasaran": "Tersedianya bahan logistik kantor",
        "kode_nomenklatur": "5.03.01.2.06.0004",
        "nomenklatur": "Penyediaan Bahan Logistik Kantor",
        "indikator": "Jumlah Paket Bahan Logistik Kantor yang Disediakan",
        "target": 4,
        "satuan": "Paket",
        "pagu": 400,
        "pengampu": "Kasubag Contoh",
    }
    values.update(fields)
    return row(**values)


def cells_holding(book: Workbook, text: str) -> list:
    return [
        cell
        for ws in book.worksheets
        for line in ws.iter_rows()
        for cell in line
        if cell.value == text
    ]


# ------------------------------------------------------------------------- layout of the sheet
@pytest.mark.parametrize("source", ["headers", "template"])
def test_kinerja_with_only_headers_is_not_called_clean(tmp_path, source):
    path = tmp_path / "kosong.xlsx"
    if source == "headers":
        write_matriks(path, [])
    else:
        assert cli("template", "-o", path).code == 0
    run = cli("validate", path)
    assert run.code != 0
    assert "Kinerja" in run.text
    assert re.search(r"kosong|tidak berisi|belum diisi|tidak ada baris", run.text), run.text


def test_header_in_row_25_is_found_and_cells_keep_their_rows(tmp_path):
    rows = chain()
    rows[4]["Target"] = None  # T001 on Excel row 25 + 5
    path = write_matriks(tmp_path / "judul.xlsx", rows, title_rows=24)
    wb = read_matriks(path)
    assert list(wb.indicators.frame.index) == [26, 27, 28, 29, 30]
    code, items = findings(path)
    assert code == 1 and where(items) == [("T001", "I30")]


def test_header_below_the_scanned_rows_is_refused_with_a_message(tmp_path):
    path = write_matriks(tmp_path / "judul40.xlsx", chain(), title_rows=40)
    before = digest(path)
    assert_refused(cli("validate", path), "judul40.xlsx", "sheet 'Kinerja'", "judul kolom")
    assert digest(path) == before


def test_duplicated_header_reads_the_first_column(tmp_path):
    """'Target' twice (a second year added by copying the column): the first is the target."""
    path = write_matriks(tmp_path / "ganda.xlsx", chain(), headers=[*KINERJA_HEADERS, "Target"])
    extra = len(KINERJA_HEADERS) + 1

    def fill(book: Workbook) -> None:
        for r in range(2, 7):
            book["Kinerja"].cell(r, extra, "999")

    edit(path, fill)
    wb = read_matriks(path)
    assert wb.indicators.frame["target_value"].tolist() == [80, 70, 100, 100, 6]
    assert findings(path) == (0, [])


def test_all_blank_kinerja_sheet_is_refused_and_nothing_is_written(tmp_path):
    def blank(book: Workbook) -> None:
        del book["Kinerja"]
        book.create_sheet("Kinerja")

    path = edit(write_matriks(tmp_path / "kosong.xlsx", chain()), blank)
    before = digest(path)
    phrases = ("sheet 'Kinerja'", "Tingkat, Sasaran, Indikator, Target")
    assert_refused(cli("validate", path), "kosong.xlsx", *phrases)
    assert_refused(cli("build", path, "--quiet"), "kosong.xlsx", *phrases)
    assert listing(tmp_path) == ["kosong.xlsx"] and digest(path) == before


def test_hidden_kinerja_sheet_is_still_read(tmp_path):
    def hide(book: Workbook) -> None:
        book["Kinerja"].sheet_state = "hidden"

    path = edit(write_matriks(tmp_path / "sembunyi.xlsx", chain()), hide)
    assert len(read_matriks(path).nodes.frame) == 5
    assert findings(path) == (0, [])


@pytest.mark.parametrize(
    ("kinerja", "identitas", "pegawai"),
    [
        ("KINERJA", "IDENTITAS", "PEGAWAI"),
        (" Kinerja ", " Identitas ", " Pegawai "),
        ("kinerja", "identitas", "pegawai"),
    ],
)
def test_sheet_names_in_another_case_or_with_spaces(tmp_path, kinerja, identitas, pegawai):
    def rename(book: Workbook) -> None:
        book["Kinerja"].title = kinerja
        book["Identitas"].title = identitas
        book["Pegawai"].title = pegawai

    path = edit(write_matriks(tmp_path / "nama.xlsx", chain()), rename)
    wb = read_matriks(path)
    assert wb.identity.tahun == 2024 and len(wb.pegawai.frame) == len(DEFAULT_PEGAWAI)
    assert len(wb.nodes.frame) == 5
    assert findings(path) == (0, [])


def test_missing_pegawai_sheet_is_a_warning_that_names_the_sheet(tmp_path):
    path = edit(write_matriks(tmp_path / "tanpa.xlsx", chain()), lambda b: b.remove(b["Pegawai"]))
    code, items = findings(path)
    assert code == 0 and [f["code"] for f in items] == ["O006"]
    assert items[0]["sheet"] == "Pegawai" and "Pegawai" in items[0]["message"]
    assert cli("build", path, "--quiet").code == 0


def test_missing_identitas_sheet_still_builds(tmp_path):
    path = edit(write_matriks(tmp_path / "tanpa.xlsx", chain()), lambda b: b.remove(b["Identitas"]))
    before = digest(path)
    assert cli("build", path, "--quiet").code in (0, 1)
    assert listing(tmp_path) == ["tanpa.xlsx", "tanpa_cascading.xlsx"] and digest(path) == before


def test_missing_identitas_sheet_is_said(tmp_path):
    path = edit(write_matriks(tmp_path / "tanpa.xlsx", chain()), lambda b: b.remove(b["Identitas"]))
    run = cli("validate", path)
    assert "Identitas" in run.text


def test_xlsm_is_read_and_built_beside_it(tmp_path):
    path = write_matriks(tmp_path / "makro.xlsm", chain())
    before = digest(path)
    assert findings(path) == (0, [])
    run = cli("build", path, "--quiet")
    assert run.code == 0 and "makro_cascading.xlsx" in run.out
    assert listing(tmp_path) == ["makro.xlsm", "makro_cascading.xlsx"] and digest(path) == before


# ------------------------------------------------------------------------------- cell contents
def test_ten_thousand_character_cell(tmp_path):
    long_text = "Tersedianya " + "peralatan kantor " * 588  # 10,008 characters
    rows = chain()
    rows[4]["Sasaran"] = long_text
    path = write_matriks(tmp_path / "panjang.xlsx", rows)
    assert findings(path) == (0, [])
    out = tmp_path / "hasil.xlsx"
    assert cli("build", path, "-o", out, "--quiet").code == 0
    book = openpyxl.load_workbook(out)
    assert cells_holding(book, long_text.strip()), "the text is not written whole"
    for ws in book.worksheets:
        tall = [r for r, dim in ws.row_dimensions.items() if (dim.height or 0) > 409]
        assert tall == [], (ws.title, tall)  # Excel's largest row height


def test_text_beginning_with_formula_signs_stays_text(tmp_path):
    typed = {
        "E4": "=SUM(A1:A2) layanan administrasi",
        "E5": "@Meningkatnya kualitas administrasi",
        "E6": "+62 Tersedianya peralatan kantor",
        "H6": "-Jumlah paket peralatan",
    }

    def type_in(book: Workbook) -> None:
        for cell, value in typed.items():
            typed_as_text(book["Kinerja"][cell], value)

    path = edit(write_matriks(tmp_path / "rumus.xlsx", chain()), type_in)
    nodes = read_matriks(path).nodes.frame.set_index("kode")
    assert (
        nodes.loc["SP1", "sasaran"] == typed["E4"] and nodes.loc["SSK1", "sasaran"] == typed["E6"]
    )
    code, items = findings(path)
    assert "B005" not in [f["code"] for f in items]  # a sasaran, not an empty formula result
    out = tmp_path / "hasil.xlsx"
    assert cli("build", path, "-o", out, "--quiet").code == code
    book = openpyxl.load_workbook(out)
    for value in typed.values():
        cells = cells_holding(book, value)
        assert cells and all(c.data_type == "s" for c in cells), value
    formulas = [
        (ws.title, c.coordinate)
        for ws in book.worksheets
        for line in ws.iter_rows()
        for c in line
        if c.data_type == "f" and any(v[1:8] in str(c.value) for v in typed.values())
    ]
    assert formulas == []


def test_target_that_excel_made_a_date_is_t002(tmp_path):
    rows = chain()
    rows[4]["Target"] = dt.datetime(2024, 1, 6)  # "6-1" typed, Excel saw 6 January
    path = write_matriks(tmp_path / "tanggal.xlsx", rows, formats={"I6": "d-mmm"})
    code, items = findings(path)
    assert code == 1 and where(items) == [("T002", "I6")]
    assert "tanggal" in items[0]["message"] and "2024-01-06" in items[0]["message"]


def test_target_typed_as_a_fraction_is_t002_quoting_it(tmp_path):
    rows = chain()
    rows[4]["Target"] = "1/2"
    code, items = findings(write_matriks(tmp_path / "pecahan.xlsx", rows))
    assert code == 1 and where(items) == [("T002", "I6")]
    assert "'1/2'" in items[0]["message"]


@pytest.mark.parametrize("pagu", ["1.500.000", "Rp 1.500.000", "Rp1.500.000,00", "1.500.000,-"])
def test_numbers_stored_as_text_are_read(tmp_path, pagu):
    rows = chain()
    for item in rows[2:]:
        item["Pagu (Rp)"] = pagu
    rows[4]["Target"] = "1.000"
    path = write_matriks(tmp_path / "teks.xlsx", rows)
    frame = read_matriks(path).indicators.frame
    assert frame["pagu_value"].tolist()[2:] == [1_500_000.0] * 3
    assert frame.loc[6, "target_value"] == 1000
    assert findings(path) == (0, [])


@pytest.mark.parametrize(
    ("pagu", "rupiah"), [("150 juta", 150e6), ("1,5 M", 1.5e9), ("2 miliar", 2e9)]
)
def test_pagu_in_juta_or_miliar_is_not_a_few_rupiah(tmp_path, pagu, rupiah):
    rows = chain()
    rows[4]["Pagu (Rp)"] = pagu
    wb = read_matriks(write_matriks(tmp_path / "juta.xlsx", rows))
    value = wb.indicators.frame.loc[6, "pagu_value"]
    reported = [(p.code, p.cell) for p in wb.problems] == [("B002", "K6")]
    assert value == rupiah or reported, value


def test_kode_induk_merged_over_rows_with_different_kode(tmp_path):
    """One Kode Induk cell merged over its two children, Tingkat and Unit Kerja merged too."""
    rows = [*chain(), ssk2()]
    rows[4]["Pagu (Rp)"] = 600
    path = write_matriks(tmp_path / "gabung.xlsx", rows, merges=["B6:B7", "C6:C7", "D4:D7"])
    frame = read_matriks(path).nodes.frame.set_index("kode")
    assert frame.loc["SSK2", "kode_induk"] == "SK1" and not frame.loc["SSK2", "induk_inferred"]
    assert frame.loc["SSK2", "tingkat"] == "Sasaran Sub Kegiatan"
    assert set(frame.loc[["SP1", "SK1", "SSK1", "SSK2"], "unit_kerja"]) == {"Sekretariat"}
    assert findings(path) == (0, [])


def test_sasaran_merged_over_two_kode_is_one_sasaran_twice(tmp_path):
    rows = [*chain(), ssk2()]
    rows[4]["Pagu (Rp)"] = 600
    path = write_matriks(tmp_path / "gabung.xlsx", rows, merges=["E6:E7"])
    code, items = findings(path)
    assert code == 0 and where(items) == [("H008", "E7")]
    assert "'SSK1'" in items[0]["message"]


def test_kode_induk_pointing_to_itself_ends(tmp_path):
    rows = chain()
    rows[3]["Kode Induk"] = "SK1"
    path = write_matriks(tmp_path / "lingkar.xlsx", rows)
    before = digest(path)
    built = process("build", path, "--quiet", timeout=60)  # a loop in check or drawing: timeout
    assert built.code == 1 and "lingkar_cascading.xlsx" in built.out
    code, items = findings(path)
    cycle = [f for f in items if f["code"] == "H004"]
    assert code == 1 and [f["cell"] for f in cycle] == ["B5"]
    assert "'SK1' (Sasaran Kegiatan) → 'SK1'" in cycle[0]["message"]
    assert digest(path) == before


def test_two_hundred_levels_of_rencana_hasil_kerja(tmp_path):
    rows = chain()
    parent = "SSK1"
    for i in range(200):
        rows.append(
            row(
                kode=f"RHK{i}",
                kode_induk=parent,
                tingkat="Rencana Hasil Kerja",
                unit_kerja="Sekretariat",
                sasaran=f"Tersusunnya dokumen tahap {i}",
                indikator=f"Jumlah dokumen tahap {i}",
                target=1,
                satuan="Dokumen",
                pengampu="Pelaksana Contoh",
            )
        )
        parent = f"RHK{i}"
    path = write_matriks(tmp_path / "dalam.xlsx", rows)
    built = process("build", path, "--quiet", timeout=60)
    assert built.code == 0, built
    run = cli("validate", path)
    assert run.code == 0 and "Rencana Hasil Kerja 200" in run.out
    assert "Temuan: 0 galat, 0 peringatan, 0 info." in run.out


# ------------------------------------------------------------------------------------ unicode
NBSP = "\u00a0"


def test_unicode_in_every_text_field(tmp_path):
    """Non-breaking spaces in every field; curly quotes and emoji in every free-text field."""
    fancy = ("Sasaran", "Indikator", "Keterangan")
    rows = chain()
    for item in rows:
        item["Keterangan"] = "Catatan"
        for header, value in list(item.items()):
            if value is None or value == "":
                continue
            text = str(value).replace(" ", NBSP)
            if header in fancy:
                text = f"{text} “kutip” ‘satu’ 🎯"
            elif header == "Program/Kegiatan/Sub Kegiatan":  # compared with the national list
                text = f"“{text}” 📁"
            item[header] = f"{NBSP}{text}{NBSP}"
        item["Unit Kerja"] = f"{item['Unit Kerja']} 🏢"
        item["Pengampu"] = f"{item['Pengampu']} 😀"
    pegawai = [
        {**p, "Nama": f"{NBSP}{p['Nama']} 😀", "Unit Kerja": f"{p['Unit Kerja']} 🏢"}
        for p in DEFAULT_PEGAWAI
    ]
    identitas = [
        ("Pemerintah Daerah", f"Kabupaten{NBSP}“Contoh” 🌾"),
        ("Perangkat Daerah", f"Badan ‘Kepegawaian’ 🎯 (BKPSDM){NBSP}"),
        ("Tahun", f"{NBSP}2024{NBSP}"),
    ]
    path = write_matriks(tmp_path / "unikode.xlsx", rows, pegawai=pegawai, identitas=identitas)
    before = digest(path)
    wb = read_matriks(path)
    assert wb.identity.tahun == 2024
    assert wb.nodes.frame["level"].tolist() == [0, 1, 2, 3, 4]
    assert wb.indicators.frame["target_value"].tolist() == [80, 70, 100, 100, 6]
    assert findings(path) == (0, [])
    out = tmp_path / "hasil.xlsx"
    assert cli("build", path, "-o", out, "--quiet").code == 0
    book = openpyxl.load_workbook(out)
    sasaran = "Tersedianya peralatan dan perlengkapan kantor “kutip” ‘satu’ 🎯"
    assert cells_holding(book, sasaran)
    assert digest(path) == before


def test_unit_name_with_an_emoji_gets_a_valid_sheet_name(tmp_path):
    rows = chain(unit="Bidang Pengadaan Pegawai 📋")
    path = write_matriks(tmp_path / "emoji.xlsx", rows)
    out = tmp_path / "hasil.xlsx"
    assert cli("build", path, "-o", out, "--quiet").code in (0, 1)
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert all(len(n.encode("utf-16-le")) // 2 <= 31 for n in names), names


def test_zero_width_characters_pasted_from_the_web(tmp_path):
    rows = chain()
    rows[1]["Kode"] = "SS1\u200b"
    rows[0]["Target"] = "\ufeff80"
    assert findings(write_matriks(tmp_path / "web.xlsx", rows)) == (0, [])


# ----------------------------------------------------------------------------- unusable files
def _csv(path: Path) -> None:
    path.write_text("Kode;Tingkat;Sasaran\nT1;Tujuan;Meningkatnya kualitas\n", encoding="utf-8")


def _truncated(path: Path) -> None:
    path.write_bytes((SAMPLE / "matriks.xlsx").read_bytes()[:3000])


def _not_a_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:  # a .docx saved as .xlsx
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")


UNUSABLE = [
    ("data.xlsx", _csv, "bukan berkas Excel"),
    ("nol.xlsx", lambda p: p.write_bytes(b""), "0 byte"),
    ("folder.xlsx", lambda p: p.mkdir(), "folder"),
    ("potong.xlsx", _truncated, "rusak"),
    ("dokumen.xlsx", _not_a_workbook, "dokumen Word"),
    (
        "lama.xls",
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504),
        ".xls",
    ),
    ("hilang.xlsx", lambda p: None, "tidak ditemukan"),
]


@pytest.mark.parametrize(("name", "make", "says"), UNUSABLE, ids=[u[0] for u in UNUSABLE])
def test_unusable_file_is_refused_by_every_command(tmp_path, name, make, says):
    path = tmp_path / name
    make(path)
    state = path.is_file() and digest(path)
    before = listing(tmp_path)
    matriks = SAMPLE / "matriks.xlsx"
    assert_refused(cli("validate", path), name, says)
    assert_refused(cli("build", path, "--quiet"), name, says)
    assert_refused(cli("dokumen", path), name, says)
    assert_refused(cli("reconcile", matriks, path), name, says)
    assert_refused(cli("reconcile", path, SAMPLE / "renstra.xlsx"), name, says)
    assert listing(tmp_path) == before and (path.is_file() and digest(path)) == state


def test_output_piped_into_a_reader_that_stops_early(tmp_path):
    done = subprocess.Popen(
        [sys.executable, "-m", "pokin_xl.cli", "validate", str(SAMPLE / "matriks.xlsx")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    done.stdout.close()  # like `| head` that has read its lines before the report is printed
    _, err = done.communicate(timeout=60)
    assert done.returncode in (0, 1), err
    assert b"Traceback" not in err and CRASH.encode() not in err and b"Exception" not in err


def test_unusable_files_in_one_process_print_no_traceback(tmp_path):
    paths = []
    for name, make, _ in UNUSABLE:
        make(tmp_path / name)
        paths.append(tmp_path / name)
    run = process("validate", *paths)
    assert run.code == 2 and run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == len(UNUSABLE) and all(line.startswith("pokin-xl: ") for line in lines)
    for (name, _, says), line in zip(UNUSABLE, lines, strict=True):
        assert name in line and says in line, line


# ------------------------------------------------------------------------------------ outputs
def refuse_writes(monkeypatch, folder: Path, error: OSError, *, replace_only: bool = False) -> None:
    """Make `folder` refuse every write, whatever the writer uses (root ignores chmod)."""
    folder = folder.resolve()

    def inside(path: object) -> bool:
        try:
            return Path(os.fsdecode(path)).resolve().is_relative_to(folder)
        except TypeError:  # a file descriptor
            return False

    real_open, real_os_open = builtins.open, os.open
    real_replace, real_rename = os.replace, os.rename

    def fake_open(file, mode="r", *args, **kwargs):
        if not replace_only and inside(file) and set(mode) & set("wax+"):
            raise error
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(path, flags, *args, **kwargs):
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if not replace_only and writing and inside(path):
            raise error
        return real_os_open(path, flags, *args, **kwargs)

    def fake_move(real):
        def move(src, dst, *args, **kwargs):
            if inside(dst):
                raise error
            return real(src, dst, *args, **kwargs)

        return move

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(os, "replace", fake_move(real_replace))
    monkeypatch.setattr(os, "rename", fake_move(real_rename))


DENIED = PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into a chmod 555 folder"
)
def test_build_into_a_read_only_folder(tmp_path):
    source = write_matriks(tmp_path / "ok.xlsx", chain())
    locked = tmp_path / "terkunci"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        run = cli("build", source, "-o", locked / "hasil.xlsx", "--quiet")
        assert listing(locked) == []
    finally:
        locked.chmod(0o755)
    assert_refused(run, "hasil.xlsx", "tidak dapat ditulis")


@pytest.mark.parametrize("replace_only", [False, True], ids=["folder", "file-open-in-excel"])
def test_build_where_writing_is_refused_leaves_no_temporary_file(
    tmp_path, monkeypatch, replace_only
):
    source = write_matriks(tmp_path / "ok.xlsx", chain())
    before = digest(source)
    folder = tmp_path / "keluaran"
    folder.mkdir()
    older = folder / "hasil.xlsx"
    older.write_bytes(b"versi lama")
    refuse_writes(monkeypatch, folder, DENIED, replace_only=replace_only)
    run = cli("build", source, "-o", older, "--quiet")
    monkeypatch.undo()
    assert_refused(run, "hasil.xlsx", "tidak dapat ditulis")
    assert listing(folder) == ["hasil.xlsx"] and older.read_bytes() == b"versi lama"
    assert digest(source) == before


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (OSError(errno.EROFS, "Read-only file system"), "sistem berkas hanya-baca"),
        (OSError(errno.EMFILE, "Too many open files"), "terlalu banyak berkas terbuka"),
    ],
    ids=["read-only-file-system", "too-many-open-files"],
)
def test_build_where_the_system_refuses_writing_says_why(tmp_path, monkeypatch, error, said):
    source = write_matriks(tmp_path / "ok.xlsx", chain())
    before = digest(source)
    folder = tmp_path / "cd"
    folder.mkdir()
    refuse_writes(monkeypatch, folder, error)
    run = cli("build", source, "-o", folder / "hasil.xlsx", "--quiet")
    monkeypatch.undo()
    assert_refused(run, "hasil.xlsx", said)
    assert listing(folder) == []
    assert digest(source) == before


def test_reconcile_xlsx_into_a_folder_that_refuses_writing(tmp_path, monkeypatch):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    refuse_writes(monkeypatch, folder, DENIED)
    run = cli(
        "reconcile", SAMPLE / "matriks.xlsx", SAMPLE / "renstra.xlsx",
        "--format", "xlsx", "-o", folder / "rekon.xlsx",
    )  # fmt: skip
    monkeypatch.undo()
    assert_refused(run, "rekon.xlsx", "tidak dapat ditulis")
    assert listing(folder) == []


def test_output_into_a_folder_that_does_not_exist(tmp_path):
    source = write_matriks(tmp_path / "ok.xlsx", chain())
    missing = tmp_path / "belum_ada" / "hasil.xlsx"
    assert_refused(cli("build", source, "-o", missing, "--quiet"), "hasil.xlsx", "tidak ada")
    run = cli("reconcile", source, SAMPLE / "renstra.xlsx", "--format", "xlsx", "-o", missing)
    assert_refused(run, "hasil.xlsx", "tidak ada")
    assert listing(tmp_path) == ["ok.xlsx"]


def test_output_equal_to_an_input_is_refused(tmp_path):
    source = write_matriks(tmp_path / "ok.xlsx", chain())
    renstra = tmp_path / "renstra.xlsx"
    shutil.copy(SAMPLE / "renstra.xlsx", renstra)
    (tmp_path / "tautan.xlsx").symlink_to(source)
    (tmp_path / "sub").mkdir()
    (tmp_path / "arsip.xlsx").mkdir()
    digests = digest(source), digest(renstra)
    for same in (source, tmp_path / "sub" / ".." / "ok.xlsx", tmp_path / "tautan.xlsx"):
        run = cli("build", source, "-o", same, "--quiet")
        assert_refused(run, same.name, "sama dengan berkas masukan")
    for same in (source, renstra):
        run = cli("reconcile", source, renstra, "--format", "xlsx", "-o", same)
        assert_refused(run, same.name, "sama dengan berkas masukan")
    assert_refused(cli("build", source, "-o", tmp_path / "arsip.xlsx"), "arsip.xlsx", "folder")
    assert (digest(source), digest(renstra)) == digests
    assert listing(tmp_path) == ["arsip.xlsx", "ok.xlsx", "renstra.xlsx", "sub", "tautan.xlsx"]
