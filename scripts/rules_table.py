"""The rule catalogue as a Markdown table; `--update README.md` rewrites the README's copy."""

from __future__ import annotations

import sys
from pathlib import Path

from pokin_xl.findings import SEVERITY_LABELS
from pokin_xl.model.rules import RULES

START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def rules_table() -> str:
    lines = ["| Kode | Tingkat keparahan | Aturan | Alasan |", "| --- | --- | --- | --- |"]
    for rule in RULES.values():
        lines.append(
            f"| {rule.code} | {SEVERITY_LABELS[rule.severity]} | {rule.title} | {rule.rationale} |"
        )
    return "\n".join(lines)


def update_readme(path: Path) -> None:
    """Replace the table between the rules markers of README.md."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{rules_table()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--update"]:
        update_readme(Path(sys.argv[2] if len(sys.argv) > 2 else "README.md"))
    else:
        print(rules_table())
