"""What a box says: the node's fields gathered from the frames, and its text as styled runs.

Pure: no Excel here. A paragraph is a list of (text, style) runs, style one of
"label" (bold), "text", "muted" (grey italic) and "alert" (bold red); the drawing maps styles to
fonts and measures the same runs to size the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

import pandas as pd

from pokin_xl.findings import SEVERITY_LABELS, Finding
from pokin_xl.model.frames import NODE_FIELDS, MatriksWorkbook
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.records import records
from pokin_xl.model.targets import TARGET_FIELDS, format_target, target_from_row
from pokin_xl.model.text import clean, normalise

Run = tuple[str, str]
Paragraph = list[Run]

NAME_LABELS = {
    Tingkat.SASARAN_PROGRAM: "Program",
    Tingkat.SASARAN_KEGIATAN: "Kegiatan",
    Tingkat.SASARAN_SUB_KEGIATAN: "Sub Kegiatan",
}
NO_UNIT = "(tanpa unit kerja)"


class Indicator(NamedTuple):
    row: int
    text: str
    target: str  # the target as displayed, with its unit ("2 Dokumen", "Predikat A")


@dataclass(frozen=True)
class Node:
    kode: str
    parent: str
    level: int | None
    tingkat: str
    unit: str
    sasaran: str
    kode_nomenklatur: str
    nomenklatur: str
    pengampu: str
    row: int
    kode_generated: bool
    indicators: tuple[Indicator, ...]

    @cached_property
    def unit_key(self) -> str:
        return unit_key(self.unit)

    @property
    def label(self) -> str:
        return Tingkat(self.level).label if self.level is not None else (self.tingkat or "Sasaran")


@lru_cache(maxsize=4096)
def unit_key(unit: str) -> str:
    """Units compare by their normalised text ('Sekretariat ' is 'sekretariat')."""
    return normalise(unit)


def target_text(record: Mapping[str, object]) -> str:
    """The target of an indicator row as a reader expects it: value, then unit ('2 Dokumen')."""
    kind = str(record.get("target_kind") or "empty")
    if kind == "empty":
        return ""
    target = target_from_row(record)
    shown = format_target(target)
    satuan = clean(record.get("satuan_norm")) or clean(record.get("satuan"))
    if not satuan or target.unit or normalise(satuan) in normalise(shown):
        return shown
    if kind == "category":
        return f"{satuan} {shown}"
    if kind in ("number", "range", "comparison"):
        return f"{shown} {satuan}"
    return shown


# The columns a box reads (a row as a dict of these only: converting whole rows is the cost).
_INDICATOR_FIELDS = ("kode", "indikator", "satuan", "satuan_norm", *TARGET_FIELDS)
_NODE_FIELDS = ("kode", "level", *NODE_FIELDS, "kode_generated")


def _records(frame: pd.DataFrame, fields: Sequence[str]) -> zip[tuple[int, dict[str, object]]]:
    """(Excel row, {field: value}) of each row."""
    return zip(frame.index, records(frame[[f for f in fields if f in frame]]), strict=True)


def collect_nodes(workbook: MatriksWorkbook) -> dict[str, Node]:
    """Every node by Kode, in source order, with its indicators."""
    indicators: dict[str, list[Indicator]] = defaultdict(list)
    frame = workbook.indicators.frame
    for row, record in _records(frame, _INDICATOR_FIELDS):
        text = clean(record.get("indikator"))
        target = target_text(record)
        if text or target:
            indicators[str(record["kode"])].append(Indicator(int(row), text, target))
    nodes: dict[str, Node] = {}
    for row, record in _records(workbook.nodes.frame, _NODE_FIELDS):
        kode = str(record["kode"])
        level = record.get("level")
        nodes.setdefault(
            kode,
            Node(
                kode=kode,
                parent=clean(record.get("kode_induk")),
                level=None if level is None or pd.isna(level) else int(level),
                tingkat=clean(record.get("tingkat")),
                unit=clean(record.get("unit_kerja")),
                sasaran=clean(record.get("sasaran")),
                kode_nomenklatur=clean(record.get("kode_nomenklatur")),
                nomenklatur=clean(record.get("nomenklatur")),
                pengampu=clean(record.get("pengampu")),
                row=int(row),
                kode_generated=bool(record.get("kode_generated")),
                indicators=tuple(indicators.get(kode, ())),
            ),
        )
    return nodes


def findings_by_kode(findings: Iterable[Finding], kodes: Iterable[str]) -> dict[str, list[Finding]]:
    known = set(kodes)
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.kode in known:
            grouped[f.kode].append(f)
    return grouped


def findings_note(findings: Sequence[Finding]) -> str:
    """The cell note of a box: one line per finding."""
    lines = [f"Temuan ({len(findings)}):"]
    for f in findings:
        where = f" [{f.sheet}!{f.cell}]" if f.sheet and f.cell else ""
        lines.append(
            f"• {f.code} {SEVERITY_LABELS.get(f.severity, f.severity)}{where}: {f.message}"
        )
    return "\n".join(lines)


def _findings_line(findings: Sequence[Finding]) -> Paragraph:
    codes = ", ".join(dict.fromkeys(f.code for f in findings))
    return [("Temuan: ", "alert"), (codes, "alert")]


def _heading(node: Node) -> str:
    kode = "" if node.kode_generated else f" ({node.kode})"
    return f"{node.label}{kode}: "


def cascade_paragraphs(
    node: Node, *, other_unit: str = "", findings: Sequence[Finding] = ()
) -> list[Paragraph]:
    """The box of a cascading chart: Sasaran, each Indikator with its target, the name, Pengampu."""
    paragraphs: list[Paragraph] = []
    if other_unit:
        paragraphs.append([(f"Milik unit kerja lain: {other_unit}", "muted")])
    paragraphs.append([(_heading(node), "label"), (node.sasaran or "(sasaran kosong)", "text")])
    many = len(node.indicators) > 1
    for number, indicator in enumerate(node.indicators, start=1):
        label = f"Indikator {number}: " if many else "Indikator: "
        target = indicator.target or "(target kosong)"
        text = f"{indicator.text} – {target}" if indicator.text else target
        paragraphs.append([(label, "label"), (text, "text")])
    if not node.indicators:
        paragraphs.append([("Indikator: ", "label"), ("(belum ada)", "muted")])
    name = " ".join(p for p in (node.kode_nomenklatur, node.nomenklatur) if p)
    if name:
        label = NAME_LABELS.get(node.level, "Program/Kegiatan") if node.level is not None else ""
        paragraphs.append([(f"{label or 'Nomenklatur'}: ", "label"), (name, "text")])
    paragraphs.append([("Pengampu: ", "label"), (node.pengampu or "(belum ada)", "text")])
    if findings:
        paragraphs.append(_findings_line(findings))
    return paragraphs


def pohon_paragraphs(node: Node, *, findings: Sequence[Finding] = ()) -> list[Paragraph]:
    """The box of the performance tree: Sasaran, Indikator, Target (section 2.5 of the seed)."""
    kode = "" if node.kode_generated else f" ({node.kode})"
    paragraphs: list[Paragraph] = [
        [(f"Sasaran{kode}: ", "label"), (node.sasaran or "(sasaran kosong)", "text")]
    ]
    for indicator in node.indicators:
        if indicator.text:
            paragraphs.append([("Indikator: ", "label"), (indicator.text, "text")])
        paragraphs.append([("Target: ", "label"), (indicator.target or "(kosong)", "text")])
    if not node.indicators:
        paragraphs.append([("Indikator: ", "label"), ("(belum ada)", "muted")])
    if findings:
        paragraphs.append(_findings_line(findings))
    return paragraphs
