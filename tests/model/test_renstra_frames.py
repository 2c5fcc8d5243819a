"""The Renstra frames and the reconcile pairs frame: strict, non-coercing models, checked where the
reader and the comparison return; a frame that breaks its model is an internal error (exit 3)."""

from __future__ import annotations

import pandas as pd
import pytest

from pokin_xl.model.frames import FrameContractError, conform, empty_frame
from pokin_xl.model.reconciliation import ReconcilePairsFrame
from pokin_xl.model.renstra import RenstraIndicatorsFrame, RenstraNodesFrame
from pokin_xl.readers.renstra import read_renstra
from pokin_xl.reconcile import reconcile
from tests.builders import chain, write_matriks
from tests.conftest import ROOT
from tests.renstra_builders import renstra_rows, write_renstra

SAMPLE = ROOT / "samples" / "bkpsdm_purwakarta_2024"


def _renstra(tmp_path):
    return read_renstra(write_renstra(tmp_path / "renstra.xlsx", renstra_rows()))


def test_the_renstra_reader_returns_frames_its_models_accept(tmp_path):
    wb = _renstra(tmp_path)
    periods = list(wb.periods)
    assert len(periods) >= 2
    for frame, model in (
        (wb.nodes.frame, RenstraNodesFrame),
        (wb.indicators.frame, RenstraIndicatorsFrame),
    ):
        conform(frame, model)
        # every declared column is there, the per-period ones once per period
        assert set(empty_frame(model, periods).columns) == set(frame.columns)


def test_a_summary_table_repeats_rows_and_still_conforms_row_for_row(tmp_path):
    wb = read_renstra(SAMPLE / "renstra.xlsx")  # Tabel 2.1: tujuan, sasaran, program on one row
    for frame, model in (
        (wb.nodes.frame, RenstraNodesFrame),
        (wb.indicators.frame, RenstraIndicatorsFrame),
    ):
        assert frame.index.has_duplicates
        assert conform(frame, model).equals(frame)


@pytest.mark.parametrize("model", [RenstraNodesFrame, RenstraIndicatorsFrame])
@pytest.mark.parametrize("periods", [(), (1, 2)])
def test_empty_renstra_frames_have_the_models_columns(model, periods):
    frame = empty_frame(model, periods)
    assert conform(frame, model).empty
    assert ("target_2" in frame.columns or "pagu_2" in frame.columns) == bool(periods)


def test_a_number_in_a_text_column_a_bad_source_and_an_extra_column_break_the_contract(tmp_path):
    wb = _renstra(tmp_path)
    indicators = wb.indicators.frame.astype({"satuan": object})
    indicators.loc[indicators.index[0], "satuan"] = 12.0
    with pytest.raises(FrameContractError, match="satuan"):
        conform(indicators, RenstraIndicatorsFrame)
    nodes = wb.nodes.frame.copy()
    nodes.loc[nodes.index[0], "pagu_src_1"] = "tebakan"
    with pytest.raises(FrameContractError, match="pagu_src_1"):
        conform(nodes, RenstraNodesFrame)
    with pytest.raises(FrameContractError, match="extra"):
        conform(wb.nodes.frame.assign(extra=""), RenstraNodesFrame)
    floats = wb.nodes.frame.astype({"pagu_1": object})  # not coerced back to Float64
    with pytest.raises(FrameContractError, match="pagu_1"):
        conform(floats, RenstraNodesFrame)


def test_the_pairs_frame_has_its_models_columns_and_types(tmp_path):
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    b = write_renstra(tmp_path / "renstra.xlsx", renstra_rows())
    rows = reconcile(a, b, tahun=2024).rows
    assert list(rows.columns) == list(ReconcilePairsFrame.to_schema().columns)
    assert len(rows) and rows["a_value"].dtype == "Float64"
    missing = rows.astype({"a_pagu": object})
    missing.loc[missing.index[0], "a_pagu"] = None  # None, not <NA>: the type is not Float64
    with pytest.raises(FrameContractError, match="a_pagu"):
        conform(missing, ReconcilePairsFrame)
    with pytest.raises(FrameContractError, match="status"):
        conform(rows.assign(status=""), ReconcilePairsFrame)


def test_a_broken_renstra_frame_is_an_internal_error_of_the_cli(tmp_path, monkeypatch):
    from pokin_xl.readers import renstra
    from tests.cli_runner import run_cli

    def broken(frame: pd.DataFrame, model):
        raise FrameContractError("frame renstra_indicators tidak sesuai modelnya: uji")

    monkeypatch.setattr(renstra, "conform", broken)
    a = write_matriks(tmp_path / "matriks.xlsx", chain())
    b = write_renstra(tmp_path / "renstra.xlsx", renstra_rows())
    result = run_cli("reconcile", a, b, "--tahun", "2024")
    assert result.code == 3
    assert "laporkan" in result.err.lower() and "Traceback" not in result.err
