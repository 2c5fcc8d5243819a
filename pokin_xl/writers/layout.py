"""Where each box of a cascade goes: columns, bands and stacks. Pure geometry, no Excel.

A cascade chart is drawn as a grid. Each *column* stands for one Sasaran Kegiatan (the chart's
"K 1".."K n"); above it, in four *bands*, sit its ancestors (band 0 Tujuan, 1 Sasaran Strategis,
2 Sasaran Program, 3 Sasaran Kegiatan), and below it the *stack* of its Sasaran Sub Kegiatan,
each followed by its Rencana Hasil Kerja. Neighbouring columns that share an ancestor share
one box spanning them. Columns follow the tree's pre-order, so every ancestor's columns are
contiguous and boxes never overlap.

Every item marked `shown` gets a place, whatever the data's defects:
- a sub kegiatan hanging directly under a program gets a column of its own whose kegiatan band
  holds a placeholder ("tanpa kegiatan");
- items whose chain upwards breaks before reaching a kegiatan (missing parent, a cycle) go to
  one last column, "tanpa induk";
- a column whose chain stops below Tujuan shows a "tanpa induk" placeholder above its top;
- a shown program or sasaran strategis that no column passes through gets a column of its own.

This module also measures text (how many lines a box needs at a width), so that row heights
can be set: Excel does not grow a merged cell's row to fit its text.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

TOP_BANDS = 4  # 0 Tujuan, 1 Sasaran Strategis, 2 Sasaran Program, 3 Sasaran Kegiatan
HEAD_BAND = 3
STACK_BAND = 4

NO_KEGIATAN = "tanpa_kegiatan"
NO_PARENT = "tanpa_induk"


class Item(NamedTuple):
    """A node as the layout sees it: its key, its parent's key as written, its level (0..5)."""

    key: str
    parent: str = ""
    level: int | None = None
    shown: bool = True


@dataclass(frozen=True)
class Column:
    index: int
    kind: str  # "kegiatan" | "direct" | "orphan"
    head: str | None  # the node the column hangs from (None for the orphan column)
    number: int | None = None  # K number of a kegiatan column, from 1


class Slot(NamedTuple):
    """One box of the grid: a node (`key`) or a placeholder (`placeholder`, key None)."""

    band: int
    first_col: int
    last_col: int
    key: str | None
    placeholder: str = ""
    depth: int = 0  # position in the stack (band 4), from 0


@dataclass
class TreeLayout:
    columns: list[Column] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    # stack_row() is asked once per depth: slots indexed by depth (a deep stack stays linear)
    _stack_rows: dict[int, list[Slot]] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    @property
    def stack_depth(self) -> int:
        depths = [s.depth for s in self.slots if s.band == STACK_BAND]
        return max(depths) + 1 if depths else 0

    def band(self, band: int) -> list[Slot]:
        return [s for s in self.slots if s.band == band]

    def stack_row(self, depth: int) -> list[Slot]:
        if self._stack_rows is None or self._indexed != len(self.slots):
            rows: dict[int, list[Slot]] = defaultdict(list)
            for slot in self.slots:
                if slot.band == STACK_BAND:
                    rows[slot.depth].append(slot)
            self._stack_rows, self._indexed = rows, len(self.slots)
        return list(self._stack_rows.get(depth, []))

    def node_keys(self) -> set[str]:
        return {s.key for s in self.slots if s.key is not None}


def _band_of(level: int | None) -> int | None:
    return None if level is None or level > HEAD_BAND else max(level, 0)


