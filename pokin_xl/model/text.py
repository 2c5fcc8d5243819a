"""Text normalisation shared by readers, checks and matching.

Two strings that a reviewer would call "the same" must normalise to the same key: case, spacing,
punctuation and the common abbreviations of Indonesian government documents are folded away.

ABBREVIATIONS holds real abbreviations only, never a document's misspellings ("Tekhnis"): a typo
folded away here could never be reported (N002, R007).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

ABBREVIATIONS: dict[str, str] = {
    "sdm": "sumber daya manusia",
    "asn": "aparatur sipil negara",
    "pns": "pegawai negeri sipil",
    "pppk": "pegawai pemerintah dengan perjanjian kerja",
    "pd": "perangkat daerah",
    "opd": "perangkat daerah",
    "skpd": "perangkat daerah",
    "bmd": "barang milik daerah",
    "kabid": "kepala bidang",
    "kasubag": "kepala subbagian",
    "kasubbag": "kepala subbagian",
    "kasubid": "kepala subbidang",
    "kasi": "kepala seksi",
    "sekban": "sekretaris badan",
    "sekdis": "sekretaris dinas",
    "diklat": "pendidikan dan pelatihan",
    "bimtek": "bimbingan teknis",
    "rakor": "rapat koordinasi",
    "spbe": "sistem pemerintahan berbasis elektronik",
    "simpeg": "sistem informasi kepegawaian",
    "sub bagian": "subbagian",
}

_ABBREVIATION_RE = re.compile(
    r"\b(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b"
)
_ABBREVIATION_FIRST_WORDS = frozenset(key.split(" ", 1)[0] for key in ABBREVIATIONS)
_NON_WORD_RE = re.compile(r"[^\w%]+")
# The same for an ASCII text, as a byte table (the regex costs ~4 us a text; this ~1 us): ASCII
# word characters are [A-Za-z0-9_]; each letter maps to its lower case, '_' and every other byte
# but digits and '%' to a space, and str.split() then folds the runs as the regex does.
_ASCII_KEY_BYTES = bytes(
    ord(ch.lower()) if ch.isascii() and (ch.isalnum() or ch == "%") else 32
    for ch in map(chr, range(256))
)
# Characters pasted from web pages and Word that show as nothing (zero-width space/joiners, BOM).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def is_blank(value: object) -> bool:
    """True for None, NaN, and strings of only whitespace."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


# clean() and normalise() are pure functions of a text, called for every cell by the checks and
# writers, and a workbook repeats its texts (units, levels, names) thousands of times: each distinct
# text is worked out once. The caches are bounded, so a huge file cannot grow them without end.
_CACHED_TEXTS = 1 << 18


def clean(value: object) -> str:
    """Display form: the text with runs of whitespace (and non-breaking spaces) folded to one."""
    if type(value) is str:
        return _clean_text(value)
    if is_blank(value):
        return ""
    return _clean_text(str(value))


def _fold(text: str) -> str:
    if not text.isascii():  # NFKC and the invisible characters leave ASCII as it is
        text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    folded = " ".join(text.split())  # str.split() and regex \s agree on what is whitespace
    return text if folded == text else folded  # a clean text stays one object, not two


_clean_text = lru_cache(maxsize=_CACHED_TEXTS)(_fold)


def clean_all(values: Iterable[object]) -> list[str]:
    """`clean()` of each value of a column; a text repeated down the column is cleaned once."""
    seen: dict[str, str] = {}
    cleaned = []
    for value in values:
        if type(value) is str:  # only texts share a memo: 1, 1.0 and True are equal keys
            text = seen.get(value)
            if text is None:
                text = seen[value] = _clean_text(value)
            cleaned.append(text)
        else:
            cleaned.append(clean(value))
    return cleaned


def normalise(value: object, *, expand: bool = True) -> str:
    """Comparison key: lower case, punctuation to spaces, abbreviations expanded, spaces folded.

    >>> normalise("  Program Pengembangan SDM ")
    'program pengembangan sumber daya manusia'
    >>> normalise("Penyediaan Bahan/Material") == normalise("Penyediaan Bahan / Material")
    True
    """
    if type(value) is str:
        return _normalise_cell(value, expand)
    return _key(clean(value), expand)


@lru_cache(maxsize=_CACHED_TEXTS)
def _normalise_cell(text: str, expand: bool) -> str:
    """A text as written in a cell, normalised: one cache look-up for a text seen before.

    A new text is folded here, not through clean()'s memo (a look-up that misses costs about as
    much as the folding itself); the expanded key starts from the unexpanded one's memo, since
    the checks ask for both keys of most texts.
    """
    if expand:
        return _expand(_normalise_cell(text, False))
    return _key(_fold(text), False)


def _key(text: str, expand: bool) -> str:
    """The key of a cleaned text."""
    # runs of non-word characters (whitespace among them) become one space
    if text.isascii():
        key = " ".join(text.encode("ascii").translate(_ASCII_KEY_BYTES).decode("ascii").split())
    else:
        key = _NON_WORD_RE.sub(" ", text.lower().replace("_", " ")).strip()
    return _expand(key) if expand else key


def _expand(key: str) -> str:
    """The abbreviations of a key spelt out; the regex runs only when one of their first words is
    a word of the key (words are the runs of \\w: spaces and '%' separate them)."""
    if _ABBREVIATION_FIRST_WORDS.isdisjoint(key.replace("%", " ").split(" ")):
        return key
    return _ABBREVIATION_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], key)


def first_word(value: object) -> str:
    """The first word of the normalised text, without abbreviation expansion."""
    key = normalise(value, expand=False)
    return key.split(" ", 1)[0] if key else ""
