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
# The same table for a column's ASCII texts joined by NUL: NUL stays, to split them apart again.
_ASCII_COLUMN_BYTES = b"\x00" + _ASCII_KEY_BYTES[1:]
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
# text is worked out once. The memos are bounded, so a huge file cannot grow them without end.
# A normalised key is remembered in plain dicts, not an lru_cache: a look-up costs less, and a
# whole column's new texts can be worked out together (normalise_all); a dict that reaches
# _CACHED_TEXTS texts starts again.
_CACHED_TEXTS = 1 << 18


class _Memos:
    """Each distinct text's keys, without and with abbreviations expanded."""

    __slots__ = ("expanded", "keys")

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self.expanded: dict[str, str] = {}


@lru_cache(maxsize=1)
def _memos() -> _Memos:
    """The memos, held by a one-entry lru_cache so that `gc_pause.release_memos` (which empties
    the bounded lru_caches of pokin_xl before writing) drops them with the other per-text memos."""
    return _Memos()


def _remember(memo: dict[str, str], text: str, result: str) -> str:
    if len(memo) >= _CACHED_TEXTS:
        memo.clear()
    memo[text] = result
    return result


def _remember_all(memo: dict[str, str], texts: list[str], results: list[str]) -> None:
    if len(memo) + len(texts) > _CACHED_TEXTS:
        memo.clear()
    if len(texts) <= _CACHED_TEXTS:
        memo.update(zip(texts, results, strict=True))


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
        memos = _memos()
        if not expand:
            return _unexpanded_key_of(memos, value)
        key = memos.expanded.get(value)
        if key is None:  # the expanded key starts from the unexpanded one: most texts need both
            return _remember(memos.expanded, value, _expand(_unexpanded_key_of(memos, value)))
        return key
    return _key(clean(value), expand)


def _unexpanded_key_of(memos: _Memos, text: str) -> str:
    key = memos.keys.get(text)
    return _remember(memos.keys, text, _unexpanded_key(text)) if key is None else key


def normalise_all(values: Iterable[object], *, expand: bool = True) -> list[str]:
    """`normalise()` of each value of a column; the column's new texts are worked out together
    (the ASCII ones by one byte translation of them all), each distinct text once."""
    values = values if isinstance(values, list) else list(values)
    memos = _memos()
    memo = memos.expanded if expand else memos.keys
    try:
        keys = list(map(memo.get, values))  # texts seen before, at C speed
    except TypeError:  # an unhashable value: not a cell's
        return [normalise(value, expand=expand) for value in values]
    if None not in keys:
        return keys  # type: ignore[return-value]
    new = dict.fromkeys(
        v for v, key in zip(values, keys, strict=True) if key is None and type(v) is str
    )
    found = dict(zip(new, _new_keys(memos, list(new), expand), strict=True))
    return [
        key if key is not None else found[v] if type(v) is str else normalise(v, expand=expand)
        for v, key in zip(values, keys, strict=True)
    ]


def _new_keys(memos: _Memos, texts: list[str], expand: bool) -> list[str]:
    """The keys of texts not yet in the `expand` memo, remembered (as `normalise` does)."""
    keys = [memos.keys.get(text) for text in texts]
    missing = [text for text, key in zip(texts, keys, strict=True) if key is None]
    if missing:
        computed = _unexpanded_keys(missing)
        _remember_all(memos.keys, missing, computed)
        new = iter(computed)
        keys = [next(new) if key is None else key for key in keys]
    if not expand:
        return keys  # type: ignore[return-value]
    expanded = [_expand(key) for key in keys]  # type: ignore[arg-type]
    _remember_all(memos.expanded, texts, expanded)
    return expanded


def _unexpanded_keys(texts: list[str]) -> list[str]:
    """The unexpanded keys of new texts. Two or more ASCII texts go through one byte translation
    of them all, joined by NUL, which that table keeps as their separator."""
    ascii_texts = [text for text in texts if text.isascii()] if len(texts) > 1 else []
    joined = "\x00".join(ascii_texts)
    if len(ascii_texts) < 2 or joined.count("\x00") != len(ascii_texts) - 1:  # NUL in a text
        return [_unexpanded_key(text) for text in texts]
    parts = joined.encode("ascii").translate(_ASCII_COLUMN_BYTES).decode("ascii").split("\x00")
    ascii_keys = iter([" ".join(part.split()) for part in parts])
    return [next(ascii_keys) if text.isascii() else _unexpanded_key(text) for text in texts]


def _unexpanded_key(text: str) -> str:
    if text.isascii():  # folding first would change nothing: the table turns whitespace to spaces
        return " ".join(text.encode("ascii").translate(_ASCII_KEY_BYTES).decode("ascii").split())
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


def sorted_words(key: str) -> str:
    """`key`'s words in sorted order. `fuzz.ratio` of two such keys is their
    `fuzz.token_sort_ratio`: a list of names compared again and again is sorted once, not at
    every comparison. For keys (`normalise`, `text_key`) only: str.split breaks words at
    U+00A0 and U+0085, rapidfuzz does not, and keys hold neither."""
    return " ".join(sorted(key.split()))
