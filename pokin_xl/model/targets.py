"""Target values as Indonesian planners write them: '51,01', '1.000', '≥ 80 %', '80 s.d. 90', 'Predikat A'.

Indonesian number writing uses '.' for thousands and ',' for decimals; Excel may also have turned a
typed target into a number, a percent fraction or a date.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

from pokin_xl.model.text import clean, is_blank, normalise
from pokin_xl.model.units import normalise_unit

TARGET_KINDS = (
    "empty",
    "number",
    "percent",
    "range",
    "comparison",
    "category",
    "date",
    "unreadable",
)
# The indicator frame's columns holding a parsed Target (see target_from_row).
TARGET_FIELDS = (
    "target_raw",
    "target_kind",
    "target_value",
    "target_low",
    "target_high",
    "target_operator",
    "target_unit",
    "target_category",
)
NUMERIC_KINDS = frozenset({"number", "percent", "range", "comparison"})


@dataclass(frozen=True, slots=True)
class Target:
    raw: str
    kind: str  # one of TARGET_KINDS
    value: float | None = None
    low: float | None = None
    high: float | None = None
    operator: str | None = None
    unit: str = ""
    category: str | None = None

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS


POOR_CATEGORIES: frozenset[str] = frozenset(
    {
        "sangat rendah",
        "rendah",
        "kurang",
        "kurang baik",
        "sangat kurang",
        "buruk",
        "sangat buruk",
        "tidak baik",
        "kurang memuaskan",
        "tidak memuaskan",
        "tidak wajar",
        "tw",
        "tidak menyatakan pendapat",
        "tmp",
        "tertinggal",
        "sangat tertinggal",
        "c",
        "d",
        "e",
    }
)

# Word categories (normalised) accepted without the word "Predikat".
_CATEGORY_WORDS = POOR_CATEGORIES | {
    "sangat baik",
    "baik sekali",
    "baik",
    "cukup",
    "cukup baik",
    "sedang",
    "tinggi",
    "sangat tinggi",
    "memuaskan",
    "sangat memuaskan",
    "cukup memuaskan",
    "istimewa",
    "puas",
    "sangat puas",
    "cukup puas",
    "kurang puas",
    "tidak puas",
    "wtp",
    "wajar tanpa pengecualian",
    "wdp",
    "wajar dengan pengecualian",
    "mandiri",
    "maju",
    "berkembang",
    "pratama",
    "madya",
    "nindya",
    "utama",
}

_NUM = r"[-−]?\d+(?:[.,]\d+)*"
_OPERATORS: dict[str, str] = {
    "≥": ">=",
    ">=": ">=",
    "=>": ">=",
    "min": ">=",
    "min.": ">=",
    "minimal": ">=",
    "minimum": ">=",
    "paling sedikit": ">=",
    "sekurang-kurangnya": ">=",
    "setidaknya": ">=",
    "tidak kurang dari": ">=",
    "≤": "<=",
    "<=": "<=",
    "=<": "<=",
    "maks": "<=",
    "maks.": "<=",
    "maksimal": "<=",
    "maksimum": "<=",
    "max": "<=",
    "max.": "<=",
    "paling banyak": "<=",
    "tidak lebih dari": "<=",
    ">": ">",
    "lebih dari": ">",
    "di atas": ">",
    "diatas": ">",
    "<": "<",
    "kurang dari": "<",
    "di bawah": "<",
    "dibawah": "<",
}
_OPERATOR_ALTERNATION = "|".join(
    re.escape(word).replace(r"\ ", r"\s+") for word in sorted(_OPERATORS, key=len, reverse=True)
)
_COMPARISON_RE = re.compile(
    rf"^(?P<op>{_OPERATOR_ALTERNATION})\s*:?\s*(?P<num>{_NUM})\s*(?P<rest>.*)$", re.IGNORECASE
)
_RANGE_RE = re.compile(
    rf"^(?P<low>{_NUM})\s*(?P<low_unit>%|persen)?\s*"
    r"(?:-|–|—|~|s\s*[./]?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*"
    rf"(?P<high>{_NUM})\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A number, optionally its spelling in words ("1 (satu) Dokumen"), then words.
_NUMBER_RE = re.compile(rf"^(?P<num>{_NUM})\s*(?:\([^()\d]*\)\s*)?(?P<rest>.*)$")
_PREFIXED_RE = re.compile(
    rf"^(?P<unit>rp\.?|level|skor|nilai|indeks)\s*:?\s*(?P<num>{_NUM})$", re.IGNORECASE
)
_TRAILING_OPERATOR_RE = re.compile(
    r"^(?P<unit>.*?)\s*(?P<op>ke\s*atas|atau\s+lebih|ke\s*bawah|atau\s+kurang)$", re.IGNORECASE
)
_TRAILING_DASH_RE = re.compile(r"(?<=\d)[,.]-(?=\s|$)")  # "Rp 1.000.000,-"
_LOOSE_DIGIT_RE = re.compile(r"(?<![^\W\d_])\d")  # a digit not glued to a letter (m2 is fine)
_DASHES_RE = re.compile(r"^[-–—−]+$")
_PREDIKAT_RE = re.compile(r"\bpredikat\b\s*:?\s*", re.IGNORECASE)
_CATEGORY_PREFIX_RE = re.compile(r"^(?:opini|kategori|status)\b\s*:?\s*", re.IGNORECASE)
_CATEGORY_RE = re.compile(
    r"^(?P<label>[^\W\d_]+(?: [^\W\d_]+){0,3}[+-]?)\s*(?:\((?P<inner>[^()]*)\))?$"
)
_GRADE_RE = re.compile(r"^(?:AA|A|BB|B|CC|C|D|E)[+-]?$", re.IGNORECASE)
_QUOTES = str.maketrans("", "", "\"'“”‘’`«»")
_FORMAT_LITERALS_RE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
OPERATOR_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}
# A target written at the end of an indicator's text: "... SKPD - 2 Dokumen", "... – 100%",
# "... — Dokumen". A dash with a space on at least one side (so not "RKA-SKPD",
# "Perundang-Undangan"), then the tail to the end of the text.
STATED_TARGET_RE = re.compile(r"(?:\s[-–—]+\s*|[-–—]+\s)(?P<tail>[^-–—]+)$")


def parse_target(value: object, number_format: str | None = None) -> Target:
    """Read a Target cell: its value as openpyxl/pandas hand it over, and the cell's number format."""
    if _is_missing(value):
        return Target(raw="", kind="empty")
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return Target(raw=str(value), kind="unreadable")
    if isinstance(value, datetime):
        raw = value.date().isoformat() if value.time() == time() else value.isoformat()
        return Target(raw=raw, kind="date")
    if isinstance(value, date | time):
        return Target(raw=value.isoformat(), kind="date")
    if isinstance(value, numbers.Real | Decimal):
        return _parse_cell_number(value, number_format)
    text = value if isinstance(value, str) else str(value)
    parsed = _parse_text(clean(text))
    return parsed if parsed.raw == text else replace(parsed, raw=text)


