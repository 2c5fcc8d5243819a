"""An .xlsx package checked before any XML parser sees it.

A workbook is a zip of XML parts. Before openpyxl reads it, every part is checked here:
- the zip's own flags: no part encrypted, only compression methods zipfile can inflate, at most
  MAX_PARTS parts, and each part's *declared* uncompressed size under its cap. zipfile never
  inflates a part beyond its declared size (a part that lies fails its CRC), so the caps hold
  while parsing too: a 6 MB zip that would inflate to 1 GB is refused before inflating;
- every XML part streams once through expat with handlers that refuse a DOCTYPE or an ENTITY
  declaration the moment it starts (never expanded: no billion laughs, no external entity), and
  any XML that is not well formed (control bytes, bytes that are not UTF-8, a truncated part) is
  refused with the part, line and column;
- worksheet parts are counted on the way: cells that hold something, and styled cells or rows
  that hold nothing. openpyxl builds an object per `<c>` and per styled `<row>`, so a million
  styled empty rows cost gigabytes; when empties are many, the package is rewritten in memory
  without them (values, formulas and merged ranges untouched) and openpyxl reads the copy.
  Cells that hold something are capped (MAX_CELLS), so memory is bounded by what a file holds.
  The rewrite is made only when openpyxl is to read the package (`CheckedPackage.source`):
  python-calamine skips styled empties without building anything for them;
- on the same pass, what python-calamine cannot give is gathered from each worksheet
  (readers.cell_facts: number formats of numeric cells, error values, the cells' reach), the
  styles part being checked first, and the sheets' names are mapped to their parts.
"""

from __future__ import annotations

import codecs
import io
import itertools
import re
import xml.etree.ElementTree as ET
import xml.parsers.expat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pokin_xl.errors import InputError
from pokin_xl.readers.cell_facts import (
    SheetFacts,
    StyleSearches,
    cell_format_table,
    styles_pattern,
)
from pokin_xl.readers.sniff import workbook_part

MB = 1024 * 1024
MAX_PARTS = 10_000
MAX_SHEET_BYTES = 256 * MB  # a worksheet part, uncompressed (streamed, never held whole)
MAX_PART_BYTES = 64 * MB  # any other part (openpyxl parses shared strings, styles whole)
MAX_TOTAL_BYTES = 512 * MB
# python-calamine reserves ~24 bytes per string a shared-string table states (uniqueCount)
# before reading it: a table stating this many more than it holds is left to openpyxl
SPARE_STRINGS = 1_000_000
SHARED_STRINGS_PART = "xl/sharedstrings.xml"  # the one python-calamine reads, in any case
MAX_CELLS = 750_000  # cells holding a value or formula, all sheets together
REWRITE_EMPTIES = 100_000  # styled empty cells/rows (all sheets) worth rewriting the package
_WORTH_REWRITING = 1_000  # ... and the sheets rewritten then

_SUPPORTED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_CHUNK = 1 << 20
_XML_SUFFIXES = (".xml", ".rels")
_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix (x:c)
_CELL_RE = re.compile(rb"<" + _P + rb"c[\s/>]")
_EMPTY_CELL_RE = re.compile(rb"<" + _P + rb"c(?:\s[^>]*)?/>")
_EMPTY_ROW_RE = re.compile(rb"<" + _P + rb"row(?:\s[^>]*)?/>")
_UNCACHED_RE = re.compile(
    rb"(?:</" + _P + rb"f>|<" + _P + rb"f(?:\s[^>]*)?/>)\s*"
    rb"(?:<" + _P + rb"v\s*/>\s*|<" + _P + rb"v>\s*</" + _P + rb"v>\s*)?</" + _P + rb"c>"
)
_PREFIXED_F_RE = re.compile(rb"<[A-Za-z_][\w.-]*:f[\s>/]")
_HOLLOW_ROW_RE = re.compile(rb"<(" + _P + rb")row(?:\s[^>]*)?>\s*</\1row>")
# the same for unprefixed elements, the usual case: a literal start is searched much faster
_PLAIN_EMPTY_CELL_RE = re.compile(rb"<c [^>]*/>")
_PLAIN_EMPTY_ROW_RE = re.compile(rb"<row [^>]*/>")
_PLAIN_HOLLOW_ROW_RE = re.compile(rb"<row [^>]*>\s*</row>")


