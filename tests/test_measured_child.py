"""benchmarks/measured_child.py: a command's own peak memory, not its starter's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks.measured_child import measure

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB on Linux")


def test_the_peak_is_the_commands_own_not_this_big_processs() -> None:
    held = bytearray(400 * 1024 * 1024)
    held[::4096] = b"\1" * len(held[::4096])  # resident, not only reserved
    figures = measure(
        [sys.executable, "-c", "x = bytearray(60 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096])"]
    )
    assert figures["code"] == 0
    assert 60 < figures["peak_mib"] < 200, figures
    del held


def test_exit_code_output_and_timeout(tmp_path: Path) -> None:
    with (tmp_path / "out").open("w") as out:
        figures = measure([sys.executable, "-c", "print('halo'); raise SystemExit(3)"], stdout=out)
    assert figures["code"] == 3 and (tmp_path / "out").read_text() == "halo\n"
    slow = measure([sys.executable, "-c", "import time; time.sleep(30)"], timeout=0.5)
    assert slow["code"] == -1 and slow["wall"] < 10
