"""A unit's sheet is laid out from its own nodes and their ancestors only; the result must be
what laying out the whole cascade with only that unit's nodes shown gives."""

from __future__ import annotations

import pytest

from pokin_xl.readers.matriks import read_matriks
from pokin_xl.writers.boxes import collect_nodes
from pokin_xl.writers.cascade import owns_sheet, unit_layout, unit_members
from pokin_xl.writers.layout import Item, tree_layout
from tests.conftest import ROOT

SAMPLES = ROOT / "samples" / "bkpsdm_purwakarta_2024"


@pytest.mark.parametrize("name", ["matriks.xlsx", "pohon_kinerja_dokumen.xlsx"])
def test_unit_layout_equals_the_whole_tree_with_one_unit_shown(name: str) -> None:
    nodes = collect_nodes(read_matriks(SAMPLES / name))
    members = unit_members(nodes)
    assert len(members) > 1
    for key, group in members.items():
        whole = tree_layout(
            [
                Item(node.kode, node.parent, node.level, node.unit_key == key and owns_sheet(node))
                for node in nodes.values()
            ]
        )
        assert unit_layout(nodes, key, group) == whole
        assert unit_layout(nodes, key) == whole
