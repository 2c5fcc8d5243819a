"""Installed as a planning office would: a wheel into a new virtual environment, outside the checkout.

Nothing may be read from the repository at run time: the nomenclature and the template come from
the installed package. This is the path the README gives Windows users (`py -m venv`, `pip install`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "bkpsdm_purwakarta_2024" / "matriks.xlsx"
_NOT_SOURCE = (".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "out")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """A fresh venv with the project's wheel and its dependencies, and a work folder beside it."""
    base = tmp_path_factory.mktemp("install")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    # A copy of the sources, so that the build neither writes into the checkout nor picks up a
    # stale build/ folder there.
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*_NOT_SOURCE))
    dist = base / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(source)],
        base,
        env,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("pokin_xl-*.whl")
    target = base / "venv"
    venv.create(target, with_pip=True)
    python = target / ("Scripts" if os.name == "nt" else "bin") / "python"
    done = _run([str(python), "-m", "pip", "install", "-q", str(wheel)], base, env)
    assert done.returncode == 0, done.stderr
    work = base / "kerja"
    work.mkdir()
    return python, work, env


def test_installed_package_is_not_the_checkout(installed) -> None:
    python, work, env = installed
    where = _run([str(python), "-c", "import pokin_xl; print(pokin_xl.__file__)"], work, env)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).resolve().is_relative_to(python.parent.parent.resolve())


def test_version_template_validate_build_from_the_wheel(installed) -> None:
    python, work, env = installed
    script = python.parent / ("pokin-xl.exe" if os.name == "nt" else "pokin-xl")

    version = _run([str(script), "--version"], work, env)
    assert version.returncode == 0
    assert version.stdout.strip().startswith("pokin-xl ")

    template = _run([str(script), "template"], work, env)
    assert template.returncode == 0, template.stderr
    assert (work / "Matriks_Peran_Hasil.xlsx").is_file()

    shutil.copy(SAMPLE, work / "matriks.xlsx")
    checked = _run([str(python), "-m", "pokin_xl", "validate", "matriks.xlsx"], work, env)
    assert checked.returncode == 1, checked.stderr  # the sample holds real error findings
    assert "N002" in checked.stdout  # the nomenclature came with the package

    built = _run([str(script), "build", "matriks.xlsx", "--quiet"], work, env)
    assert built.returncode == 1, built.stderr
    assert (work / "matriks_cascading.xlsx").stat().st_size > 0
    assert "Traceback" not in built.stderr + checked.stderr + template.stderr
