"""The exceptions the CLI tells apart: unusable input (the user's to fix, exit 2) and internal
errors (a bug of pokin-xl, exit 3)."""

from __future__ import annotations

import errno

# What the operating system said, in the user's language (its own text is English).
_OS_REASONS = {
    errno.EACCES: "izin ditolak",
    errno.EPERM: "izin ditolak",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.ELOOP: "tautan simbolik berputar (menunjuk dirinya sendiri)",
    errno.ENOTDIR: "bagian dari jalurnya bukan folder",
    errno.ENOENT: "tidak ditemukan",
    errno.EIO: "kesalahan baca/tulis perangkat",
    errno.EBUSY: "sedang dipakai program lain",
    errno.ETXTBSY: "sedang dipakai program lain",
    errno.EISDIR: "ini sebuah folder",
    errno.EMFILE: "terlalu banyak berkas terbuka sekaligus (batas sistem, `ulimit -n`)",
    errno.ENFILE: "terlalu banyak berkas terbuka sekaligus (batas sistem, `ulimit -n`)",
}


def os_reason(exc: OSError) -> str:
    """The reason of an OSError as a short Indonesian phrase (the errno number when unknown)."""
    return _OS_REASONS.get(exc.errno or 0, f"kesalahan sistem nomor {exc.errno}")


def printable(text: object) -> str:
    """Text any output accepts: a file name's bytes that were not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD instead of failing the terminal, the JSON or the workbook."""
    raw = str(text)
    try:
        data = raw.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        data = raw.encode("utf-8", "surrogatepass")
    return data.decode("utf-8", "replace")


class InputError(Exception):
    """Unusable input. The message names the file and, where known, the sheet and cell."""

    def __init__(self, message: str, *, file: str = "", sheet: str = "", cell: str = "") -> None:
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.detail = message
        super().__init__(self.render())

    def render(self, *, with_file: bool = True) -> str:
        """'file, sheet 'S', sel C5: message'; without the file where a list already names it."""
        where = self.file if with_file else ""
        if self.sheet:
            where += f", sheet '{self.sheet}'"
        if self.cell:
            where += f", sel {self.cell}"
        return printable(f"{where.removeprefix(', ')}: {self.detail}" if where else self.detail)


class InternalError(RuntimeError):
    """A bug of pokin-xl (e.g. a frame that breaks its model), never a defect of the input."""
