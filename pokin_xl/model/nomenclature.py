"""The national nomenclature of urusan, bidang, program, kegiatan and sub kegiatan.

The list ships as package data (``pokin_xl/data/nomenklatur.csv``, built by
``scripts/build_nomenklatur.py``; see ``pokin_xl/data/ORIGIN.md``). Codes have the shape
``U.BB.PP.K.KK.SSSS``: urusan, bidang, program, kegiatan (``K.KK``: 2 for kabupaten/kota, then the
number) and sub kegiatan. ``X.XX`` stands for "the agency's own urusan and bidang" in the supporting
programs (``X.XX.01`` = Program Penunjang Urusan Pemerintahan Daerah), shared by every agency.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from pokin_xl.model.nomenclature_files import (
    KEYS_COLUMNS,
    KEYS_FILE,
    LIST_COLUMNS,
    LIST_FILE,
    csv_rows,
    one_record,
    read_rows,
    shipped,
    tables_json,
)
from pokin_xl.model.text import clean, normalise, sorted_words
from pokin_xl.model.units import implied_unit, national_units_of, normalise_unit

JENIS = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")
PLACEHOLDER = "X.XX"
"""The urusan.bidang placeholder of the supporting programs."""

_JENIS_BY_PARTS = {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
# Width of each dotted part: urusan, bidang, program, kegiatan (K, KK), sub kegiatan.
_WIDTHS = (1, 2, 2, 1, 2, 4)
_DOTS_RE = re.compile(r"\s*\.\s*")
_WORD_RE = re.compile(r"[\w%]+")
_MAX_DIFFERENCES = 3


class Entry(NamedTuple):
    """One row of the national list. Texts are as published (whitespace folded, typos kept).

    A NamedTuple, not a dataclass: the list's ~4,400 rows are made in every process that
    checks a workbook, and a tuple is made ~3x faster than a frozen dataclass instance."""

    kode: str
    jenis: str
    nama: str
    kinerja: str
    indikator: str
    satuan: str


class EntryKeys(NamedTuple):
    """An entry's texts as the checks compare them, worked out once when the package data is
    built (``scripts/build_nomenklatur.py``) instead of at every start: ``normalise`` of the name
    and the indicator, ``normalise_unit`` of the satuan, and the unit the indicator's wording
    implies (``implied_unit``, "" for none). A NamedTuple, as `Entry`."""

    nama: str
    indikator: str
    satuan: str
    implied: str


def entry_keys(entry: Entry) -> EntryKeys:
    """The keys of one entry, computed (what the shipped keys file must hold)."""
    return EntryKeys(
        nama=normalise(entry.nama),
        indikator=normalise(entry.indikator),
        satuan=normalise_unit(entry.satuan),
        implied=implied_unit(entry.indikator) or "",
    )


def _float_text(value: float) -> str | None:
    """The dotted text of a code that Excel or pandas turned into a number, or None if ambiguous.

    Only an urusan (5.0) or urusan.bidang (5.03) fits in a float. One decimal (5.1) may have been
    "5.10" with its trailing zero lost: refuse to guess.
    """
    if math.isnan(value) or math.isinf(value) or value <= 0:
        return None
    if value.is_integer():
        return str(int(value))
    text = repr(value)
    if "e" in text or "." not in text:
        return None
    whole, decimals = text.split(".")
    if len(decimals) != 2:
        return None
    return f"{whole}.{decimals}"


def _pad(part: str, width: int) -> str | None:
    """A digit part padded to ``width``; None when not digits, zero, or wider than ``width``."""
    if not part.isascii() or not part.isdigit() or len(part) > width or int(part) == 0:
        return None
    return part.zfill(width)


def canonical_code(raw: object, agency_code: str | None = None) -> str | None:
    """The canonical dotted code (``5.03.02.2.01.0003``) of a code as people type it, or None.

    Accepted: spaces around dots, trailing dots, parts without their leading zeros
    (``5.3.2.2.1.3``), the two-digit sub kegiatan of older documents (``5.03.02.2.01.03`` ->
    ``...0003``), numbers (``5`` -> ``"5"``, ``5.03`` -> ``"5.03"``) and the ``X.XX`` placeholder of
    the supporting programs, which is returned as is (``x.xx.01.2.01.1`` -> ``X.XX.01.2.01.0001``),
    with or without ``agency_code``. A code has 1 (urusan), 2 (bidang), 3 (program), 5 (kegiatan)
    or 6 (sub kegiatan) parts.

    None for malformed codes: other letters, empty parts, too many or too few parts, a part wider
    than its place (``5.003``, ``05.03``), a zero part, and numbers that lost a trailing zero
    (``5.1`` may be ``"5.10"``: read the cell's displayed text instead).

    ``agency_code`` (e.g. ``"5.03"``) names the agency the code was written for. It must itself be a
    bidang code (ValueError otherwise). The placeholder is never filled in here: ``X.XX.01...`` is
    the national form; ``Nomenclature.get`` resolves both forms.
    """
    if agency_code is not None:
        agency = canonical_code(agency_code)
        if agency is None or agency.count(".") != 1 or agency == PLACEHOLDER:
            raise ValueError(f"Kode perangkat daerah tidak dikenal: {agency_code!r}")
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        text = str(raw)
    elif isinstance(raw, float):
        text = _float_text(raw)
        if text is None:
            return None
    else:
        text = clean(raw)
    text = _DOTS_RE.sub(".", text).rstrip(".")
    if not text or any(ch.isspace() for ch in text):
        return None
    parts = text.split(".")
    if len(parts) not in _JENIS_BY_PARTS:
        return None
    canonical: list[str] = []
    placeholder = parts[0].upper() == "X"
    for index, part in enumerate(parts):
        if placeholder and index < 2:
            expected = "X" if index == 0 else "XX"
            if part.upper() != expected:
                return None
            canonical.append(expected)
            continue
        padded = _pad(part, _WIDTHS[index])
        if padded is None:
            return None
        canonical.append(padded)
    return ".".join(canonical)


def jenis_of(code: str) -> str | None:
    """The level of a canonical code: urusan, bidang, program, kegiatan or sub_kegiatan."""
    return _JENIS_BY_PARTS.get(code.count(".") + 1) if code else None


def parent_of(code: object) -> str | None:
    """The canonical code one level up (the program of a kegiatan, ...); None for an urusan."""
    canonical = canonical_code(code)
    if canonical is None:
        return None
    parts = canonical.split(".")
    if len(parts) == 1:
        return None
    # A kegiatan owns two parts ("2.01"): its parent is the program, three parts.
    return ".".join(parts[:3] if len(parts) == 5 else parts[:-1])


def _words(text: str) -> list[str]:
    """The words of the display text, split as ``normalise`` splits them (punctuation dropped)."""
    return _WORD_RE.findall(clean(text).replace("_", " "))


def _quote(words: list[str]) -> str:
    return "'" + " ".join(words) + "'"


def name_difference(given: str, national: str) -> str | None:
    """A short Indonesian description of how ``given`` differs from the national name.

    None when both normalise to the same key (case, spacing, punctuation and the usual
    abbreviations do not count). Otherwise up to three differences, word by word, e.g.
    ``"'Tekhnik' seharusnya 'Teknis'; kurang kata 'atau'"``.
    """
    if normalise(given) == normalise(national):
        return None
    ours, theirs = _words(given), _words(national)
    matcher = difflib.SequenceMatcher(
        a=[w.lower() for w in ours], b=[w.lower() for w in theirs], autojunk=False
    )
    differences: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "delete":
            differences.append(f"kelebihan kata {_quote(ours[i1:i2])}")
        elif tag == "insert":
            differences.append(f"kurang kata {_quote(theirs[j1:j2])}")
        elif i2 - i1 == j2 - j1:
            differences.extend(
                f"{_quote([a])} seharusnya {_quote([b])}"
                for a, b in zip(ours[i1:i2], theirs[j1:j2], strict=True)
            )
        else:
            differences.append(f"{_quote(ours[i1:i2])} seharusnya {_quote(theirs[j1:j2])}")
    if not differences:
        return "penulisan berbeda dari nomenklatur"
    shown = "; ".join(differences[:_MAX_DIFFERENCES])
    hidden = len(differences) - _MAX_DIFFERENCES
    return f"{shown}; dan {hidden} perbedaan lain" if hidden > 0 else shown


class Nomenclature:
    """The national list, indexed by code and by normalised name (per jenis)."""

    def __init__(self, entries: Iterable[Entry], keys: Iterable[EntryKeys] | None = None) -> None:
        """``keys``: each entry's `EntryKeys`, in the same order (computed when not given)."""
        self._entries: tuple[Entry, ...] = tuple(entries)
        self.keys: tuple[EntryKeys, ...] = (
            tuple(map(entry_keys, self._entries)) if keys is None else tuple(keys)
        )
        if len(self.keys) != len(self._entries):
            raise ValueError("Kunci nomenklatur tidak sepanjang daftarnya")
        self._by_code: Mapping[str, Entry] = {}
        for entry in self._entries:
            if entry.kode in self._by_code:
                raise ValueError(f"Kode ganda dalam nomenklatur: {entry.kode}")
            self._by_code[entry.kode] = entry  # type: ignore[index]

    @functools.cached_property
    def _choices(self) -> dict[str | None, tuple[list[str], list[Entry]]]:
        """The names to search (`search_name`), all and per jenis, each with its words sorted:
        made at the first search."""
        choices: dict[str | None, tuple[list[str], list[Entry]]] = {None: ([], [])}
        for jenis in JENIS:
            choices[jenis] = ([], [])
        for entry, entry_key in zip(self._entries, self.keys, strict=True):
            key = sorted_words(entry_key.nama)
            for bucket in (None, entry.jenis):
                keys, owners = choices.setdefault(bucket, ([], []))
                keys.append(key)
                owners.append(entry)
        return choices

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __contains__(self, code: object) -> bool:
        return self.get(code) is not None

    def get(self, code: object, agency_code: str | None = None) -> Entry | None:
        """The national entry of a code, or None.

        Tries the canonical code as is; then, for a program-01 code (``5.03.01.2.06.0005``), its
        shared ``X.XX`` form (``X.XX.01.2.06.0005``); then, for an ``X.XX`` code and a given
        ``agency_code``, the code filled in with the agency's urusan and bidang.
        """
        canonical = canonical_code(code, agency_code)
        if canonical is None:
            return None
        entry = self._by_code.get(canonical)
        if entry is not None:
            return entry
        parts = canonical.split(".")
        placeholder = parts[0] == "X"
        if not placeholder and len(parts) >= 3 and parts[2] == "01":
            return self._by_code.get(".".join([PLACEHOLDER, *parts[2:]]))
        if placeholder and agency_code is not None and len(parts) >= 2:
            agency = canonical_code(agency_code)
            return self._by_code.get(".".join([str(agency), *parts[2:]]))
        return None

    def parent_code(self, code: object) -> str | None:
        """The canonical code one level up (the program of a kegiatan, ...); None for an urusan."""
        return parent_of(code)

    def search_name(
        self,
        name: str,
        jenis: str | None = None,
        limit: int = 3,
        min_score: float = 85,
    ) -> list[tuple[Entry, float]]:
        """National entries whose name is closest to ``name``, best first, with scores 0-100.

        Names are compared as ``normalise``d keys with ``fuzz.token_sort_ratio`` (word order and
        abbreviations do not count; an exact key scores 100). Ties keep the source order.
        token_sort_ratio is the ratio of the two names with their words sorted: the national
        names are sorted once (`_choices`), not at every comparison (2.3 -> 0.3 ms a search
        among the 3,395 sub kegiatan; the same scores).
        """
        from rapidfuzz import fuzz, process  # on the first comparison (a clean workbook: never)

        if jenis is not None and jenis not in JENIS:
            raise ValueError(f"Jenis nomenklatur tidak dikenal: {jenis!r}")
        key = normalise(name)
        if not key or limit <= 0:
            return []
        keys, owners = self._choices[jenis]
        matches = process.extract(
            sorted_words(key),
            keys,
            scorer=fuzz.ratio,
            processor=None,
            limit=limit,
            score_cutoff=min_score,
        )
        return [(owners[index], float(score)) for _, score, index in matches]

    def indicator_units(self, indikator: object) -> frozenset[str]:
        """The units the national list pairs with this indicator wording (empty when not national).

        The national list is the reference for its own indicators: a document that copies a
        national indicator with its national satuan is right, whatever the wording seems to count.
        """
        return self._indicator_units.get(normalise(indikator), frozenset())

    def indicator_units_by_key(self) -> Mapping[str, frozenset[str]]:
        """`indicator_units` of each national wording, by its `normalise`d key."""
        return self._indicator_units

    @functools.cached_property
    def _indicator_units(self) -> dict[str, frozenset[str]]:
        units: dict[str, set[str]] = {}
        for entry, key in zip(self._entries, self.keys, strict=True):
            if clean(entry.indikator) and clean(entry.satuan):
                units.setdefault(key.indikator, set()).add(key.satuan)
        return {key: frozenset(values) for key, values in units.items()}

    name_difference = staticmethod(name_difference)


def read_entries() -> list[Entry]:
    """Every entry of the shipped list, parsed whole."""
    return list(map(Entry._make, read_rows(LIST_FILE, LIST_COLUMNS)))


def read_keys(entries: list[Entry]) -> list[EntryKeys] | None:
    """The shipped keys of `entries`, or None when the keys file is not theirs (a list rebuilt
    without its keys): then they are computed, never taken from another list."""
    rows = read_rows(KEYS_FILE, KEYS_COLUMNS)
    if len(rows) != len(entries) or any(
        row[0] != entry.kode for row, entry in zip(rows, entries, strict=True)
    ):
        return None
    return [EntryKeys._make(row[1:]) for row in rows]


class _RowsByCode:
    """kode -> Entry of the shipped list, each line parsed at its first look-up."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._rows = {line.partition(",")[0]: row for row, line in enumerate(lines)}
        if len(self._rows) != len(lines):
            seen: set[str] = set()
            for line in lines:
                kode = line.partition(",")[0]
                if kode in seen:
                    raise ValueError(f"Kode ganda dalam nomenklatur: {kode}")
                seen.add(kode)
        self._made: dict[str, Entry] = {}

    def get(self, code: str) -> Entry | None:
        entry = self._made.get(code)
        if entry is None:
            row = self._rows.get(code)
            if row is None:
                return None
            line = self._lines[row]
            entry = self._made[code] = Entry._make(one_record(line))
        return entry


class _ShippedNomenclature(Nomenclature):
    """The shipped list, parsed only as far as a run looks into it. A workbook names a few dozen
    of the 4,367 codes, and making every entry and its keys cost ~25 ms of each start: an entry
    is made at its code's first look-up, the whole list (with its keys) at the first walk over
    it or name search, and the indicator units come from the tables file. Only for the very
    bytes the tables file was made from (`tables_text`), whose lines are one record each with
    the code as first field."""

    def __init__(self, text: str, indicator_units: Mapping[str, Iterable[str]]) -> None:
        lines = text.split("\n")
        if lines[0] != ",".join(LIST_COLUMNS) or lines[-1] != "":
            raise ValueError(f"Kolom {LIST_FILE} tidak dikenal: {lines[0]!r}")
        self._lines = lines[1:-1]
        self._by_code = _RowsByCode(self._lines)
        units = {key: frozenset(values) for key, values in indicator_units.items()}
        self.__dict__["_indicator_units"] = units  # the cached_property, already known

    def __len__(self) -> int:
        return len(self._lines)

    @functools.cached_property
    def _entries(self) -> tuple[Entry, ...]:  # type: ignore[override]
        return tuple(map(Entry._make, csv_rows("\n".join(self._lines))))

    @functools.cached_property
    def keys(self) -> tuple[EntryKeys, ...]:  # type: ignore[override]
        entries = list(self._entries)
        shipped = read_keys(entries)
        return tuple(map(entry_keys, entries)) if shipped is None else tuple(shipped)


def tables_text(list_bytes: bytes, nomenclature: Nomenclature) -> str:
    """The tables file of a list (`nomenclature_files.tables_json`), computed from it."""
    return tables_json(
        list_bytes, national_units_of(nomenclature), nomenclature.indicator_units_by_key()
    )


@functools.cache
def _jenis_by_name() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    nomenclature = load_nomenclature()
    for entry, key in zip(nomenclature, nomenclature.keys, strict=True):
        found.setdefault(key.nama, set()).add(entry.jenis)
    return {key: frozenset(kinds) for key, kinds in found.items()}


def jenis_of_name(name: object) -> str | None:
    """The level whose national name this is exactly (after normalise), None when none or several."""
    kinds = _jenis_by_name().get(normalise(name), frozenset())
    return next(iter(kinds)) if len(kinds) == 1 else None


@functools.cache
def load_nomenclature() -> Nomenclature:
    """The national list shipped with the package (read once, as far as it is used)."""
    list_bytes, tables = shipped()
    if tables is not None:
        return _ShippedNomenclature(list_bytes.decode("utf-8"), tables["satuan_indikator"])
    entries = read_entries()
    return Nomenclature(entries, read_keys(entries))
