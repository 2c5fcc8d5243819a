"""Damaged workbooks end in one message and exit 2 (or read as they are), never in a failure of
pokin-xl itself: a seeded sample of scripts/mutate_parts.py's mutants, run in this process."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from scripts.mutate_parts import mutate, run

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "bkpsdm_purwakarta_2024"


def test_mutate_is_seeded_and_changes_the_bytes():
    with zipfile.ZipFile(SAMPLE / "matriks.xlsx") as archive:
        data = archive.read("xl/sharedStrings.xml")
    first = [mutate(data, random.Random(7)) for _ in range(2)]
    assert first[0] == first[1]
    assert sum(mutate(data, random.Random(seed)) != data for seed in range(20)) >= 18


@pytest.mark.parametrize(
    ("name", "command"), [("matriks.xlsx", "validate"), ("renstra.xlsx", "validate")]
)
def test_damaged_parts_never_fail_pokin_xl_itself(tmp_path, name, command):
    rng = random.Random(2026)
    with zipfile.ZipFile(SAMPLE / name) as archive:
        names = archive.namelist()
        parts = {n: archive.read(n) for n in names}
    xml_parts = [n for n in names if n.endswith((".xml", ".rels"))]
    for number in range(40):
        changed = dict(parts)
        part = rng.choice(xml_parts)
        changed[part] = mutate(changed[part], rng)
        path = tmp_path / f"rusak_{number}.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            for n in names:
                archive.writestr(n, changed[n])
        code, stderr, _ = run([command, str(path)])
        assert code in (0, 1, 2) and "Traceback" not in stderr, (part, stderr)
