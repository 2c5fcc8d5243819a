"""`finding()`: a Finding of a catalogued rule (model.rules), with the rule's default severity.

Checks, and readers reporting what they could not read, build their findings here.
"""

from __future__ import annotations

from pokin_xl.findings import Finding
from pokin_xl.model.rules import RULES, Rule

__all__ = ["RULES", "Rule", "finding"]


def finding(code: str, message: str, **where: str) -> Finding:
    """A Finding of a catalogued rule, with the rule's default severity."""
    rule = RULES[code]
    return Finding(code=code, severity=rule.severity, message=message, **where)
