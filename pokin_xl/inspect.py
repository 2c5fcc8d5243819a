"""Use case: show how a workbook is understood, without checking anything.

`inspect_workbook` returns the JSON contract of `pokin-xl inspect` (issue 8): the table's kind,
layout, year and where it came from, header rows, which column was read as what, and one entry per
item row (level, code, parent row, name, indicator, target, satuan, pagu) plus the rows set aside.
It is built from the same reading `reconcile` compares, so what it shows is what was compared.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from pokin_xl.model.renstra import JENIS_LABELS, LAYOUTS, RenstraWorkbook, columns_of_period
from pokin_xl.model.targets import Target
from pokin_xl.model.text import clean
from pokin_xl.readers.headers import KINERJA_HEADERS
from pokin_xl.readers.kind import detect_kind
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.readers.renstra import read_renstra
from pokin_xl.readers.renstra.year import ChosenYear, choose_period

ITEM_LEVELS = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
_GROUPING = {"urusan": "baris pengelompokan (urusan)", "bidang": "baris pengelompokan (bidang)"}


def inspect_workbook(
    path: str | Path,
    *,
    tahun: int | None = None,
    sheet: str | None = None,
    tahun_awal: int | None = None,
) -> dict:
    path = Path(path)
    if path.suffix.lower() != ".xls" and detect_kind(path) == "matriks":
        return _matriks(path)
    renstra = read_renstra(path, sheet=sheet, tahun_awal=tahun_awal)
    chosen = choose_period(renstra, tahun)
    return planning_reading(renstra, chosen)


def planning_reading(renstra: RenstraWorkbook, chosen: ChosenYear) -> dict:
    title = renstra.title.lower()
    renja = renstra.layout in ("evaluasi", "sipd") or any(
        word in title for word in ("renja", "rkpd", "rencana kerja", "dpa")
    )
    return {
        "file": renstra.file_name,
        "sheet": renstra.sheet,
        "jenis": "renja" if renja else "renstra",
        "tata_letak": LAYOUTS.get(renstra.layout, renstra.layout),
        "tahun": chosen.year,
        "tahun_dari": chosen.source,
        "header": renstra.header_rows,
        "kolom": columns_of_period(renstra, chosen.period),
        "baris": _rows(renstra, chosen.period),
        "dilewati": _skipped(renstra),
        "tabel_lain": renstra.other_tables,
    }


def _number(value: object) -> float | int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if pd.isna(number):
        return None
    return int(number) if number.is_integer() else number


def _rows(renstra: RenstraWorkbook, period: int | None) -> list[dict]:
    nodes = renstra.nodes.frame
    indicators = renstra.indicators.frame
    if nodes.empty and renstra.layout != "iku":
        return []
    by_id = {
        str(r["node_id"]): (int(row), r)
        for row, r in zip(nodes.index, nodes.to_dict("records"), strict=True)
    }

    def item_parent(node_id: str) -> int | None:
        seen: set[str] = set()
        current = by_id.get(node_id)
        while current is not None:
            parent_id = str(current[1].get("induk") or "")
            if not parent_id or parent_id in seen:
                return None
            seen.add(parent_id)
            current = by_id.get(parent_id)
            if current is not None and current[1]["jenis"] in ITEM_LEVELS:
                return current[0]
        return None

    entries: list[dict] = []
    has_indicator = bool(renstra.columns.get("indikator"))
    shown_pagu: set[str] = set()
    with_indicator: set[str] = set()
    records = indicators.to_dict("records") if not indicators.empty else []
    rows = list(indicators.index) if not indicators.empty else []
    for row, item in zip(rows, records, strict=True):
        node_id = str(item.get("node") or "")
        if not node_id and renstra.layout == "iku":
            entries.append(_indicator_only(int(row), item, period))
            continue
        if node_id not in by_id or by_id[node_id][1]["jenis"] not in ITEM_LEVELS:
            continue
        with_indicator.add(node_id)
        target = item.get(f"target_{period}") if period is not None else None
        entry = _entry(int(row), by_id[node_id][1], item_parent(node_id))
        entry["indikator"] = (clean(item.get("indikator")) or None) if has_indicator else None
        entry["target"] = target.value if isinstance(target, Target) else None
        entry["target_teks"] = target.raw if isinstance(target, Target) and target.raw else None
        entry["satuan"] = clean(item.get("satuan")) or None
        entry["pagu"] = None
        if node_id not in shown_pagu:
            entry["pagu"] = _number(by_id[node_id][1].get(f"pagu_{period}"))
            shown_pagu.add(node_id)
        entries.append(entry)
    for node_id, (row, node) in by_id.items():
        if node["jenis"] not in ITEM_LEVELS or node_id in with_indicator:
            continue
        entry = _entry(row, node, item_parent(node_id))
        entry.update(indikator=None, target=None, target_teks=None, satuan=None)
        entry["pagu"] = _number(node.get(f"pagu_{period}"))
        entries.append(entry)
    entries.sort(key=lambda e: (e["baris"], ITEM_LEVELS.index(_level_key(e["tingkat"]))))
    return entries


def _indicator_only(row: int, item: dict, period: int | None) -> dict:
    """An indicator of a table without item columns (IKU): a sasaran-level measure."""
    target = item.get(f"target_{period}") if period is not None else None
    return {
        "baris": row,
        "tingkat": JENIS_LABELS["sasaran"],
        "kode": clean(item.get("nomor")) or None,
        "induk": None,
        "nama": None,
        "indikator": clean(item.get("indikator")) or None,
        "target": target.value if isinstance(target, Target) else None,
        "target_teks": target.raw if isinstance(target, Target) and target.raw else None,
        "satuan": clean(item.get("satuan")) or None,
        "pagu": None,
    }


def _level_key(label: str) -> str:
    return next(k for k in ITEM_LEVELS if JENIS_LABELS[k] == label)


def _entry(row: int, node: dict, parent: int | None) -> dict:
    return {
        "baris": row,
        "tingkat": JENIS_LABELS[str(node["jenis"])],
        "kode": clean(node.get("kode")) or None,
        "induk": parent,
        "nama": clean(node.get("nama")) or clean(node.get("uraian")) or None,
    }


def _skipped(renstra: RenstraWorkbook) -> list[dict]:
    out = [{"baris": row, "alasan": reason} for row, reason in renstra.skipped]
    nodes = renstra.nodes.frame
    if not nodes.empty:
        for row, node in zip(nodes.index, nodes.to_dict("records"), strict=True):
            if node["jenis"] in _GROUPING:
                name = (
                    clean(node.get("nama")) or clean(node.get("uraian")) or clean(node.get("kode"))
                )
                out.append({"baris": int(row), "alasan": f"{_GROUPING[node['jenis']]}: {name}"})
    return sorted(out, key=lambda e: e["baris"])


def _matriks(path: Path) -> dict:
    workbook = read_matriks(path)
    frame = workbook.indicators.frame
    nodes = workbook.nodes.frame
    row_of = {str(k): int(r) for r, k in nodes["kode"].items()} if not nodes.empty else {}
    rows = []
    for row, record in zip(frame.index, frame.to_dict("records"), strict=True):
        rows.append(
            {
                "baris": int(row),
                "tingkat": clean(record.get("tingkat")) or None,
                "kode": clean(record.get("kode")) or None,
                "induk": row_of.get(clean(record.get("kode_induk"))),
                "nama": clean(record.get("sasaran")) or None,
                "indikator": clean(record.get("indikator")) or None,
                "target": _number(record.get("target_value")),
                "target_teks": clean(record.get("target_raw")) or None,
                "satuan": clean(record.get("satuan")) or None,
                "pagu": _number(record.get("pagu_value")),
            }
        )
    return {
        "file": path.name,
        "sheet": workbook.indicators.sheet,
        "jenis": "matriks",
        "tata_letak": "Matriks Peran dan Hasil (sheet Kinerja)",
        "tahun": workbook.identity.tahun,
        "tahun_dari": "Identitas: Tahun" if workbook.identity.tahun else "",
        "header": [],
        "kolom": {
            field: {"kolom": letter, "judul": KINERJA_HEADERS[field][0]}
            for field, letter in workbook.indicators.columns.items()
            if field in KINERJA_HEADERS
        },
        "baris": rows,
        "dilewati": [],
        "tabel_lain": [],
    }


def render_text(reading: dict) -> str:
    """The same reading as a readable table."""
    lines = [
        f"{reading['file']} - sheet '{reading['sheet']}'",
        f"Jenis: {reading['jenis']}; tata letak: {reading['tata_letak']}",
        f"Tahun: {reading['tahun'] or '-'} ({reading['tahun_dari'] or 'tidak disebut'})",
        "Baris judul: " + ", ".join(str(r) for r in reading["header"]),
        "Kolom:",
    ]
    for name, item in reading["kolom"].items():
        for one in item if isinstance(item, list) else [item]:
            if isinstance(one, dict):
                extra = "".join(
                    f", {k} {v}" for k, v in one.items() if k not in ("kolom", "judul") and v
                )
                lines.append(
                    f"  {name:<10} {one.get('kolom', ''):<6} {one.get('judul', '')}{extra}"
                )
            else:
                lines.append(f"  {name:<10} {one}")
    lines.append("")
    lines.append(
        f"{'Baris':>5}  {'Tingkat':<12} {'Kode':<20} {'Induk':>5}  Nama / Indikator / Target / Satuan / Pagu"
    )
    for e in reading["baris"]:
        target = e.get("target_teks") or ("" if e.get("target") is None else e["target"])
        pagu = "" if e.get("pagu") is None else f"Rp {e['pagu']:,.0f}".replace(",", ".")
        lines.append(
            f"{e['baris']:>5}  {e['tingkat'] or '':<12} {(e['kode'] or ''):<20} "
            f"{'' if e['induk'] is None else e['induk']:>5}  {e['nama'] or ''}"
            + (f" | {e['indikator']}" if e.get("indikator") else "")
            + (f" | {target}" if target != "" else "")
            + (f" {e['satuan']}" if e.get("satuan") else "")
            + (f" | {pagu}" if pagu else "")
        )
    if reading["dilewati"]:
        lines.append("")
        lines.append("Dilewati:")
        lines.extend(f"{e['baris']:>5}  {e['alasan']}" for e in reading["dilewati"])
    if reading.get("tabel_lain"):
        lines.append("")
        lines.append(
            "Sheet lain yang juga tampak seperti tabel perencanaan (pilih dengan --sheet):"
        )
        lines.extend(f"  '{t['sheet']}': {t['tata_letak']}" for t in reading["tabel_lain"])
    return "\n".join(lines)
