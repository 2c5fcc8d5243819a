"""D001 and D003: a PK without a pihak kedua, an RHK without the superior's RHK above it.

The ownership itself (who holds which sasaran, who is whose atasan) is model.documents; these
checks only say where it leaves a document that cannot be signed as written.
"""

from __future__ import annotations

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.where import at_row
from pokin_xl.findings import Finding
from pokin_xl.model.documents import PK_LEVELS, SKP_LEVELS, Goal, Holding, Plan, plan_documents
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.records import records_by_row

CODES = ("D001", "D003")
# What `at_row` reads of a sasaran's row when its subject is given.
_WHERE_FIELDS = ("unit_kerja", "tingkat", "kode")


def check_documents(workbook: MatriksWorkbook, plan: Plan | None = None) -> list[Finding]:
    plan = plan or plan_documents(workbook, indicators=False)  # D001/D003 read no indicator
    return _pihak_kedua(workbook, plan) + _interventions(workbook, plan)


def _pihak_kedua(workbook: MatriksWorkbook, plan: Plan) -> list[Finding]:
    out = []
    pegawai = workbook.pegawai
    for holding in plan.holdings:
        if holding.atasan is not None or not holding.goals_at(PK_LEVELS):
            continue
        if holding.head:
            where = {
                "sheet": workbook.identity.sheet,
                "cell": workbook.identity.cells.get("kepala", ""),
            }
            fix = "isi 'Kepala Daerah' dan 'Jabatan Kepala Daerah' di sheet Identitas"
        else:
            where = {"sheet": pegawai.sheet, "cell": pegawai.cell("atasan", holding.person.row)}
            fix = "isi Atasan Langsung dengan nama atau jabatan yang ada di sheet Pegawai"
        out.append(
            finding(
                "D001",
                f"Perjanjian Kinerja {holding.party.label} tidak mempunyai pihak kedua: "
                f"{holding.atasan_problem}; {fix}. PK ini tidak dicetak.",
                file=workbook.file_name,
                unit=holding.person.unit,
                subject=holding.party.label,
                **where,
            )
        )
    return out


def _interventions(workbook: MatriksWorkbook, plan: Plan) -> list[Finding]:
    out: list[Finding | tuple[Holding, Goal, str]] = []
    for holding in plan.holdings:
        if holding.atasan is None and not holding.head:
            # Said once per official, not once per sasaran: by D001 where there is a PK, else here.
            if holding.goals_at(SKP_LEVELS) and not holding.goals_at(PK_LEVELS):
                out.append(_no_atasan_for_skp(workbook, holding))
            continue
        out.extend(
            (holding, goal, problem) for goal, problem in plan.intervention_problems(holding)
        )
    # The rows of the sasaran without a superior's RHK, read together.
    sheet = workbook.indicators
    columns = [c for c in _WHERE_FIELDS if c in sheet.frame]
    records = records_by_row(
        sheet.frame.loc[[item[1].row for item in out if isinstance(item, tuple)], columns]
    )
    return [
        item if not isinstance(item, tuple) else _no_superior_rhk(workbook, *item, records)
        for item in out
    ]


def _no_superior_rhk(
    workbook: MatriksWorkbook, holding: Holding, goal: Goal, problem: str, records: dict[int, dict]
) -> Finding:
    return finding(
        "D003",
        f"Rencana hasil kerja {holding.party.label} tanpa RHK atasan di atasnya: "
        f"{problem}. Hubungkan ke sasaran atasan langsung (Kode Induk) atau perbaiki "
        "Pengampu/Atasan Langsung; SKP ini tidak dicetak.",
        **at_row(
            workbook,
            workbook.indicators,
            goal.row,
            "kode_induk",
            records[goal.row],
            subject=goal.sasaran,
        ),
    )


def _no_atasan_for_skp(workbook: MatriksWorkbook, holding: Holding) -> Finding:
    pegawai = workbook.pegawai
    return finding(
        "D003",
        f"Rencana hasil kerja {holding.party.label} tidak dapat dihubungkan ke RHK atasan: "
        f"{holding.atasan_problem}. Isi Atasan Langsung dengan nama atau jabatan yang ada di sheet "
        "Pegawai; SKP ini tidak dicetak.",
        file=workbook.file_name,
        sheet=pegawai.sheet,
        cell=pegawai.cell("atasan", holding.person.row),
        unit=holding.person.unit,
        subject=holding.party.label,
    )


def missing_atasan(holding: Holding) -> Finding:
    """D001 for a document of an official whose atasan is unknown, where no cell can be named."""
    return finding(
        "D001",
        f"{holding.party.label} tidak mempunyai atasan langsung yang dikenal: "
        f"{holding.atasan_problem}.",
        sheet="Pegawai",
        subject=holding.party.label,
    )
