"""Rules on a matched pair of indicators: R002 target, R004 satuan, R007 wording (of the
indicator, or of the sasaran/program/kegiatan above it), R005 another parent, R006 pagu."""

from __future__ import annotations

import pandas as pd

from pokin_xl.checks.budget import rupiah
from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.reconcile.outcome import Outcome
from pokin_xl.checks.reconcile.pairing import Pairing
from pokin_xl.checks.reconcile.sides import ANCHORS
from pokin_xl.checks.reconcile.values import number_of, same_target, shown, signed, truncation
from pokin_xl.model.matching import FUZZY, KODE, describe, similarity, text_key
from pokin_xl.model.reconciliation import STATUS_DIFFERENT, STATUS_SAME
from pokin_xl.model.renstra import JENIS_LABELS
from pokin_xl.model.units import units_compatible

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("R002", "R004", "R005", "R006", "R007")

OWN_NODE_MIN = 60.0  # an indicator's own sasaran reworded, not replaced
SAME_TEXT_MIN = 88.0


def compare_pair(p: Pairing, out: Outcome, a: dict, b: dict, method: str, score: float) -> None:
    """Findings on a matched pair, in this order: target, satuan, wording, the sasaran/program/
    kegiatan above, pagu; then the pair's row."""
    how = describe(method, score)
    year = p.b.year or p.a.year
    raised = (
        _target(p, out, a, b, how, year),
        _satuan(p, out, a, b, how),
        _indicator_wording(p, out, a, b, method, how),
        *(_compare_anchor(p, out, jenis, a, b, how) for jenis in ANCHORS),
        _pagu(p, out, a, b, how, year),
    )
    codes = [code for code in raised if code]
    status = STATUS_DIFFERENT if {"R002", "R004", "R006"} & set(codes) else STATUS_SAME
    note = "target sama dengan indikator lain yang tidak di-cascade" if a["_id"] in p.swaps else ""
    out.add_row(status, method, score, a, b, codes, note)


def _target(p: Pairing, out: Outcome, a: dict, b: dict, how: str, year: int | None) -> str:
    """R002: the targets of the year differ (with a hint when B has A's target elsewhere)."""
    ta, tb = a["target"], b["target"]
    if not p.b.has_targets or same_target(ta, tb):
        return ""
    va, vb = number_of(ta), number_of(tb)
    difference = (
        f"selisih {signed(vb - va)}"
        if va is not None and vb is not None
        else "selisih tidak dapat dihitung"
    )
    hint = ""
    if a["_id"] in p.swaps:
        other = p.rb[p.swaps[a["_id"]][0]]
        hint = (
            f" Target {shown(ta)} sama dengan target indikator {p.b.label} lain yang tidak "
            f"di-cascade: '{other['indikator']}' ({p.b_where(other)}) - indikator tertukar?"
        )
    out.findings.append(
        finding(
            "R002",
            f"Target{f' {year}' if year else ''} indikator '{a['indikator']}' berbeda: "
            f"{p.a.label} '{shown(ta)}', "
            f"{p.b.label} '{shown(tb)}' ({p.b_where(b, b['cell_target'])}); "
            f"{difference}. Indikator {how}.{hint}",
            **p.at_a(a, str(a["cell_target"])),
        )
    )
    return "R002"


def _satuan(p: Pairing, out: Outcome, a: dict, b: dict, how: str) -> str:
    """R004: satuan that cannot measure the same thing."""
    sa, sb = str(a["satuan_norm"]), str(b["satuan_norm"])
    if not sa or not sb or units_compatible(sa, sb):
        return ""
    out.findings.append(
        finding(
            "R004",
            f"Satuan berbeda: {p.a.label} '{a['satuan'] or sa}', {p.b.label} "
            f"'{b['satuan'] or sb}' ({p.b_where(b, b['cell_satuan'] or None)}). "
            f"Indikator {how}.",
            **p.at_a(a, str(a["cell_satuan"])),
        )
    )
    return "R004"


def _indicator_wording(p: Pairing, out: Outcome, a: dict, b: dict, method: str, how: str) -> str:
    """R007: an indicator matched by code or fuzzily is worded differently."""
    if method not in (FUZZY, KODE) or a["key"].replace(" ", "") == b["key"].replace(" ", ""):
        return ""
    out.findings.append(
        finding(
            "R007",
            f"Rumusan indikator berbeda: {p.a.label} '{a['indikator']}', {p.b.label} "
            f"'{b['indikator']}' ({p.b_where(b)})"
            f"{truncation(a['indikator'], b['indikator'], p.a.label, p.b.label)}; "
            f"{how}.",
            **p.at_a(a, str(a["cell_indikator"])),
        )
    )
    return "R007"


