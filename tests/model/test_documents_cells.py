"""model/documents reads a node's level and pagu with a quick missing-cell test: it must agree
with pd.isna on every kind of value a frame hands over."""

import math

import numpy as np
import pandas as pd
import pytest

from pokin_xl.model.documents import _missing, _number

VALUES = [None, 1, 0, -3, 1.5, math.nan, np.nan, pd.NA, pd.NaT, np.float64("nan"), np.float64(2)]
VALUES += [np.int64(3), "x", "", True, False]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_missing_is_pd_isna(value):
    assert _missing(value) == bool(pd.isna(value))


def test_number():
    assert _number(None) is None and _number(math.nan) is None and _number(pd.NA) is None
    assert _number(2) == 2.0 and type(_number(2)) is float
    assert type(_number(np.float64(2.5))) is float
