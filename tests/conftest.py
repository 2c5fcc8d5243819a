from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample_dir() -> Path:
    return ROOT / "samples" / "bkpsdm_purwakarta_2024"
