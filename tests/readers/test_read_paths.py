"""The calamine and openpyxl reading paths (readers.book) give the same grids and frames.

python-calamine reads values and merged ranges; what it cannot give (number formats of numeric
cells, cached error values, how far the cells reach) comes from the package check's XML pass.
These tests compare the two paths cell for cell and frame for frame, and check which path a
file takes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import tests.bad_inputs as bad
from benchmarks.generate import agency_content, content, write_renstra_for
from pokin_xl.errors import InputError
from pokin_xl.readers.book import open_book
from pokin_xl.readers.cell_facts import SheetFacts, _rows_below
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.readers.renstra import read_renstra
from pokin_xl.template import write_template
from tests.conftest import REAL_XLSX, SHARED_DATA, real_file

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "bkpsdm_purwakarta_2024"


def _grid_cells(grid) -> dict[tuple[int, int], tuple[object, str, bool]]:
    """Every position of the used range that holds something: value, format of a number,
    merged flag. A format changes only numbers, so text cells are compared by value; an empty
    string is no value (calamine returns '' for both, and every reader treats them alike)."""
    cells = {}
    for row in range(1, grid.max_row + 1):
        for col in range(1, grid.max_col + 1):
            cell = grid.get(row, col)
            if cell.value is None or cell.value == "":
                continue
            numeric = isinstance(cell.value, int | float | dt.datetime) and not isinstance(
                cell.value, bool
            )
            cells[(row, col)] = (
                cell.value,
                cell.number_format if numeric else "",
                cell.merged,
            )
    return cells


def assert_same_grids(path: Path) -> str:
    fast, reference = open_book(path), open_book(path, route="openpyxl")
    assert fast.titles == reference.titles
    for title in fast.titles:
        a, b = fast.grid(title), reference.grid(title)
        assert (a.max_row, a.max_col) == (b.max_row, b.max_col), title
        assert _grid_cells(a) == _grid_cells(b), title
    return fast.route


def assert_same_matriks(path: Path) -> None:
    fast, reference = read_matriks(path), read_matriks(path, route="openpyxl")
    for name in ("pegawai", "indicators", "nodes"):
        pd.testing.assert_frame_equal(getattr(fast, name).frame, getattr(reference, name).frame)
    assert fast.identity == reference.identity
    assert [dataclasses.asdict(p) for p in fast.problems] == [
        dataclasses.asdict(p) for p in reference.problems
    ]


@pytest.mark.parametrize("name", ["matriks.xlsx", "pohon_kinerja_dokumen.xlsx", "renstra.xlsx"])
def test_the_samples_read_alike_through_calamine_and_openpyxl(name):
    assert assert_same_grids(SAMPLE / name) == "calamine"
    if name != "renstra.xlsx":
        assert_same_matriks(SAMPLE / name)


def test_a_generated_agency_with_defects_reads_alike(tmp_path):
    path = tmp_path / "pd.xlsx"
    write_template(path, agency_content(3, 300, seed=1))
    assert assert_same_grids(path) == "calamine"
    assert_same_matriks(path)


def test_a_generated_large_matriks_reads_alike(tmp_path):
    path = tmp_path / "besar.xlsx"
    write_template(path, content(3, 5, 6, defects=True))
    assert assert_same_grids(path) == "calamine"
    assert_same_matriks(path)


def test_a_renstra_with_roll_up_formulas_reads_alike(tmp_path):
    path = tmp_path / "renstra.xlsx"
    write_renstra_for(path, 2, 3, 4)
    assert assert_same_grids(path) == "calamine"
    fast, reference = read_renstra(path), read_renstra(path, route="openpyxl")
    pd.testing.assert_frame_equal(fast.indicators.frame, reference.indicators.frame)


@pytest.mark.parametrize(
    "name",
    REAL_XLSX,
)
def test_the_real_files_read_alike(name):
    path = real_file("real", name)
    assert_same_grids(path)


def test_the_nomenclature_lists_read_alike():
    for path in sorted((SHARED_DATA / "nomenklatur").glob("*.xlsx"))[:1] or [None]:
        if path is None:
            pytest.skip("../shared/data/nomenklatur tidak ada")
        assert_same_grids(path)


def test_what_calamine_cannot_give_comes_from_the_xml(tmp_path):
    """Percent and two-decimal formats, a cached error, a date, a lost-digit NIP, a merge."""
    path = tmp_path / "format.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kinerja"
    sheet["A1"], sheet["B1"], sheet["C1"] = "Kode", "Target", "Tanggal"
    sheet["A2"] = 1.1
    sheet["A2"].number_format = "0.00"
    sheet["B2"] = 0.75
    sheet["B2"].number_format = "0%"
    sheet["C2"] = dt.datetime(2024, 1, 23)
    sheet["C2"].number_format = "dd/mm/yyyy"
    sheet["D2"] = 196708291995031000
    sheet["E2"] = 3
    sheet["F2"] = "teks"
    sheet["F2"].number_format = "0%"  # a format on text changes nothing
    sheet.merge_cells("A4:C4")
    sheet["A4"] = "gabung"
    book.save(tmp_path / "asal.xlsx")
    _with_cached_error(tmp_path / "asal.xlsx", path, "G2", "#DIV/0!")
    grid = open_book(path).grid("Kinerja")
    assert open_book(path).route == "calamine"
    assert grid.get(2, 1) == (1.1, "0.00", False)
    assert grid.get(2, 2) == (0.75, "0%", False)
    assert grid.get(2, 3).value == dt.datetime(2024, 1, 23)
    assert grid.get(2, 4).value == 1.96708291995031e17  # a float: its lost digits are said (B009)
    assert grid.get(2, 5) == (3, "General", False) and type(grid.get(2, 5).value) is int
    assert grid.get(2, 7).value == "#DIV/0!"
    assert grid.get(4, 2) == ("gabung", "General", True)
    assert_same_grids(path)


def _with_cached_error(source: Path, path: Path, ref: str, error: str) -> None:
    cell = f'<c r="{ref}" t="e"><f>1/0</f><v>{error}</v></c>'.encode()
    part = "xl/worksheets/sheet1.xml"
    bad.replace_part(source, path, part, lambda data: data.replace(b"</row>", cell + b"</row>", 1))


def test_a_space_in_the_far_corner_takes_the_sparse_openpyxl_path(tmp_path):
    path = bad.far_corner_space(tmp_path / "sudut.xlsx")
    assert open_book(path).route == "openpyxl"  # calamine would build 17 billion cells
    assert read_matriks(path).indicators.frame.shape[0] > 0


def test_a_million_styled_rows_are_skipped_by_calamine_without_the_rewrite(tmp_path):
    path = bad.million_styled_rows(tmp_path / "juta.xlsx", 200_000)
    book = open_book(path)
    assert book.route == "calamine"
    grid = book.grid("Kinerja")
    assert grid.max_row < 100  # the styled empties hold nothing
    assert book.package._rewritten is None  # the in-memory copy is made for openpyxl only
    assert_same_matriks(path)


@pytest.mark.parametrize("address", [b"E200000", b"e200000"])
def test_a_cell_addressed_below_its_row_takes_openpyxl_and_is_read_at_its_address(
    tmp_path, address
):
    """Row 2's Sasaran under an address 200,000 rows down (the last cell with content of the
    sheet is still in row 6): calamine would build 200,000 x 23 cells; openpyxl holds the one."""
    path = bad.far_address_in_row(tmp_path / "alamat.xlsx", address)
    book = open_book(path)
    assert book.route == "openpyxl"
    grid = book.grid("Kinerja")
    assert (grid.max_row, grid.get(200_000, 5).value) == (200_000, "Meningkatnya kualitas aparatur")
    assert grid.get(2, 5).value is None


@pytest.mark.parametrize(
    ("make", "merges"),
    [
        (bad.linked_range, []),
        (lambda path: bad.linked_range(path, b"H2"), []),
        (bad.wide_merged_range, ["E2:XFD1048576"]),
    ],
    ids=["link-A1:XFD1048576", "link-H2", "merge-E2:XFD1048576"],
)
def test_openpyxl_keeps_merges_and_links_over_ranges_as_ranges(tmp_path, make, merges):
    """openpyxl's own loading builds a cell for every cell of a merged range and of a link's
    range (a link over A1:XFD1048576 ran for minutes and gigabytes); pokin-xl's loading keeps
    the merge a range and binds no link (it reads none)."""
    path = make(tmp_path / "rentang.xlsx")
    sheet = open_book(path, route="openpyxl").workbook["Kinerja"]
    assert len(sheet._cells) < 200
    assert [str(r) for r in sheet.merged_cells.ranges] == merges
    if not merges:  # the merge makes the sheet too wide to read (test_bad_inputs)
        assert_same_grids(path)


def test_pieces_are_cut_before_a_tag_never_inside_an_attribute_value():
    """A cut after the last '>' of a chunk fell inside x="/>..." and hid the cell's content
    from the reach (a second review); no '<' is ever inside an attribute value."""
    from pokin_xl.readers.package import _whole_tags

    chunks = [b'<row r="2"><c r="A1048576" x="/>', b'AA"><v>1</v></c></row>']
    pieces = list(_whole_tags(iter(chunks)))
    assert pieces == [b'<row r="2">', b'<c r="A1048576" x="/>AA"><v>1</v></c>', b"</row>"]
    assert b"".join(_whole_tags(iter([b"<a>x</a><b>", b"y</b>"]), b"</a>")) == b"<a>x</a><b>y</b>"


def test_every_worksheet_part_must_be_safe_for_calamine_whatever_the_titles_map_to(tmp_path):
    """python-calamine maps titles to parts its own way (a duplicate title, a second id, a
    target with './', another workbook part): a worksheet part under any name is bounded, and
    one that is not sends the whole file to openpyxl."""
    far = b'<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    stray = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    source = bad.good_matriks(tmp_path / "m.xlsx")
    path = bad.write_parts(
        tmp_path / "lain.xlsx",
        {**bad.parts_of(source), "xl/x/./s.xml": stray + far + b"</worksheet>"},
    )
    assert "xl/x/./s.xml" in open_book(path).package.sheets
    assert open_book(path).route == "openpyxl"
    assert open_book(source).route == "calamine"


def test_duplicate_sheet_titles_take_openpyxl(tmp_path):
    source = bad.good_matriks(tmp_path / "m.xlsx")
    path = bad.replace_part(
        source, tmp_path / "ganda.xlsx", "xl/workbook.xml",
        lambda data: data.replace(b'name="Pegawai"', b'name="Identitas"', 1),
    )  # fmt: skip
    assert open_book(path).route == "openpyxl"


def test_a_shared_string_table_inside_another_element_is_still_read_for_its_count(tmp_path):
    """calamine reads uniqueCount from the first <sst> at any depth."""
    from pokin_xl.readers.workbook import checked_package

    def wrapped(data: bytes) -> bytes:
        data = _stating(b'uniqueCount="999999999999"')(data)
        return data.replace(b"<sst ", b"<w><sst ", 1).replace(b"</sst>", b"</sst></w>")

    path = bad.replace_part(bad.SAMPLE, tmp_path / "m.xlsx", "xl/sharedStrings.xml", wrapped)
    assert checked_package(path).overstated_strings


def test_nested_loads_restore_openpyxls_own_methods():
    from openpyxl.worksheet._reader import WorksheetReader

    from pokin_xl.readers.lean_openpyxl import ranges_as_ranges

    own = WorksheetReader.bind_merged_cells, WorksheetReader.bind_hyperlinks
    with ranges_as_ranges(), ranges_as_ranges():
        assert WorksheetReader.bind_hyperlinks is not own[1]
    assert (WorksheetReader.bind_merged_cells, WorksheetReader.bind_hyperlinks) == own


def _stating(count: bytes):
    return lambda data: re.sub(rb'uniqueCount="[0-9]+"', count, data, count=1)


def _far_root(data: bytes) -> bytes:
    """The table's root element 3 MB into its part, after a comment (beyond the first piece)."""
    return data.replace(b"<sst ", b"<!--" + b" " * (3 << 20) + b"-->\n<sst ", 1)