class _Refused(Exception):
    """A DOCTYPE or ENTITY met while streaming a part."""


@dataclass
class SheetCount:
    cells: int = 0  # every <c> element
    empty_cells: int = 0  # <c .../>: a style, no value
    empty_rows: int = 0  # <row .../>: a style or height, no cell
    uncached: int = 0  # a formula saved without its result
    formulas: int = 0  # formula elements (<f>), cached or not
    facts: SheetFacts = field(default_factory=SheetFacts)

    @property
    def filled(self) -> int:
        return self.cells - self.empty_cells

    @property
    def empties(self) -> int:
        return self.empty_cells + self.empty_rows


@dataclass
class CheckedPackage:
    """The checked file, what was counted and gathered, and (`source`) what openpyxl should
    open: the file itself, or a copy rewritten in memory without styled empties."""

    path: Path
    name: str
    cells: int = 0
    sheets: dict[str, SheetCount] = field(default_factory=dict)
    heavy: set[str] = field(default_factory=set)  # sheet parts worth rewriting for openpyxl
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> worksheet part
    styles_found: bool = False
    # parts whose XML declares a one-byte encoding other than UTF-8/ASCII (ISO-8859-1...):
    # python-calamine reads UTF-8 only, and the XML pass's formula texts are UTF-8
    other_encodings: dict[str, str] = field(default_factory=dict)
    # shared-string tables stating over SPARE_STRINGS more strings (uniqueCount) than they
    # hold: python-calamine reserves room for the stated number before reading, and Rust aborts
    # the process when that cannot be allocated (uniqueCount="999999999999"); part -> (stated,
    # held)
    overstated_strings: dict[str, tuple[int, int]] = field(default_factory=dict)
    _rewritten: io.BytesIO | None = None

    @property
    def rewritten(self) -> bool:
        return bool(self.heavy)

    @property
    def source(self) -> Path | io.BytesIO:
        if not self.heavy:
            return self.path
        if self._rewritten is None:
            self._rewritten = _guarded(
                lambda: _rewrite_file(self.path, self.heavy, self.name), self.name
            )
        self._rewritten.seek(0)
        return self._rewritten

    def sheet(self, title: str) -> SheetCount | None:
        part = self.sheet_parts.get(title)
        return self.sheets.get(part) if part else None


def check_package(path: Path, name: str) -> CheckedPackage:
    """Check every part of the zip at `path`; InputError (naming `name`) when one is unusable."""
    return _guarded(lambda: _check_package(path, name), name)


def _check_package(path: Path, name: str) -> CheckedPackage:
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        _check_table(infos, name)
        # the styles first: the worksheets' pass looks up which styles format numbers
        infos.sort(key=lambda info: not _is_styles(info.filename))
        sheets: dict[str, SheetCount] = {}
        notes = _Notes()
        pattern = None
        styles_found = False
        for info in infos:
            count = _check_part(archive, info, name, pattern, notes)
            if count is not None:
                sheets[info.filename] = count
            elif _is_styles(info.filename) and not styles_found:
                styles_found = True
                pattern = styles_pattern(cell_format_table(archive.read(info)))
        cells = sum(c.filled for c in sheets.values())
        if cells > MAX_CELLS:
            raise InputError(
                f"berkas berisi {_number(cells)} sel terisi (batas {_number(MAX_CELLS)} sel, "
                "agar pembacaan tetap di bawah 500 MB memori); pisahkan data ke beberapa "
                "berkas.",
                file=name,
            )
        # many sheets with some empties each cost as much as one with many: count them all
        total = sum(c.empties for c in sheets.values())
        heavy = (
            set()
            if total < REWRITE_EMPTIES
            else {n for n, c in sheets.items() if c.empties >= _WORTH_REWRITING}
        )
        return CheckedPackage(
            path,
            name,
            cells,
            sheets,
            heavy,
            _sheet_parts(archive),
            styles_found,
            notes.encodings,
            notes.overstated_strings,
        )


def _guarded(work, name: str):
    """`work()`, with every way a zip can be unusable turned into one InputError."""
    try:
        return work()
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        zlib.error,
        NotImplementedError,  # e.g. a zip spanning several disks
        ValueError,
        OSError,
    ) as exc:
        raise InputError(
            "berkas .xlsx rusak: isi arsip zip-nya tidak dapat dibuka (data terkompresi rusak "
            "atau berkas terpotong); minta ulang berkas aslinya atau simpan ulang dari Excel.",
            file=name,
        ) from exc


