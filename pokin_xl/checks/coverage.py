"""Coverage figures of one workbook, over its frames: what share of the cascade is complete.

Each share is a fraction 0..1, or None where the workbook has nothing to count (no Sasaran
Program, no sub kegiatan...). These are figures for a reviewer's recap, not findings: the rules
that name each gap (O001, H005, T001, T003, N001/N002) stay the checks' business.
"""

from __future__ import annotations

import pandas as pd

from pokin_xl.checks.nomenclature import agency_code
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import JenisJabatan, Tingkat
from pokin_xl.model.nomenclature import load_nomenclature
from pokin_xl.model.people import Agency, Directory
from pokin_xl.model.recap import COVERAGE_LABELS
from pokin_xl.model.text import clean, normalise

STRUCTURAL = frozenset({JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS})
_NO_UNIT_NEEDED = frozenset({"category"})  # 'Baik', 'WTP': a category target has no satuan


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _levels(nodes: pd.DataFrame) -> pd.Series:
    return nodes["level"].astype("Float64").fillna(-1).astype(int)


def owner_share(nodes: pd.DataFrame) -> float | None:
    """Sasaran from Sasaran Strategis down with a Pengampu filled in."""
    owned = nodes[_levels(nodes) >= int(Tingkat.SASARAN_STRATEGIS)]
    filled = owned["pengampu"].map(lambda v: bool(normalise(v)))
    return _share(int(filled.sum()), len(owned))


def cascaded_share(nodes: pd.DataFrame) -> float | None:
    """Sasaran Program and Sasaran Kegiatan that some other sasaran names as its Kode Induk."""
    levels = _levels(nodes)
    middle = nodes[levels.isin([int(Tingkat.SASARAN_PROGRAM), int(Tingkat.SASARAN_KEGIATAN)])]
    parents = set(nodes["kode_induk"].astype(str)) - {""}
    return _share(int(middle["kode"].astype(str).isin(parents).sum()), len(middle))


def target_unit_share(indicators: pd.DataFrame) -> float | None:
    """Indicator rows with a readable target and a satuan (stated, inside the target, or not
    needed for a category target)."""
    if indicators.empty:
        return None
    kind = indicators["target_kind"].fillna("empty").astype(str)
    has_target = ~kind.isin(["empty", "unreadable"])
    satuan = indicators.get("satuan_norm", pd.Series("", index=indicators.index))
    unit_in_target = indicators.get("target_unit", pd.Series("", index=indicators.index))
    has_unit = (
        satuan.fillna("").astype(str).ne("")
        | unit_in_target.fillna("").astype(str).ne("")
        | kind.isin(_NO_UNIT_NEEDED)
    )
    return _share(int((has_target & has_unit).sum()), len(indicators))


def nomenclature_share(workbook: MatriksWorkbook) -> float | None:
    """Sasaran Sub Kegiatan whose Kode Nomenklatur is a national sub kegiatan of the same name."""
    nodes = workbook.nodes.frame
    subs = nodes[_levels(nodes) == int(Tingkat.SASARAN_SUB_KEGIATAN)]
    if subs.empty:
        return None
    national = load_nomenclature()
    agency = agency_code(workbook)
    hits = 0
    for code, name in zip(subs["kode_nomenklatur"], subs["nomenklatur"], strict=True):
        entry = national.get(code, agency) if clean(code) else None
        if entry is None or entry.jenis != "sub_kegiatan":
            continue
        if not clean(name) or normalise(name) == normalise(entry.nama):
            hits += 1
    return _share(hits, len(subs))


def position_share(workbook: MatriksWorkbook) -> float | None:
    """Structural positions (JPT, Administrator, Pengawas) of the Pegawai sheet that hold at
    least one sasaran as Pengampu: how far down the cascade reaches the people."""
    pegawai = workbook.pegawai.frame
    if pegawai.empty or "jenis" not in pegawai:
        return None
    structural = {
        int(row)
        for row, jenis in pegawai["jenis"].items()
        if jenis in {j.value for j in STRUCTURAL}
    }
    if not structural:
        return None
    directory = Directory.of(pegawai, Agency.from_identity(workbook.identity))  # the owners' one
    holders: set[int] = set()
    for text in workbook.nodes.frame["pengampu"].dropna().astype(str).unique():
        if normalise(text):
            holders.update(directory.resolve(clean(text)))
    return _share(len(structural & holders), len(structural))


def total_pagu(nodes: pd.DataFrame) -> float | None:
    """The budget once: summed at the deepest level that states any pagu (sub kegiatan, else
    kegiatan, else program), since the levels above are roll-ups of it."""
    pagu = pd.to_numeric(nodes.get("pagu_value"), errors="coerce")
    if pagu is None or pagu.isna().all():
        return None
    levels = _levels(nodes)
    for level in (
        Tingkat.SASARAN_SUB_KEGIATAN,
        Tingkat.SASARAN_KEGIATAN,
        Tingkat.SASARAN_PROGRAM,
    ):
        at_level = pagu[levels == int(level)]
        if at_level.notna().any():
            return float(at_level.sum())
    return float(pagu.sum())


def coverage(workbook: MatriksWorkbook) -> dict[str, float | None]:
    """Every figure of COVERAGE_LABELS, plus `pagu_total` (Rp; None when no pagu is stated)."""
    nodes = workbook.nodes.frame
    if nodes.empty:
        figures: dict[str, float | None] = dict.fromkeys(COVERAGE_LABELS)
        figures["pagu_total"] = None
        return figures
    return {
        "sasaran_berpengampu": owner_share(nodes),
        "sasaran_dicascade": cascaded_share(nodes),
        "indikator_target_satuan": target_unit_share(workbook.indicators.frame),
        "sub_kegiatan_nomenklatur": nomenclature_share(workbook),
        "jabatan_bersasaran": position_share(workbook),
        "pagu_total": total_pagu(nodes),
    }