def _prefixed(data: bytes) -> bytes:
    """The table with its elements in a prefix (<x:sst>, <x:si>), stating 2 million more."""
    held = data.count(b"<si>")
    data = re.sub(rb'uniqueCount="[0-9]+"', b'uniqueCount="%d"' % (held + 2_000_000), data, count=1)
    data = data.replace(b"<sst ", b'<x:sst xmlns:x="%s" ' % MAIN_NS).replace(b"</sst>", b"</x:sst>")
    return data.replace(b"<si>", b"<x:si>").replace(b"</si>", b"</x:si>")


MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.mark.parametrize(
    ("change", "overstated"),
    [
        (lambda data: data, False),
        (_stating(b""), False),  # no count: nothing to reserve
        (_stating(b'uniqueCount="1"'), False),  # too few: calamine grows its table as it reads
        (_stating(b'uniqueCount="999999999999"'), True),
        (_stating(b'uniqueCount="1000495"'), False),  # a million spare: 24 MB reserved
        (_stating(b'uniqueCount="1000496"'), True),
        (_prefixed, True),
        (lambda data: data.replace(b"<sst ", b"\n" * (3 << 20) + b"<sst ", 1), False),
        (lambda data: _stating(b'uniqueCount="999999999999"')(_far_root(data)), True),
        (_stating(b'a=">" uniqueCount="999999999999"'), True),
    ],
    ids=[
        "as-written",
        "no-count",
        "understated",
        "trillion",
        "a-million-spare",
        "one-more",
        "prefixed",
        "root-3-mb-down",
        "trillion-3-mb-down",
        "after-a-gt-in-a-value",
    ],
)
def test_a_shared_string_table_stating_more_than_it_holds_takes_openpyxl(
    tmp_path, change, overstated
):
    path = bad.replace_part(bad.SAMPLE, tmp_path / "m.xlsx", "xl/sharedStrings.xml", change)
    book = open_book(path)
    assert bool(book.package.overstated_strings) is overstated
    assert book.route == ("openpyxl" if overstated else "calamine")
    assert (
        book.grid("Kinerja").get(1, 1).value
        == open_book(bad.SAMPLE).grid("Kinerja").get(1, 1).value
    )


