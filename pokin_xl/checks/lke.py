"""Pre-checks of SAKIP evaluation (LKE, PermenPANRB 88/2021) items the data can answer.

Each item states its criterion and answers memenuhi / belum memenuhi / tidak dapat dinilai with
the figures behind it. These are pre-checks for a reviewer, not a score: the evaluator's LKE
weighs documents and practice that no workbook holds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from pokin_xl.model.levels import Tingkat
from pokin_xl.model.recap import MET, NOT_MET, PRECHECK_CRITERIA, UNKNOWN

_TOP = {Tingkat.TUJUAN.label, Tingkat.SASARAN_STRATEGIS.label}


@dataclass(frozen=True)
class PreCheck:
    code: str
    criterion: str
    status: str
    detail: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def _count(findings: Sequence[Mapping[str, str]], codes: set[str], top_only: bool = False) -> int:
    counter = Counter(
        f["code"] for f in findings if f["code"] in codes and (not top_only or f["tingkat"] in _TOP)
    )
    return sum(counter.values())


def _answer(code: str, misses: int, what: str) -> PreCheck:
    status = MET if misses == 0 else NOT_MET
    detail = "tidak ada temuan" if misses == 0 else f"{misses} {what}"
    return PreCheck(code, PRECHECK_CRITERIA[code], status, detail)


def lke_prechecks(
    findings: Sequence[Mapping[str, str]],
    coverage: Mapping[str, float | None],
    levels: Mapping[str, int],
    *,
    renstra_given: bool,
) -> list[PreCheck]:
    """The five pre-checks of one workbook from its findings (as dicts) and coverage figures."""
    checks: list[PreCheck] = []
    if levels.get(Tingkat.TUJUAN.label, 0) + levels.get(Tingkat.SASARAN_STRATEGIS.label, 0) == 0:
        checks.append(
            PreCheck("LKE-1", PRECHECK_CRITERIA["LKE-1"], UNKNOWN, "tidak ada Tujuan/Sasaran")
        )
    else:
        misses = _count(findings, {"T001", "T002"}, top_only=True)
        checks.append(_answer("LKE-1", misses, "indikator Tujuan/SS tanpa target terbaca"))
    checks.append(_answer("LKE-2", _count(findings, {"S001", "S004"}), "sasaran bukan kondisi"))
    checks.append(_answer("LKE-3", _count(findings, {"S002"}), "indikator bukan ukuran"))
    share = coverage.get("jabatan_bersasaran")
    broken = _count(findings, {"H001", "H004", "H007"})
    if share is None:
        checks.append(
            PreCheck("LKE-4", PRECHECK_CRITERIA["LKE-4"], UNKNOWN, "tidak ada jabatan struktural")
        )
    else:
        ok = share >= 1.0 and broken == 0
        checks.append(
            PreCheck(
                "LKE-4",
                PRECHECK_CRITERIA["LKE-4"],
                MET if ok else NOT_MET,
                f"{share:.0%} jabatan struktural mengampu sasaran; {broken} sasaran terputus",
            )
        )
    if not renstra_given:
        checks.append(
            PreCheck("LKE-5", PRECHECK_CRITERIA["LKE-5"], UNKNOWN, "Renstra tidak diberikan")
        )
    else:
        checks.append(_answer("LKE-5", _count(findings, {"R002"}), "target berbeda dari Renstra"))
    return checks
