"""Pure geometry of the cascade chart: no Excel needed."""

from __future__ import annotations

import random

import pytest

from pokin_xl.writers.layout import (
    MAX_ROW_POINTS,
    NO_KEGIATAN,
    NO_PARENT,
    STACK_BAND,
    Item,
    TreeLayout,
    split_height,
    text_height,
    tree_layout,
    wrapped_lines,
)


def chain_items(unit_shown: bool = True) -> list[Item]:
    return [
        Item("T1", "", 0, shown=False),
        Item("SS1", "T1", 1, shown=False),
        Item("SP1", "SS1", 2, shown=unit_shown),
    ]


def slot(layout: TreeLayout, key: str):
    found = [s for s in layout.slots if s.key == key]
    assert found, f"{key} not placed"
    return found[0]


def assert_sound(layout: TreeLayout, items: list[Item]) -> None:
    """Every shown item is placed; boxes of one band never share a column."""
    placed = layout.node_keys()
    for item in items:
        if item.shown:
            assert item.key in placed, item.key
    for band in range(STACK_BAND):
        taken: set[int] = set()
        for s in layout.band(band):
            columns = set(range(s.first_col, s.last_col + 1))
            assert not columns & taken, (band, s)
            taken |= columns
    stack_cells = [(s.first_col, s.depth) for s in layout.slots if s.band == STACK_BAND]
    assert len(stack_cells) == len(set(stack_cells))
    assert all(s.first_col == s.last_col for s in layout.slots if s.band == STACK_BAND)


def test_one_chain_is_one_column_with_every_band():
    items = [*chain_items(), Item("SK1", "SP1", 3), Item("SSK1", "SK1", 4)]
    layout = tree_layout(items)
    assert [c.kind for c in layout.columns] == ["kegiatan"]
    assert layout.columns[0].number == 1
    assert [(s.band, s.key) for s in layout.slots] == [
        (0, "T1"),
        (1, "SS1"),
        (2, "SP1"),
        (3, "SK1"),
        (4, "SSK1"),
    ]
    assert_sound(layout, items)


def test_a_program_spans_its_kegiatan_and_sub_kegiatan_stack_under_theirs():
    items = [
        *chain_items(),
        Item("SK1", "SP1", 3),
        Item("SK2", "SP1", 3),
        Item("A", "SK1", 4),
        Item("B", "SK2", 4),
        Item("C", "SK1", 4),
    ]
    layout = tree_layout(items)
    assert [c.number for c in layout.columns] == [1, 2]
    program = slot(layout, "SP1")
    assert (program.first_col, program.last_col) == (0, 1)
    assert [(s.key, s.first_col, s.depth) for s in layout.band(STACK_BAND)] == [
        ("A", 0, 0),
        ("B", 1, 0),
        ("C", 0, 1),
    ]
    assert layout.stack_depth == 2
    assert_sound(layout, items)


def test_rencana_hasil_kerja_follow_their_sub_kegiatan():
    items = [
        *chain_items(),
        Item("SK1", "SP1", 3),
        Item("A", "SK1", 4),
        Item("B", "SK1", 4),
        Item("A1", "A", 5),
        Item("A2", "A", 5),
    ]
    layout = tree_layout(items)
    assert [s.key for s in layout.band(STACK_BAND)] == ["A", "A1", "A2", "B"]


def test_sub_kegiatan_directly_under_a_program_get_a_column_without_kegiatan():
    items = [*chain_items(), Item("SK1", "SP1", 3), Item("X", "SP1", 4), Item("Y", "SK1", 4)]
    layout = tree_layout(items)
    kinds = [c.kind for c in layout.columns]
    assert kinds == ["direct", "kegiatan"]
    direct = layout.columns[0]
    head_band = [s for s in layout.band(3) if s.first_col == direct.index]
    assert head_band[0].key is None and head_band[0].placeholder == NO_KEGIATAN
    assert slot(layout, "X").first_col == direct.index
    program = slot(layout, "SP1")
    assert (program.first_col, program.last_col) == (0, 1)
    assert layout.columns[1].number == 1
    assert_sound(layout, items)


