"""One owner per rule: each code of the catalogue is declared by exactly one module, raised only
there. That each is raised by at least one test of the suite is checked by the plugin
tests/rule_coverage.py at the end of a whole run."""

import re
from pathlib import Path

import pytest

from pokin_xl.model.rules import RULES
from pokin_xl.rule_owners import OWNER_MODULES, declared_codes, rule_owners
from tests.conftest import ROOT

PACKAGE = ROOT / "pokin_xl"
RAISE_RE = re.compile(r"(?:\bfinding|\bRuleCheck)\(\s*\"([A-Z]\d{3})\"")

# Codes raised outside their owner. Empty since issue 8 (one N004/P001 for the matriks and the
# planning tables, one pagu reading in readers/pagu.py); kept, so that no new one slips in.
PENDING_SECOND_RAISERS: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_catalogued_rule_has_exactly_one_owner():
    owners = rule_owners()  # raises when two modules declare one code
    assert sorted(owners) == sorted(RULES)


def test_a_code_declared_twice_is_refused(monkeypatch):
    import pokin_xl.checks.budget as budget

    monkeypatch.setattr(budget, "CODES", ("P001", "T004"))
    with pytest.raises(ValueError, match="T004"):
        rule_owners()


def test_no_module_raises_a_rule_it_does_not_own():
    declared = declared_codes()
    strays = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = str(path.relative_to(ROOT))
        raised = set(RAISE_RE.findall(path.read_text(encoding="utf-8")))
        own = set(declared.get(_module_name(path), ()))
        strays += [(relative, code) for code in sorted(raised - own)]
        if raised:
            assert _module_name(path) in OWNER_MODULES, f"{relative} raises {raised}"
    assert set(strays) == PENDING_SECOND_RAISERS


def test_no_module_inside_the_package_imports_the_package_root():
    """`from pokin_xl import ...` inside the package is an import cycle that works by luck."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if path.name != "__init__.py" or path.parent != PACKAGE
        if re.search(r"^\s*(from pokin_xl import|import pokin_xl\s*$)", path.read_text(), re.M)
    ]
    assert offenders == []
