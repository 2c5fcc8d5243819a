"""What a recap over many workbooks holds: one small result per workbook and the findings
across agencies. Plain data (picklable, JSON-ready), shared by the rekap use case and its writer.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

FAMILIES = ("H", "T", "S", "O", "N", "P", "B", "R")
SEVERITIES = ("error", "warning", "info")
READ, REFUSED, FAILED = "dibaca", "ditolak", "gagal"

COVERAGE_LABELS: dict[str, str] = {
    "sasaran_berpengampu": "Sasaran berpengampu",
    "sasaran_dicascade": "SP/SK di-cascade",
    "indikator_target_satuan": "Indikator bertarget & bersatuan",
    "sub_kegiatan_nomenklatur": "Sub kegiatan sesuai nomenklatur",
    "jabatan_bersasaran": "Jabatan struktural bersasaran",
}
COVERAGE_NOTES: dict[str, str] = {
    "sasaran_berpengampu": "Sasaran dari Sasaran Strategis ke bawah yang kolom Pengampunya terisi.",
    "sasaran_dicascade": "Sasaran Program dan Sasaran Kegiatan yang mempunyai sasaran di bawahnya.",
    "indikator_target_satuan": "Baris indikator dengan target terbaca dan satuan (target kategori tidak perlu satuan).",
    "sub_kegiatan_nomenklatur": "Sasaran Sub Kegiatan yang Kode Nomenklaturnya sub kegiatan nasional dengan nama yang sama.",
    "jabatan_bersasaran": "Jabatan JPT, Administrator dan Pengawas di sheet Pegawai yang mengampu sedikitnya satu sasaran.",
}

MET, NOT_MET, UNKNOWN = "memenuhi", "belum memenuhi", "tidak dapat dinilai"
PRECHECK_NOTE = "Pra-periksa LKE (PermenPANRB 88/2021) dari data; bukan nilai evaluasi."
PRECHECK_CRITERIA: dict[str, str] = {
    "LKE-1": "Setiap indikator Tujuan dan Sasaran Strategis mempunyai target (tanpa T001/T002).",
    "LKE-2": "Sasaran dirumuskan sebagai kondisi/hasil (outcome), bukan ukuran atau kegiatan "
    "(tanpa S001/S004).",
    "LKE-3": "Indikator kinerja dapat diukur (tanpa S002).",
    "LKE-4": "Cascading menjangkau setiap jabatan struktural (JPT, Administrator, Pengawas) dan "
    "setiap sasaran tersambung ke atas (tanpa H001/H004/H007).",
    "LKE-5": "Target tingkat Perjanjian Kinerja sama dengan Renstra (tanpa R002), bila Renstra "
    "diberikan ('<nama>_renstra.xlsx' di samping berkas).",
}


@dataclass
class FileResult:
    path: str
    file: str
    status: str = READ
    reason: str = ""
    perangkat_daerah: str = ""
    pemda: str = ""
    tahun: int | None = None
    indicators: int = 0
    units: dict[str, dict[str, int]] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    severity: dict[str, int] = field(default_factory=dict)
    families: dict[str, int] = field(default_factory=dict)
    coverage: dict[str, float | None] = field(default_factory=dict)
    lke: list[dict[str, str]] = field(default_factory=list)
    findings: list[dict[str, str]] = field(default_factory=list)
    extract: object | None = None  # checks.lintas.AgencyExtract
    renstra: str = ""
    output: str = ""
    seconds: float = 0.0
    rank: int | None = None
    summary: dict[str, object] = field(default_factory=dict)  # validate: a planning table's

    @property
    def read(self) -> bool:
        return self.status == READ

    def to_dict(self, *, with_findings: bool = True) -> dict[str, object]:
        data = asdict(self)
        data.pop("extract")
        data.pop("units")
        data.pop("summary")
        if not with_findings:
            data.pop("findings")
        return data


@dataclass
class Recap:
    files: list[FileResult]
    lintas: list  # findings.Finding
    rpjmd: str = ""
    jobs: int = 1
    seconds: float = 0.0

    def summary(self) -> dict[str, object]:
        read = [f for f in self.files if f.read]
        totals: Counter[str] = Counter()
        for f in read:
            totals.update(f.severity)
        return {
            "files": len(self.files),
            "read": len(read),
            "refused": len(self.files) - len(read),
            "severity": {s: totals.get(s, 0) for s in SEVERITIES},
            "lintas": len(self.lintas),
            "rpjmd": self.rpjmd,
            "jobs": self.jobs,
            "seconds": round(self.seconds, 2),
        }

    def to_json(self) -> str:
        files = []
        for f in self.files:
            entry = f.to_dict()
            files.append(
                {
                    "file": entry.pop("file"),
                    "perangkat_daerah": entry.pop("perangkat_daerah"),
                    "tahun": entry.pop("tahun"),
                    "severity": entry.pop("severity"),
                    "coverage": entry.pop("coverage"),
                    "findings": entry.pop("findings"),
                    **entry,
                }
            )
        payload = {
            "summary": self.summary(),
            "files": files,
            "lintas": [f.to_dict() for f in self.lintas],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)

    @property
    def worst(self) -> str:
        """'failed' (a failure of pokin-xl itself), 'refused', 'error' or 'ok': what the exit
        code says."""
        if any(f.status == FAILED for f in self.files):
            return "failed"
        if any(not f.read for f in self.files):
            return "refused"
        if any(f.severity.get("error", 0) for f in self.files):
            return "error"
        return "ok"
