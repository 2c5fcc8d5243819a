"""Print the rule catalogue as a Markdown table (pasted into README.md; a test keeps them equal)."""

from __future__ import annotations

from pokin_xl.checks.catalogue import RULES
from pokin_xl.findings import SEVERITY_LABELS


def rules_table() -> str:
    lines = ["| Kode | Tingkat keparahan | Aturan | Alasan |", "| --- | --- | --- | --- |"]
    for rule in RULES.values():
        lines.append(
            f"| {rule.code} | {SEVERITY_LABELS[rule.severity]} | {rule.title} | {rule.rationale} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(rules_table())
