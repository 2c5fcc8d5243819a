"""Which indicator of one document is which indicator of another.

Three ways, tried in order, each recorded with the match ('kode', 'teks', 'fuzzy') and a score:

1. kode  - both rows carry the same nomenclature code (program/kegiatan/sub kegiatan). One row
           on each side: matched whatever the wording; several: matched by text within the code.
2. teks  - the same normalised text (model.text.normalise: case, spacing, punctuation and
           abbreviations such as SDM; words glued together by PDF copying; a target repeated at
           the end, "... SKPD - 2 Dokumen").
3. fuzzy - near-identical texts: typos, word order, a text cut short ("Persentase Pemeliharaan"
           for "Persentase Pemeliharaan Barang Milik Daerah ..."). Candidates come from rapidfuzz
           over a block (same level group; a token index when the block is large), never from a
           Python loop over all pairs. A pair is taken only when each is the other's clear best:
           when a second candidate is within `margin` and the context does not tell them apart,
           the row is reported as ambiguous instead of guessed.

Rows are compared within a `group` (level family, "" = any). `context` (a frozenset of keys such
as the parent sasaran or program) breaks ties and lets a lower fuzzy score through when the two
rows sit under the same parent. `signature` (e.g. target and unit) marks candidates that are
interchangeable: picking either changes nothing, so it is not a guess.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz, process

from pokin_xl.model.nomenclature import canonical_code
from pokin_xl.model.targets import STATED_TARGET_RE, parse_target
from pokin_xl.model.text import clean, normalise, sorted_words
from pokin_xl.model.units import KNOWN_UNITS, normalise_unit

KODE, TEKS, FUZZY = "kode", "teks", "fuzzy"
METHOD_LABELS = {KODE: "kode nomenklatur", TEKS: "teks", FUZZY: "fuzzy"}


@dataclass(frozen=True)
class MatchSettings:
    fuzzy_min: float = 88.0  # a fuzzy match on its own
    context_min: float = 85.0  # a fuzzy match under the same parent (or the same code)
    margin: float = 2.0  # two candidates closer than this are ambiguous
    block_above: int = 2000  # above this many candidates, block by rare tokens first
    per_scorer: int = 10  # candidates kept per rapidfuzz scorer


DEFAULT_SETTINGS = MatchSettings()
_MATCH_COLUMNS = ["b", "method", "score", "ambiguous", "candidates"]


def comparison_code(code: object) -> str:
    """A nomenclature code in the form both documents share ('' when not a code).

    Program 01 (the supporting program shared by all agencies) is written with the agency's
    urusan.bidang ('5.03.01.2.01.0001') or the national placeholder ('X.XX.01.2.01.0001'); both
    compare as the placeholder form.
    """
    return _comparison_code(code) if isinstance(code, str) else _comparison_code_of(code)


@lru_cache(maxsize=65536)
def _comparison_code(code: str) -> str:
    return _comparison_code_of(code)


def _comparison_code_of(code: object) -> str:
    return placeholder_form(canonical_code(code) or "")


def placeholder_form(canonical: str) -> str:
    """`comparison_code` of a code already canonical (program 01 in its X.XX form)."""
    if not canonical:
        return ""
    parts = canonical.split(".")
    if len(parts) >= 3 and parts[0] != "X" and parts[2] == "01":
        return ".".join(["X", "XX", *parts[2:]])
    return canonical


def text_key(text: object) -> str:
    """The comparison key of an indicator: normalised, a stated target at the end removed."""
    return _text_key(text) if isinstance(text, str) else _text_key(clean(text))


@lru_cache(maxsize=131072)
def _text_key(text: str) -> str:
    cleaned = clean(text)
    match = STATED_TARGET_RE.search(cleaned)
    if match:
        tail = match.group("tail").strip()
        parsed = parse_target(tail)
        if parsed.is_numeric or normalise_unit(tail) in KNOWN_UNITS:
            cleaned = cleaned[: match.start()].strip()
    return normalise(cleaned)


def _compact(key: str) -> str:
    return key.replace(" ", "")


def similarity(a: str, b: str) -> float:
    """0-100 similarity of two text keys (see text_key): 100 when they differ only in spacing.

    The best of: character similarity with spaces removed (typos, glued words), word-order-free
    similarity, and containment - one text the start of (or words inside) the other, scored by
    how much of the longer one it covers, so that a text cut short still scores 88 or more.
    """
    if not a or not b:
        return 0.0
    ca, cb = _compact(a), _compact(b)
    if ca == cb:
        return 100.0
    score = max(fuzz.ratio(ca, cb), fuzz.token_sort_ratio(a, b))
    short, long = (a, b) if len(ca) <= len(cb) else (b, a)
    short_words = short.split()
    if len(short_words) >= 2:
        cs, cl = _compact(short), _compact(long)
        cover = len(cs) / len(cl)
        head = fuzz.ratio(cs, cl[: len(cs)])
        if head >= 90:
            score = max(score, head * (0.88 + 0.12 * cover))
        if f" {short} " in f" {long} ":
            score = max(score, 100.0 * (0.84 + 0.12 * cover))
    return round(float(score), 1)


def _contains(a: str, b: str) -> bool:
    """One text is the start of, or words inside, the other."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short.split()) >= 2 and (long.startswith(short + " ") or f" {short} " in f" {long} ")