def tree_layout(items: Sequence[Item]) -> TreeLayout:
    """Place every shown item (and the ancestors that give it context) on the grid."""
    by_key: dict[str, Item] = {}
    for item in items:
        by_key.setdefault(item.key, item)
    if not by_key:
        return TreeLayout()
    order = _preorder(by_key)

    def chain(key: str) -> Iterator[str]:
        """`key`, its parent, its parent's parent... until a missing parent or a cycle."""
        seen: set[str] = set()
        current: str | None = key
        while current is not None and current in by_key and current not in seen:
            seen.add(current)
            yield current
            parent = by_key[current].parent
            current = parent if parent and parent != current else None

    heads: dict[str, str | None] = {}  # nearest banded key at or above each key (None: orphan)

    def head_of(key: str) -> str | None:
        path: list[str] = []
        head: str | None = None
        for current in chain(key):
            if current in heads:
                head = heads[current]
                break
            path.append(current)
            if _band_of(by_key[current].level) is not None:
                head = current
                break
        for current in path:
            heads[current] = head
        return head

    stacks: dict[tuple[str, str], set[str]] = defaultdict(set)
    pending: list[str] = []
    for item in by_key.values():
        if not item.shown:
            continue
        head = head_of(item.key)
        if head == item.key:
            if _band_of(item.level) == HEAD_BAND:
                stacks.setdefault(("kegiatan", head), set())
            else:
                pending.append(head)
            continue
        if head is None:
            column = ("orphan", "")
        else:
            kind = "kegiatan" if _band_of(by_key[head].level) == HEAD_BAND else "direct"
            column = (kind, head)
        members = stacks[column]
        # the keys between the item and its head; one walk per key over all items (linear)
        for current in chain(item.key):
            if current == head or current in members:
                break
            members.add(current)

    columns_bands: dict[tuple[str, str], dict[int, str]] = {}
    placed: set[str] = set()

    def place(column: tuple[str, str]) -> None:
        kind, head = column
        bands: dict[int, str] = {}
        if kind != "orphan":
            previous: int | None = None
            for key in chain(head):
                band = _band_of(by_key[key].level)
                if previous is None:
                    band = band if band is not None else HEAD_BAND
                else:
                    band = previous - 1 if band is None else min(band, previous - 1)
                if band < 0:
                    break
                bands[band] = key
                previous = band
        columns_bands[column] = bands
        placed.update(bands.values())

    for column in list(stacks):
        place(column)
    for key in sorted(set(pending), key=lambda k: -order[k]):  # deepest first
        if key not in placed:
            place(("direct", key))

    def column_order(column: tuple[str, str]) -> tuple[int, int]:
        kind, head = column
        return (1, 0) if kind == "orphan" else (0, order[head])

    ordered = sorted(columns_bands, key=column_order)
    layout = TreeLayout()
    grid: list[dict[int, tuple[str | None, str]]] = []
    number = 0
    for index, column in enumerate(ordered):
        kind, head = column
        if kind == "kegiatan":
            number += 1
        layout.columns.append(
            Column(
                index=index,
                kind=kind,
                head=head or None,
                number=number if kind == "kegiatan" else None,
            )
        )
        cells: dict[int, tuple[str | None, str]] = {
            band: (key, "") for band, key in columns_bands[column].items()
        }
        stack = sorted(stacks.get(column, set()), key=lambda k: order[k])
        if kind == "orphan":
            cells[HEAD_BAND] = (None, NO_PARENT)
        else:
            if kind == "direct" and stack and HEAD_BAND not in cells:
                cells[HEAD_BAND] = (None, NO_KEGIATAN)
            # Every ancestor finds a band, so a chain whose top sits below Tujuan stopped
            # because its parent is missing, blank or part of a cycle.
            top = min(band for band, cell in cells.items() if cell[0] is not None)
            if top > 0:
                cells[top - 1] = (None, NO_PARENT)
        grid.append(cells)
        for depth, key in enumerate(stack):
            layout.slots.append(Slot(STACK_BAND, index, index, key, depth=depth))

    for band in range(TOP_BANDS):
        start = 0
        while start < len(grid):
            cell = grid[start].get(band)
            end = start
            if cell is not None and cell[0] is not None:
                while end + 1 < len(grid) and grid[end + 1].get(band) == cell:
                    end += 1
            if cell is not None:
                layout.slots.append(Slot(band, start, end, cell[0], placeholder=cell[1]))
            start = end + 1
    layout.slots.sort(key=lambda s: (s.band, s.depth, s.first_col))
    return layout


