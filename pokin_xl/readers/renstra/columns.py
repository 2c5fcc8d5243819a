"""The columns of a planning table in words, for `inspect`: which field each was read as."""

from __future__ import annotations

from pokin_xl.readers.grid import Grid, column_letter
from pokin_xl.readers.renstra.layout import Column, Layout
from pokin_xl.readers.renstra.roles import ROLE_LABELS

_SHOWN = (
    "kode",
    "nama",
    "tujuan",
    "sasaran",
    "program",
    "kegiatan",
    "sub_kegiatan",
    "indikator",
    "satuan",
    "unit_kerja",
)


def _span(cols: list[int]) -> str:
    first, last = column_letter(min(cols)), column_letter(max(cols))
    return first if first == last else f"{first}:{last}"


def describe_columns(grid: Grid, layout: Layout) -> dict[str, list[dict]]:
    """field -> [{"kolom", "judul", ...}]; value columns carry their period and pagu scale,
    columns set aside carry why ("peran": realisasi, target akhir periode, salinan ...)."""
    out: dict[str, list[dict]] = {}
    by_field: dict[str, list[Column]] = {}
    for column in layout.columns:
        by_field.setdefault(column.field, []).append(column)
    for name in _SHOWN:
        columns = by_field.get(name, [])
        if name == "kode" and columns:
            out[name] = [{"kolom": _span([c.col for c in columns]), "judul": columns[0].header}]
        elif columns:
            out[name] = [{"kolom": column_letter(c.col), "judul": c.header} for c in columns]
    for group in layout.groups:
        if group.virtual:
            out.setdefault("indikator", [])
        for kind, bucket in (("target", group.targets), ("pagu", group.pagu)):
            for period, column in bucket.items():
                item: dict = {
                    "kolom": column_letter(column.col),
                    "judul": column.header,
                    "periode": period,
                    "indikator": column_letter(group.indikator.col),
                }
                if kind == "pagu":
                    item["skala"] = column.scale
                out.setdefault(kind, []).append(item)
    aside = [
        {
            "kolom": column_letter(c.col),
            "judul": c.header,
            "alasan": (
                f"bukan target tahun ini: {ROLE_LABELS[c.role]}"
                if c.field == "lain"
                else "kelompok kolom kedua yang mengulang kelompok pertama (dibaca sekali)"
            ),
        }
        for c in layout.columns
        if c.field in ("lain", "salinan")
    ]
    if aside:
        out["diabaikan"] = aside
    return out
