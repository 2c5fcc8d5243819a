"""Counts per unit and level: what a reviewer reads first."""

from __future__ import annotations

from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import Tingkat

NO_UNIT_LABEL = "(tanpa unit)"  # the key of the nodes with a blank Unit Kerja


def unit_summary(workbook: MatriksWorkbook) -> dict[str, dict[str, int]]:
    """{unit: {tingkat label: number of distinct Kode}}, levels in cascade order."""
    nodes = workbook.nodes.frame
    if nodes.empty:
        return {}
    order = {t.label: int(t) for t in Tingkat}
    counts = nodes.groupby(["unit_kerja", "tingkat"], sort=False)["kode"].nunique()
    result: dict[str, dict[str, int]] = {}
    for (unit, tingkat), count in counts.items():
        result.setdefault(str(unit) or NO_UNIT_LABEL, {})[str(tingkat)] = int(count)
    return {
        unit: dict(sorted(levels.items(), key=lambda kv: order.get(kv[0], 99)))
        for unit, levels in result.items()
    }
