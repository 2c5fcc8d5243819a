"""Every catalogued rule is raised by at least one test of the suite (a pytest plugin).

`finding()` looks its rule up in `pokin_xl.findings.RULES` at call time; a recording mapping put there
notes every code raised while the tests run. Under pytest-xdist each worker records its own codes and
sends them to the controller, which checks the union once every worker is done; a plain run checks
its own. A run of some files only proves nothing, so the check needs the whole suite (`make test`).
A rule nobody raises fails the run (exit 1) and is named in the summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
_OUTPUT_KEY = "pokin_raised_rules"
_state: dict[str, object] = {"whole": None, "missing": [], "workers": []}


class _RecordingRules(dict):
    def __init__(self, rules) -> None:
        super().__init__(rules)
        self.seen: set[str] = set()

    def __getitem__(self, code):
        self.seen.add(code)
        return super().__getitem__(code)


def _rules() -> _RecordingRules:
    import pokin_xl.findings as findings_module

    if not isinstance(findings_module.RULES, _RecordingRules):
        findings_module.RULES = _RecordingRules(findings_module.RULES)
    return findings_module.RULES


def raised_codes() -> set[str]:
    """The codes raised so far in this process."""
    return set(_rules().seen)


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _is_controller(config: pytest.Config) -> bool:
    return getattr(config.option, "numprocesses", None) not in (None, 0) and not _is_worker(config)


def pytest_configure(config: pytest.Config) -> None:
    _rules()


def pytest_collection_finish(session: pytest.Session) -> None:
    collected = {Path(str(item.path)) for item in session.items}
    _state["whole"] = set(TESTS.rglob("test_*.py")) <= collected


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    report = getattr(node, "workeroutput", {}).get(_OUTPUT_KEY)
    if report is not None:
        _state["workers"].append(report)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    if _is_worker(config):
        config.workeroutput[_OUTPUT_KEY] = {
            "seen": sorted(raised_codes()),
            "whole": bool(_state["whole"]),
        }
        return
    if _is_controller(config):
        reports = _state["workers"]
        whole = bool(reports) and all(report["whole"] for report in reports)
        seen = set().union(*(report["seen"] for report in reports)) if reports else set()
    else:
        whole, seen = bool(_state["whole"]), raised_codes()
    if not whole or exitstatus != pytest.ExitCode.OK or config.option.collectonly:
        return
    from pokin_xl.model.rules import RULES

    _state["missing"] = sorted(set(RULES) - seen)
    if _state["missing"]:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    if _state["missing"]:
        terminalreporter.write_sep("=", "rules raised by no test of the suite", red=True)
        terminalreporter.write_line(", ".join(_state["missing"]))