def _preorder(by_key: dict[str, Item]) -> dict[str, int]:
    """Pre-order index of every key; roots and siblings in input order; cycles appended."""
    children: dict[str, list[str]] = defaultdict(list)
    roots: list[str] = []
    for key, item in by_key.items():
        if item.parent and item.parent in by_key and item.parent != key:
            children[item.parent].append(key)
        else:
            roots.append(key)
    order: dict[str, int] = {}

    def visit(start: str) -> None:
        todo = [start]
        while todo:
            key = todo.pop()
            if key in order:
                continue
            order[key] = len(order)
            todo.extend(reversed([c for c in children[key] if c not in order]))

    for root in roots:
        visit(root)
    for key in by_key:  # members of a cycle have no root
        visit(key)
    return order


# ---------------------------------------------------------------- measuring text

# Advance widths of Arial / Liberation Sans (metric-compatible), in 1/1000 em.
_ARIAL_WIDTHS = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
        "abcdefghijklmnopqrstuvwxyz{|}~",
        [
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
            1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
            667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
            333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
            556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
        ],
        strict=True,
    )
)  # fmt: skip
_DEFAULT_WIDTH = 600
_BOLD_FACTOR = 1.08
PX_PER_POINT = 96 / 72
CELL_PADDING_PX = 6  # left and right inner margins together, with a little slack
MAX_ROW_POINTS = 409  # Excel's highest row
# Arial's line spacing is 1.15 em; Excel rounds a line to whole pixels. 1.2 keeps a margin.
LINE_SPACING = 1.2


def column_pixels(width: float) -> int:
    """Pixels of a column of `width` characters in the default font (Calibri 11: 7 px a digit)."""
    return int(width * 7 + 5) if width >= 1 else int(width * 12 + 0.5)


# Bounded caches: words and paragraphs repeat (levels, units, the ancestors drawn on every
# unit's sheet), but a cache of every distinct paragraph of a 20k-row workbook held ~25 MB.
@lru_cache(maxsize=16384)
def _pixels(text: str, size: float, bold: bool) -> float:
    em = sum(map(_ARIAL_WIDTHS.get, text, repeat(_DEFAULT_WIDTH, len(text))))  # a loop in C
    return em / 1000 * size * PX_PER_POINT * (_BOLD_FACTOR if bold else 1.0)


Run = tuple[str, bool]  # (text, bold)


def wrapped_lines(runs: Iterable[Run], width_px: float, size: float) -> int:
    """Lines a paragraph of runs takes when wrapped at word boundaries to `width_px`."""
    return _wrapped_lines(tuple(runs), max(width_px, 10.0), size)


@lru_cache(maxsize=4096)
def _wrapped_lines(runs: tuple[Run, ...], width_px: float, size: float) -> int:
    lines, used = 1, 0.0
    started = False  # a word has been placed (spaces before the first word take no room)
    for text, bold in runs:
        space = _pixels(" ", size, bold)
        for index, word in enumerate(text.split(" ")):
            if index and started:
                used += space
            if not word:
                continue
            started = True
            width = _pixels(word, size, bold)
            if used + width <= width_px or used == 0:
                if used == 0 and width > width_px:  # a word longer than the line breaks anywhere
                    extra = math.ceil(width / width_px) - 1
                    lines += extra
                    used = width - extra * width_px
                else:
                    used += width
                continue
            lines += 1
            if width > width_px:
                extra = math.ceil(width / width_px) - 1
                lines += extra
                used = width - extra * width_px
            else:
                used = width
    return lines


def text_height(paragraphs: Sequence[Sequence[Run]], width_chars: float, size: float) -> float:
    """Points a wrapped text needs in a cell `width_chars` wide, in a font of `size` points."""
    width_px = column_pixels(width_chars) - CELL_PADDING_PX
    lines = sum(wrapped_lines(p, width_px, size) for p in paragraphs) if paragraphs else 1
    return lines * size * LINE_SPACING + 6


def split_height(points: float, minimum: float = 15.0) -> list[float]:
    """Row heights that together give `points`, none above Excel's limit."""
    points = max(points, minimum)
    rows = math.ceil(points / MAX_ROW_POINTS)
    return [round(points / rows, 1)] * rows
