"""What a file really is, from its bytes: the name's suffix is only what a user called it.

`sniff_format()` looks at the first bytes and, for the two container formats, at the container's
table of contents (the zip's list of parts, the OLE2 directory entries), so that an .xls renamed
to .xlsx is called an .xls, a password-protected .xlsx (an OLE2 file holding an EncryptedPackage)
is called encrypted, and an .ods or .xlsb is named for what it is. Nothing here parses a sheet.
"""

from __future__ import annotations

import enum
import mmap
import re
import zipfile
from pathlib import Path

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HEAD = 4096
_SMALL_PART = 1 << 20  # a table of contents or a main part read to sniff is never larger
_STRICT_NS = b"purl.oclc.org/ooxml/spreadsheetml/main"


class FileFormat(enum.Enum):
    XLSX = "xlsx"  # Office Open XML workbook (.xlsx, .xlsm, .xltx): what the readers read
    STRICT_XLSX = "strict_xlsx"  # "Strict Open XML Spreadsheet": other namespaces
    XLSB = "xlsb"
    ODS = "ods"
    ZIP_WORD = "docx"
    ZIP_POWERPOINT = "pptx"
    ZIP_OTHER = "zip"  # a zip, but no workbook inside
    ZIP_BROKEN = "zip_broken"  # starts like a zip, its table of contents cannot be read
    XLS = "xls"  # Excel 97-2003 (BIFF in OLE2)
    ENCRYPTED = "encrypted"  # OOXML encrypted with a password (OLE2 + EncryptedPackage)
    OLE2_WORD = "doc"
    OLE2_OTHER = "ole2"
    XML_2003 = "xml2003"  # "XML Spreadsheet 2003"
    HTML = "html"  # a web page saved with an .xls name (common in exports)
    PDF = "pdf"
    TEXT = "text"  # CSV or other plain text
    EMPTY = "empty"
    UNKNOWN = "unknown"


def is_xls(path: Path) -> bool:
    """An OLE2 file named .xls: the legacy reader's (readers.xls, which alone imports xlrd)."""
    with path.open("rb") as handle:
        return handle.read(8).startswith(_OLE2_MAGIC) and path.suffix.lower() == ".xls"


def sniff_format(path: str | Path) -> FileFormat:
    """The format of a regular file, judged from its content (the caller checked it is a file)."""
    with Path(path).open("rb") as handle:
        head = handle.read(_HEAD)
    if not head:
        return FileFormat.EMPTY
    if head.startswith(_OLE2_MAGIC):
        return _ole2_format(Path(path))
    if head.startswith(_ZIP_MAGICS):
        return _zip_format(Path(path))
    return _text_format(head)


def _zip_format(path: Path) -> FileFormat:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            names = set(infos)
            if "mimetype" in names and "content.xml" in names:
                mime = _small(archive, infos["mimetype"])
                if b"spreadsheet" in mime:
                    return FileFormat.ODS
                return FileFormat.ZIP_OTHER
            if "xl/workbook.bin" in names:
                return FileFormat.XLSB
            main = workbook_part(archive, infos)
            if main is not None:
                if main.endswith(".bin"):
                    return FileFormat.XLSB
                head = _small(archive, infos[main], 4096)
                return FileFormat.STRICT_XLSX if _STRICT_NS in head else FileFormat.XLSX
            if any(name.startswith("word/") for name in names):
                return FileFormat.ZIP_WORD
            if any(name.startswith("ppt/") for name in names):
                return FileFormat.ZIP_POWERPOINT
            return FileFormat.ZIP_OTHER
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        return FileFormat.ZIP_BROKEN
    except (NotImplementedError, RuntimeError):  # the part needed to sniff is encrypted/odd
        return FileFormat.ZIP_BROKEN


