"""The checks' entry to the rule catalogue (model.rules) and `finding()` (findings.py)."""

from __future__ import annotations

from pokin_xl.findings import finding
from pokin_xl.model.rules import RULES, Rule

__all__ = ["RULES", "Rule", "finding"]
