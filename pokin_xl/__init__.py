"""pokin-xl: Matriks Peran dan Hasil (Excel) in, a validated performance cascade out.

workbook --read--> frames --check--> findings --write--> workbook / JSON / text

The public functions are imported on first use, so that `pokin-xl --help` and `import pokin_xl`
do not pay for pandas and pandera.
"""

from __future__ import annotations

import importlib
from typing import Any

from pokin_xl.version import __version__

_PUBLIC = {
    "build": "pokin_xl.build",
    "read_matriks": "pokin_xl.readers.matriks",
    "read_renstra": "pokin_xl.readers.renstra",
    "reconcile": "pokin_xl.reconcile",
    "validate": "pokin_xl.validate",
}

__all__ = [*_PUBLIC, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'pokin_xl' has no attribute {name!r}")
