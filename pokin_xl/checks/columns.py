"""Column helpers for the checks: a function of one cell, worked out once per distinct value.

A Kinerja sheet repeats its units, levels, kinds and names thousands of times; the checks choose
the rows that may raise a finding with column operations built from these, so that their Python
loops run only over those rows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from pokin_xl.model.text import clean, clean_all, normalise, normalise_all


def per_distinct(series: pd.Series, fn: Callable[[object], object]) -> pd.Series:
    """`series.map(fn)`, with `fn` called once per distinct value.

    Missing cells (None, NaN, pd.NA) are one value and get `fn(None)`; values Python calls equal
    (1, 1.0, True) are one value too, so use it on text columns. `normalise` and `clean` are
    applied to the distinct values as one column (`normalise_all`, `clean_all`).
    """
    codes, values = _distinct(series)
    if fn is normalise:
        results: list[object] = normalise_all(values)  # type: ignore[assignment]
    elif fn is clean:
        results = clean_all(values)  # type: ignore[assignment]
    else:
        results = list(map(fn, values))
    results.append(fn(None))  # code -1 (the last): a missing cell
    table = np.fromiter(results, dtype=object, count=len(results))
    return pd.Series(table[codes], index=series.index, dtype=object)


def flags(series: pd.Series, predicate: Callable[[object], object]) -> pd.Series:
    """A boolean column: `bool(predicate(value))`, worked out once per distinct value."""
    codes, values = _distinct(series)
    values.append(None)
    table = np.fromiter((bool(predicate(value)) for value in values), dtype=bool, count=len(values))
    return pd.Series(table[codes], index=series.index, dtype=bool)


def _distinct(series: pd.Series) -> tuple[np.ndarray, list[object]]:
    """Each cell's code (-1 for a missing one) and the distinct values, in order of appearance.

    A text column is factorised as the object array it holds: that skips building the distinct
    values again as a string array (a third of the time on a 20k-row column).
    """
    values = series.to_numpy() if isinstance(series.dtype, pd.StringDtype) else series
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, uniques.tolist()
