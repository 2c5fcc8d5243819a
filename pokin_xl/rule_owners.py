"""Which module owns each rule of the catalogue (model.rules).

A module that raises findings declares the codes it may raise in a module constant ``CODES``
(frictionless-py's habit): that module is the rule's one owner, the one implementation of its
condition. ``rule_owners()`` reads the declarations; tests/test_rule_owners.py holds them to the
catalogue (every code exactly one owner) and to the source (no module raises a code it does not
own).
"""

from __future__ import annotations

import importlib

# Every module that raises findings. A new one is added here and declares its CODES.
OWNER_MODULES: tuple[str, ...] = (
    "pokin_xl.readers.matriks",
    "pokin_xl.readers.renstra",
    "pokin_xl.readers.pagu",
    "pokin_xl.checks.kinerja_rows",
    "pokin_xl.checks.hierarchy",
    "pokin_xl.checks.targets",
    "pokin_xl.checks.statements",
    "pokin_xl.checks.owners",
    "pokin_xl.checks.nomenclature",
    "pokin_xl.checks.budget",
    "pokin_xl.checks.reconcile.matched",
    "pokin_xl.checks.reconcile.unmatched",
    "pokin_xl.checks.documents",
    "pokin_xl.checks.quarters",
    "pokin_xl.checks.lintas",
)


def declared_codes() -> dict[str, tuple[str, ...]]:
    """Module name -> the codes it declares."""
    return {name: tuple(importlib.import_module(name).CODES) for name in OWNER_MODULES}


def rule_owners() -> dict[str, str]:
    """Rule code -> its owner module; ValueError when two modules declare one code."""
    owners: dict[str, str] = {}
    for module, codes in declared_codes().items():
        for code in codes:
            if code in owners:
                raise ValueError(f"{code} dideklarasikan oleh {owners[code]} dan {module}")
            owners[code] = module
    return owners
