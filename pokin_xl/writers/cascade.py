"""One sheet per Unit Kerja, drawn like the cascading charts of the BKPSDM 2024 document (3.2).

A header block (Visi, Misi), then the Tujuan and Sasaran Strategis above the unit's programs,
the unit's Sasaran Program box(es), a row of Sasaran Kegiatan boxes numbered K 1..K n and under
each its Sasaran Sub Kegiatan (with their Rencana Hasil Kerja) stacked.

A unit gets a sheet when it owns a node at Sasaran Program or below (or of an unknown level).
The agency's own Tujuan and Sasaran Strategis appear on every unit's sheet as the ancestors of
its nodes; a program of another unit above this unit's kegiatan appears as context, marked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pokin_xl.findings import Finding
from pokin_xl.model.frames import Identity
from pokin_xl.model.levels import Tingkat, band_labels
from pokin_xl.writers.boxes import NO_UNIT, Node, Paragraph, cascade_paragraphs, findings_note
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.drawing import Box, ChartSpec, Drawn, draw_chart
from pokin_xl.writers.layout import Column, Item, TreeLayout, tree_layout
from pokin_xl.writers.page import PAPER_A3, setup_page


def owns_sheet(node: Node) -> bool:
    """A node that puts its unit on a sheet: Sasaran Program or below, or of unknown level."""
    return node.level is None or node.level >= Tingkat.SASARAN_PROGRAM


def unit_members(nodes: Mapping[str, Node]) -> dict[str, list[Node]]:
    """The nodes that put each unit on a sheet, by unit key, units in source order."""
    members: dict[str, list[Node]] = {}
    for node in nodes.values():
        if owns_sheet(node):
            members.setdefault(node.unit_key, []).append(node)
    return members


def cascade_units(members: Mapping[str, Sequence[Node]]) -> list[tuple[str, str]]:
    """(unit key, unit as first written) of every unit that gets a sheet, in source order."""
    return [(key, group[0].unit or NO_UNIT) for key, group in members.items()]


def unit_layout(
    nodes: Mapping[str, Node], unit_key: str, members: Sequence[Node] | None = None
) -> TreeLayout:
    """The layout of one unit's sheet: its own nodes and the ancestors that give them context.

    Only those nodes are handed to the layout, so drawing every unit costs the size of each
    unit's tree, not the whole cascade once per unit. `members` (from `unit_members`) spares
    the scan for the unit's nodes when every unit is drawn.
    """
    if members is None:
        members = unit_members(nodes).get(unit_key, [])
    wanted: dict[str, bool] = {}
    for node in members:
        wanted[node.kode] = True
        parent = node.parent
        while parent and parent in nodes and parent not in wanted:
            wanted[parent] = False
            parent = nodes[parent].parent
    items = [
        Item(key=kode, parent=nodes[kode].parent, level=nodes[kode].level, shown=shown)
        for kode, shown in sorted(wanted.items(), key=lambda pair: nodes[pair[0]].row)
    ]
    return tree_layout(items)


def column_title(column: Column) -> str:
    if column.kind == "kegiatan":
        return f"K {column.number}"
    if column.kind == "orphan":
        return "Tanpa induk"
    return ""


def identity_header(identity: Identity) -> list[tuple[str, list[Paragraph]]]:
    header: list[tuple[str, list[Paragraph]]] = []
    if identity.visi:
        header.append(("VISI", [[(identity.visi, "label")]]))
    misi = [m for m in identity.misi if m]
    if misi:
        header.append(("MISI", [[(m, "text")] for m in misi]))
    return header


def chart_subtitle(identity: Identity) -> str:
    return " — ".join(p for p in (identity.perangkat_daerah, identity.pemda) if p)


def write_cascade_sheet(
    sheet: SheetWriter,
    identity: Identity,
    nodes: Mapping[str, Node],
    unit_key: str,
    unit: str,
    findings: Mapping[str, Sequence[Finding]],
    members: Sequence[Node] | None = None,
) -> Drawn:
    layout = unit_layout(nodes, unit_key, members)
    year = f" TAHUN {identity.tahun}" if identity.tahun else ""
    title = f"CASCADING {unit.upper()}{year}"
    labels = band_labels(
        rencana_hasil_kerja=any(
            nodes[k].level == Tingkat.RENCANA_HASIL_KERJA for k in layout.node_keys() if k in nodes
        )
    )

    def content(kode: str) -> Box:
        node = nodes[kode]
        other = node.unit_key != unit_key and owns_sheet(node)
        own_findings = findings.get(kode, ())
        return Box(
            level=node.level,
            paragraphs=cascade_paragraphs(
                node, other_unit=(node.unit or NO_UNIT) if other else "", findings=own_findings
            ),
            context=other,
            note=findings_note(own_findings) if own_findings else "",
        )

    spec = ChartSpec(
        title=title,
        subtitle=chart_subtitle(identity),
        band_labels=labels,
        header=identity_header(identity),
        column_title=column_title,
        box_width=26.0,
    )
    drawn = draw_chart(sheet, layout, spec, content)
    setup_page(
        sheet.ws,
        title,
        paper=PAPER_A3,
        drawn=True,
        footer_note=chart_subtitle(identity),
    )
    return drawn