_RELATIONSHIP_RE = re.compile(rb"<(?:[\w.-]+:)?Relationship\b[^>]*>")
_ATTRIBUTE_RE = re.compile(rb"""\s(Type|Target)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_XML_ESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&"))


def _attribute_text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for escaped, plain in _XML_ESCAPES:
        text = text.replace(escaped, plain)
    return text


def workbook_part(archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> str | None:
    """The workbook part of a package: the officeDocument relationship's target when the zip
    holds it under xl/, else the usual name; None when neither is there.

    The one lookup for sniffing the format and for reading the package (readers.package). The
    relationships part is searched, not parsed: this runs before any part has been checked, and
    a part that is not well formed still names its target (the package check refuses it later).
    """
    rels = infos.get("_rels/.rels")
    if rels is not None:
        for relationship in _RELATIONSHIP_RE.findall(_small(archive, rels)):
            attributes = {
                key: _attribute_text(double or single)
                for key, double, single in _ATTRIBUTE_RE.findall(relationship)
            }
            if attributes.get(b"Type", "").endswith("/officeDocument"):
                name = attributes.get(b"Target", "").lstrip("/")
                if name in infos and name.startswith("xl/"):
                    return name
    for name in ("xl/workbook.xml", "xl/workbook.bin"):
        if name in infos:
            return name
    return None


def _small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int = _SMALL_PART) -> bytes:
    """The first `limit` bytes of a part (never the whole of a part that claims to be huge)."""
    if info.flag_bits & 0x1:
        return b""
    with archive.open(info) as part:
        return part.read(limit)


def _ole2_format(path: Path) -> FileFormat:
    """OLE2 directory entries hold UTF-16 stream names at 128-byte boundaries: look for them."""
    names = _ole2_stream_names(path)
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        return FileFormat.ENCRYPTED
    if "Workbook" in names or "Book" in names:
        return FileFormat.XLS
    if "WordDocument" in names:
        return FileFormat.OLE2_WORD
    if not names and path.suffix.lower() in {".xls", ".xlt"}:
        return FileFormat.XLS  # a directory we cannot find: trust the name, xls readers decide
    return FileFormat.OLE2_OTHER


_STREAMS = ("EncryptedPackage", "EncryptionInfo", "Workbook", "Book", "WordDocument")


def _ole2_stream_names(path: Path) -> set[str]:
    found: set[str] = set()
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for name in _STREAMS:
            pattern = name.encode("utf-16-le") + b"\0\0"
            start = 512
            while (at := data.find(pattern, start)) != -1:
                length = (
                    int.from_bytes(data[at + 64 : at + 66], "little") if at + 66 <= len(data) else 0
                )
                if at % 128 == 0 and length == len(pattern):
                    found.add(name)
                    break
                start = at + 1
    return found


def _text_format(head: bytes) -> FileFormat:
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff \t\r\n\0").lower()
    if text.startswith(b"%pdf"):
        return FileFormat.PDF
    if text.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return FileFormat.XML_2003
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head")) or (
        text.startswith(b"<") and b"<table" in text
    ):
        return FileFormat.HTML
    printable = sum(1 for byte in head if byte >= 32 or byte in b"\t\r\n")
    if printable >= 0.95 * len(head):
        return FileFormat.TEXT
    return FileFormat.UNKNOWN


# What the user is told, per format that the .xlsx readers cannot take. Each says what the
# file is and what to do; the file name is added by the caller.
REFUSALS: dict[FileFormat, str] = {
    FileFormat.STRICT_XLSX: (
        "berkas disimpan sebagai 'Strict Open XML Spreadsheet', yang tidak didukung; buka di "
        "Excel lalu simpan ulang sebagai 'Excel Workbook (.xlsx)'."
    ),
    FileFormat.XLSB: (
        "berkas .xlsb (Excel Binary Workbook) tidak didukung; buka di Excel lalu simpan ulang "
        "sebagai .xlsx."
    ),
    FileFormat.ODS: (
        "berkas .ods (LibreOffice/OpenDocument) tidak didukung; buka di LibreOffice lalu simpan "
        "ulang sebagai .xlsx (Excel 2007-365)."
    ),
    FileFormat.ZIP_WORD: "berkas ini dokumen Word, bukan workbook Excel; pilih berkas .xlsx.",
    FileFormat.ZIP_POWERPOINT: (
        "berkas ini presentasi PowerPoint, bukan workbook Excel; pilih berkas .xlsx."
    ),
    FileFormat.ZIP_OTHER: (
        "berkas ini arsip zip yang tidak berisi workbook Excel (tidak ada bagian xl/workbook); "
        "berkas rusak atau bukan .xlsx."
    ),
    FileFormat.ZIP_BROKEN: (
        "berkas .xlsx rusak: daftar isi arsip zip-nya tidak terbaca (mungkin terpotong saat "
        "diunduh atau disalin); minta ulang berkas aslinya atau simpan ulang dari Excel."
    ),
    FileFormat.XLS: (
        "format .xls (Excel 97-2003) tidak didukung; buka di Excel/LibreOffice lalu simpan "
        "sebagai .xlsx."
    ),
    FileFormat.ENCRYPTED: (
        "berkas terenkripsi atau dilindungi kata sandi; buka di Excel, hapus kata sandinya "
        "(File > Info > Protect Workbook), lalu simpan ulang sebagai .xlsx."
    ),
    FileFormat.OLE2_WORD: "berkas ini dokumen Word lama (.doc), bukan workbook Excel.",
    FileFormat.OLE2_OTHER: (
        "berkas Office lama (OLE2) yang bukan workbook Excel; pilih berkas .xlsx."
    ),
    FileFormat.XML_2003: (
        "berkas 'XML Spreadsheet 2003' tidak didukung; buka di Excel lalu simpan ulang sebagai "
        ".xlsx."
    ),
    FileFormat.HTML: (
        "bukan berkas Excel: isinya halaman web (HTML) yang diberi nama Excel (biasa pada hasil "
        "unduhan aplikasi); buka di Excel lalu simpan ulang sebagai .xlsx."
    ),
    FileFormat.PDF: "bukan berkas Excel: isinya dokumen PDF; pilih berkas .xlsx.",
    FileFormat.TEXT: (
        "bukan berkas Excel: isinya teks biasa (mis. CSV); buka di Excel lalu simpan sebagai .xlsx."
    ),
    FileFormat.EMPTY: "berkas kosong (0 byte).",
    FileFormat.UNKNOWN: "bukan berkas Excel .xlsx (isi berkas tidak dikenali).",
}
