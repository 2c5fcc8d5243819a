"""Sheet names Excel accepts: at most 31 characters, none of []:*?/\\, unique ignoring case.

Long unit names are shortened the way planners abbreviate them ("Bidang" -> "Bid."), one step
at a time and only as far as needed, so that "Cascading Bid. Pengembangan SDM" stays
recognisable; only then are long words clipped, and the name cut as the last resort.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_LEN = 31


def excel_length(text: str) -> int:
    """Excel counts UTF-16 code units: an emoji outside the BMP takes two of the 31."""
    return len(text.encode("utf-16-le")) // 2


_FORBIDDEN_RE = re.compile(r"[\[\]:*?/\\]")
_SPACES_RE = re.compile(r"\s+")
_RESERVED = {"history"}  # Excel keeps this name for itself

# Common abbreviations in Indonesian government unit names, tried in this order.
ABBREVIATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bSub\s*Bagian\b", re.IGNORECASE), "Subbag."),
    (re.compile(r"\bSub\s*Bidang\b", re.IGNORECASE), "Subbid."),
    (re.compile(r"\bBidang\b", re.IGNORECASE), "Bid."),
    (re.compile(r"\bBagian\b", re.IGNORECASE), "Bag."),
    (re.compile(r"\bSeksi\b", re.IGNORECASE), "Sie."),
    (re.compile(r"\bUnit Pelaksana Teknis(?: Daerah)?\b", re.IGNORECASE), "UPT"),
    (re.compile(r"\bSumber Daya Manusia\b", re.IGNORECASE), "SDM"),
    (re.compile(r"\bAparatur Sipil Negara\b", re.IGNORECASE), "ASN"),
    (re.compile(r"\bPerangkat Daerah\b", re.IGNORECASE), "PD"),
    (re.compile(r"\bSekretariat\b", re.IGNORECASE), "Sekret."),
    (re.compile(r"\s+dan\s+", re.IGNORECASE), " & "),
]
_CLIP_KEEP = 5  # letters kept of a clipped word: "Kesejahteraan" -> "Kesej."


def sanitise(text: str) -> str:
    """Forbidden characters replaced, spaces folded, no apostrophe at either end."""
    text = _FORBIDDEN_RE.sub("-", str(text).replace("/", "-"))
    text = _SPACES_RE.sub(" ", text).strip()
    return text.strip("'").strip()


def shorten(text: str, limit: int) -> str:
    """`text` within `limit` characters: abbreviations first, then clipped words, then cut."""
    text = sanitise(text)
    if excel_length(text) <= limit:
        return text
    for pattern, short in ABBREVIATIONS:
        text = _SPACES_RE.sub(" ", pattern.sub(short, text)).strip()
        if excel_length(text) <= limit:
            return text
    words = text.split(" ")
    # Keep as many leading words as can fit once clipped (the longest clipped first). Only the
    # counts whose words, all clipped, could fit are tried: a 40,000-character name is a few
    # tries of a few words each, not thousands of tries of thousands of words.
    for count in reversed(_counts_that_may_fit(words, limit)):
        candidate = _clip(words[:count], limit)
        if excel_length(candidate) <= limit:
            return candidate
    return text[:limit].rstrip(" &-'")


def _counts_that_may_fit(words: list[str], limit: int) -> list[int]:
    """Word counts whose shortest clipped form (every word clipped, trailing '&', '-' and ','
    dropped, as _clip ends) is within `limit`; longer prefixes never fit, so the scan stops."""
    counts: list[int] = []
    total = 0  # clipped length of words[:count], with the spaces between them
    kept = 0  # the same up to the last word that is not a separator
    for count, word in enumerate(words, start=1):
        total += excel_length(_clipped(word)) + (1 if count > 1 else 0)
        if word not in _SEPARATORS:
            kept = total
        if kept > limit + 1:  # + 1: _clip strips a trailing comma
            break
        counts.append(count)
    return counts


_SEPARATORS = {"&", "-", ","}


def _clipped(word: str) -> str:
    if len(word) > _CLIP_KEEP + 1 and word[-1] != ".":
        return word[:_CLIP_KEEP].rstrip(",") + "."
    return word


def _clip(words: list[str], limit: int) -> str:
    words = list(words)
    while len(words) > 1 and excel_length(" ".join(words)) > limit:
        candidates = [
            (len(w), i) for i, w in enumerate(words) if len(w) > _CLIP_KEEP + 1 and w[-1] != "."
        ]
        if not candidates:
            break
        _, index = max(candidates)
        words[index] = _clipped(words[index])
    while len(words) > 1 and words[-1] in _SEPARATORS:
        words.pop()
    return " ".join(words).rstrip(",")


class SheetNamer:
    """Hands out unique, valid sheet names; fixed names are reserved first."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._taken: set[str] = set()
        for name in reserved:
            self.claim(name)

    def claim(self, name: str) -> str:
        key = name.casefold()
        if excel_length(name) > MAX_LEN or _FORBIDDEN_RE.search(name) or key in self._taken:
            raise ValueError(f"nama sheet tidak sah atau sudah dipakai: {name!r}")
        self._taken.add(key)
        return name

    def taken(self, name: str) -> bool:
        return name.casefold() in self._taken

    def name(self, text: str, *, prefix: str = "", fallback: str = "Tanpa Nama") -> str:
        """'<prefix><text>' shortened to fit, made unique with ' 2', ' 3'... when needed."""
        body = shorten(text, MAX_LEN - excel_length(prefix)) or fallback
        candidate = (prefix + body).strip()
        number = 1
        while self.taken(candidate) or candidate.casefold() in _RESERVED:
            number += 1
            suffix = f" {number}"
            body = shorten(text, MAX_LEN - excel_length(prefix) - excel_length(suffix)) or fallback
            candidate = (prefix + body).strip() + suffix
        return self.claim(candidate)
