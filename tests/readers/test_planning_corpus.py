"""The planning-table reader on a corpus of realistic agency layouts (tests/planning_corpus.py):
the acceptance bars of issue 8, per table and over the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from pokin_xl.errors import InputError
from pokin_xl.inspect import inspect_workbook
from tests.planning_corpus import FIXTURES, NON_TABLES, measure, numbering_cases


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("corpus")
    return {fixture.name: measure(fixture, folder) for fixture in FIXTURES}


def test_the_corpus_covers_at_least_ten_layouts() -> None:
    assert len(FIXTURES) >= 10
    assert len({f.layout for f in FIXTURES}) == len(FIXTURES)


@pytest.mark.parametrize("name", [f.name for f in FIXTURES])
def test_year_and_columns_are_right_for_every_table(scores: dict, name: str) -> None:
    score = scores[name]
    assert score.year_ok, score.detail
    assert score.columns_ok, score.detail


@pytest.mark.parametrize("name", [f.name for f in FIXTURES])
def test_levels_and_parents_meet_the_bars_on_every_table(scores: dict, name: str) -> None:
    score = scores[name]
    assert score.levels >= 0.95, score.detail
    assert score.parents >= 0.90, score.detail


@pytest.mark.parametrize("name", [f.name for f in FIXTURES])
def test_every_non_item_row_is_listed_as_skipped(scores: dict, name: str) -> None:
    assert scores[name].skipped_ok, scores[name].detail


def test_the_measure_fails_a_wrong_reading(tmp_path: Path) -> None:
    """The harness itself can fail: a truth that disagrees with the reading scores below the bar."""
    fixture = FIXTURES[0]
    wrong = type(fixture)(**{**fixture.__dict__, "year": fixture.year + 1})
    original = wrong.build

    def shifted(path: Path) -> dict:
        truth = original(path)
        return {row: [("Program", None)] for row in truth}

    wrong.build = shifted
    score = measure(wrong, tmp_path)
    assert not score.year_ok
    assert score.levels < 0.95


@pytest.mark.parametrize(("name", "build"), NON_TABLES)
def test_non_tables_are_refused(tmp_path: Path, name: str, build) -> None:
    path = tmp_path / f"{name}.xlsx"
    build(path)
    with pytest.raises(InputError) as error:
        inspect_workbook(path)
    assert "bukan tabel perencanaan" in str(error.value)


def test_numbering_styles() -> None:
    for text, style in numbering_cases():
        assert _style(text) == style, text


def _style(text: str) -> str:
    from pokin_xl.readers.renstra.walk import numbering_style

    return numbering_style(text)
