"""Matriks Peran Hasil (PermenPANRB 6/2022): who contributes what to each Sasaran Strategis.

A row per person of the Pegawai sheet (Nama, Jabatan, Unit Kerja), a column per Sasaran
Strategis with its indicators in the header. A cell lists the person's own sasaran that support
that Sasaran Strategis through the tree; it stays empty where the person has no role there.
People are matched to sasaran by the Pengampu text (model.people). A Pengampu that names no one
on the Pegawai sheet still gets a row, marked, so that no role disappears from the matrix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import NamedTuple

from pokin_xl.model.frames import Identity, SheetFrame
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.people import Directory
from pokin_xl.model.text import normalise
from pokin_xl.writers.boxes import Node
from pokin_xl.writers.cells import SheetWriter
from pokin_xl.writers.layout import text_height
from pokin_xl.writers.page import PAPER_A4, setup_page
from pokin_xl.writers.styles import TABLE_SIZE

UNLINKED = ""  # the column of sasaran that reach no Sasaran Strategis
UNLINKED_HEADER = "Tidak terhubung ke Sasaran Strategis"
NOT_IN_PEGAWAI = "(tidak ada di sheet Pegawai)"
FIXED = [("No", 5.0), ("Nama", 24.0), ("Jabatan", 26.0), ("Unit Kerja", 18.0)]
ROLE_WIDTH = 38.0
HEADER_ROW = 3


class RowKey(NamedTuple):
    pegawai_row: int | None  # None: a Pengampu not found on the Pegawai sheet
    text: str = ""


def strategic_ancestor(
    kode: str, nodes: Mapping[str, Node], memo: dict[str, str | None] | None = None
) -> str | None:
    """The Sasaran Strategis above (or at) a node; None when the chain never reaches one.

    With `memo` shared between calls, every node's chain is walked once (deep chains: linear).
    """
    memo = {} if memo is None else memo
    path: list[str] = []
    seen: set[str] = set()
    found: str | None = None
    current: str | None = kode
    while current and current in nodes and current not in seen:
        if current in memo:
            found = memo[current]
            break
        seen.add(current)
        path.append(current)
        node = nodes[current]
        if node.level == Tingkat.SASARAN_STRATEGIS:
            found = current
            break
        if node.level is not None and node.level < Tingkat.SASARAN_STRATEGIS:
            break
        current = node.parent or None
    for key in path:
        memo[key] = found
    return found


def role_matrix(
    nodes: Mapping[str, Node], directory: Directory
) -> tuple[dict[RowKey, dict[str, list[Node]]], list[str]]:
    """{row: {Sasaran Strategis kode (or UNLINKED): [the person's nodes]}} and the columns."""
    cells: dict[RowKey, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    unlinked = False
    memo: dict[str, str | None] = {}
    for node in nodes.values():
        if node.level is not None and node.level < Tingkat.SASARAN_STRATEGIS:
            continue  # Tujuan belong to the Kepala Daerah's level, above this matrix
        if not normalise(node.pengampu):
            continue
        person = directory.owner(node.pengampu)
        key = RowKey(person.row) if person else RowKey(None, node.pengampu)
        column = strategic_ancestor(node.kode, nodes, memo) or UNLINKED
        unlinked |= column == UNLINKED
        cells[key][column].append(node)
    columns = [k for k, n in nodes.items() if n.level == Tingkat.SASARAN_STRATEGIS]
    if unlinked:
        columns.append(UNLINKED)
    return cells, columns


def _header(node: Node) -> str:
    lines = [
        f"{node.label} ({node.kode}): {node.sasaran}" if not node.kode_generated else node.sasaran
    ]
    for indicator in node.indicators:
        target = f" – {indicator.target}" if indicator.target else ""
        lines.append(f"Indikator: {indicator.text}{target}")
    return "\n".join(lines)


def _cell(nodes: list[Node]) -> str:
    return "\n".join(f"• {n.label}: {n.sasaran or '(sasaran kosong)'}" for n in nodes)


def write_matriks_sheet(
    sheet: SheetWriter,
    identity: Identity,
    nodes: Mapping[str, Node],
    pegawai: SheetFrame,
) -> dict[int, int]:
    """Write the matrix; returns {Pegawai Excel row: 0-based row in this sheet}."""
    styles = sheet.styles
    directory = Directory.from_frames(pegawai.frame, identity)
    cells, columns = role_matrix(nodes, directory)
    last_col = len(FIXED) + len(columns) - 1
    for col, (_, width) in enumerate(FIXED):
        sheet.column_width(col, col, width)
    if columns:
        sheet.column_width(len(FIXED), last_col, ROLE_WIDTH)

    title = "MATRIKS PERAN DAN HASIL"
    sheet.merge(0, 0, 0, max(last_col, 3), title, styles.title(13))
    year = f"Tahun {identity.tahun}" if identity.tahun else ""
    subtitle = ", ".join(p for p in (identity.perangkat_daerah, identity.pemda, year) if p)
    sheet.merge(
        1, 0, 1, max(last_col, 3), f"PermenPANRB Nomor 6 Tahun 2022 — {subtitle}", styles.subtitle()
    )
    header_fmt = styles.table_header()
    headers = [h for h, _ in FIXED]
    header_texts = [_header(nodes[k]) if k != UNLINKED else UNLINKED_HEADER for k in columns]
    for col, text in enumerate(headers + header_texts):
        sheet.text(HEADER_ROW, col, text, header_fmt)
    sheet.row_height(
        HEADER_ROW,
        max([30.0] + [text_height(_paragraphs(t), ROLE_WIDTH, TABLE_SIZE) for t in header_texts]),
    )

    rows: list[tuple[RowKey, str, str, str]] = [
        (RowKey(p.row), p.nama, p.jabatan, p.unit) for p in directory.people.values()
    ]
    for key in cells:
        if key.pegawai_row is None:
            units = sorted({n.unit for ns in cells[key].values() for n in ns if n.unit})
            rows.append((key, key.text, NOT_IN_PEGAWAI, ", ".join(units)))

    text_fmt = styles.cell()
    number_fmt = styles.number("0")
    placed: dict[int, int] = {}
    for number, (key, nama, jabatan, unit) in enumerate(rows, start=1):
        r = HEADER_ROW + number
        if key.pegawai_row is not None:
            placed[key.pegawai_row] = r
        sheet.number(r, 0, number, number_fmt)
        for col, value in enumerate((nama, jabatan, unit), start=1):
            sheet.text(r, col, value, text_fmt)
        height = max(
            text_height(_paragraphs(str(v)), FIXED[i + 1][1], TABLE_SIZE)
            for i, v in enumerate((nama, jabatan, unit))
        )
        for offset, column in enumerate(columns):
            text = _cell(cells.get(key, {}).get(column, []))
            sheet.text(r, len(FIXED) + offset, text, text_fmt)
            if text:
                height = max(height, text_height(_paragraphs(text), ROLE_WIDTH, TABLE_SIZE))
        sheet.row_height(r, height)
    if not rows:
        sheet.text(HEADER_ROW + 1, 1, "Sheet Pegawai kosong.", styles.note())
    sheet.ws.freeze_panes(HEADER_ROW + 1, len(FIXED))
    sheet.ws.autofilter(HEADER_ROW, 0, HEADER_ROW + max(len(rows), 1), max(last_col, 3))
    setup_page(
        sheet.ws, "Matriks Peran Hasil", paper=PAPER_A4, repeat_rows=(HEADER_ROW, HEADER_ROW)
    )
    return placed


def _paragraphs(text: str) -> list[list[tuple[str, bool]]]:
    return [[(line, False)] for line in text.split("\n")]
