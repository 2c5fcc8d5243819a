"""One reading of a pagu cell for every reader (the matriks and the planning tables): a number of
rupiah, or B002 at the cell when it is not one."""

from __future__ import annotations

import datetime as dt

from pokin_xl.findings import Finding, finding
from pokin_xl.model.targets import parse_pagu
from pokin_xl.model.text import clean, is_blank

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("B002",)


def read_pagu(
    value: object, problems: list[Finding], *, scale: int = 1, **where: str
) -> float | None:
    """Rupiah (times `scale` for "Rp (000)" columns); None for a blank or unreadable cell, the
    latter reported once as B002 with `where` (file, sheet, cell, unit, kode, subject)."""
    if is_blank(value):
        return None
    amount = parse_pagu(value)
    if amount is not None:
        return amount * scale
    shown = value.isoformat() if isinstance(value, dt.datetime | dt.date) else clean(value)
    problems.append(
        finding(
            "B002",
            f"Pagu '{shown}' bukan angka rupiah; tulis angka saja, mis. 150000000 atau 150.000.000.",
            **where,
        )
    )
    return None
