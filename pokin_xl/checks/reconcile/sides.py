"""Each document's indicators as a comparable frame: a `Side`.

One row per indicator with its level (`jenis`: tujuan .. sub_kegiatan, or rhk), target for the year, satuan, pagu and the
sasaran/program/kegiatan it sits under (the ANCHORS columns). A matriks and a Renstra give the same
columns, so the pairing and the rules never ask which sort of document they read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.matching import comparison_code, text_key
from pokin_xl.model.records import records as frame_records
from pokin_xl.model.records import records_by_row
from pokin_xl.model.renstra import JENIS_LABELS, RenstraWorkbook
from pokin_xl.model.targets import Target, format_target, target_from_row
from pokin_xl.model.text import clean, normalise
from pokin_xl.model.units import normalise_unit

JENIS_OF_LEVEL = {
    int(Tingkat.TUJUAN): "tujuan",
    int(Tingkat.SASARAN_STRATEGIS): "sasaran",
    int(Tingkat.SASARAN_PROGRAM): "program",
    int(Tingkat.SASARAN_KEGIATAN): "kegiatan",
    int(Tingkat.SASARAN_SUB_KEGIATAN): "sub_kegiatan",
    int(Tingkat.RENCANA_HASIL_KERJA): "rhk",
}
TINGKAT_OF_JENIS = {**JENIS_LABELS, "rhk": "Rencana Hasil Kerja", "": "-"}
ANCHORS = ("sasaran", "program", "kegiatan")


def group_of(jenis: str) -> str:
    """Levels compared with each other: a Renstra's "Indikator Tujuan/Sasaran" is either."""
    return "strategis" if jenis in ("tujuan", "sasaran") else jenis


# ------------------------------------------------------------------------------------- sides
@dataclass
class Side:
    """One document's indicators in comparable form (index: 0..n-1; `row` is the Excel row)."""

    file: str
    label: str  # "Renstra" or "Matriks" - how messages name the document
    kind: str  # "renstra" | "matriks"
    sheet: str
    year: int | None
    frame: pd.DataFrame
    has_targets: bool = True  # False: the document states no target for the year compared
    records: list[dict] = field(default_factory=list)  # `frame` as dicts, in the same order

    @property
    def status_name(self) -> str:
        """How a status names the document: 'Renstra', or 'pembanding' for another matriks."""
        return "Renstra" if self.kind == "renstra" else "pembanding"


_SIDE_COLUMNS = [
    "row",
    "node",
    "jenis",
    "group",
    "kode_key",
    "indikator",
    "key",
    "target",
    "satuan",
    "satuan_norm",
    "pagu",
    "unit_kerja",
    "tingkat",
    "kode",
    "own_text",
    "own_cell",
    "cell_indikator",
    "cell_target",
    "cell_satuan",
    "cell_pagu",
    *(f"{k}_{p}" for k in ANCHORS for p in ("node", "code", "name", "text", "cell")),
]


def _satuan_norm(satuan_norm: str, target: Target) -> str:
    """The Satuan, or the unit the target itself states ('51,01 %') when the Satuan is blank."""
    return satuan_norm or normalise_unit(target.unit)


def side_from_matriks(workbook: MatriksWorkbook, label: str = "Matriks") -> Side:
    frame = workbook.indicators.frame
    cells = workbook.indicators
    node_frame = workbook.nodes.frame
    nodes = {str(r["kode"]): (row, r) for row, r in records_by_row(node_frame).items()}
    records: list[dict[str, object]] = []
    for row, r in records_by_row(frame).items():
        indikator = clean(r.get("indikator", ""))
        if not indikator:
            continue
        level = r.get("level")
        jenis = JENIS_OF_LEVEL.get(int(level), "") if not pd.isna(level) else ""
        target = target_from_row(r)
        node_row = int(r["node_row"])
        pagu = r.get("pagu_value")
        record: dict[str, object] = {
            "row": int(row),
            "node": str(r["kode"]),
            "jenis": jenis,
            "group": group_of(jenis),
            "kode_key": comparison_code(r.get("kode_nomenklatur", "")),
            "indikator": indikator,
            "key": text_key(indikator),
            "target": target,
            "satuan": clean(r.get("satuan", "")),
            "satuan_norm": _satuan_norm(str(r.get("satuan_norm", "") or ""), target),
            "pagu": None if pd.isna(pagu) else float(pagu),
            "unit_kerja": clean(r.get("unit_kerja", "")),
            "tingkat": str(r.get("tingkat", "")),
            "kode": str(r["kode"]),
            "own_text": clean(r.get("sasaran", "")),
            "own_cell": cells.cell("sasaran", node_row),
            "cell_indikator": cells.cell("indikator", int(row)),
            "cell_target": cells.cell("target", int(row)),
            "cell_satuan": cells.cell("satuan", int(row)),
            "cell_pagu": cells.cell("pagu", node_row),
        }
        seen: set[str] = set()
        current = str(r["kode"])
        while current and current in nodes and current not in seen:
            seen.add(current)
            first_row, node = nodes[current]
            node_level = node.get("level")
            jenis = JENIS_OF_LEVEL.get(int(node_level), "") if not pd.isna(node_level) else ""
            if jenis in ANCHORS and f"{jenis}_node" not in record:
                name = clean(node.get("nomenklatur", ""))
                record[f"{jenis}_node"] = current
                record[f"{jenis}_code"] = comparison_code(node.get("kode_nomenklatur", ""))
                record[f"{jenis}_name"] = name
                record[f"{jenis}_text"] = clean(node.get("sasaran", ""))
                record[f"{jenis}_cell"] = cells.cell("sasaran", int(first_row))
                record[f"{jenis}_tingkat"] = str(node.get("tingkat", ""))
                record[f"{jenis}_unit_kerja"] = str(node.get("unit_kerja", ""))
                record[f"{jenis}_name_cell"] = cells.cell("nomenklatur", int(first_row))
            current = str(node.get("kode_induk", "") or "")
        records.append(record)
    return Side(
        file=workbook.file_name,
        label=label,
        kind="matriks",
        sheet=workbook.indicators.sheet,
        year=workbook.identity.tahun,
        frame=_side_frame(records),
        records=records,
    )