@dataclass
class _Side:
    labels: list[Hashable]
    keys: list[str]
    compact: list[str]
    codes: list[str]
    groups: list[str]
    contexts: list[frozenset[str]]
    signatures: list[str]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Side:
        n = len(frame)
        keys = [text_key(t) for t in frame["text"]]
        return cls(
            labels=list(frame.index),
            keys=keys,
            compact=[_compact(k) for k in keys],
            codes=[comparison_code(c) if c else "" for c in frame["kode"]]
            if "kode" in frame
            else [""] * n,
            groups=list(frame["group"]) if "group" in frame else [""] * n,
            contexts=(
                [frozenset(c) for c in frame["context"]]
                if "context" in frame
                else [frozenset()] * n
            ),
            signatures=list(frame["signature"]) if "signature" in frame else [""] * n,
        )


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


@dataclass
class _Result:
    b: int | None = None
    method: str = ""
    score: float = 0.0
    ambiguous: bool = False
    candidates: tuple[tuple[int, float], ...] = ()


def match_indicators(
    a: pd.DataFrame, b: pd.DataFrame, settings: MatchSettings = DEFAULT_SETTINGS
) -> pd.DataFrame:
    """One row per row of `a` (same index): the matched label of `b` or None, and how.

    `a` and `b` need a `text` column; `kode`, `group`, `context` and `signature` are optional.
    Columns of the result: b, method, score, ambiguous, candidates (the closest rows of `b` with
    their scores, best first - for saying "nearest" or listing the ambiguous ones).
    """
    left, right = _Side.of(a), _Side.of(b)
    results = [_Result() for _ in left.labels]
    used: dict[int, int] = defaultdict(int)  # b position -> times matched
    _by_code(left, right, results, used, settings)
    _by_text(left, right, results, used)
    _fuzzy(left, right, results, used, settings)
    frame = pd.DataFrame(
        {
            "b": pd.Series(
                [right.labels[r.b] if r.b is not None else None for r in results],
                index=a.index,
                dtype=object,
            ),
            "method": [r.method for r in results],
            "score": [r.score for r in results],
            "ambiguous": [r.ambiguous for r in results],
            "candidates": [tuple((right.labels[i], s) for i, s in r.candidates) for r in results],
        },
        index=a.index,
        columns=_MATCH_COLUMNS,
    )
    return frame


def _context(left: _Side, i: int, right: _Side, j: int) -> int:
    return len(left.contexts[i] & right.contexts[j])


def _by_code(
    left: _Side, right: _Side, results: list[_Result], used: dict[int, int], s: MatchSettings
) -> None:
    by_code: dict[str, list[int]] = defaultdict(list)
    for j, code in enumerate(right.codes):
        if code:
            by_code[code].append(j)
    mine: dict[str, list[int]] = defaultdict(list)
    for i, code in enumerate(left.codes):
        if code and code in by_code:
            mine[code].append(i)
    for code, rows in mine.items():
        theirs = [j for j in by_code[code]]
        if len(rows) == 1 and len(theirs) == 1:
            i, j = rows[0], theirs[0]
            if _compatible(left.groups[i], right.groups[j]):
                results[i] = _Result(j, KODE, similarity(left.keys[i], right.keys[j]))
                used[j] += 1
            continue
        # Several indicators under one code: pair them by text, one to one.
        pairs = sorted(
            (
                (similarity(left.keys[i], right.keys[j]), i, j)
                for i in rows
                for j in theirs
                if _compatible(left.groups[i], right.groups[j])
            ),
            reverse=True,
        )
        taken_a: set[int] = set()
        taken_b: set[int] = set()
        for score, i, j in pairs:
            if score < s.context_min or i in taken_a or j in taken_b:
                continue
            rivals = [
                other
                for other, oi, oj in pairs
                if other >= score - s.margin
                and (oi, oj) != (i, j)
                and ((oi == i and oj not in taken_b) or (oj == j and oi not in taken_a))
            ]
            if rivals and score < 100:
                continue
            results[i] = _Result(j, KODE, score)
            used[j] += 1
            taken_a.add(i)
            taken_b.add(j)