def test_the_sample_with_an_overstated_string_count_reads_as_the_sample(tmp_path):
    path = bad.overstated_shared_strings(tmp_path / "klaim.xlsx")
    assert open_book(path).route == "openpyxl"
    read, sample = read_matriks(path), read_matriks(bad.SAMPLE)
    for name in ("nodes", "indicators"):
        pd.testing.assert_frame_equal(
            getattr(read, name).frame, getattr(sample, name).frame, check_dtype=False
        )


class PanicException(BaseException):
    """As pyo3 raises a Rust panic of python-calamine (its issue 111: a cellStyle without a
    name): not an Exception."""


def _panic(*_args, **_kwargs):
    raise PanicException("called `Option::unwrap()` on a `None` value")


def test_a_panic_of_calamine_opening_the_file_leaves_it_to_openpyxl(tmp_path, monkeypatch):
    import python_calamine

    path = bad.good_matriks(tmp_path / "m.xlsx")
    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", _panic)
    assert open_book(path).route == "openpyxl"


def test_a_panic_of_calamine_reading_a_sheet_is_a_damaged_file_naming_the_sheet(
    tmp_path, monkeypatch
):
    path = bad.good_matriks(tmp_path / "m.xlsx")
    book = open_book(path)
    assert book.route == "calamine"
    monkeypatch.setattr(book, "_book", type("Panicking", (), {"get_sheet_by_name": _panic})())
    with pytest.raises(InputError) as raised:
        book.grid("Kinerja")
    assert raised.value.sheet == "Kinerja" and "rusak" in str(raised.value)


