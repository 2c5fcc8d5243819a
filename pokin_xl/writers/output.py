"""Where a command may write: the one check every command's output path goes through.

An output is never any input of the command (same resolved path, or same file through a link:
compared by device and inode), always an .xlsx (a workbook named .csv or .txt misleads whoever
opens it), never a folder or a special file, and in a folder that exists. An existing file is
replaced only when the command says so (`replace`): `build` and `reconcile` replace their own
earlier output; `template` asks for --timpa, since the file may be a filled matriks.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from pokin_xl.errors import InputError, os_reason

OUTPUT_SUFFIX = ".xlsx"


def check_output_path(
    path: str | Path,
    inputs: Iterable[str | Path | None] = (),
    *,
    replace: bool = True,
    replace_option: str = "--timpa",
) -> Path:
    """`path` as a Path, or InputError saying why the command must not write there."""
    target = Path(path)
    if target.suffix.lower() != OUTPUT_SUFFIX:
        raise InputError(
            f"berkas keluaran harus berakhiran .xlsx (diberikan '{target.name}'); keluaran "
            "pokin-xl selalu workbook Excel.",
            file=str(target),
        )
    for source in inputs:
        if source is not None and _same_file(target, Path(source)):
            raise InputError(
                "berkas keluaran sama dengan berkas masukan; berkas masukan tidak pernah ditimpa. "
                f"Pilih nama lain dengan -o, mis. '{Path(source).stem}_hasil.xlsx'.",
                file=str(target),
            )
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(
            f"berkas keluaran tidak dapat diperiksa: {os_reason(exc)}.", file=str(target)
        ) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError("berkas keluaran adalah sebuah folder.", file=str(target))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise InputError(
            "berkas keluaran bukan berkas biasa (pipa, perangkat atau soket); pilih nama lain.",
            file=str(target),
        )
    if info is not None and not replace:
        raise InputError(
            f"berkas keluaran sudah ada dan tidak ditimpa; tambahkan {replace_option} untuk "
            "menimpanya, atau pilih nama lain dengan -o.",
            file=str(target),
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"folder tujuan '{folder}' tidak ada.", file=str(target))
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
    except (OSError, RuntimeError):  # a symlink loop
        return False
    try:
        first, second = os.stat(a), os.stat(b)
    except OSError:
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)