def _by_text(left: _Side, right: _Side, results: list[_Result], used: dict[int, int]) -> None:
    index: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(right.compact):
        if key:
            index[key].append(j)
    for i, key in enumerate(left.compact):
        if results[i].method or not key or key not in index:
            continue
        candidates = [j for j in index[key] if _compatible(left.groups[i], right.groups[j])]
        if not candidates:
            continue
        best = max(_context(left, i, right, j) for j in candidates)
        top = [j for j in candidates if _context(left, i, right, j) == best]
        if len({right.signatures[j] for j in top}) > 1 or (
            len(top) > 1 and not right.signatures[top[0]]
        ):
            results[i] = _Result(ambiguous=True, candidates=tuple((j, 100.0) for j in top[:5]))
            continue
        chosen = min(top, key=lambda j: (used[j], j))  # interchangeable: spread them
        results[i] = _Result(chosen, TEKS, 100.0)
        used[chosen] += 1


def _token_index(keys: list[str]) -> dict[str, list[int]]:
    """Word -> positions (into `keys`) of the texts holding it."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        for token in set(key.split()):
            index[token].append(position)
    return index


@dataclass
class _Pool:
    """The free rows of `b` in one group, prepared once for every query."""

    rows: list[int]
    keys: list[str]
    compacts: list[str]
    word_sorted: list[str]  # each key's words sorted: fuzz.ratio of these is token_sort_ratio
    ordered: list[tuple[str, int]]
    tokens: dict[str, list[int]]
    _sorted: tuple[list[int], list[str]] | None = None  # positions by key, and the keys

    @classmethod
    def of(cls, rows: list[int], right: _Side) -> _Pool:
        keys = [right.keys[j] for j in rows]
        return cls(
            rows=rows,
            keys=keys,
            compacts=[right.compact[j] for j in rows],
            word_sorted=[sorted_words(key) for key in keys],
            ordered=sorted((right.keys[j], j) for j in rows),
            tokens=_token_index(keys),
        )

    def _block(self, key: str, limit: int) -> list[int]:
        """At most about `limit` positions to score: those sharing the text's rarest words (up
        to four, rarest first, while under the limit); when even its rarest word is common,
        the texts that sort nearest to it. Bounded per query, so the whole match stays linear
        in the number of texts (blocking by common words made it quadratic)."""
        words = sorted(set(key.split()), key=lambda w: len(self.tokens.get(w, ())))
        blocked: set[int] = set()
        for word in words[:4]:
            found = self.tokens.get(word, ())
            if blocked and len(blocked) + len(found) > limit:
                break
            if not blocked and len(found) > limit:
                return self._nearest(key, limit)
            blocked.update(found)
        return sorted(blocked)

    def _nearest(self, key: str, limit: int) -> list[int]:
        if self._sorted is None:
            order = sorted(range(len(self.keys)), key=self.keys.__getitem__)
            self._sorted = (order, [self.keys[p] for p in order])
        order, keys = self._sorted
        middle = bisect.bisect_left(keys, key)
        first = max(0, middle - limit // 2)
        return sorted(order[first : first + limit])

    def candidates(self, key: str, compact: str, s: MatchSettings) -> set[int]:
        rows, keys, compacts, word_sorted = self.rows, self.keys, self.compacts, self.word_sorted
        if len(rows) > s.block_above:  # block: rows sharing one of this text's rarer words
            positions = self._block(key, s.block_above)
            rows = [rows[p] for p in positions]
            keys = [keys[p] for p in positions]
            compacts = [compacts[p] for p in positions]
            word_sorted = [word_sorted[p] for p in positions]
        chosen: set[int] = set()
        if rows:
            for scorer, query, options in (
                (fuzz.ratio, sorted_words(key), word_sorted),  # token_sort_ratio, sorted once
                (fuzz.ratio, compact, compacts),
                (fuzz.partial_ratio, key, keys),
            ):
                for _, _, position in process.extract(
                    query,
                    options,
                    scorer=scorer,
                    processor=None,
                    limit=s.per_scorer,
                    score_cutoff=50,
                ):
                    chosen.add(rows[position])
        # the texts this one is the start of (this one was cut short)
        ordered = self.ordered
        position = bisect.bisect_left(ordered, (key + " ",))
        while position < len(ordered) and ordered[position][0].startswith(key + " "):
            chosen.add(ordered[position][1])  # a walk, not ordered[start:]: no copy per query
            position += 1
        return chosen


def _fuzzy(
    left: _Side, right: _Side, results: list[_Result], used: dict[int, int], s: MatchSettings
) -> None:
    taken_b = {r.b for r in results if r.b is not None}
    pending = [i for i, r in enumerate(results) if not r.method and not r.ambiguous]
    pending = [i for i in pending if left.keys[i]]
    free = [j for j in range(len(right.labels)) if j not in taken_b and right.keys[j]]
    if not pending or not free:
        return
    by_group: dict[str, list[int]] = defaultdict(list)
    for j in free:
        by_group[right.groups[j]].append(j)
    pools: dict[str, _Pool] = {"": _Pool.of(free, right)}
    for group, rows in by_group.items():
        if group:
            pools[group] = _Pool.of(rows + by_group.get("", []), right)
    scored: dict[int, list[tuple[float, int, int]]] = {}
    claims: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for i in pending:
        pool = pools.get(left.groups[i]) if left.groups[i] else pools[""]
        found = pool.candidates(left.keys[i], left.compact[i], s) if pool else set()
        ranked = sorted(
            (
                (similarity(left.keys[i], right.keys[j]), _context(left, i, right, j), j)
                for j in found
            ),
            key=lambda t: (-t[0], -t[1], t[2]),
        )
        scored[i] = ranked
        for score, context, j in ranked:
            if score >= s.context_min:
                claims[j].append((score, context, i))
        results[i] = _Result(candidates=tuple((j, sc) for sc, _, j in ranked[:3]))
    pairs = sorted(
        ((score, context, i, j) for i, ranked in scored.items() for score, context, j in ranked),
        key=lambda t: (-t[0], -t[1], t[2], t[3]),
    )
    done_a: set[int] = set()
    done_b: set[int] = set()

    def interchangeable(signatures: list[str], x: int, y: int) -> bool:
        return bool(signatures[x]) and signatures[x] == signatures[y]

    for score, context, i, j in pairs:
        if i in done_a or j in done_b:
            continue
        if score < s.fuzzy_min and not (score >= s.context_min and context > 0):
            continue
        key = left.keys[i]
        cut_short = len(key) < len(right.keys[j]) and _contains(key, right.keys[j])
        if any(
            cx > context
            and jj not in done_b
            and sc >= s.context_min
            and (sc >= score - s.margin or (cut_short and _contains(key, right.keys[jj])))
            for sc, cx, jj in scored[i]
        ):
            continue  # a candidate under the same parent comes later in this loop
        rivals_b = [
            (jj, sc)
            for sc, cx, jj in scored[i]
            if jj != j
            and jj not in done_b
            and not interchangeable(right.signatures, j, jj)
            and (
                _rival(sc, cx, score, context, s)
                or (
                    cut_short
                    and sc >= s.context_min
                    and cx >= context
                    and len(key) < len(right.keys[jj])
                    and _contains(key, right.keys[jj])
                )
            )
        ]
        rivals_a = [
            ii
            for sc, cx, ii in claims[j]
            if ii != i
            and ii not in done_a
            and not interchangeable(left.signatures, i, ii)
            and _rival(sc, cx, score, context, s)
        ]
        if rivals_b or rivals_a:
            shown = tuple(dict.fromkeys([(j, score), *rivals_b]))[:5]
            for row in (i, *rivals_a):  # two texts claiming one row: neither is guessed
                results[row] = _Result(ambiguous=True, candidates=shown)
                done_a.add(row)
            continue
        results[i] = _Result(j, FUZZY, score, candidates=results[i].candidates)
        used[j] += 1
        done_a.add(i)
        done_b.add(j)


def _rival(score: float, context: int, best: float, best_context: int, s: MatchSettings) -> bool:
    """A second candidate as good as the best: within the margin and no weaker in context."""
    return score >= best - s.margin and context >= best_context and score >= s.context_min


def describe(method: str, score: float) -> str:
    """'cocok menurut teks', 'cocok fuzzy (skor 93)', ... for messages."""
    if method == KODE:
        return f"cocok menurut kode nomenklatur (kemiripan teks {score:g})"
    if method == TEKS:
        return "cocok menurut teks"
    if method == FUZZY:
        return f"cocok fuzzy (skor {score:g})"
    return "tidak cocok"
