"""Finding and Report: what every check returns and every writer and printer consumes."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pokin_xl.model.rules import RULES

if TYPE_CHECKING:
    import pandas as pd

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "galat", "warning": "peringatan", "info": "info"}


@dataclass(frozen=True)
class Finding:
    """One finding. Field names are the JSON keys users and scripts read, so they stay; mind
    `code` (the rule, e.g. "T004") against `kode` (the Kode of the sasaran concerned), and `unit`
    (the Unit Kerja, never a satuan). See docs/GLOSSARY.md."""

    code: str
    severity: str
    message: str
    file: str = ""
    sheet: str = ""
    cell: str = ""
    unit: str = ""
    tingkat: str = ""
    kode: str = ""
    subject: str = ""

    def to_dict(self) -> dict[str, str]:
        # the fields are texts: a flat copy (dataclasses.asdict deep-copies each, 20x slower,
        # which a batch of thousands of findings paid in every worker and again in the parent)
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


FINDING_COLUMNS = list(Finding.__dataclass_fields__)


def finding(code: str, message: str, **where: str) -> Finding:
    """A Finding of a catalogued rule (model.rules), with the rule's default severity."""
    rule = RULES[code]
    return Finding(code=code, severity=rule.severity, message=message, **where)


def _cell_sort_key(cell: str) -> tuple[int, str]:
    digits = "".join(ch for ch in cell if ch.isdigit())
    letters = "".join(ch for ch in cell if ch.isalpha())
    return (int(digits) if digits else 0, letters.rjust(3))


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    def extend(self, more: list[Finding]) -> None:
        self.findings.extend(more)

    def sorted(self) -> list[Finding]:
        return sorted(
            self.findings,
            key=lambda f: (f.file, f.sheet, _cell_sort_key(f.cell), f.code, f.message),
        )

    def counts(self) -> dict[str, int]:
        counter = Counter(f.severity for f in self.findings)
        return {s: counter.get(s, 0) for s in SEVERITIES}

    def by_code(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd  # imported here: the CLI's start-up does not need it

        return pd.DataFrame([f.to_dict() for f in self.sorted()], columns=FINDING_COLUMNS)

    def to_json(self, summary: dict | None = None) -> str:
        payload = {"summary": summary or {}, "findings": [f.to_dict() for f in self.sorted()]}
        return json.dumps(payload, ensure_ascii=False, indent=2)
