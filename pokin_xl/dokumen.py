"""dokumen: the documents a cascade exists for (PK, IKU, Rencana Aksi, SKP), from one checked Matriks.

read -> validate -> plan (model.documents) -> select -> write. A document the findings say would
be wrong (no pihak kedua, a target missing or contradictory, quarters that do not add up, an RHK
hanging from nobody's) is not printed; it is listed with its finding on the first sheet and in
the manifest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pokin_xl.checked import read_checked
from pokin_xl.checks.documents import missing_atasan
from pokin_xl.findings import Finding, Report
from pokin_xl.model.documents import (
    JENIS,
    PK_LEVELS,
    SKP_LEVELS,
    Goal,
    Plan,
    Selection,
    Skipped,
    plan_documents,
)
from pokin_xl.writers.documents import write_documents_workbook

OUTPUT_SUFFIX = "_dokumen.xlsx"
# Findings on a sasaran that would print a wrong or missing target or budget in its documents:
# the errors of these rules, and a sasaran without any indicator (B004, a warning elsewhere: a
# PK row without indicator and target cannot be evaluated).
BLOCKING = frozenset({"T001", "T002", "T004", "T005", "T007", "B002", "P001", "B004"})


@dataclass
class DocumentsResult:
    path: Path
    manifest: dict
    report: Report


def make_documents(
    matriks_path: str | Path,
    out_path: str | Path | None = None,
    *,
    jenis: Sequence[str] | None = None,
) -> DocumentsResult:
    checked = read_checked(matriks_path, out_path, OUTPUT_SUFFIX)
    target, workbook, report = checked.target, checked.workbook, checked.report
    plan = plan_documents(workbook)
    selection = select_documents(
        plan, report.findings, tuple(j for j in JENIS if j in (jenis or JENIS))
    )
    written = write_documents_workbook(
        workbook.identity, plan, selection, target, workbook.file_name
    )
    manifest = {
        "file": str(target),
        "sumber": workbook.file_name,
        "pk": written.pk,
        "iku": written.iku,
        "renaksi": written.renaksi,
        "skp": written.skp,
        "dilewati": [
            {
                "dokumen": s.dokumen,
                "nama": s.nama,
                "alasan": s.alasan,
                "kode": s.code,
                "sheet": s.sheet,
                "sel": s.cell,
            }
            for s in selection.skipped
        ],
    }
    return DocumentsResult(target, manifest, report)


def select_documents(plan: Plan, findings: Iterable[Finding], jenis: tuple[str, ...]) -> Selection:
    """The documents to print and those to leave out, from the plan and the findings."""
    by_kode: dict[str, list[Finding]] = defaultdict(list)
    by_subject: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    owners: dict[str, Finding] = {}
    for f in findings:
        if f.code in ("O001", "O002"):
            owners.setdefault(f.kode, f)
        if f.severity != "error" and f.code != "B004":
            continue
        if f.code in BLOCKING or f.code in ("D002", "D003"):
            by_kode[f.kode].append(f)
        if f.code == "D001":
            by_subject[(f.code, f.subject)].append(f)
    out = Selection(jenis)

    def blocking(goals: Iterable[Goal], codes: frozenset[str]) -> list[Finding]:
        return [f for g in goals for f in by_kode.get(g.kode, []) if f.code in codes]

    def skip(dokumen: str, nama: str, reasons: list[Finding], row: int | None = None) -> None:
        """`row`: the left-out line's own row, pointed at in the reason's column (an IKU line
        left out for a conflict found on another row of the same indicator)."""
        first = reasons[0]
        more = f" (dan {len(reasons) - 1} temuan lain)" if len(reasons) > 1 else ""
        cell = first.cell
        letters = cell.rstrip("0123456789")
        if row is not None and letters and letters != cell:
            cell = f"{letters}{row}"
        out.skipped.append(
            Skipped(dokumen, nama, f"{first.message}{more}", first.code, first.sheet, cell)
        )

    pk_ok: set[int] = set()
    for holding in plan.pk_holdings():
        reasons = list(by_subject.get(("D001", holding.party.label), []))
        reasons += blocking(holding.goals_at(PK_LEVELS), BLOCKING)
        if holding.atasan is None and not reasons:
            reasons = [missing_atasan(holding)]
        if reasons:
            if "pk" in jenis:
                skip("pk", holding.party.label, reasons)
            if "renaksi" in jenis:
                skip("renaksi", holding.party.label, reasons)
            continue
        pk_ok.add(holding.person.row)
        if "pk" in jenis:
            out.pk.append(holding)
        if "renaksi" in jenis:
            quarters = blocking(holding.goals_at(PK_LEVELS), frozenset({"D002"}))
            if quarters:
                skip("renaksi", holding.party.label, quarters)
            else:
                out.renaksi.append(holding)
    if "pk" in jenis:
        for item in plan.unowned:
            if item.goal.level in PK_LEVELS:
                owner = owners.get(item.goal.kode)
                out.skipped.append(
                    Skipped(
                        "pk",
                        item.pengampu or "(tanpa pengampu)",
                        f"{item.why}: sasaran {item.goal.kode} '{item.goal.sasaran}' tidak masuk "
                        "PK siapa pun.",
                        owner.code if owner else ("O001" if not item.pengampu else "O002"),
                        owner.sheet if owner else "",
                        owner.cell if owner else "",
                    )
                )
    if "iku" in jenis:
        for goal, indicator, responsible in plan.iku:
            reasons = [f for f in blocking([goal], BLOCKING) if f.cell.endswith(str(indicator.row))]
            reasons = reasons or blocking([goal], frozenset({"T007"}))
            if reasons:
                skip("iku", indicator.indikator, reasons, row=indicator.row)
            else:
                out.iku.append((goal, indicator, responsible))
    if "skp" in jenis:
        for holding in plan.skp_holdings():
            reasons = blocking(holding.goals_at(SKP_LEVELS), BLOCKING | {"D003"})
            if holding.atasan is None and not holding.head:
                reasons = [missing_atasan(holding), *reasons]
            if reasons:
                skip("skp", holding.party.label, reasons)
            else:
                out.skp.append(holding)
    return out


def parse_jenis(value: str) -> list[str]:
    """'pk,iku' -> ['pk', 'iku']; ValueError naming an unknown kind."""
    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in JENIS]
    if unknown or not chosen:
        raise ValueError(
            f"jenis dokumen {', '.join(repr(u) for u in unknown) or '(kosong)'} tidak dikenal; "
            f"pilih dari {','.join(JENIS)}"
        )
    return chosen


def documents_text(manifest: dict) -> str:
    """The manifest for a person: what was written, and what was left out and why."""
    lines = [f"Dokumen ditulis: {manifest['file']}"]
    for item in manifest["pk"]:
        lines.append(
            f"  PK   {item['sheet']:<31} {item['sasaran']} sasaran, {item['indikator']} indikator, "
            f"pihak kedua: {item['pihak_kedua']}"
        )
    for key, label in (("iku", "IKU "), ("renaksi", "RA  ")):
        if manifest[key]:
            lines.append(
                f"  {label} {manifest[key]['sheet']:<31} {manifest[key]['indikator']} indikator"
            )
    for item in manifest["skp"]:
        lines.append(f"  SKP  {item['sheet']:<31} {item['rhk']} RHK")
    if manifest["dilewati"]:
        lines.append(f"Tidak dicetak ({len(manifest['dilewati'])}):")
        for item in manifest["dilewati"]:
            where = f" [{item['sheet']}!{item['sel']}]" if item["sel"] else ""
            lines.append(
                f"  {item['dokumen']:<7} {item['nama']}: {item['kode']} {item['alasan']}{where}"
            )
    return "\n".join(lines)
