"""Bad input files built in code: each class a hostile or unlucky user can hand the tool.

Every builder writes one file and returns its path; none needs anything but the standard library
and tests.builders, so the robustness suite can make hundreds of them quickly.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from tests.builders import chain, write_matriks

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
