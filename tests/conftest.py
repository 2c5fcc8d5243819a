from pathlib import Path

import pytest

pytest_plugins = ["tests.rule_coverage"]

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
