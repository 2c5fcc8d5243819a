"""Who a Pengampu is: the Pegawai row named by a name or a position, as planners write them.

A Pengampu is matched by name (academic and religious titles do not count: "Dadi Sadali" is
"Dadi Sadali, SE, Kp.MM") or by position ("Kabid Pengembangan SDM" is "Kepala Bidang Pengembangan
SDM"; "Kepala BKPSDM" is "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" when the
Identitas sheet names the agency so). Names and positions are indexed once per workbook; only an
unmatched Pengampu is compared fuzzily, against that index.

This is vocabulary, not a rule: the owner checks say whether a Pengampu is *right*, the writers
use the same matching to place a sasaran in the row of its person.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

import pandas as pd

from pokin_xl.model.frames import Identity
from pokin_xl.model.records import column_values
from pokin_xl.model.text import clean, clean_all, normalise, normalise_all, sorted_words

SUGGESTION_CUTOFF = 80
# A fuzzy match strong enough to place a sasaran with a person (a typo, not another person).
PLACEMENT_CUTOFF = 90
_ATASAN_DEPTH = 6

# Titles written before a name (H. WAHYU WIBISONO, Dr. ..., Drs. H. ...).
_PREFIX_TITLES_RE = re.compile(r"^(?:(?:prof|drs|dra|drg|dr|ir|hj|kh|h)\b\.?\s*)+", re.IGNORECASE)
# Degrees written after a name without a comma ("Hedi Priawan SE"), compared without dots.
_SUFFIX_TITLES = frozenset(
    {
        "se", "mm", "msi", "ssos", "skom", "st", "sh", "mh", "mkom", "map", "sip", "spd", "mpd",
        "amd", "ssi", "sstp", "mt", "mak", "ak", "sag", "mag", "skm", "mkm", "skep", "ners",
        "phd", "mba", "msc", "stp", "mpa", "msos", "me", "mse", "sth", "spsi", "mpsi", "ssn",
        "kpmm", "sap", "mip", "ssit", "msp", "ssttp", "mtr", "sikom", "ked", "mkes", "skes",
    }
)  # fmt: skip
_PREFIX_INITIALS = frozenset("pdihkPDIHK")
_NON_LETTERS_RE = re.compile(r"[^a-z]")
_PARENTHESES_RE = re.compile(r"\(([^()]*)\)")
_ACTING_RE = re.compile(r"^(?:plt|plh|pj)\s+")


def strip_titles(name: object) -> str:
    """The name without academic or religious titles: 'Drs. H. Ahmad, M.Si' -> 'Ahmad'."""
    return _strip_titles(clean(name))


@lru_cache(maxsize=1 << 16)
def _strip_titles(text: str) -> str:
    if "," in text:
        text = text.split(",", 1)[0]
    text = text.strip()
    # The prefix titles begin with one of these letters; a non-ASCII letter may fold to one.
    first = text[:1]
    if first in _PREFIX_INITIALS or not first.isascii():
        text = _PREFIX_TITLES_RE.sub("", text).strip() or text
    tokens = text.split()
    while len(tokens) > 1:
        last = tokens[-1].lower()
        if not (last.isalpha() and last.isascii()):
            last = _NON_LETTERS_RE.sub("", last)
        if last not in _SUFFIX_TITLES:
            break
        tokens.pop()
    return " ".join(tokens)


@dataclass(frozen=True)
class Agency:
    """The agency as the Identitas sheet names it: its normalised full name and its acronyms."""

    full: str = ""
    kind: str = ""
    acronyms: tuple[str, ...] = ()

    @classmethod
    def from_identity(cls, identity: Identity) -> Agency:
        text = clean(identity.perangkat_daerah)
        inner = [clean(part) for part in _PARENTHESES_RE.findall(text)]
        full_text = clean(_PARENTHESES_RE.sub(" ", text))
        full = normalise(full_text)
        if not full:
            return cls()
        acronyms = {normalise(part, expand=False) for part in inner if " " not in part}
        initials = "".join(word[0] for word in full_text.split() if word[:1].isupper())
        if len(initials) >= 3:
            acronyms.add(initials.lower())
        acronyms = {a for a in acronyms if len(a) >= 2 and a != full}
        return cls(full=full, kind=full.split(" ", 1)[0], acronyms=tuple(sorted(acronyms)))

    def expand(self, key: str) -> str:
        """A normalised key with the agency's acronyms spelled out ('kepala bkpsdm' -> full)."""
        for acronym, pattern in _acronym_patterns(self.acronyms):
            if acronym in key:
                key = pattern.sub(self.full, key)
        return key

    def without(self, key: str, replacement: str = "") -> str:
        """The key with the agency's full name replaced (dropped by default), spaces folded."""
        if not self.full or self.full not in key:
            return key
        return " ".join(key.replace(self.full, replacement).split())