def _number(value: float) -> str:
    """1234567 -> '1.234.567', as Indonesian writes it."""
    return f"{value:,.0f}".replace(",", ".")


def _is_sheet(part: str) -> bool:
    lower = part.lower()
    return "/worksheets/" in lower and "/_rels/" not in lower


def _is_styles(part: str) -> bool:
    return part.lower() == "xl/styles.xml"


def sheet_names(path: Path, name: str) -> list[str]:
    """The sheet names in workbook order, read from the workbook part alone: the zip's table and
    the parts read here are checked as check_package checks them, the sheets are not read (a
    reader that reads them runs check_package). For choosing a reader cheaply."""

    def work() -> list[str]:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_table(infos, name)
            checked = {info.filename: info for info in infos}.get
            book, _links = _workbook_parts(archive, checked=checked, name=name)
            workbook = _parse(archive, book, checked=checked, name=name)
            if workbook is None:
                return []
            return [e.get("name", "") for e in workbook.iter() if _local(e.tag) == "sheet"]

    return _guarded(work, name)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


PartLookup = Callable[[str], zipfile.ZipInfo | None]


def _parse(
    archive: zipfile.ZipFile, part: str, *, checked: PartLookup | None = None, name: str = ""
) -> ET.Element | None:
    """The part as an ElementTree element, None when absent or not XML. With `checked` (part
    name -> ZipInfo), the part goes through expat's safety pass first (see _check_part)."""
    if checked is not None:
        info = checked(part)
        if info is None:
            return None
        _check_part(archive, info, name)
    try:
        return ET.fromstring(archive.read(part))
    except (KeyError, ET.ParseError):
        return None


