"""Damaged workbooks end in one message and exit 2 (or read as they are), never in a failure of
pokin-xl itself: a seeded sample of scripts/mutate_parts.py's mutants, run in this process."""

from __future__ import annotations

import random
import zipfile
from itertools import islice
from pathlib import Path

import pytest

from scripts.mutate_parts import mutants, mutate, run, trouble
from tests.conftest import real_file

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "bkpsdm_purwakarta_2024"


def test_mutate_is_seeded_and_changes_the_bytes():
    with zipfile.ZipFile(SAMPLE / "matriks.xlsx") as archive:
        data = archive.read("xl/sharedStrings.xml")
    first = [mutate(data, random.Random(7)) for _ in range(2)]
    assert first[0] == first[1]
    assert sum(mutate(data, random.Random(seed)) != data for seed in range(20)) >= 18


def _assert_never_internal(source: Path, folder: Path, count: int) -> None:
    for number, data in enumerate(islice(mutants(source, random.Random(2026)), count)):
        path = folder / f"rusak_{number}{source.suffix}"
        path.write_bytes(data)
        command = ["validate", str(path), "--format", "json"]
        code, out, err, seconds = run(command)
        assert not trouble(command, code, out, err, seconds, slow=float("inf")), (
            path.name,
            err,
            out[:300],
        )


@pytest.mark.parametrize("name", ["matriks.xlsx", "renstra.xlsx"])
def test_damaged_xml_parts_never_fail_pokin_xl_itself(tmp_path, name):
    _assert_never_internal(SAMPLE / name, tmp_path, 40)


def test_a_damaged_legacy_xls_never_fails_pokin_xl_itself(tmp_path):
    """xlrd parses a sheet when it is asked for, and fails on damage with KeyError, struct.error,
    OverflowError...: 21 of 300 such mutants were internal errors before readers/xls said them."""
    source = real_file("real", "andri000me_renja_biro_perekonomian_lampiran.xls")
    _assert_never_internal(source, tmp_path, 60)
