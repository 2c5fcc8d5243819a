"""Write whole or not at all: a temporary file beside the target, renamed when complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pokin_xl.errors import InputError


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; move it onto `target` only on success."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise InputError(f"folder tujuan '{folder}' tidak ada.", file=str(target))
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise _unwritable(target, exc) from exc
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _unwritable(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _unwritable(target: Path, exc: OSError) -> InputError:
    return InputError(
        "berkas keluaran tidak dapat ditulis (mungkin sedang dibuka di Excel, folder tidak dapat "
        f"ditulisi, atau disk penuh): {exc.strerror or exc}.",
        file=str(target),
    )
