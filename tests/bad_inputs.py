"""Bad input files built in code: each class a hostile or unlucky user can hand the tool.

Every builder writes one file and returns its path; none needs anything but the standard library
and tests.builders, so the robustness suite can make hundreds of them quickly.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

from tests.builders import chain, write_matriks

SAMPLE = Path(__file__).resolve().parent.parent / "samples/bkpsdm_purwakarta_2024/matriks.xlsx"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2_bytes(*streams: str) -> bytes:
    """A compound file (OLE2) whose directory names `streams`: enough for format sniffing.

    The header is followed by one directory sector; each 128-byte entry holds its name in
    UTF-16LE and the name's byte length (with the terminating NUL) at offset 64, as in [MS-CFB].
    """
    header = bytearray(512)
    header[:8] = OLE2_MAGIC
    header[0x1E:0x20] = struct.pack("<H", 9)  # 512-byte sectors
    entries = bytearray()
    for name in ("Root Entry", *streams):
        raw = name.encode("utf-16-le") + b"\0\0"
        entry = bytearray(128)
        entry[: len(raw)] = raw
        entry[64:66] = struct.pack("<H", len(raw))
        entry[66] = 5 if name == "Root Entry" else 2
        entries += entry
    entries += bytes(-len(entries) % 512)
    return bytes(header) + bytes(entries) + b"\0" * 512


def good_matriks(path: Path) -> Path:
    return write_matriks(path, chain())


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_parts(path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def replace_part(source: Path, target: Path, part: str, change) -> Path:
    """`target`: `source` with one part's bytes passed through `change`."""
    parts = parts_of(source)
    parts[part] = change(parts[part])
    return write_parts(target, parts)


def patch_central_directory(path: Path, offset: int, value: bytes, name: str) -> None:
    """Overwrite bytes of the central-directory entry of part `name` (and its local header)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack("<H", data[central + 28 : central + 30])[0]
        if bytes(data[central + 46 : central + 46 + length]) == encoded:
            data[central + offset : central + offset + len(value)] = value
            local = struct.unpack("<I", data[central + 42 : central + 46])[0]
            local_offset = {8: 6, 10: 8, 24: 22}.get(offset)  # flags, method, uncompressed size
            if local_offset is not None:
                data[local + local_offset : local + local_offset + len(value)] = value
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def zip_bytes(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# ---------------------------------------------------------------------------- the classes
KINERJA_PART = "xl/worksheets/sheet3.xml"  # write_matriks: Identitas, Pegawai, Kinerja
MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return path


def xlsb(path: Path) -> Path:
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'
    )
    return write_parts(
        path,
        {
            "[Content_Types].xml": b"<Types/>",
            "_rels/.rels": rels.encode(),
            "xl/workbook.bin": b"\x83\x01\x00",
        },
    )


def xls_renamed(path: Path) -> Path:
    path.write_bytes(ole2_bytes("Workbook", "\x05SummaryInformation"))
    return path


def encrypted_ooxml(path: Path) -> Path:
    path.write_bytes(ole2_bytes("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"))
    return path


def strict_ooxml(path: Path) -> Path:
    source = good_matriks(path.with_name("sumber_strict.xlsx"))
    parts = {
        name: data.replace(MAIN_NS, b"http://purl.oclc.org/ooxml/spreadsheetml/main").replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        )
        for name, data in parts_of(source).items()
    }
    source.unlink()
    return write_parts(path, parts)


def html_as_xls(path: Path) -> Path:
    path.write_bytes(
        b"<html><body><table><tr><td>Kode</td><td>Sasaran</td></tr></table></body></html>"
    )
    return path


def truncated_zip(path: Path) -> Path:
    data = good_matriks(path).read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _local_data(data: bytes, name: str) -> tuple[int, int]:
    """Offset and length of a part's compressed bytes in a zip written by zipfile."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    start = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[start + 26 : start + 30])
    return start + 30 + name_len + extra_len, info.compress_size