def test_items_whose_parent_is_missing_go_to_the_orphan_column_last():
    items = [
        *chain_items(),
        Item("SK1", "SP1", 3),
        Item("LOST", "NOPE", 4),
        Item("LOST1", "LOST", 5),
    ]
    layout = tree_layout(items)
    assert layout.columns[-1].kind == "orphan"
    orphan = layout.columns[-1].index
    assert [s.key for s in layout.band(STACK_BAND) if s.first_col == orphan] == ["LOST", "LOST1"]
    marker = next(s for s in layout.band(3) if s.first_col == orphan)
    assert marker.placeholder == NO_PARENT
    assert_sound(layout, items)


def test_a_kegiatan_without_parent_shows_a_placeholder_above_it():
    items = [Item("SK9", "", 3), Item("S", "SK9", 4)]
    layout = tree_layout(items)
    above = layout.band(2)
    assert len(above) == 1 and above[0].placeholder == NO_PARENT
    assert not layout.band(1) and not layout.band(0)


def test_a_cycle_is_still_drawn():
    items = [*chain_items(), Item("A", "B", 4), Item("B", "A", 4)]
    layout = tree_layout(items)
    assert {"A", "B"} <= layout.node_keys()
    assert_sound(layout, items)


def test_context_nodes_appear_only_as_ancestors_of_shown_ones():
    items = [
        *chain_items(unit_shown=False),
        Item("SK1", "SP1", 3, shown=False),
        Item("SK2", "SP1", 3, shown=True),
        Item("OTHER", "SK1", 4, shown=False),
        Item("MINE", "SK2", 4, shown=True),
    ]
    layout = tree_layout(items)
    assert layout.node_keys() == {"T1", "SS1", "SP1", "SK2", "MINE"}


def test_a_program_with_nothing_below_still_gets_a_column():
    items = [*chain_items(), Item("SP2", "SS1", 2)]
    layout = tree_layout(items)
    assert {"SP1", "SP2"} <= layout.node_keys()
    assert [c.kind for c in layout.columns] == ["direct", "direct"]
    ss = slot(layout, "SS1")
    assert (ss.first_col, ss.last_col) == (0, 1)


def test_a_kegiatan_under_a_kegiatan_is_squeezed_not_lost():
    items = [*chain_items(), Item("SK1", "SP1", 3), Item("SK2", "SK1", 3)]
    layout = tree_layout(items)
    assert_sound(layout, items)


def test_empty_input():
    layout = tree_layout([])
    assert layout.columns == [] and layout.slots == [] and layout.stack_depth == 0


@pytest.mark.parametrize("seed", range(25))
def test_random_trees_are_always_sound(seed):
    rng = random.Random(seed)
    items: list[Item] = []
    by_level: dict[int, list[str]] = {}
    for number in range(rng.randint(1, 60)):
        level = rng.choice([0, 1, 2, 3, 3, 4, 4, 4, 5, None])
        key = f"N{number}"
        roll = rng.random()
        if roll < 0.1:
            parent = "MISSING"
        elif roll < 0.15 and items:
            parent = rng.choice(items).key  # any level: inconsistent data
        else:
            above = [] if level in (0, None) else by_level.get(max(level - 1, 0), [])
            parent = rng.choice(above) if above else ""
        items.append(Item(key, parent, level, shown=rng.random() < 0.7))
        if level is not None:
            by_level.setdefault(level, []).append(key)
    layout = tree_layout(items)
    assert_sound(layout, items)
    # A box spanning several columns sits above every box of those columns' stacks.
    for s in layout.slots:
        if s.key is not None and s.band < STACK_BAND:
            assert 0 <= s.first_col <= s.last_col < len(layout.columns)


def test_longer_text_needs_more_lines_and_narrow_boxes_more_height():
    short = [("Tersusunnya Dokumen", False)]
    long = [("Tersusunnya Dokumen Perencanaan Perangkat Daerah " * 4, False)]
    assert wrapped_lines(short, 200, 9) == 1
    assert wrapped_lines(long, 200, 9) > 3
    assert text_height([long], 20, 9) > text_height([long], 40, 9)
    assert wrapped_lines([("x" * 400, False)], 100, 9) > 10  # one unbreakable word


def test_split_height_keeps_every_row_within_excel_limit():
    rows = split_height(1000)
    assert len(rows) == 3 and all(r <= MAX_ROW_POINTS for r in rows)
    assert sum(rows) >= 999
    assert split_height(5) == [15.0]
