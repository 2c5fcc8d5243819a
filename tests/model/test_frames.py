"""The frames' contracts: one strict, non-coercing model per frame, checked where the reader returns."""

import pandas as pd
import pytest

from pokin_xl.errors import InternalError
from pokin_xl.model.frames import (
    FrameContractError,
    KinerjaFrame,
    NodesFrame,
    PegawaiFrame,
    conform,
    empty_frame,
)
from tests.builders import chain, read


def test_the_reader_returns_frames_its_models_accept(tmp_path):
    wb = read(tmp_path, chain())
    for frame, model in (
        (wb.pegawai.frame, PegawaiFrame),
        (wb.indicators.frame, KinerjaFrame),
        (wb.nodes.frame, NodesFrame),
    ):
        assert list(frame.columns) == list(model.to_schema().columns)
        conform(frame, model)


@pytest.mark.parametrize("model", [PegawaiFrame, KinerjaFrame, NodesFrame])
def test_empty_frames_have_the_models_columns_and_types(model):
    assert conform(empty_frame(model), model).empty


def test_a_float_nip_is_refused_not_coerced_to_text(tmp_path):
    frame = read(tmp_path, chain()).pegawai.frame.astype(object)
    frame.loc[frame.index[0], "nip"] = 1.96708291995031e17
    with pytest.raises(FrameContractError, match="nip"):
        conform(frame, PegawaiFrame)


def test_a_level_out_of_range_an_unknown_jenis_and_an_extra_column_break_the_contract(tmp_path):
    wb = read(tmp_path, chain())
    nodes = wb.nodes.frame.copy()
    nodes.loc[nodes.index[0], "level"] = 9
    with pytest.raises(FrameContractError, match="level"):
        conform(nodes, NodesFrame)
    pegawai = wb.pegawai.frame.copy()
    pegawai.loc[pegawai.index[0], "jenis"] = "Eselon II"
    with pytest.raises(FrameContractError, match="jenis"):
        conform(pegawai, PegawaiFrame)
    with pytest.raises(FrameContractError, match="extra"):
        conform(wb.indicators.frame.assign(extra=1), KinerjaFrame)
    assert issubclass(FrameContractError, InternalError)


def test_a_contract_failure_is_an_internal_error_of_the_cli(tmp_path, monkeypatch):
    from pokin_xl.readers import matriks
    from tests.builders import write_matriks
    from tests.cli_runner import run_cli

    def broken(frame: pd.DataFrame, model):
        raise FrameContractError("frame nodes tidak sesuai modelnya: uji")

    monkeypatch.setattr(matriks, "conform", broken)
    path = write_matriks(tmp_path / "m.xlsx", chain())
    result = run_cli("validate", path)
    assert result.code == 3
    assert "laporkan" in result.err.lower() and "Traceback" not in result.err


def _verdict(frame: pd.DataFrame, annotation: type) -> object:
    """What pandera says of column `a` declared as Series[annotation], non-nullable, strict."""
    import pandera.pandas as pa
    from pandera.typing import Index, Series

    class One(pa.DataFrameModel):
        row: Index[int] = pa.Field(check_name=False)
        a: Series[annotation] = pa.Field(nullable=False)  # type: ignore[valid-type]

        class Config:
            strict = True
            coerce = False

    try:
        One.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        return sorted(
            zip(*(cases[c].astype(str) for c in ("check", "failure_case", "index")), strict=True)
        )
    return "ok"


@pytest.mark.parametrize(
    "values",
    [
        pd.Series(["x", ""]),  # pandas' string dtype: the shortcut
        pd.Series(["x", ""], dtype=object),
        pd.Series(["x", 3], dtype=object),
        pd.Series(["x", None]),
        pd.Series([1.0, 2.0]),
        pd.Series([1, 2]),
        pd.Series([True, False]),
        pd.Series(["x", "y"], dtype=pd.StringDtype("python")),
    ],
)
def test_text_columns_are_checked_as_str_columns_are(values):
    """Text (the text columns' type in the models) is `str` with a shortcut for a column of
    pandas' string dtype: every verdict and failure case is the one `str` gives."""
    from pokin_xl.model.frames import Text

    frame = pd.DataFrame({"a": values}, index=pd.RangeIndex(2, 4, name="row"))
    assert _verdict(frame, Text) == _verdict(frame, str)


def _broken_frames(tmp_path) -> list[tuple[pd.DataFrame, type]]:
    wb = read(tmp_path, chain())
    nodes, pegawai, kinerja = wb.nodes.frame, wb.pegawai.frame, wb.indicators.frame
    first = nodes.index[0]
    return [
        (nodes.assign(level=nodes["level"].where(nodes.index != first, 9)), NodesFrame),
        (
            nodes.assign(kode=nodes["kode"].where(nodes.index != first, nodes["kode"].iloc[-1])),
            NodesFrame,
        ),
        (nodes.drop(columns=["pengampu"]), NodesFrame),
        (pegawai.astype(object).assign(nip=1.5e17), PegawaiFrame),
        (pegawai.assign(jenis="Eselon II"), PegawaiFrame),
        (kinerja.assign(extra=1), KinerjaFrame),
        (kinerja.assign(target_value=kinerja["target_value"].astype(object)), KinerjaFrame),
        (kinerja.assign(satuan=None), KinerjaFrame),
        (kinerja.assign(node_row=kinerja["node_row"].astype(float)), KinerjaFrame),
    ]


def test_conform_fails_as_pandera_with_its_default_settings(tmp_path):
    """conform validates in place, with pandera's lookups of absent packages cut short: the
    same verdicts and failure cases as a plain `validate` (which copies the frame), and the
    frame it was given is left as it was."""
    from pandera.errors import SchemaErrors

    for frame, model in _broken_frames(tmp_path):
        before = frame.copy()
        declared = [c for c in model.to_schema().columns if c in frame.columns]
        ordered = frame[[*declared, *(c for c in frame.columns if c not in declared)]]
        with pytest.raises(SchemaErrors) as plain:
            model.validate(ordered, lazy=True)
        with pytest.raises(FrameContractError) as ours:
            conform(frame, model)
        cases = ours.value.__cause__.failure_cases
        pd.testing.assert_frame_equal(cases, plain.value.failure_cases)
        pd.testing.assert_frame_equal(frame, before)


def test_conform_returns_an_accepted_frame_as_given_but_never_the_given_object(tmp_path):
    wb = read(tmp_path, chain())
    for frame, model in (
        (wb.pegawai.frame, PegawaiFrame),
        (wb.indicators.frame, KinerjaFrame),
        (wb.nodes.frame, NodesFrame),
    ):
        accepted = conform(frame, model)
        assert accepted is not frame
        pd.testing.assert_frame_equal(accepted, frame)