def corrupt_deflate(path: Path) -> Path:
    data = bytearray(good_matriks(path).read_bytes())
    offset, size = _local_data(bytes(data), KINERJA_PART)
    for at in range(offset + size // 3, offset + size // 3 + 24):
        data[at] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def flagged_encrypted(path: Path) -> Path:
    good_matriks(path)
    patch_central_directory(path, 8, struct.pack("<H", 0x0001), KINERJA_PART)
    return path


def unknown_compression(path: Path) -> Path:
    good_matriks(path)
    patch_central_directory(path, 10, struct.pack("<H", 99), KINERJA_PART)
    return path


def declared_huge(path: Path) -> Path:
    """A part that says it inflates to 1.1 GB: refused on the declaration, nothing inflated."""
    good_matriks(path)
    patch_central_directory(path, 24, struct.pack("<I", 1_100_000_000), KINERJA_PART)
    return path


def declared_small(path: Path) -> Path:
    """A part that inflates to more than it declares (a lying header): zipfile stops, CRC fails."""
    good_matriks(path)
    patch_central_directory(path, 24, struct.pack("<I", 200), KINERJA_PART)
    return path


def real_bomb(path: Path) -> Path:
    """65 MB of shared strings in a few hundred kilobytes of zip (over the 64 MB part cap)."""
    parts = parts_of(good_matriks(path))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            if name != "xl/sharedStrings.xml":
                archive.writestr(name, data)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(b'<sst xmlns="' + MAIN_NS + b'">')
            block = b"<si><t>a</t></si>" * 65536
            for _ in range(65 * 1024 * 1024 // len(block) + 1):
                out.write(block)
            out.write(b"</sst>")
    return path


def _edit_part(path: Path, part: str, change) -> Path:
    source = good_matriks(path.with_name(f"sumber_{path.name}"))
    replace_part(source, path, part, change)
    source.unlink()
    return path


def truncated_xml(path: Path) -> Path:
    return _edit_part(path, KINERJA_PART, lambda data: data[: len(data) // 2])


def _edit_sample(path: Path, part: str, change) -> Path:
    """The sample matriks (written by Excel's conventions: shared strings) with one part changed."""
    return replace_part(SAMPLE, path, part, change)


def _in_shared_string(insert: bytes):
    return lambda data: data.replace(b"<t>", b"<t>" + insert, 1)


def control_bytes(path: Path) -> Path:
    return _edit_sample(path, "xl/sharedStrings.xml", _in_shared_string(b"\x01\x1b"))


def lone_surrogate(path: Path) -> Path:
    return _edit_sample(path, "xl/sharedStrings.xml", _in_shared_string(b"\xed\xa0\x80"))


def bad_char_reference(path: Path) -> Path:
    return _edit_sample(path, "xl/sharedStrings.xml", _in_shared_string(b"&#1;"))


def invalid_utf8(path: Path) -> Path:
    return _edit_sample(path, "xl/sharedStrings.xml", _in_shared_string(b"\xff\xfe"))


def _declaring(encoding: bytes):
    return lambda data: data.replace(b'encoding="UTF-8"', b'encoding="' + encoding + b'"', 1)


def unknown_encoding(path: Path) -> Path:
    return _edit_sample(path, "xl/sharedStrings.xml", _declaring(b"A0"))


def utf8_alias_styles(path: Path) -> Path:
    """The sample's styles declared 'utf8' with a euro sign in a number format: the package
    check read it one way and the styles table another (an internal error)."""

    def change(data: bytes) -> bytes:
        data = data.replace(b'encoding="UTF-8"', b'encoding="utf8"', 1)
        return data.replace(b'formatCode="', 'formatCode="\u20ac '.encode(), 1)

    return _edit_sample(path, "xl/styles.xml", change)


def utf16_sheet(path: Path) -> Path:
    """The Kinerja sheet in UTF-16 with a byte-order mark: sound XML, but every byte search of
    the package check (cells, empties, formulas) and python-calamine need an ASCII-based text."""
    return _edit_part(path, KINERJA_PART, lambda data: data.decode().encode("utf-16"))


def utf16_sheet_unmarked(path: Path) -> Path:
    """The same without the mark, which expat detects from the '<' in two bytes."""
    return _edit_part(path, KINERJA_PART, lambda data: data.decode().encode("utf-16-le"))


def multibyte_encoding(path: Path) -> Path:
    """An encoding Python knows but expat cannot take (it reads single-byte ones only)."""
    return _edit_sample(path, "xl/sharedStrings.xml", _declaring(b"Shift_JIS"))


LAUGHS = b"".join(
    b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10 if i else b"lol") for i in range(10)
)


def billion_laughs(path: Path) -> Path:
    def bomb(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[-1]
        doctype = b"<!DOCTYPE sst [" + LAUGHS + b"]>"
        return doctype + body.replace(b"<t>", b"<t>&lol9;", 1)

    return _edit_sample(path, "xl/sharedStrings.xml", bomb)


def external_entity(path: Path) -> Path:
    def steal(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[-1]
        doctype = b'<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        return doctype + body

    return _edit_part(path, "xl/workbook.xml", steal)


def doctype_in_rels(path: Path) -> Path:
    return _edit_part(path, "_rels/.rels", lambda data: b"<!DOCTYPE Relationships>" + data)


def _far_cell(text: bytes):
    def add(data: bytes) -> bytes:
        cell = (
            b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t xml:space="preserve">'
            + text
            + b"</t></is></c></row></sheetData>"
        )
        data = data.replace(b"</sheetData>", cell, 1)
        return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data, count=1)

    return add


def far_corner_space(path: Path) -> Path:
    return _edit_part(path, KINERJA_PART, _far_cell(b" "))


def far_corner_value(path: Path) -> Path:
    return _edit_part(path, KINERJA_PART, _far_cell(b"x"))


def far_address_in_row(path: Path, address: bytes = b"XFD1048576") -> Path:
    """The Sasaran of row 2 (E2, in the middle of the row) written under another address: both
    libraries place a cell by its address, not by its row element. python-calamine builds the
    rectangle up to it, and Rust aborts the process when that cannot be allocated (512 GB for
    XFD1048576: no exception, no message)."""
    return _edit_part(
        path, KINERJA_PART, lambda data: data.replace(b'<c r="E2"', b'<c r="' + address + b'"', 1)
    )


def lowercase_far_address(path: Path) -> Path:
    return far_address_in_row(path, b"xfd1048576")


def _merged(ref: bytes):
    merge = b'</sheetData><mergeCells count="1"><mergeCell ref="%s"/></mergeCells>' % ref
    return lambda data: data.replace(b"</sheetData>", merge, 1)


def far_merged_range(path: Path) -> Path:
    """Row 2's Sasaran (E2) merged down to the sheet's last row: every cell of the range reads
    as E2, so the reach (1,048,576 rows x 23 columns) is the range's, not the cells'."""
    return _edit_part(path, KINERJA_PART, _merged(b"E2:E1048576"))


def wide_merged_range(path: Path) -> Path:
    """E2 merged to XFD1048576: openpyxl's own loading builds a cell for each of its 17 billion
    cells (readers.lean_openpyxl keeps it a range)."""
    return _edit_part(path, KINERJA_PART, _merged(b"E2:XFD1048576"))


def linked_range(path: Path, ref: bytes = b"A1:XFD1048576") -> Path:
    """A hyperlink over a range: openpyxl builds every cell of it (a hang on A1:XFD1048576)."""
    link = b'</sheetData><hyperlinks><hyperlink ref="%s" location="\'Kinerja\'!A1"/></hyperlinks>'
    return _edit_part(path, KINERJA_PART, lambda data: data.replace(b"</sheetData>", link % ref, 1))


def overlapping_merges(path: Path, count: int = 200) -> Path:
    """A value in W76000 and `count` merges A1:A76000, A2:A76000, ...: within the reach each is
    a range of rows, and together they are 15 million rows to fill (3 GB before the bound)."""
    far = b'<row r="76000"><c r="W76000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    merges = b"".join(b'<mergeCell ref="A%d:A76000"/>' % i for i in range(1, count + 1))
    block = far + b'<mergeCells count="%d">%s</mergeCells>' % (count, merges)
    return _edit_part(path, KINERJA_PART, lambda data: data.replace(b"</sheetData>", block, 1))


def ranged_comment(path: Path) -> Path:
    """A comments part whose comment sits on a range: openpyxl builds every cell of it while
    loading, then fails (a comment in Excel is always on one cell)."""
    part = (
        b'<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<authors><author>a</author></authors><commentList>"
        b'<comment ref="A1:XFD1048576" authorId="0"><text><t>x</t></text></comment>'
        b"</commentList></comments>"
    )
    source = good_matriks(path.with_name(f"sumber_{path.name}"))
    write_parts(path, {**parts_of(source), "xl/comments9.xml": part})
    source.unlink()
    return path


def overstated_shared_strings(path: Path) -> Path:
    """The sample with a shared-string table that claims 10^12 strings (uniqueCount): python-
    calamine reserves room for them before reading, and Rust aborts the process (no exception)."""
    return _edit_sample(
        path,
        "xl/sharedStrings.xml",
        lambda data: re.sub(rb'uniqueCount="[0-9]+"', b'uniqueCount="999999999999"', data, count=1),
    )


def xls_far_corner(path: Path, source: Path) -> Path:
    """A legacy .xls (`source`) whose first shared-string cell (LABELSST record: type 0x00FD,
    length 10, then row and column) is moved to IV65536, the last cell of an .xls sheet."""
    data = bytearray(source.read_bytes())
    at = data.find(b"\xfd\x00\x0a\x00")
    assert at != -1, "no LABELSST record"
    data[at + 4 : at + 8] = struct.pack("<HH", 65535, 255)
    path.write_bytes(bytes(data))
    return path


def million_styled_rows(path: Path, rows: int = 1_000_000, with_cells: bool = True) -> Path:
    """The Kinerja sheet followed by `rows` formatted rows that hold nothing."""
    parts = parts_of(good_matriks(path))
    head, tail = parts[KINERJA_PART].split(b"</sheetData>", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            if name != KINERJA_PART:
                archive.writestr(name, data)
        with archive.open(KINERJA_PART, "w", force_zip64=True) as out:
            out.write(head)
            for start in range(10, rows + 10, 20_000):
                chunk = []
                for r in range(start, min(start + 20_000, rows + 10)):
                    if with_cells:
                        chunk.append(
                            b'<row r="%d" s="0" customFormat="1"><c r="A%d" s="0"/>'
                            b'<c r="E%d" s="0"/></row>' % (r, r, r)
                        )
                    else:
                        chunk.append(b'<row r="%d" ht="20" customHeight="1"/>' % r)
                out.write(b"".join(chunk))
            out.write(b"</sheetData>" + tail)
    return path


def uncached_formulas(path: Path) -> Path:
    """Targets and pagu as formulas saved without results (openpyxl never stores them)."""
    import openpyxl

    good_matriks(path)
    book = openpyxl.load_workbook(path)
    sheet = book["Kinerja"]
    sheet["I6"] = "=2*3"
    sheet["K5"] = "=K6"
    sheet["K4"] = "=SUM(K5:K5)"
    book.save(path)
    return path


def unsupported_extension(path: Path) -> Path:
    """A data-validation extension openpyxl warns about (and drops) when reading."""
    ext = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
        b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
        b'<x14:dataValidations count="0"/></ext></extLst></worksheet>'
    )
    return _edit_part(path, KINERJA_PART, lambda data: data.replace(b"</worksheet>", ext, 1))
