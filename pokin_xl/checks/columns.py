"""Column helpers for the checks: a function of one cell, worked out once per distinct value.

A Kinerja sheet repeats its units, levels, kinds and names thousands of times; the checks choose
the rows that may raise a finding with column operations built from these, so that their Python
loops run only over those rows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd


def per_distinct(series: pd.Series, fn: Callable[[object], object]) -> pd.Series:
    """`series.map(fn)`, with `fn` called once per distinct value.

    Missing cells (None, NaN, pd.NA) are one value and get `fn(None)`; values Python calls equal
    (1, 1.0, True) are one value too, so use it on text columns.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    values = [*uniques.tolist(), None]  # code -1 (the last): a missing cell
    results = np.fromiter(map(fn, values), dtype=object, count=len(values))
    return pd.Series(results[codes], index=series.index, dtype=object)


def flags(series: pd.Series, predicate: Callable[[object], object]) -> pd.Series:
    """A boolean column: `bool(predicate(value))`, worked out once per distinct value."""
    return per_distinct(series, lambda value: bool(predicate(value))).astype(bool)
