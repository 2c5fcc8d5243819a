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