def side_from_renstra(workbook: RenstraWorkbook, period: int | None) -> Side:
    """B's indicators with their target and pagu of `period` (None: the file states none)."""
    frame = workbook.indicators.frame
    nodes = records_by_row(_by_id(workbook))
    records: list[dict[str, object]] = []
    for r in frame_records(frame.reset_index()):
        row = r["row"]
        indikator = clean(r.get("indikator", ""))
        if not indikator:
            continue
        jenis = str(r.get("jenis", "") or "")
        target = r.get(f"target_{period}")
        target = target if isinstance(target, Target) else Target(raw="", kind="empty")
        node_id = str(r.get("node", "") or "")
        node = nodes.get(node_id)
        pagu = node.get(f"pagu_{period}") if node is not None else None
        record: dict[str, object] = {
            "row": int(row),
            "node": node_id or f"i{r.get('indikator_cell')}",
            "jenis": jenis,
            "group": group_of(jenis),
            "kode_key": str(r.get("kode_key", "") or ""),
            "indikator": indikator,
            "key": text_key(indikator),
            "target": target,
            "satuan": clean(r.get("satuan", "")),
            "satuan_norm": _satuan_norm(str(r.get("satuan_norm", "") or ""), target),
            "pagu": None if pagu is None or pd.isna(pagu) else float(pagu),
            "unit_kerja": clean(r.get("unit_kerja", "")),
            "tingkat": TINGKAT_OF_JENIS.get(jenis, jenis),
            "kode": str(r.get("kode", "") or ""),
            "own_text": clean(node.get("uraian", "") or node.get("nama", ""))
            if node is not None
            else "",
            "own_cell": str(node.get("cell", "")) if node is not None else "",
            "cell_indikator": str(r.get("indikator_cell", "")),
            "cell_target": str(r.get(f"target_cell_{period}", "")),
            "cell_satuan": str(r.get("satuan_cell", "")),
            "cell_pagu": str(node.get(f"pagu_cell_{period}", "")) if node is not None else "",
        }
        for jenis in ANCHORS:
            anchor_id = str(r.get(f"{jenis}_node", "") or "")
            anchor = nodes.get(anchor_id)
            if anchor is None:
                continue
            record[f"{jenis}_node"] = anchor_id
            record[f"{jenis}_code"] = str(anchor.get("kode_key", "") or "")
            record[f"{jenis}_name"] = clean(anchor.get("nama", ""))
            record[f"{jenis}_text"] = clean(anchor.get("uraian", ""))
            record[f"{jenis}_cell"] = str(anchor.get("cell", ""))
            record[f"{jenis}_name_cell"] = str(anchor.get("cell", ""))
        records.append(record)
    return Side(
        file=workbook.file_name,
        label="Renstra",
        kind="renstra",
        sheet=workbook.sheet,
        year=workbook.periods.get(period) if period is not None else None,
        frame=_side_frame(records),
        has_targets=period is not None,
        records=records,
    )


def _by_id(workbook: RenstraWorkbook) -> pd.DataFrame:
    """The nodes frame indexed by node id, the Excel row kept as column `row`."""
    return workbook.nodes.frame.reset_index().set_index("node_id", drop=False)


def _side_frame(records: list[dict[str, object]]) -> pd.DataFrame:
    columns = [*_SIDE_COLUMNS, *(f"{k}_name_cell" for k in ANCHORS)]
    for record in records:
        for column in columns:
            value = record.get(column)
            if value is None and column not in ("pagu", "target"):
                record[column] = ""
        record["context"] = frozenset(
            f"{jenis}:{value}"
            for jenis in ANCHORS
            for value in (
                record[f"{jenis}_code"],
                normalise(record[f"{jenis}_name"]),
                normalise(record[f"{jenis}_text"]),
            )
            if value
        )
        record["signature"] = (
            f"{format_target(record['target'])}|{record['satuan_norm']}|{record['pagu']}"
        )
    return pd.DataFrame(records, columns=[*columns, "context", "signature"])


def records_of(side: Side) -> list[dict]:
    """The side's rows as dicts, in frame order (the ones built with the frame when still valid)."""
    return side.records if len(side.records) == len(side.frame) else frame_records(side.frame)


def parent_key(record: dict) -> str:
    """The nearest anchor (program first) as "jenis:node": B rows under one parent share it."""
    for jenis in ("program", "sasaran", "kegiatan"):
        if record[f"{jenis}_node"]:
            return f"{jenis}:{record[f'{jenis}_node']}"
    return ""


def parent_text(record: dict) -> str:
    """The nearest program/kegiatan/sasaran the indicator sits under, for display."""
    for jenis in ("kegiatan", "program", "sasaran"):
        if jenis == record["jenis"] or not record[f"{jenis}_node"]:
            continue
        text = record[f"{jenis}_name"] or record[f"{jenis}_text"]
        if text:
            return f"{JENIS_LABELS[jenis]} {text}"
    jenis = record["jenis"]
    if jenis in ANCHORS and record[f"{jenis}_node"]:
        text = record[f"{jenis}_name"] or record[f"{jenis}_text"]
        return f"{JENIS_LABELS[jenis]} {text}" if text else ""
    return ""