def _facts(*pieces: bytes) -> SheetFacts:
    facts = SheetFacts()
    for piece in pieces:
        facts.scan(piece, None)
    facts.finish()
    return facts


ROW_1 = b'<row r="1"><c r="A1" t="s"><v>0</v></c>'


@pytest.mark.parametrize(
    ("pieces", "plain", "reach"),
    [
        ([ROW_1 + b'<c r="B1"><v>1</v></c></row>'], True, (1, 26)),
        ([ROW_1 + b'<c r="B9"><v>1</v></c><c r="C1"><v>1</v></c></row>'], False, None),
        ([ROW_1 + b'<c r="XFD1048576"><v>1</v></c><c r="C1"><v>1</v></c></row>'], False, None),
        ([ROW_1 + b'<c r="b10"><v>1</v></c><c r="C1"><v>1</v></c></row>'], False, None),
        # a styled empty cell holds nothing: calamine builds nothing for it
        ([ROW_1 + b'<c r="XFD1048576" s="1"/><c r="C1"><v>1</v></c></row>'], True, (1, 26)),
        # the last cell with content sets the reach itself
        ([ROW_1 + b'<c r="XFD9"><v>1</v></c></row>'], True, (9, 16384)),
        # a piece ends inside a cell that starts a new row: its end comes in the next piece
        ([ROW_1 + b'</row><row r="2"><c r="A2" t="s">', b"<v>1</v></c></row>"], True, (2, 26)),
        ([ROW_1 + b'<c r="B5" t="s">', b'<v>1</v></c><c r="C1"><v>1</v></c></row>'], False, None),
        # an address with eight digits, its cell the last one and split over two pieces
        ([ROW_1 + b'<c r="A99999999" t="s">', b"<v>1</v></c></row>"], False, None),
        # found by a review: a cell name followed by a newline or a tab, more letters than a
        # column has, a '/>' inside an attribute value, a decoy after a split cell, and a cell
        # closed by '</c >' (python-calamine reads every one of them)
        ([ROW_1 + b'<c\nr="XFD1048576"><v>2</v></c><c r="B1"><v>2</v></c></row>'], False, None),
        ([ROW_1 + b'<c\tr="XFD1048576"><v>2</v></c><c r="B1"><v>2</v></c></row>'], False, None),
        ([ROW_1 + b'<c r="ZZZZZZ1"><v>1</v></c><c r="B1"><v>1</v></c></row>'], False, None),
        (
            [ROW_1 + b'<c r="XFD1048576" x="/>"><v>1</v></c><c r="B1"><v>1</v></c></row>'],
            False,
            None,
        ),
        (
            [
                ROW_1 + b'<c r="XFD1048576"><!--<c r="A1"/>-->',
                b'<v>1</v></c><c r="B1"><v>1</v></c></row>',
            ],
            False,
            None,
        ),
        ([ROW_1 + b'</row><row r="2"><c r="XFD1048576"><v>1</v></c ></row>'], False, None),
        # a second review: a prefixed cell with no address (placed at its row by calamine)
        ([ROW_1 + b'</row><row r="1048576"><x:c><v>1</v></x:c></row>'], False, None),
    ],
    ids=[
        "sound",
        "below",
        "far",
        "lower-case",
        "styled-empty",
        "last",
        "split",
        "split-below",
        "split-unplaceable",
        "newline-after-c",
        "tab-after-c",
        "six-letters",
        "slash-gt-in-a-value",
        "split-with-a-decoy",
        "space-in-end-tag",
        "prefixed-without-address",
    ],
)
def test_the_reach_bounds_every_address_with_content(pieces, plain, reach):
    facts = _facts(*pieces)
    assert facts.plain is plain
    if reach is not None:
        assert (facts.max_row, max(facts.max_col, 26)) == reach


