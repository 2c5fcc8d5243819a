"""When two targets are the same, and how targets and differences are written in messages."""

from __future__ import annotations

from pokin_xl.model.targets import NUMERIC_KINDS, Target, format_number, format_target
from pokin_xl.model.text import normalise


def number_of(target: Target) -> float | None:
    if target.kind in ("number", "percent") and target.value is not None:
        return float(target.value)
    return None


def same_target(a: Target, b: Target) -> bool:
    """Equal targets whatever their spelling: '1,00' and '1%' (unit apart), 'Predikat A' and 'A'."""
    if a.kind == "empty" or b.kind == "empty":
        return a.kind == b.kind
    if a.kind in NUMERIC_KINDS and b.kind in NUMERIC_KINDS:
        if {a.kind, b.kind} <= {"number", "percent"}:
            return _close(a.value, b.value)
        if a.kind != b.kind:
            return False
        if a.kind == "range":
            return _close(a.low, b.low) and _close(a.high, b.high)
        return a.operator == b.operator and _close(a.value, b.value)
    if a.kind == "category" and b.kind == "category":
        if normalise(a.category, expand=False) != normalise(b.category, expand=False):
            return False
        both = a.low is not None and b.low is not None
        return not both or (_close(a.low, b.low) and _close(a.high, b.high))
    return normalise(a.raw) == normalise(b.raw)


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def shown(target: Target) -> str:
    return format_target(target) or "(kosong)"


def signed(value: float) -> str:
    return ("+" if value > 0 else "") + format_number(float(value))


def truncation(a: str, b: str, label_a: str, label_b: str) -> str:
    """' (teks di Matriks terpotong)' when one text is the start of the other."""
    ka, kb = normalise(a), normalise(b)
    if kb.startswith(ka + " "):
        return f" (teks di {label_a} terpotong)"
    if ka.startswith(kb + " "):
        return f" (teks di {label_b} terpotong)"
    return ""