def target_from_row(record: Mapping[str, object]) -> Target:
    """The Target a reader spread over a row's target_* columns (raw, kind, value, ...), whole again.

    Blank cells of the frame (None, NaN, pandas NA) are the Target's None and "".
    Rows repeat their targets ('100%', 1..12 Dokumen): each distinct set of values is built once.
    """
    values = tuple(record.get(name) for name in TARGET_FIELDS)
    try:
        return _target_of(tuple(map(_cache_key, values)), values)
    except TypeError:  # an unhashable cell value: build it directly
        return _target_from_values(values)


def _cache_key(value: object) -> object:
    """The value with its type (1 and 1.0 print differently); every NaN is one key."""
    if value.__class__ is float and value != value:
        return None
    return (value.__class__, value)


_TARGET_CACHE: dict[tuple, Target] = {}
_TARGET_CACHE_SIZE = 1 << 16


def _target_of(key: tuple, values: tuple) -> Target:
    target = _TARGET_CACHE.get(key)
    if target is None:
        if len(_TARGET_CACHE) >= _TARGET_CACHE_SIZE:
            _TARGET_CACHE.clear()
        target = _TARGET_CACHE[key] = _target_from_values(values)
    return target


def _target_from_values(values: tuple) -> Target:
    raw, kind, value, low, high, operator, unit, category = values

    def number(value: object) -> float | None:
        return None if _is_missing(value) else float(value)  # type: ignore[arg-type]

    def text(value: object) -> str:
        return "" if _is_missing(value) else str(value)

    return Target(
        raw=text(raw),
        kind=text(kind) or "empty",
        value=number(value),
        low=number(low),
        high=number(high),
        operator=text(operator) or None,
        unit=text(unit),
        category=text(category) or None,
    )


# Money written with a scale word: "150 juta", "1,5 M", "2 miliar".
PAGU_SCALES: dict[str, float] = {
    "": 1.0,
    "rupiah": 1.0,
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "m": 1e9,
    "miliar": 1e9,
    "milyar": 1e9,
    "t": 1e12,
    "triliun": 1e12,
}