# The Pegawai columns of a Person's fields, in the order of its fields after `row`.
_PERSON_COLUMNS = ("nama", "jabatan", "jenis", "unit_kerja", "atasan", "nip", "status")


@lru_cache(maxsize=64)
def _acronym_patterns(acronyms: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((a, re.compile(rf"\b{re.escape(a)}\b")) for a in acronyms)


class Person(NamedTuple):
    """One row of the Pegawai sheet, its texts cleaned. A tuple, not a frozen dataclass: a
    workbook has thousands of pegawai, and a tuple is made four times faster."""

    row: int
    nama: str
    jabatan: str
    jenis: str
    unit: str
    atasan: str
    nip: str = ""
    status: str = ""

    @property
    def label(self) -> str:
        """The name, or the position where the name is blank."""
        return self.nama or self.jabatan


# id(Pegawai frame) -> (the frame, the agency, its Directory); an entry leaves with its frame.
_DIRECTORIES: dict[int, tuple[weakref.ref, Agency, Directory]] = {}
_UNKNOWN = object()


class Directory:
    """The Pegawai sheet indexed by name and position, with the agency's aliases.

    Every text is keyed once: a Pengampu's rows (`resolve`) and its one owner (`owner`) are kept
    per text, so the owner checks, the documents' plan and the writers share the look-ups.
    """

    def __init__(self, pegawai: pd.DataFrame, agency: Agency) -> None:
        self.agency = agency
        self.people: dict[int, Person] = {}
        # normalised text -> its key as a position (acting prefix dropped, acronyms spelled out)
        self._positions: dict[str, str] = {}
        # Person's fields in its order, each column cleaned as a whole ("" where it is missing).
        texts = [
            clean_all(column_values(pegawai[name])) if name in pegawai else [""] * len(pegawai)
            for name in _PERSON_COLUMNS
        ]
        people = self.people
        for index, nama, jabatan, jenis, unit, atasan, nip, status in zip(
            pegawai.index.tolist(), *texts, strict=True
        ):
            if nama or jabatan:
                row = int(index)
                people[row] = Person(row, nama, jabatan, jenis, unit, atasan, nip, status)
        # The keys are worked out a column at a time, then indexed in the sheet's order (the
        # first person of a key is its fuzzy choice).
        named = [person for person in people.values() if person.nama]
        by_name: dict[str, list[int]] = {}
        name_choices: dict[str, Person] = {}
        for person, full, bare in zip(
            named, *self._name_keys([p.nama for p in named]), strict=True
        ):
            if full:
                by_name.setdefault(full, []).append(person.row)
            if bare and bare != full:
                by_name.setdefault(bare, []).append(person.row)
            name_choices.setdefault(bare, person)
        held = [person for person in people.values() if person.jabatan]
        positions = map(self._position, normalise_all([p.jabatan for p in held]))
        by_position: dict[str, list[int]] = {}
        position_choices: dict[str, Person] = {}
        full_name, kind = agency.full, agency.kind
        for person, position in zip(held, positions, strict=True):
            # Found by its key, and by the key with the agency's name as its kind only
            # ('kepala badan') or, where the agency is not named, with the kind added.
            if position:
                by_position.setdefault(position, []).append(person.row)
            if full_name:
                if full_name in position:
                    other = agency.without(position, kind)
                else:
                    other = f"{position} {kind}"
                if other:
                    by_position.setdefault(other, []).append(person.row)
            position_choices.setdefault(position, person)
        self._by_name = by_name
        self._by_position = by_position
        name_choices.pop("", None)
        position_choices.pop("", None)
        # (keys, [(row, label as written)]) for the fuzzy comparison of an unmatched Pengampu.
        self._choices = (
            (list(position_choices), [(p.row, p.jabatan) for p in position_choices.values()]),
            (list(name_choices), [(p.row, p.nama) for p in name_choices.values()]),
        )
        self._resolved: dict[str, tuple[int, ...]] = {}
        self._owners: dict[str, Person | None] = {}
        self._unit_keys: dict[object, str] = {}
        self._units_of: dict[int, set[str]] = {}
        self._nearest_seen: dict[tuple[str, float], tuple[float, int, str] | None] = {}

    @staticmethod
    def _name_keys(names: list[str]) -> tuple[list[str], list[str]]:
        """Each name's key as written and without titles."""
        full = normalise_all(names)
        # An ASCII text is as clean() leaves it, as far as the titles go (the whitespace is
        # split anyway): it skips the clean() that strip_titles begins with.
        stripped = [_strip_titles(n) if n.isascii() else strip_titles(n) for n in names]
        changed = [bare for bare, name in zip(stripped, names, strict=True) if bare != name]
        if not changed:
            return full, full
        bare_keys = iter(normalise_all(changed))
        bare = [
            next(bare_keys) if bare != name else key
            for key, bare, name in zip(full, stripped, names, strict=True)
        ]
        return full, bare

    @classmethod
    def from_frames(cls, pegawai: pd.DataFrame, identity: Identity) -> Directory:
        return cls.of(pegawai, Agency.from_identity(identity))

    @classmethod
    def of(cls, pegawai: pd.DataFrame, agency: Agency) -> Directory:
        """The Directory of this Pegawai frame, built once while the frame lives (the owner
        checks and the documents' plan both need it). Frames are not changed after reading."""
        known = _DIRECTORIES.get(id(pegawai))
        if known is not None and known[0]() is pegawai and known[1] == agency:
            return known[2]
        directory = cls(pegawai, agency)
        _DIRECTORIES[id(pegawai)] = (weakref.ref(pegawai), agency, directory)
        weakref.finalize(pegawai, _DIRECTORIES.pop, id(pegawai), None)
        return directory

    def __len__(self) -> int:
        return len(self.people)

    def _key(self, text: object) -> str:
        """A position as a key; an acting official's 'Plt.'/'Plh.'/'Pj.' does not change the post."""
        return self._position(normalise(text))

    def _position(self, key: str) -> str:
        """`_key` of a text whose normalised key is `key`, worked out once per key."""
        position = self._positions.get(key)
        if position is None:
            position = key
            if position[:2] in ("pl", "pj"):
                position = _ACTING_RE.sub("", position)
            if self.agency.acronyms:
                position = self.agency.expand(position)
            self._positions[key] = position
        return position

    def resolve(self, text: str) -> tuple[int, ...]:
        """Rows of the Pegawai sheet whose name or position is `text` (empty when none)."""
        rows = self._resolved.get(text)
        if rows is None:
            name, bare = self._name_keys([text])
            rows = self._resolved[text] = self._rows_named(name[0], bare[0])
        return rows

    def resolve_all(self, texts: list[str]) -> list[tuple[int, ...]]:
        """`resolve` of each text of a column, the new texts keyed a column at a time."""
        new = [text for text in dict.fromkeys(texts) if text not in self._resolved]
        if new:
            for text, name, bare in zip(new, *self._name_keys(new), strict=True):
                self._resolved[text] = self._rows_named(name, bare)
        return list(map(self._resolved.__getitem__, texts))

    def _rows_named(self, name: str, bare: str) -> tuple[int, ...]:
        """The rows a text with these name keys (as written, without titles) names. A position
        is looked up as written, with the agency's name as its kind only, and without it."""
        position = self._position(name)
        full = self.agency.full
        if full and full in position:
            keys = (position, self.agency.without(position, self.agency.kind))
            keys += (self.agency.without(position),)
        else:
            keys = (position,)  # (`without` leaves a key without the agency's name as it is)
        hits = [hit for hit in map(self._by_position.get, keys) if hit]
        hits += [hit for hit in map(self._by_name.get, (name, bare)) if hit]
        if not hits:
            return ()
        if len(hits) == 1:
            hit = hits[0]
            return (hit[0],) if len(hit) == 1 else tuple(sorted(set(hit)))
        return tuple(sorted(set().union(*hits)))

    def _nearest(self, text: str, cutoff: float) -> tuple[float, int, str] | None:
        """(score, row, label) of the closest position or name at or above `cutoff`."""
        if (text, cutoff) not in self._nearest_seen:
            self._nearest_seen[text, cutoff] = self._compare(text, cutoff)
        return self._nearest_seen[text, cutoff]

    @cached_property
    def _sorted_choices(self) -> tuple[tuple[list[str], list[tuple[int, str]]], ...]:
        """The choices with each key's words sorted, made at the first fuzzy comparison."""
        return tuple(([sorted_words(k) for k in keys], targets) for keys, targets in self._choices)

    def _compare(self, text: str, cutoff: float) -> tuple[float, int, str] | None:
        from rapidfuzz import fuzz, process  # only for an unmatched Pengampu

        best: tuple[float, int, str] | None = None
        queries = (self._key(text), normalise(strip_titles(text)))
        for query, (keys, targets) in zip(queries, self._sorted_choices, strict=True):
            if not query or not keys:
                continue
            match = process.extractOne(
                sorted_words(query), keys, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff
            )
            if match is not None and (best is None or match[1] > best[0]):
                best = (match[1], *targets[match[2]])
        return best

    def suggest(self, text: str) -> str | None:
        """The name or position (as written on the Pegawai sheet) nearest to `text`, if close."""
        best = self._nearest(text, SUGGESTION_CUTOFF)
        return best[2] if best else None

    def owner(self, text: object) -> Person | None:
        """The one person a Pengampu names: an exact unique match, else a near-certain typo."""
        if type(text) is not str:
            return self._owner(clean(text))
        person = self._owners.get(text, _UNKNOWN)
        if person is _UNKNOWN:
            person = self._owners[text] = self._owner(clean(text))
        return person  # type: ignore[return-value]

    def _owner(self, pengampu: str) -> Person | None:
        if not normalise(pengampu):
            return None
        rows = self.resolve(pengampu)
        if len(rows) == 1:
            return self.people[rows[0]]
        if rows:
            return None  # several people hold that position: not one owner
        best = self._nearest(pengampu, PLACEMENT_CUTOFF)
        return self.people[best[1]] if best else None

    def unit_key(self, unit: object) -> str:
        """The Unit Kerja as a key; '' for the agency itself ('BKPSDM', 'Badan ...')."""
        text = clean(unit)
        if text not in self._unit_keys:
            key = self.agency.without(self._key(text))
            self._unit_keys[text] = "" if key == self.agency.kind else key
        return self._unit_keys[text]

    def units_of(self, person: Person) -> set[str]:
        """The person's unit and their superiors' units (a Kasubag belongs to the Sekretariat)."""
        if self.people.get(person.row) is person:
            if person.row not in self._units_of:
                self._units_of[person.row] = self._superior_units(person)
            return set(self._units_of[person.row])
        return self._superior_units(person)

    def _superior_units(self, person: Person) -> set[str]:
        units: set[str] = set()
        seen: set[int] = set()
        current: Person | None = person
        for _ in range(_ATASAN_DEPTH):
            if current is None or current.row in seen:
                break
            seen.add(current.row)
            if current.unit:
                units.add(self.unit_key(current.unit))
            rows = self.resolve(current.atasan) if current.atasan else ()
            current = self.people.get(rows[0]) if len(rows) == 1 else None
        units.discard("")
        return units
