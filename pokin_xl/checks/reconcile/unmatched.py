"""Rules on an indicator without partner: R001 (A's indicator not in B), R003 (B's indicator not
cascaded into A). Each message names what came close: the nearest candidate, the same text on
another level, a sasaran written as an indicator, a target found on another indicator."""

from __future__ import annotations

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.reconcile.outcome import Outcome
from pokin_xl.checks.reconcile.pairing import NEAREST_MIN, Pairing
from pokin_xl.checks.reconcile.sides import parent_text
from pokin_xl.checks.reconcile.values import shown
from pokin_xl.model.reconciliation import STATUS_AMBIGUOUS, STATUS_UNCASCADED

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("R001", "R003")

_MAX_LISTED = 4  # ambiguous candidates named in a message


def report_missing(p: Pairing, out: Outcome, a: dict, m: dict) -> None:
    """R001: A's indicator has no partner in B (with the candidates that came close)."""
    candidates = [(p.rb[j], s) for j, s in m["candidates"]]
    if m["ambiguous"]:
        listed = "; ".join(
            f"'{rec['indikator']}' ({p.b_where(rec)}, skor {s:g})"
            for rec, s in candidates[:_MAX_LISTED]
        )
        detail = (
            f" Ada beberapa kandidat yang sama miripnya, tidak dipilih salah satu: {listed}. "
            "Samakan rumusannya agar dapat dicocokkan."
        )
        status = STATUS_AMBIGUOUS
    else:
        detail = ""
        near = [(rec, s) for rec, s in candidates if s >= NEAREST_MIN]
        if near:
            rec, s = near[0]
            detail = f" Kandidat terdekat: '{rec['indikator']}' ({p.b_where(rec)}, skor {s:g}, di bawah ambang)."
        elsewhere = p.elsewhere(p.b, a)
        if elsewhere is not None:
            detail += (
                f" Teks yang sama ada di {p.b.label} pada tingkat "
                f"{elsewhere['tingkat']} ({p.b_where(elsewhere)})."
            )
        detail += p.as_statement(p.b, a)
        status = f"tidak ada di {p.b.status_name}"
    out.findings.append(
        finding(
            "R001",
            f"Indikator '{a['indikator']}' ({a['tingkat']}) tidak ditemukan di {p.b.file}"
            f"{' (Renstra)' if p.b.kind == 'renstra' else ''}.{detail}",
            **p.at_a(a, str(a["cell_indikator"])),
        )
    )
    best = candidates[0] if candidates else None
    out.add_row(
        status,
        "",
        float(best[1]) if best else 0.0,
        a,
        None,
        ["R001"],
        detail.strip(),
    )


def report_uncascaded(p: Pairing, out: Outcome, b: dict) -> None:
    """R003: B's indicator is not cascaded into A."""
    detail = ""
    elsewhere = p.elsewhere(p.a, b)
    if elsewhere is not None:
        detail = (
            f" Teks yang sama ada di {p.a.label} pada tingkat {elsewhere['tingkat']} "
            f"({p.a.file} sel {elsewhere['cell_indikator']})."
        )
    if b["_id"] in p.claimed_by:
        rec = p.ra[p.claimed_by[b["_id"]]]
        detail += (
            f" Targetnya ({shown(b['target'])}) tercantum di {p.a.label} pada indikator "
            f"'{rec['indikator']}' ({p.a.file} sel {rec['cell_target']})."
        )
    if b["_id"] in p.ambiguous_for:
        rec = p.ra[p.ambiguous_for[b["_id"]]]
        detail += (
            f" Kandidat ambigu untuk '{rec['indikator']}' ({p.a.file} sel {rec['cell_indikator']})."
        )
    elif b["_id"] in p.nearest_for:
        score, ia = p.nearest_for[b["_id"]]
        rec = p.ra[ia]
        detail += (
            f" Kandidat terdekat: '{rec['indikator']}' ({p.a.file} sel "
            f"{rec['cell_indikator']}, skor {score:g}, di bawah ambang)."
        )
    detail += p.as_statement(p.a, b)
    parent = parent_text(b)
    out.findings.append(
        finding(
            "R003",
            f"Indikator {p.b.label} '{b['indikator']}' ({b['tingkat']}"
            f"{f' - {parent}' if parent else ''}) tidak ada "
            f"{'pada tingkat yang sama ' if elsewhere is not None else ''}"
            f"di {p.a.file}.{detail}",
            **p.at_b(b, str(b["cell_indikator"])),
        )
    )
    out.add_row(STATUS_UNCASCADED, "", 0.0, None, b, ["R003"], detail.strip())
