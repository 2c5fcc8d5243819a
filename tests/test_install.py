"""Installed as a planning office would: a wheel into a new virtual environment, outside the checkout.

Nothing may be read from the repository at run time: the nomenclature and the template come from
the installed package. This is the path the README gives Windows users (`py -m venv`, `pip install`).

The dependencies are not downloaded and unpacked again (that was 30 s of every CI run): the new
venv sees exactly the distributions the wheel's metadata requires, and what they require in turn,
linked from the test environment. A module the package imports without declaring it is missing
there, as it would be after `pip install`.
"""

from __future__ import annotations

import importlib.metadata as metadata
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from packaging.requirements import Requirement

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
    venv.create(target, with_pip=False)
    python = target / ("Scripts" if os.name == "nt" else "bin") / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps"]
    done = _run([*pip, str(wheel)], base, env)
    assert done.returncode == 0, done.stderr
    _link_dependencies(wheel, python, base / "dependencies")
    work = base / "kerja"
    work.mkdir()
    return python, work, env


def _requirements_of(wheel: Path) -> list[Requirement]:
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(name).decode()
    lines = re.findall(r"^Requires-Dist: (.+)$", text, flags=re.MULTILINE)
    return [r for r in map(Requirement, lines) if r.marker is None or r.marker.evaluate()]


def _closure(requirements: list[Requirement]) -> set[str]:
    """The distributions pip would install for `requirements` (extras followed), by name."""
    found: dict[str, set[str]] = {}
    todo = list(requirements)
    while todo:
        wanted = todo.pop()
        key = re.sub(r"[-_.]+", "-", wanted.name).lower()
        if key in found and wanted.extras <= found[key]:
            continue
        found.setdefault(key, set()).update(wanted.extras)
        for line in metadata.distribution(wanted.name).requires or []:
            needed = Requirement(line)
            extras = wanted.extras or {""}
            if needed.marker is None or any(needed.marker.evaluate({"extra": e}) for e in extras):
                todo.append(needed)
    return set(found)


def _link_dependencies(wheel: Path, python: Path, folder: Path) -> None:
    """Each top-level entry (packages, modules, .libs, .dist-info) of every distribution of the
    wheel's closure, linked into `folder`, which the new venv reads through a .pth file."""
    folder.mkdir()
    for name in _closure(_requirements_of(wheel)):
        dist = metadata.distribution(name)
        tops = {Path(f).parts[0] for f in dist.files or [] if not str(f).startswith("..")}
        for top in tops:
            source = Path(dist.locate_file(top))
            if source.exists() and not (folder / top).exists():
                (folder / top).symlink_to(source, target_is_directory=source.is_dir())
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        folder,
        {},
    )
    Path(site.stdout.strip(), "pokin_dependencies.pth").write_text(f"{folder}\n")


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


def test_an_undeclared_dependency_is_missing_from_the_installed_venv(installed) -> None:
    """pytest is in the test environment but not among the package's dependencies."""
    python, work, env = installed
    probe = _run([str(python), "-c", "import pandas, pandera, openpyxl; import pytest"], work, env)
    assert "No module named 'pytest'" in probe.stderr, probe.stdout + probe.stderr