@pytest.mark.parametrize("row", [0, 1, 9, 10, 99, 100, 101, 1909, 20083, 99999, 1048576])
def test_rows_below_matches_exactly_the_greater_row_numbers(row):
    pattern = _rows_below(row)
    for number in sorted({*range(max(0, row - 120), row + 120), row * 10, row * 10 + 9, 10**7}):
        cell = b'<c r="AB%d" t="n"><v>1</v></c>' % number
        assert bool(pattern.search(cell)) is (number > row), number
    assert pattern.search(b'<c r="AB%d" s="2"/>' % (row + 1)) is None  # no content
    assert pattern.search(b'<c r="A%d">' % (row + 1))  # no attribute after the address


def test_rows_out_of_order_or_cells_without_address_take_openpyxl(tmp_path):
    path = bad.good_matriks(tmp_path / "urut.xlsx")
    bad._edit_part(
        path, bad.KINERJA_PART, lambda data: data.replace(b'<c r="A2"', b'<c  r="A2"', 1)
    )
    assert open_book(path).route == "openpyxl"
    assert_same_matriks(path)


ACCENTED = b"<t>Meningkatnya kualitas aparatur (\xc3\xa9valuasi)</t>"


def _accented(folder: Path) -> Path:
    """A matriks whose Kinerja sheet (UTF-8, no declaration) holds an accented text at E2."""
    folder.mkdir()

    def accent(data: bytes) -> bytes:
        return data.replace(b"<t>Meningkatnya kualitas aparatur</t>", ACCENTED, 1)

    return bad._edit_part(folder / "m.xlsx", bad.KINERJA_PART, accent)


def _assert_reads_alike(a: Path, b: Path) -> None:
    first, second = read_matriks(a), read_matriks(b)
    for name in ("pegawai", "indicators", "nodes"):
        pd.testing.assert_frame_equal(getattr(first, name).frame, getattr(second, name).frame)
    assert first.problems == second.problems


