"""Which indicator of A goes with which of B, and the lookups the messages use.

`pair_sides` matches the indicators of the levels both documents state (model.matching: by
nomenclature code, normalised text, then fuzzy) and indexes, once, what a message may mention:
the same text on another level, a sasaran written as an indicator, the nearest candidate below the
threshold, and targets that suggest two indicators were swapped. It raises no finding.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from pokin_xl.checks.reconcile.sides import Side, parent_key, records_of
from pokin_xl.checks.reconcile.values import same_target
from pokin_xl.model.matching import match_indicators, text_key
from pokin_xl.model.records import records_by_row

NEAREST_MIN = 60.0  # a candidate below the match threshold still worth naming


class Pairing:
    """A and B matched: `match_of` (A row id -> match), `unmatched_b`, and the message lookups.

    Rows are plain dicts keyed by their position in the side's frame (`ra`, `rb`; each has `_id`):
    a pandas row per access is what made large comparisons slow.
    """

    def __init__(self, a: Side, b: Side, a_in: pd.DataFrame, b_in: pd.DataFrame) -> None:
        self.a, self.b = a, b
        self.ra = {i: {**r, "_id": i} for i, r in enumerate(records_of(a))}
        self.rb = {i: {**r, "_id": i} for i, r in enumerate(records_of(b))}
        self.records = {id(a): self.ra, id(b): self.rb}
        columns = ["key", "group", "context", "signature"]
        matches = match_indicators(
            a_in[columns].rename(columns={"key": "text"}).assign(kode=a_in["kode_key"]),
            b_in[columns].rename(columns={"key": "text"}).assign(kode=b_in["kode_key"]),
        )
        self.match_of: dict = records_by_row(matches)
        pairs = [(ia, m["b"]) for ia, m in self.match_of.items() if m["b"] is not None]
        # how often A's node and B's node were paired: evidence that two sasaran are one
        self.links = Counter((self.ra[ia]["node"], self.rb[ib]["node"]) for ia, ib in pairs)
        matched_b = {ib for _, ib in pairs}
        self.unmatched_b = [ib for ib in b_in.index if ib not in matched_b]
        self.swaps = self._swaps(pairs)
        self._index_hints()

    # -------------------------------------------------------------------- where a finding points
    def at_a(self, record: dict, cell: str, subject: str | None = None) -> dict[str, str]:
        return _at(self.a, record, cell, subject)

    def at_b(self, record: dict, cell: str) -> dict[str, str]:
        return _at(self.b, record, cell)

    def b_where(self, record: dict, cell: str | None = None) -> str:
        return f"{self.b.file} sel {cell or record['cell_indikator']}"

    # --------------------------------------------------------------------------- lookups
    def as_statement(self, other: Side, record: dict) -> str:
        """The indicator's text is the other document's sasaran: the two were swapped."""
        hits = self.statements[id(other)].get(record["key"])
        if not hits:
            return ""
        found = self.records[id(other)][hits[0]]
        return (
            f" Teks ini di {other.file} adalah rumusan sasaran (sel {found['own_cell']}) dengan "
            f"indikator '{found['indikator']}' - sasaran dan indikator tertukar?"
        )

    def elsewhere(self, other: Side, record: dict) -> dict | None:
        """The same text on another level of the other document."""
        for index in self.by_key[id(other)].get(record["key"], ()):
            found = self.records[id(other)][index]
            if found["group"] != record["group"]:
                return found
        return None

    def _index_hints(self) -> None:
        """Lookups the messages use, built once (no scan of a whole side per finding)."""
        self.by_key = {id(side): _first_by(side.frame, "key") for side in (self.a, self.b)}
        self.statements = {
            id(side): _first_by(
                side.frame.assign(_own=side.frame["own_text"].map(text_key)), "_own"
            )
            for side in (self.a, self.b)
        }
        self.ambiguous_for: dict[object, int] = {}
        self.nearest_for: dict[object, tuple[float, int]] = {}
        self.claimed_by: dict[object, int] = {}
        for ia, others in self.swaps.items():
            for ib in others:
                self.claimed_by.setdefault(ib, ia)
        for ia, m in self.match_of.items():
            if m["b"] is not None:
                continue
            for ib, score in m["candidates"]:
                if m["ambiguous"]:
                    self.ambiguous_for.setdefault(ib, ia)
                elif score >= NEAREST_MIN:
                    best = self.nearest_for.get(ib)
                    if best is None or (-score, ia) < (-best[0], best[1]):
                        self.nearest_for[ib] = (score, ia)

    def _swaps(self, pairs: list[tuple[int, int]]) -> dict[int, list[int]]:
        """For a pair whose targets differ: unmatched B rows under the same parent with A's target."""
        hints: dict[int, list[int]] = {}
        by_parent: dict[str, list[int]] = defaultdict(list)
        for ib in self.unmatched_b:
            rec = self.rb[ib]
            by_parent[parent_key(rec)].append(ib)
        for ia, ib in pairs:
            ta, tb = self.ra[ia]["target"], self.rb[ib]["target"]
            if same_target(ta, tb) or ta.kind == "empty":
                continue
            others = [
                j
                for j in by_parent.get(parent_key(self.rb[ib]), [])
                if same_target(ta, self.rb[j]["target"])
            ]
            if others:
                hints[ia] = others
        return hints


def _at(side: Side, record: dict, cell: str, subject: str | None = None) -> dict[str, str]:
    """The `finding()` keywords for a cell of `side`; the subject is the indicator unless given.
    (Finding.unit is the Unit Kerja, Finding.kode the sasaran's Kode: see docs/GLOSSARY.md.)"""
    return {
        "file": side.file,
        "sheet": side.sheet,
        "cell": cell,
        "unit": str(record["unit_kerja"]),
        "tingkat": str(record["tingkat"]),
        "kode": str(record["kode"]),
        "subject": subject if subject is not None else str(record["indikator"]),
    }


def _first_by(frame: pd.DataFrame, column: str) -> dict[str, list[int]]:
    """Row labels by the value of `column` (non-empty values only), in frame order."""
    found: dict[str, list[int]] = defaultdict(list)
    for label, value in frame[column].items():
        if value:
            found[value].append(label)
    return found
