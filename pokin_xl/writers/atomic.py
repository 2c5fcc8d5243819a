"""Write whole or not at all: a temporary file beside the target, renamed when complete.

The temporary name is only reserved, not created: the writer creates the file when it starts
writing (xlsxwriter does so in close()), so a run stopped while reading or drawing leaves
nothing behind. Any exception, KeyboardInterrupt included (the CLI turns SIGTERM into one),
removes it. The file gets the mode the process's umask gives any new file: the writer creates
it with open(), so the umask is never read or changed here (os.umask is process-wide and not
thread-safe).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from pokin_xl.errors import InputError, os_reason


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; move it onto `target` only on success."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"folder tujuan '{folder}' tidak ada.", file=str(target))
    tmp = folder / f".{target.stem}.{secrets.token_hex(4)}.tmp{target.suffix}"
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        cause = _os_error(exc)
        if cause is not None:
            raise _unwritable(target, cause) from exc
        raise


def _os_error(exc: BaseException) -> OSError | None:
    """The OSError behind a failure to write (writers wrap it: xlsxwriter's FileCreateError)."""
    for candidate in (exc, exc.__cause__, exc.__context__, *getattr(exc, "args", ())[:1]):
        if isinstance(candidate, OSError) and not isinstance(candidate, InputError):
            return candidate
    return None


def _unwritable(target: Path, exc: OSError) -> InputError:
    return InputError(
        "berkas keluaran tidak dapat ditulis (mungkin sedang dibuka di Excel, folder tidak dapat "
        f"ditulisi, atau disk penuh): {os_reason(exc)}.",
        file=str(target),
    )
