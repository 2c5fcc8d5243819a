"""The sample's documents read back cell by cell against the Matriks they come from.

The expectation is computed from the Matriks frames and the Pengampu -> Pegawai matching
(model.people), not from model.documents, so a grouping mistake there shows here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pokin_xl.dokumen import make_documents
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.people import Directory
from pokin_xl.model.targets import format_target, target_from_row
from pokin_xl.readers.matriks import read_matriks

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "bkpsdm_purwakarta_2024" / "matriks.xlsx"
PK_LEVELS = range(Tingkat.SASARAN_STRATEGIS, Tingkat.SASARAN_SUB_KEGIATAN + 1)
BUDGET = range(Tingkat.SASARAN_PROGRAM, Tingkat.SASARAN_SUB_KEGIATAN + 1)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    source = folder / "matriks.xlsx"
    shutil.copy(SAMPLE, source)
    result = make_documents(source)
    return read_matriks(source), result, openpyxl.load_workbook(result.path)


def _person_row(workbook, item: dict) -> int:  # item: a manifest entry or {nama, jabatan}
    """The Pegawai row of a manifest entry: by name, or by position where the name is blank."""
    frame = workbook.pegawai.frame
    match = (
        frame[frame["nama"] == item["nama"]]
        if item["nama"]
        else frame[frame["jabatan"] == item["jabatan"]]
    )
    assert len(match) == 1, item
    return int(match.index[0])


def _owned_rows(workbook, item: dict, levels) -> list[dict]:
    """Indicator rows (Matriks order) of the sasaran whose Pengampu is this person."""
    directory = Directory.from_frames(workbook.pegawai.frame, workbook.identity)
    person = _person_row(workbook, item)
    rows = []
    for record in workbook.indicators.frame.to_dict("records"):
        level = record["level"]
        if level is pd.NA or int(level) not in levels or not str(record["indikator"]).strip():
            continue
        owner = directory.owner(record["pengampu"])
        if owner is not None and owner.row == person:
            rows.append(record)
    return rows


def _table(ws, first_header: list[str]) -> list[list[object]]:
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    start = next(i for i, r in enumerate(rows) if r[: len(first_header)] == first_header)
    out = []
    for r in rows[start + 1 :]:
        if not any(v not in (None, "") for v in r):
            break
        if r[: len(first_header)] == first_header:
            continue  # the header written again below a page break
        out.append(r)
    return out


def test_every_pk_is_exactly_that_officials_sasaran_and_indicators(sample):
    workbook, result, book = sample
    assert result.manifest["pk"], "the sample prints PKs"
    for item in result.manifest["pk"]:
        expected = _owned_rows(workbook, item, PK_LEVELS)
        printed = _table(book[item["sheet"]], ["No", "Sasaran", "Indikator Kinerja"])
        assert [r[2] for r in printed] == [e["indikator"] for e in expected], item["sheet"]
        sasaran = [r[1] for r in printed if r[1]]
        assert sasaran == list(dict.fromkeys(e["sasaran"] for e in expected)), item["sheet"]
        for row, record in zip(printed, expected, strict=True):
            shown = format_target(target_from_row(record))
            assert shown and shown in row[3], (item["sheet"], row, shown)
        assert item["sasaran"] == len(sasaran) and item["indikator"] == len(printed)


def test_every_pk_anggaran_is_the_pagu_of_what_the_official_owns(sample):
    workbook, result, book = sample
    for item in result.manifest["pk"]:
        owned = list(dict.fromkeys(str(r["kode"]) for r in _owned_rows(workbook, item, BUDGET)))
        pagu = workbook.nodes.frame.set_index("kode")["pagu_value"]
        printed = _table(book[item["sheet"]], ["No", "Program / Kegiatan / Sub Kegiatan"])
        lines = [r for r in printed if r[0] != "Jumlah"]
        total = next(r for r in printed if r[0] == "Jumlah")[3] or 0
        assert len(lines) == len(owned), item["sheet"]
        # Lines inside another line's pagu (a kegiatan under the official's own program) do
        # not count twice; the rest add up to the total and to the manifest.
        outer = [k for k, r in zip(owned, lines, strict=True) if "termasuk" not in (r[4] or "")]
        expected = sum(0 if pagu[k] is pd.NA else float(pagu[k]) for k in outer)
        assert total == expected == item["anggaran"], item["sheet"]
        assert [float(r[3] or 0) for r in lines] == [
            0 if pagu[k] is pd.NA else float(pagu[k]) for k in owned
        ]


def test_the_sample_leaves_out_what_would_be_wrong(sample):
    _, result, book = sample
    skipped = {(s["dokumen"], s["nama"], s["kode"]) for s in result.manifest["dilewati"]}
    # SS3 'Optimalisasi Penerapan Sistem Merit' has no target: the Kepala's PK is not printed.
    assert ("pk", "H. WAHYU WIBISONO", "T001") in skipped
    # 'Jumlah Paket Mebel' in Unit is the national pair (no finding): Hedi Priawan's PK prints.
    printed = {item["nama"] for item in result.manifest["pk"]}
    assert "H. WAHYU WIBISONO" not in printed
    assert "Hedi Priawan, SE." in printed
    daftar = [[c.value for c in r] for r in book["Daftar Dokumen"].iter_rows()]
    assert any("T001" in r for r in daftar)


def test_each_left_out_iku_line_points_at_its_own_row(sample):
    _, result, _ = sample
    # T1 states IPASN twice (I2 'Sedang (71-80)', I3 'Sangat Rendah'): one T007, two IKU lines
    ipasn = [
        s for s in result.manifest["dilewati"] if (s["dokumen"], s["nama"]) == ("iku", "IPASN")
    ]
    assert [(s["kode"], s["sel"]) for s in ipasn] == [("T007", "I2"), ("T007", "I3")]


def test_every_skp_rhk_is_that_officials_sasaran_under_the_superiors(sample):
    workbook, result, book = sample
    frame = workbook.pegawai.frame
    for item in result.manifest["skp"]:
        row = frame[(frame["nama"] == item["nama"]) | (frame["jabatan"] == item["nama"])]
        person = {"nama": row.iloc[0]["nama"], "jabatan": row.iloc[0]["jabatan"]}
        expected = _owned_rows(workbook, person, range(Tingkat.SASARAN_STRATEGIS, 6))
        printed = _table(book[item["sheet"]], ["No", "RHK Pimpinan yang Diintervensi"])
        rhk = [r[2] for r in printed if r[2]]
        assert rhk == list(dict.fromkeys(e["sasaran"] for e in expected)), item["sheet"]
        assert len(rhk) == item["rhk"]
        assert all(r[1] for r in printed if r[0]), item["sheet"]  # each RHK has its superior's
        assert [r[3] for r in printed] == [e["indikator"] for e in expected]


def test_the_anggaran_of_the_sample_with_pagu_filled_in(tmp_path):
    """The seed states no pagu: give every sub kegiatan one and check the sums per official."""
    source = tmp_path / "matriks.xlsx"
    shutil.copy(SAMPLE, source)
    book = openpyxl.load_workbook(source)
    ws = book["Kinerja"]
    header = [c.value for c in ws[1]]
    tingkat, pagu = header.index("Tingkat") + 1, header.index("Pagu (Rp)") + 1
    given: dict[int, int] = {}
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(r, pagu)
        if (
            ws.cell(r, tingkat).value == "Sasaran Sub Kegiatan"
            and cell.coordinate not in ws.merged_cells
        ):
            cell.value = given[r] = 1_000_000 * r
    book.save(source)
    workbook = read_matriks(source)
    result = make_documents(source)
    checked = 0
    for item in result.manifest["pk"]:
        rows = _owned_rows(workbook, item, [Tingkat.SASARAN_SUB_KEGIATAN])
        first_rows = {int(r["node_row"]) for r in rows}
        expected = sum(given.get(r, 0) for r in first_rows)
        assert item["anggaran"] == expected, item["sheet"]
        checked += expected > 0
    assert checked >= 3


def test_sheet_names_are_valid_and_unique(sample):
    _, _, book = sample
    names = book.sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    assert all(len(n) <= 31 for n in names)
    assert names[0] == "Daftar Dokumen" and "IKU" in names and "Rencana Aksi" in names