def parse_pagu(value: object) -> float | None:
    """A Pagu cell in rupiah ('150.000.000', 'Rp 1.500.000,-', '150 juta', '1,5 M').

    None when blank or not money: a number followed by another unit ('1500000 Paket') is not a
    pagu, and a bare number is taken as rupiah.
    """
    parsed = parse_target(value, None)
    if parsed.kind != "number" or parsed.value is None:
        return None
    scale = PAGU_SCALES.get(normalise(parsed.unit, expand=False).removeprefix("rp ").strip())
    rupiah = None if scale is None else round(float(parsed.value) * scale, 2)
    return rupiah if rupiah is not None and math.isfinite(rupiah) else None


def is_poor_category(label: str) -> bool:
    """True for a category that states a poor level ('Rendah', 'Predikat C')."""
    text = _PREDIKAT_RE.sub(" ", clean(label))
    return normalise(re.sub(r"\([^()]*\)", " ", text), expand=False) in POOR_CATEGORIES


@lru_cache(maxsize=1 << 16)
def format_target(target: Target) -> str:
    """Short Indonesian display: '51,01 %', '1.000 Dokumen', '80–90 %', '≥ 80', 'Sedang (71–80)'."""
    if target.kind == "empty":
        return ""
    unit = f" {target.unit}" if target.unit else ""
    if target.kind in ("number", "percent") and target.value is not None:
        return f"{format_number(target.value)}{unit}"
    if target.kind == "range" and target.low is not None and target.high is not None:
        return f"{format_number(target.low)}–{format_number(target.high)}{unit}"
    if target.kind == "comparison" and target.value is not None and target.operator:
        return f"{OPERATOR_SYMBOLS[target.operator]} {format_number(target.value)}{unit}"
    if target.kind == "category" and target.category:
        label = f"Predikat {target.category}" if target.unit == "Predikat" else target.category
        bounds = _format_bounds(target.low, target.high)
        return f"{label} ({bounds})" if bounds else label
    return clean(target.raw)


def format_number(number: float) -> str:
    """Indonesian digits: '.' between thousands, ',' before decimals (1000.5 -> '1.000,5')."""
    text = f"{Decimal(repr(round(abs(number), 10))):,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    text = text.translate(str.maketrans(",.", ".,"))
    return f"-{text}" if number < 0 and text != "0" else text


def _is_missing(value: object) -> bool:
    if is_blank(value):
        return True
    if isinstance(value, datetime | date):
        return value != value  # pandas NaT
    return type(value).__name__ == "NAType"  # pandas NA


def _parse_cell_number(value: numbers.Real | Decimal, number_format: str | None) -> Target:
    number = float(value)
    if not math.isfinite(number):
        return Target(raw=str(value), kind="unreadable")
    if number_format and "%" in number_format:
        # A quoted or escaped '%' is a literal sign: the cell then already holds 25 for "25%".
        scaled = "%" in _FORMAT_LITERALS_RE.sub("", number_format)
        percent = round(number * 100, 10) if scaled else number
        return Target(raw=f"{_compact(percent)}%", kind="percent", value=percent, unit="%")
    raw = str(value) if isinstance(value, numbers.Integral) else _compact(number)
    return Target(raw=raw, kind="number", value=number)


def _compact(number: float) -> str:
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return format(number, ".15g")


@lru_cache(maxsize=8192)
def _parse_text(text: str) -> Target:
    if not text or _DASHES_RE.match(text):
        return Target(raw=text, kind="empty")
    body = _TRAILING_DASH_RE.sub("", text)
    return (
        _parse_comparison(text, body)
        or _parse_range(text, body)
        or _parse_number(text, body)
        or _parse_prefixed(text, body)
        or _parse_category(text)
        or Target(raw=text, kind="unreadable")
    )


def _parse_comparison(raw: str, body: str) -> Target | None:
    match = _COMPARISON_RE.match(body)
    if not match:
        return None
    bound = _to_float(match["num"])
    unit = _unit_of(match["rest"])
    if bound is None or unit is None:
        return None
    operator = _OPERATORS[re.sub(r"\s+", " ", match["op"].lower())]
    return _comparison(raw, operator, bound, unit)


def _comparison(raw: str, operator: str, bound: float, unit: str) -> Target:
    low = bound if operator in (">=", ">") else None
    high = bound if operator in ("<=", "<") else None
    return Target(raw, "comparison", value=bound, low=low, high=high, operator=operator, unit=unit)


