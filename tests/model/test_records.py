import math

import numpy as np
import pandas as pd
import pytest

from pokin_xl.model.records import records, records_by_row


def _frame() -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "kode": pd.Series(["1", "1.10", None], dtype="str"),
            "level": pd.Series([1, None, 3], dtype="Int64"),
            "pagu": pd.Series([1.5, None, 2.0], dtype="Float64"),
            "flag": pd.Series([True, None, False], dtype="boolean"),
            "plain": [1.0, float("nan"), 3.0],
            "count": [1, 2, 3],
            "mixed": pd.Series([np.int64(4), "x", np.float64(2.5)], dtype=object),
        }
    )
    frame.index = pd.Index([5, 7, 9], name="row")
    return frame


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


def test_records_are_what_to_dict_gives_value_for_value_and_type():
    frame = _frame()
    expected = frame.to_dict("records")
    got = records(frame)
    assert [list(r) for r in got] == [list(r) for r in expected]
    assert all(_same(e[k], g[k]) for e, g in zip(expected, got, strict=True) for k in e)


def test_records_by_row_keys_by_excel_row_like_to_dict_index():
    frame = _frame()
    got = records_by_row(frame, ["kode", "level"])
    assert list(got) == [5, 7, 9] and all(type(k) is int for k in got)
    assert got[7] == {"kode": "1.10", "level": None}
    assert records(frame.iloc[:0]) == [] and records(frame[[]]) == [{}, {}, {}]


def test_records_by_row_refuses_a_repeated_row_as_to_dict_does():
    frame = _frame()
    repeated = frame.set_axis([5, 7, 7])
    with pytest.raises(ValueError):
        repeated.to_dict("index")
    with pytest.raises(ValueError):
        records_by_row(repeated)