@pytest.mark.parametrize(
    "declaration",
    [
        b'<?xml version="1.0" encoding="ISO-8859-1"?>',
        b"<?xml version='1.0' encoding='iso-8859-1' standalone='yes'?>",
        b'<?xml version="1.0"' + b" " * 250 + b'encoding="ISO-8859-1"?>',  # past a short look
    ],
    ids=["plain", "quotes", "padded"],
)
def test_a_sheet_declared_iso_8859_1_takes_openpyxl_and_reads_as_in_utf8(tmp_path, declaration):
    """python-calamine decodes UTF-8 only: it refused such a sheet as damaged, while the XML
    is sound and openpyxl decodes it. The XML pass's formula texts are UTF-8: not used."""
    utf8 = _accented(tmp_path / "utf8")
    (tmp_path / "latin1").mkdir()
    latin1 = bad.replace_part(
        utf8,
        tmp_path / "latin1" / "m.xlsx",
        bad.KINERJA_PART,
        lambda data: declaration + data.decode().encode("latin-1"),
    )
    assert open_book(utf8).route == "calamine"
    book = open_book(latin1)
    assert book.route == "openpyxl"
    assert list(book.package.other_encodings) == [bad.KINERJA_PART]
    assert book.formulas("Kinerja") is None
    assert book.grid("Kinerja").value(2, 5) == "Meningkatnya kualitas aparatur (évaluasi)"
    _assert_reads_alike(utf8, latin1)


def _declaring(name: bytes):
    return lambda data: b'<?xml version="1.0" encoding="' + name + b'"?>' + data


@pytest.mark.parametrize("name", [b"utf8", b"UTF8", b"utf_8"])
def test_an_accented_letter_under_a_utf8_alias_is_refused_naming_the_alias(tmp_path, name):
    """expat, and ElementTree and openpyxl on top of it, read a UTF-8 alias it does not know
    one byte per letter. Read right by one reader here (the package check, say) and wrong by
    another (the styles table, openpyxl), such a part gave an internal error: all refuse it."""
    named = bad.replace_part(
        _accented(tmp_path / "polos"), tmp_path / "m.xlsx", bad.KINERJA_PART, _declaring(name)
    )
    with pytest.raises(InputError) as refused:
        open_book(named)
    assert f"menyatakan pengodean '{name.decode()}'" in str(refused.value)


@pytest.mark.parametrize("name", [b"utf8", b"utf-8", b"UTF-8"])
def test_ascii_text_under_a_utf8_alias_reads_as_without_it(tmp_path, name):
    plain = bad.good_matriks(tmp_path / "polos.xlsx")
    (tmp_path / "nama").mkdir()
    named = bad.replace_part(
        plain, tmp_path / "nama" / "m.xlsx", bad.KINERJA_PART, _declaring(name)
    )
    assert open_book(named).package.other_encodings == {}
    _assert_reads_alike(plain, named)


def test_formula_texts_from_the_xml_pass_equal_openpyxls(tmp_path):
    from pokin_xl.readers.recompute import formula_texts

    generated = tmp_path / "renstra.xlsx"
    write_renstra_for(generated, 2, 3, 4)
    paths = [generated, bad.uncached_formulas(tmp_path / "rumus.xlsx"), SAMPLE / "matriks.xlsx"]
    if (SHARED_DATA / "real" / "renstra_template_sesendok.xlsx").exists():
        paths.append(SHARED_DATA / "real" / "renstra_template_sesendok.xlsx")  # shared formulas
    for path in paths:
        book = open_book(path)
        assert book.route == "calamine"
        for title in book.titles:
            assert book.formulas(title) == formula_texts(path, title), (path, title)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "SUM(A1:A3)",
        "IF(A1&lt;&gt;&quot;&quot;,&quot;a &amp; b&quot;,&apos;x&apos;)",
        "&amp;lt; &amp;amp; &lt;&amp;gt;",
        "&#10; &unknown; & &amp",
        "&quot;&apos;&lt;&gt;&amp;" * 3,
    ],
)
def test_formula_text_is_unescaped_as_xml_sax_did_it(text):
    """The XML pass unescapes a formula as xml.sax.saxutils.unescape with &quot; and &apos;
    (which it no longer imports: urllib and http.client came with it)."""
    from xml.sax.saxutils import unescape

    from pokin_xl.readers.cell_facts import _unescape

    assert _unescape(text) == unescape(text, {"&quot;": '"', "&apos;": "'"})
