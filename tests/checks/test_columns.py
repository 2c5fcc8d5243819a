"""per_distinct and flags: `map` of a function, worked out once per distinct value, for every
kind of column (the text core's column forms for normalise and clean give the same answers)."""

import math

import numpy as np
import pandas as pd
import pytest

from pokin_xl.checks.columns import flags, per_distinct
from pokin_xl.model.text import clean, is_blank, normalise

COLUMNS = [
    pd.Series(["Kabid SDM", None, "kabid  sdm", "Kabid SDM", "", " x "], dtype="str"),
    pd.Series(["a", pd.NA, "b", "a"], dtype="string"),
    pd.Series(["a", None, 1, 1.0, True, math.nan, pd.NA, "  "], dtype=object),
    pd.Series([1, None, 2, 1], dtype="Int64"),
    pd.Series([True, False, True]),
    pd.Series([], dtype="str"),
    pd.Series(["x", "y", "x"], dtype="category"),
]
FUNCTIONS = [normalise, clean, is_blank, lambda value: f"<{value!r}>"]


def _plain(series, fn):
    """Each cell's answer: a missing cell (None, NaN, NA) is fn(None)."""
    return [fn(None if pd.isna(value) else value) for value in series.tolist()]


@pytest.mark.parametrize("series", COLUMNS)
@pytest.mark.parametrize("fn", FUNCTIONS)
def test_per_distinct_is_fn_of_each_cell(series, fn):
    result = per_distinct(series, fn)
    assert result.dtype == object and result.index.equals(series.index)
    if series.dtype != object:  # an object column folds 1, 1.0 and True into one value
        assert result.tolist() == _plain(series, fn)


@pytest.mark.parametrize("series", COLUMNS)
def test_flags_is_a_boolean_column_of_the_predicate(series):
    result = flags(series, lambda value: clean(value) != "")
    assert result.dtype == bool and result.index.equals(series.index)
    if series.dtype != object:
        assert result.tolist() == [clean(v) != "" for v in _plain(series, lambda v: v)]


def test_fn_is_called_once_per_distinct_value_and_once_for_missing_cells():
    calls = []
    series = pd.Series(["a", "b", None, "a", np.nan, "b"], dtype="str", index=[5, 6, 7, 8, 9, 10])
    result = per_distinct(series, lambda value: calls.append(value) or str(value).upper())
    assert calls == ["a", "b", None]
    assert result.tolist() == ["A", "B", "NONE", "A", "NONE", "B"]
