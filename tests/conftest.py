from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample_dir() -> Path:
    return ROOT / "samples" / "bkpsdm_purwakarta_2024"


SHARED_DATA = ROOT.parent / "shared" / "data"


# The third-party .xlsx workbooks of ../shared/data/real (the .xls is read by xlrd).
REAL_XLSX = [
    "indigo_template_perencanaan_iku.xlsx",
    "kaizer26_template_import_capaian_kinerja.xlsx",
    "renstra_template_sesendok.xlsx",
    "tujuan_sasaran_renstra_sesendok.xlsx",
]


def real_file(*parts: str) -> Path:
    """A file of ../shared/data (beside the repository in CI); skip the test where it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} tidak ada (clone tanpa ../shared)")
    return path


# ---------------------------------------------------------------- rules raised by the suite
# `finding()` looks its rule up in pokin_xl.findings.RULES at call time: a recording mapping there
# notes every code raised while the tests run (tests/test_rule_owners.py reads it at the end).
class _RecordingRules(dict):
    def __init__(self, rules) -> None:
        super().__init__(rules)
        self.seen: set[str] = set()

    def __getitem__(self, code):
        self.seen.add(code)
        return super().__getitem__(code)


def _record_raised_rules() -> None:
    import pokin_xl.findings as findings_module

    if not hasattr(findings_module.RULES, "seen"):
        findings_module.RULES = _RecordingRules(findings_module.RULES)


_record_raised_rules()


def raised_codes() -> set[str]:
    import pokin_xl.findings as findings_module

    return set(findings_module.RULES.seen)


def pytest_collection_modifyitems(session, config, items):
    """The rule-coverage test runs after every other test."""
    last = [item for item in items if item.name == "test_every_rule_is_raised_by_some_test"]
    items[:] = [item for item in items if item not in last] + last
