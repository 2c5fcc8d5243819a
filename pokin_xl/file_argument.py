"""The FILE:SHEET argument of `validate`: one file of a batch with the sheet to read.

Light on purpose: the parent process of a batch parses its arguments without importing the
readers; the workers import them.
"""

from __future__ import annotations

from pathlib import Path


def file_and_sheet(argument: str, sheet: str | None = None) -> tuple[str, str | None]:
    """'renja.xlsx:Renja 2025' -> ('renja.xlsx', 'Renja 2025'): a sheet for one file of a batch.

    Excel forbids ':' in sheet names, so the last ':' separates them; an argument that is itself
    an existing path (or whose part before the ':' is not a file, 'C:\\renja.xlsx') is a path.
    """
    if ":" not in argument or _exists(argument):
        return argument, sheet
    path, _, named = argument.rpartition(":")
    if named and _exists(path):
        return path, named
    return argument, sheet


def _exists(path: str) -> bool:
    """Whether a path names something; a path the system cannot even look up (too long, a
    symlink loop) is left to the reader, which says why in Indonesian."""
    try:
        return Path(path).exists()
    except OSError:
        return False