def _workbook_parts(
    archive: zipfile.ZipFile, *, checked: PartLookup | None = None, name: str = ""
) -> tuple[str, str]:
    """The workbook part (sniff.workbook_part, the lookup that judged the file an .xlsx) and its
    relationships part. With `checked`, the package relationships go through expat's safety
    pass first, as every part check_package reads does."""
    import posixpath

    rels = checked("_rels/.rels") if checked is not None else None
    if rels is not None:
        _check_part(archive, rels, name)
    infos = {info.filename: info for info in archive.infolist()}
    book = workbook_part(archive, infos) or "xl/workbook.xml"
    folder, base = posixpath.split(book)
    return book, posixpath.join(folder, "_rels", base + ".rels")


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part, from the (already checked) workbook part and its rels."""
    import posixpath

    book, links_part = _workbook_parts(archive)
    folder = posixpath.dirname(book)
    workbook = _parse(archive, book)
    links = _parse(archive, links_part)
    if workbook is None or links is None:
        return {}
    targets = {}
    for link in links:
        target = link.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        targets[link.get("Id")] = posixpath.normpath(part)
    parts = {}
    for element in workbook.iter():
        if _local(element.tag) == "sheet":
            rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
            if rid in targets:
                parts[element.get("name", "")] = targets[rid]
    return parts


def _check_part(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    pattern: StyleSearches | None = None,
    notes: _Notes | None = None,
) -> SheetCount | None:
    """XML parts (by name, or by content for a part named otherwise) go through expat; VML,
    which no reader parses and Excel writes loosely, is only searched for declarations. What
    decides the reading path is kept in `notes`."""
    lower = info.filename.lower()
    if lower.endswith(".vml"):
        for piece in _whole_tags(_chunks(archive, info)):
            if b"<!DOCTYPE" in piece or b"<!ENTITY" in piece:
                raise _declaration_refused(info, name)
        return None
    if not lower.endswith(_XML_SUFFIXES):
        with archive.open(info) as part:
            if not part.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                return None  # an image, a binary part: nothing parses it as XML
    return _stream_xml(archive, info, name, _is_sheet(info.filename), pattern, notes)


def _check_table(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_PARTS:
        raise InputError(
            f"arsip .xlsx berisi {len(infos)} bagian (batas {MAX_PARTS}); berkas ini bukan "
            "workbook biasa.",
            file=name,
        )
    total = 0
    for info in infos:
        part = info.filename
        if info.flag_bits & 0x1:
            raise InputError(
                f"bagian '{part}' di dalam arsip ditandai terenkripsi (zip berkata sandi), yang "
                "tidak pernah dibuat Excel; simpan ulang berkas dari Excel tanpa kata sandi.",
                file=name,
            )
        if info.compress_type not in _SUPPORTED_METHODS:
            raise InputError(
                f"bagian '{part}' memakai metode kompresi zip nomor {info.compress_type} yang "
                "tidak dikenal Excel; berkas dibuat oleh program lain atau rusak: buka dan simpan "
                "ulang di Excel.",
                file=name,
            )
        limit = MAX_SHEET_BYTES if _is_sheet(part) else MAX_PART_BYTES
        if info.file_size > limit:
            raise InputError(
                f"bagian '{part}' berukuran {_number(info.file_size / MB)} MB setelah dibuka (batas "
                f"{limit // MB} MB per bagian); berkas terlalu besar atau sengaja dibuat "
                "menggembung (zip bomb).",
                file=name,
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            f"isi berkas berukuran {_number(total / MB)} MB setelah dibuka (batas "
            f"{MAX_TOTAL_BYTES // MB} MB); pisahkan data ke beberapa berkas.",
            file=name,
        )


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            yield chunk


def _whole_tags(chunks: Iterator[bytes], closing: bytes = b"<") -> Iterator[bytes]:
    """The stream cut at the last `closing` of each chunk: by default before a '<', which no
    attribute value holds, so no tag and no attribute value is ever split (a cut after a '>'
    could fall inside x="/>..."); with b"</row>", after it."""
    carry = b""
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(closing)
        if closing != b"<" and cut != -1:
            cut += len(closing)
        if cut <= 0:
            carry = data
            continue
        carry = data[cut:]
        yield data[:cut]
    if carry:
        yield carry


def _stream_xml(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    sheet: bool,
    pattern: StyleSearches | None = None,
    notes: _Notes | None = None,
) -> SheetCount | None:
    pieces = _whole_tags(_chunks(archive, info))
    first = next(pieces, b"")
    declared = _declared_encoding(first)
    parser = xml.parsers.expat.ParserCreate()
    root: list[tuple[str, dict[str, str]]] = []  # (name without its prefix, attributes)
    held = 0  # <si> items, when the root is a shared-string table
    strings_part = info.filename.lower() == SHARED_STRINGS_PART
    ranged: list[str] = []  # a cell comment's ref that is a range

    def refuse(*_args: object) -> None:
        raise _Refused

    def on_element(tag: str, attributes: dict[str, str]) -> None:
        """The root element; in the shared-string part, the first <sst> at any depth (where
        python-calamine reads uniqueCount); in a comments part, each comment's ref (openpyxl
        builds every cell of a range there before failing on it). Then expat calls back for no
        other element."""
        local = tag.rsplit(":", 1)[-1]
        if not root:
            root.append((local, attributes))
        elif local == "comment" and ":" in attributes.get("ref", ""):
            ranged.append(attributes["ref"])
        if strings_part and local == "sst":
            root[0] = (local, attributes)
        elif (strings_part or root[0][0] == "comments") and not ranged:
            return
        parser.StartElementHandler = None

    parser.StartElementHandler = on_element
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    count = SheetCount() if sheet else None
    try:
        if not _ascii_based(_codec(declared)):
            raise _UnreadableEncoding  # the byte searches below, and python-calamine, need ASCII
        for piece in itertools.chain([first], pieces):
            _feed(parser, piece, False)
            if count is None and root and root[0][0] == "worksheet":
                count = SheetCount()  # a worksheet under another name: python-calamine may read it
            if count is not None:
                _count(piece, count)
                count.facts.scan(piece, pattern)
            elif root and root[0][0] == "sst":
                held += _string_items(piece)
        _feed(parser, b"", True)
        if count is not None:
            count.facts.finish()
    except _Refused:
        raise _declaration_refused(info, name) from None
    except _UnreadableEncoding:
        shown = f" '{declared}'" if declared else ""
        raise InputError(
            f"bagian '{info.filename}' memakai pengodean karakter{shown} yang tidak dibaca "
            "pokin-xl (Excel selalu menulis UTF-8); buka dan simpan ulang di Excel, atau minta "
            "berkas aslinya.",
            file=name,
        ) from None
    except xml.parsers.expat.ExpatError as exc:
        raise InputError(
            f"bagian '{info.filename}' {_xml_problem(exc, declared)}, di baris {exc.lineno} "
            f"kolom {exc.offset + 1}; buka dan simpan ulang di Excel, atau minta berkas aslinya.",
            file=name,
        ) from None
    if ranged:
        raise InputError(
            f"bagian '{info.filename}' memuat komentar sel pada rentang {ranged[0]}, padahal "
            "komentar Excel selalu pada satu sel; buka dan simpan ulang di Excel, atau minta "
            "berkas aslinya.",
            file=name,
        )
    if notes is not None:
        if declared and _codec(declared) not in ("utf-8", "ascii"):
            notes.encodings[info.filename] = declared
        stated = _stated_strings(root[0]) if root and count is None else 0
        if stated > held + SPARE_STRINGS:
            notes.overstated_strings[info.filename] = (stated, held)
    return count


class _UnreadableEncoding(Exception):
    pass


@dataclass
class _Notes:
    """What the pass over the parts found that decides the reading path (see CheckedPackage)."""

    encodings: dict[str, str] = field(default_factory=dict)
    overstated_strings: dict[str, tuple[int, int]] = field(default_factory=dict)


_PREFIXED_SI_RE = re.compile(rb"<[A-Za-z_][\w.-]*:si[\s>/]")


def _stated_strings(root: tuple[str, dict[str, str]]) -> int:
    """The uniqueCount a shared-string table (root element <sst>) states, 0 for any other."""
    local, attributes = root
    if local != "sst":
        return 0
    stated = attributes.get("uniqueCount", "").strip().removeprefix("+")
    return int(stated) if stated.isascii() and stated.isdigit() else 0


def _string_items(piece: bytes) -> int:
    items = piece.count(b"<si>") + piece.count(b"<si ") + piece.count(b"<si/>")
    return items + len(_PREFIXED_SI_RE.findall(piece)) if b":si" in piece else items


_DECLARED_ENCODING_RE = re.compile(rb"""\sencoding\s*=\s*["']([^"']{0,40})""")
_MARKUP = '<?xml version="1.0"?><c r="A1" s="1" t="s"><v>0</v><f>A1</f></c></row>/'
_WIDE_STARTS = {  # byte-order marks, and '<' in each wide form (expat detects these unmarked)
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
    b"<\x00": "UTF-16",
    b"\x00<": "UTF-16",
}


def _declared_encoding(start: bytes) -> str:
    """The encoding a part's first piece declares ('' when none): a wide form told by its first
    bytes (as expat tells it), or the encoding="..." of an XML declaration that opens the part
    (after a UTF-8 byte-order mark at most). Only the declaration is searched: a text further on
    may say anything."""
    wide = _WIDE_STARTS.get(start[:2])
    if wide:
        return wide
    body = start.removeprefix(b"\xef\xbb\xbf")
    if not body.startswith(b"<?xml"):
        return ""
    end = body.find(b"?>")
    declared = _DECLARED_ENCODING_RE.search(body[: end if end != -1 else len(body)])
    return declared.group(1).decode("ascii", "replace") if declared else ""


def _ascii_based(codec: str) -> bool:
    """Whether markup is written in the codec as in ASCII (not UTF-16/32, not EBCDIC), so that
    the byte searches of the package check find what they look for ('': no encoding known)."""
    if not codec:
        return True
    try:
        return _MARKUP.encode(codec) == _MARKUP.encode("ascii")
    except (UnicodeError, LookupError, TypeError):
        return False


def _codec(encoding: str) -> str:
    """Python's name of an encoding ('' for none or one Python does not know)."""
    try:
        return codecs.lookup(encoding).name if encoding else ""
    except LookupError:
        return ""


def _feed(parser: xml.parsers.expat.XMLParserType, data: bytes, final: bool) -> None:
    """parser.Parse, with an encoding expat cannot use said as such: Python's expat raises
    LookupError for a name it does not know ('A0', 'rot13') and ValueError for a multi-byte
    one ('shift_jis', 'utf-7'), which would otherwise pass for a failure of pokin-xl."""
    try:
        parser.Parse(data, final)
    except (LookupError, ValueError) as exc:
        raise _UnreadableEncoding from exc


def _declaration_refused(info: zipfile.ZipInfo, name: str) -> InputError:
    return InputError(
        f"bagian '{info.filename}' memuat deklarasi DOCTYPE/ENTITY, yang tidak pernah ditulis "
        "Excel dan dapat dipakai untuk serangan (entity expansion); berkas ditolak tanpa "
        "dibaca. Simpan ulang dari Excel bila berkas ini memang milik Anda.",
        file=name,
    )


def _count(piece: bytes, count: SheetCount) -> None:
    """Cells, empty cells and rows in a piece of a worksheet (tags are never split).

    bytes.count is exact for the usual unprefixed elements: every <c> that is not self-closed
    has its </c>, every <row> its </row>. Prefixed elements (<x:c>) take the slower patterns.
    """
    if b":c " in piece or b":row " in piece:
        count.cells += len(_CELL_RE.findall(piece))
        count.empty_cells += len(_EMPTY_CELL_RE.findall(piece))
        count.empty_rows += len(_EMPTY_ROW_RE.findall(piece))
    else:
        cells = piece.count(b"<c ") + piece.count(b"<c>")
        count.cells += cells
        count.empty_cells += cells - piece.count(b"</c>")
        count.empty_rows += piece.count(b"<row ") - piece.count(b"</row>")
    if b"<f" in piece or b":f" in piece:
        count.uncached += len(_UNCACHED_RE.findall(piece))
        count.formulas += (
            piece.count(b"<f>") + piece.count(b"<f ") + len(_PREFIXED_F_RE.findall(piece))
        )


_ERRORS = xml.parsers.expat.errors


def _xml_problem(exc: xml.parsers.expat.ExpatError, declared: str = "") -> str:
    messages = _ERRORS.messages
    kind = messages.get(exc.code, "")
    if kind in (
        _ERRORS.XML_ERROR_INVALID_TOKEN,
        _ERRORS.XML_ERROR_BAD_CHAR_REF,
        _ERRORS.XML_ERROR_PARTIAL_CHAR,
        _ERRORS.XML_ERROR_INCORRECT_ENCODING,
        _ERRORS.XML_ERROR_UNKNOWN_ENCODING,
    ):
        if _codec(declared) == "utf-8" and declared.upper() != "UTF-8":
            # expat, and ElementTree and openpyxl on top of it, read an alias it does not know
            # one byte per letter: an accented letter fails in every reader alike
            return (
                f"menyatakan pengodean '{declared}', nama yang tidak dikenal pembaca XML (yang "
                "dikenalnya 'UTF-8'), sehingga huruf beraksen di dalamnya tidak terbaca"
            )
        return "berisi karakter yang tidak sah dalam XML: karakter kendali atau teks bukan UTF-8"
    if kind in (_ERRORS.XML_ERROR_NO_ELEMENTS, _ERRORS.XML_ERROR_UNCLOSED_TOKEN):
        return "terpotong: XML-nya tidak lengkap"
    return "rusak: XML-nya tidak tersusun benar"


def _without_empties(piece: bytes) -> bytes:
    if b":c " in piece or b":row " in piece:
        piece = _EMPTY_CELL_RE.sub(b"", piece)
        piece = _EMPTY_ROW_RE.sub(b"", piece)
        return _HOLLOW_ROW_RE.sub(b"", piece)
    piece = _PLAIN_EMPTY_CELL_RE.sub(b"", piece)
    piece = _PLAIN_EMPTY_ROW_RE.sub(b"", piece)
    return _PLAIN_HOLLOW_ROW_RE.sub(b"", piece)


def _rewrite_file(path: Path, heavy: set[str], name: str) -> io.BytesIO:
    with zipfile.ZipFile(path) as archive:
        return _rewrite(archive, heavy, name)


def _rewrite(archive: zipfile.ZipFile, heavy: set[str], name: str) -> io.BytesIO:
    """The package again, in memory, with styled empty cells and rows left out of `heavy`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
        for info in archive.infolist():
            target = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            target.compress_type = zipfile.ZIP_DEFLATED
            with copy.open(target, "w", force_zip64=True) as out:
                if info.filename in heavy:
                    for piece in _whole_tags(_chunks(archive, info), b"</row>"):
                        out.write(_without_empties(piece))
                else:
                    for chunk in _chunks(archive, info):
                        out.write(chunk)
    buffer.seek(0)
    return buffer