def _parse_range(raw: str, body: str) -> Target | None:
    match = _RANGE_RE.match(body)
    if not match:
        return None
    first, second = _to_float(match["low"]), _to_float(match["high"])
    unit = _unit_of(match["rest"])
    if first is None or second is None or unit is None:
        return None
    if not unit and match["low_unit"]:
        unit = "%"
    low, high = min(first, second), max(first, second)
    return Target(raw, "range", low=low, high=high, unit=unit)


def _parse_number(raw: str, body: str) -> Target | None:
    match = _NUMBER_RE.match(body)
    if not match:
        return None
    number = _to_float(match["num"])
    if number is None:
        return None
    rest = match["rest"]
    trailing = _TRAILING_OPERATOR_RE.match(rest)
    if trailing:  # "80 ke atas", "5 % atau kurang"
        unit = _unit_of(trailing["unit"])
        if unit is None:
            return None
        operator = (
            ">=" if trailing["op"].lower().replace(" ", "") in ("keatas", "ataulebih") else "<="
        )
        return _comparison(raw, operator, number, unit)
    unit = _unit_of(rest)
    if unit is None:
        return None
    kind = "percent" if unit == "%" else "number"
    return Target(raw, kind, value=number, unit=unit)


def _parse_prefixed(raw: str, body: str) -> Target | None:
    match = _PREFIXED_RE.match(body)
    if not match:
        return None
    number = _to_float(match["num"])
    if number is None:
        return None
    return Target(raw, "number", value=number, unit=normalise_unit(match["unit"]))


def _parse_category(raw: str) -> Target | None:
    has_predikat = bool(_PREDIKAT_RE.search(raw))
    text = _CATEGORY_PREFIX_RE.sub("", _PREDIKAT_RE.sub(" ", raw))
    text = clean(text.translate(_QUOTES))
    match = _CATEGORY_RE.match(text)
    if not match:
        return None
    label = match["label"]
    known = _GRADE_RE.match(label) or normalise(label, expand=False) in _CATEGORY_WORDS
    if not known and not has_predikat:
        return None
    low = high = None
    if match["inner"]:
        inner = _parse_text(clean(match["inner"]))
        if inner.kind in ("range", "comparison"):
            low, high = inner.low, inner.high
    unit = "Predikat" if has_predikat else ""
    return Target(raw, "category", low=low, high=high, unit=unit, category=label)


def _unit_of(rest: str) -> str | None:
    """The unit the words after a number state; None when they are not plain unit words."""
    words = rest.strip(" .,;:")
    if not words:
        return ""
    if words[0] == "%":
        return "%"
    if not words[0].isalpha() or _LOOSE_DIGIT_RE.search(words):
        return None
    return normalise_unit(words)


def _to_float(text: str) -> float | None:
    """Indonesian digits to a float: '1.000' -> 1000, '51,01' -> 51.01, '1.5' -> 1.5.

    None for digits beyond a float (400 of them), as a cell holding inf is unreadable.
    """
    digits = text.replace("−", "-")
    sign = -1.0 if digits.startswith("-") else 1.0
    digits = digits.lstrip("-")
    if "." in digits and "," in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands_mark = "." if decimal_mark == "," else ","
        if digits.count(decimal_mark) != 1:
            return None
        whole, fraction = digits.split(decimal_mark)
        groups = whole.split(thousands_mark)
        if not _thousands_groups(groups):
            return None
        plain = "".join(groups) + "." + fraction
    elif "," in digits:
        parts = digits.split(",")
        if len(parts) == 2:
            plain = ".".join(parts)
        elif _thousands_groups(parts):
            plain = "".join(parts)
        else:
            return None
    elif "." in digits:
        parts = digits.split(".")
        if len(parts) == 2:
            # One dot before exactly three digits marks thousands ("12.500"), except after a
            # zero ("0.125"); before any other count of digits it is a decimal point ("1.5").
            thousands = len(parts[1]) == 3 and 1 <= len(parts[0]) <= 3 and int(parts[0]) != 0
            plain = "".join(parts) if thousands else ".".join(parts)
        elif _thousands_groups(parts):
            plain = "".join(parts)
        else:
            return None
    else:
        plain = digits
    number = sign * float(plain)
    return number if math.isfinite(number) else None


def _thousands_groups(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


def _format_bounds(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"
    if low is not None:
        return f"≥ {format_number(low)}"
    if high is not None:
        return f"≤ {format_number(high)}"
    return ""
