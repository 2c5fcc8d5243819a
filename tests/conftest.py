from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample_dir() -> Path:
    return ROOT / "samples" / "bkpsdm_purwakarta_2024"


SHARED_DATA = ROOT.parent / "shared" / "data"


def real_file(*parts: str) -> Path:
    """A file of ../shared/data (beside the repository in CI); skip the test where it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} tidak ada (clone tanpa ../shared)")
    return path