def _pagu(p: Pairing, out: Outcome, a: dict, b: dict, how: str, year: int | None) -> str:
    """R006: the pagu differ by a rupiah or more; said once per pair of nodes."""
    a_pagu, b_pagu = a["pagu"], b["pagu"]
    if a_pagu is None or b_pagu is None or pd.isna(a_pagu) or pd.isna(b_pagu):
        return ""
    if abs(float(a_pagu) - float(b_pagu)) < 1:
        return ""
    key = ("R006", a["node"], b["node"])
    if key not in out.reported:
        out.reported.add(key)
        out.findings.append(
            finding(
                "R006",
                f"Pagu{f' {year}' if year else ''} berbeda: {p.a.label} "
                f"{rupiah(a_pagu)}, {p.b.label} {rupiah(b_pagu)} "
                f"({p.b_where(b, b['cell_pagu'])}); selisih "
                f"{signed(float(b_pagu) - float(a_pagu))}. Indikator {how}.",
                **p.at_a(a, str(a["cell_pagu"])),
            )
        )
    return "R006"


def _compare_anchor(p: Pairing, out: Outcome, jenis: str, a: dict, b: dict, how: str) -> str:
    """R007 when the sasaran/program/kegiatan above is one node worded differently, R005 when
    the indicator sits under another one; "" when they agree."""
    an, bn = a[f"{jenis}_node"], b[f"{jenis}_node"]
    if not an or not bn:
        return ""
    a_code, b_code = a[f"{jenis}_code"], b[f"{jenis}_code"]
    if a_code and b_code:
        if a_code == b_code:
            return ""
        same, score, ta, tb = False, 0.0, a_code, b_code
    else:
        if a[f"{jenis}_name"] and b[f"{jenis}_name"]:
            ta, tb, part = a[f"{jenis}_name"], b[f"{jenis}_name"], "name_cell"
        elif a[f"{jenis}_text"] and b[f"{jenis}_text"]:
            ta, tb, part = a[f"{jenis}_text"], b[f"{jenis}_text"], "cell"
        else:
            return ""
        ka, kb = text_key(ta), text_key(tb)
        if ka.replace(" ", "") == kb.replace(" ", ""):
            return ""
        score = similarity(ka, kb)
        own = jenis == a["jenis"] or jenis == b["jenis"]
        evidence = p.links[(an, bn)] - (1 if (a["node"], b["node"]) == (an, bn) else 0)
        same = score >= SAME_TEXT_MIN or evidence > 0 or (own and score >= OWN_NODE_MIN)
        if same:
            key = ("R007", jenis, an, bn)
            if key not in out.reported:
                out.reported.add(key)
                label = JENIS_LABELS.get(jenis, jenis).lower()
                if part == "cell" and jenis != "sasaran":
                    label = f"sasaran {label}"  # the goal's wording, not the item's name
                where = p.at_a(a, str(a[f"{jenis}_{part}"] or a[f"{jenis}_cell"]), subject=ta)
                # The finding concerns the higher node compared, not the indicator's row.
                where.update(
                    kode=str(an),
                    tingkat=str(a.get(f"{jenis}_tingkat") or where["tingkat"]),
                    unit=str(a.get(f"{jenis}_unit_kerja") or where["unit"]),
                )
                out.findings.append(
                    finding(
                        "R007",
                        f"Rumusan {label} berbeda: {p.a.label} '{ta}', {p.b.label} "
                        f"'{tb}' ({p.b.file} sel {b[f'{jenis}_{part}'] or b[f'{jenis}_cell']})"
                        f"{truncation(ta, tb, p.a.label, p.b.label)}; kemiripan {score:g}.",
                        **where,
                    )
                )
            return "R007"
    label = JENIS_LABELS.get(jenis, jenis).lower()
    out.findings.append(
        finding(
            "R005",
            f"Indikator ini di {p.a.label} berada di bawah {label} '{ta}', di "
            f"{p.b.label} di bawah {label} '{tb}' ({p.b.file} sel {b[f'{jenis}_cell']}). "
            f"Indikator {how}.",
            **p.at_a(a, str(a["cell_indikator"])),
        )
    )
    return "R005"
