"""A planning table for one year, seen as the frames the matriks checks read.

The rules T001-T008 and N001-N004 have one implementation each (checks.targets,
checks.nomenclature). To run them on a Renstra/Renja table, its items and indicator rows are laid
out as a MatriksWorkbook: each item is a node (`kode` = its code as written, or 'baris N' when it
has none; `kode_induk` = the item it stands under), each indicator row an indicator with its
target parsed for the chosen period. Cells point back at the planning table's own cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from pokin_xl.model.frames import Identity, MatriksWorkbook, SheetFrame
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.records import records
from pokin_xl.model.renstra import RenstraWorkbook
from pokin_xl.model.targets import TARGET_FIELDS, Target, parse_target
from pokin_xl.model.text import clean
from pokin_xl.model.units import normalise_unit

LEVEL_OF_JENIS: dict[str, Tingkat] = {
    "tujuan": Tingkat.TUJUAN,
    "sasaran": Tingkat.SASARAN_STRATEGIS,
    "program": Tingkat.SASARAN_PROGRAM,
    "kegiatan": Tingkat.SASARAN_KEGIATAN,
    "sub_kegiatan": Tingkat.SASARAN_SUB_KEGIATAN,
}


@dataclass
class RowCells(SheetFrame):
    """A SheetFrame whose cells are stored per row (`<field>_cell`), for tables whose fields
    sit in different columns on different rows (two indicator groups side by side)."""

    cells: dict[tuple[str, int], str] = field(default_factory=dict)

    def cell(self, column: str, row: int) -> str:
        return self.cells.get((column, int(row))) or super().cell(column, row)


def _node_ids(nodes: pd.DataFrame) -> dict[str, str]:
    codes = nodes["kode"].map(clean)
    counts = codes.value_counts()
    return {
        str(node_id): (code if code and counts.get(code, 0) == 1 else f"baris {row}")
        for row, node_id, code in zip(nodes.index, nodes["node_id"], codes, strict=True)
    }


def planning_view(
    workbook: RenstraWorkbook, period: int | None, year: int | None
) -> MatriksWorkbook:
    nodes = workbook.nodes.frame
    indicators = workbook.indicators.frame
    items = nodes[nodes["jenis"].isin(LEVEL_OF_JENIS)] if not nodes.empty else nodes
    ids = _node_ids(nodes) if not nodes.empty else {}
    node_records: list[dict] = []
    node_rows: list[int] = []
    cells: dict[tuple[str, int], str] = {}
    pagu_by_node: dict[str, float | None] = {}
    item_of: dict[str, dict] = {}  # node_id -> its item (the first, where an id repeats)
    for row, node in zip(items.index, records(items), strict=True):
        node_id = str(node["node_id"])
        item_of.setdefault(node_id, node)
        above = str(node.get("induk_posisi") or "")
        pagu = node.get(f"pagu_{period}") if period is not None else None
        pagu_by_node[node_id] = None if pagu is None or pd.isna(pagu) else float(pagu)
        level = LEVEL_OF_JENIS[str(node["jenis"])]
        node_records.append(
            {
                "kode": ids[node_id],
                "kode_induk": ids.get(above, ""),
                "level": int(level),
                "tingkat": level.label,
                "unit_kerja": clean(node.get("unit_kerja")),
                "sasaran": clean(node.get("nama")) or clean(node.get("uraian")),
                "kode_nomenklatur": clean(node.get("kode")),
                "nomenklatur": clean(node.get("nama")),
                "pagu_value": pagu_by_node[node_id],
            }
        )
        node_rows.append(int(row))
        cells[("kode_nomenklatur", int(row))] = str(node.get("cell") or "")
        cells[("nomenklatur", int(row))] = str(node.get("cell") or "")
        pagu_cell = node.get(f"pagu_cell_{period}") if period is not None else ""
        cells[("pagu", int(row))] = str(pagu_cell or "")
    indicator_records: list[dict] = []
    indicator_rows: list[int] = []
    if not indicators.empty:
        for row, item in zip(indicators.index, records(indicators), strict=True):
            node_id = str(item.get("node") or "")
            if not node_id and workbook.layout == "iku":
                node = {"jenis": "sasaran", "nama": "", "uraian": "", "kode": ""}
                ids[node_id] = f"baris {row}"  # an indicator table without items (IKU)
            elif node_id not in item_of:
                continue
            else:
                node = item_of[node_id]
            level = LEVEL_OF_JENIS[str(node["jenis"])]
            target = item.get(f"target_{period}") if period is not None else None
            if not isinstance(target, Target):
                target = parse_target(None)
            if indicator_rows and indicator_rows[-1] == int(row):
                # one cell split into several indicators by the reader: one row, its text whole;
                # a second indicator column on the row (Tabel 2.1: the sasaran's, then the
                # program's) is another statement, not a joined one: the view keeps one per row
                if cells.get(("indikator", int(row))) == str(item.get("indikator_cell") or ""):
                    previous = indicator_records[-1]
                    joined = clean(item.get("indikator"))
                    previous["indikator"] = f"{previous['indikator']}; {joined}"
                continue
            record = {
                "kode": ids[node_id],
                "level": int(level),
                "tingkat": level.label,
                "unit_kerja": clean(item.get("unit_kerja")),
                "sasaran": clean(node.get("nama")) or clean(node.get("uraian")),
                "indikator": clean(item.get("indikator")),
                "satuan": clean(item.get("satuan")),
                "satuan_norm": normalise_unit(item.get("satuan")),
                "kode_nomenklatur": clean(node.get("kode")),
                "nomenklatur": clean(node.get("nama")),
                "pagu_value": None,
            }
            for name in TARGET_FIELDS:
                record[name] = getattr(target, name.removeprefix("target_"), None)
            record["target_raw"] = target.raw
            indicator_records.append(record)
            indicator_rows.append(int(row))
            cells[("indikator", int(row))] = str(item.get("indikator_cell") or "")
            cells[("satuan", int(row))] = str(item.get("satuan_cell") or "")
            target_cell = item.get(f"target_cell_{period}") if period is not None else ""
            cells[("target", int(row))] = str(target_cell or item.get("indikator_cell") or "")
    node_frame = pd.DataFrame(node_records, index=pd.Index(node_rows, name="row"))
    indicator_frame = pd.DataFrame(indicator_records, index=pd.Index(indicator_rows, name="row"))
    for frame in (node_frame, indicator_frame):
        if not frame.empty:
            frame["level"] = frame["level"].astype("Int64")
            frame["pagu_value"] = frame["pagu_value"].astype("Float64")
    return MatriksWorkbook(
        path=workbook.path,
        identity=Identity(tahun=year, sheet=workbook.sheet),
        pegawai=SheetFrame(pd.DataFrame(), workbook.sheet),
        indicators=RowCells(indicator_frame, workbook.sheet, {}, cells),
        nodes=RowCells(node_frame, workbook.sheet, {}, cells),
    )
