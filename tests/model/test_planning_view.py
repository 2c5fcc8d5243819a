"""model.planning_view: a planning table laid out as the matriks frames the T and N rules read.

Each indicator row must carry its own item (code, level, name) and the chosen period's target;
the items come from one lookup built once, not a search of the item frame per indicator."""

from __future__ import annotations

from pathlib import Path

from pokin_xl.model.levels import Tingkat
from pokin_xl.model.planning_view import planning_view
from pokin_xl.readers.renstra import read_renstra
from pokin_xl.readers.renstra.year import choose_period
from tests.renstra_builders import UNCASCADED_SUB_KEGIATAN, renstra_rows, write_renstra


def _view(tmp_path: Path, rows: list[list[object]], year: int = 2024):
    renstra = read_renstra(write_renstra(tmp_path / "renstra.xlsx", rows))
    chosen = choose_period(renstra, year)
    return planning_view(renstra, chosen.period, chosen.year)


def test_each_indicator_carries_its_own_item(tmp_path: Path) -> None:
    view = _view(tmp_path, renstra_rows(extra=[UNCASCADED_SUB_KEGIATAN]))
    indicators = view.indicators.frame
    got = [
        (row["kode"], row["tingkat"], row["sasaran"], row["indikator"])
        for _, row in indicators.iterrows()
    ]
    assert got == [
        (
            "x.xx.01",
            Tingkat.SASARAN_PROGRAM.label,
            "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            "Persentase layanan administrasi yang tepat waktu",
        ),
        (
            "x.xx.01.2.06",
            Tingkat.SASARAN_KEGIATAN.label,
            "Administrasi Umum Perangkat Daerah",
            "Persentase administrasi umum yang terpenuhi",
        ),
        (
            "x.xx.01.2.06.0002",
            Tingkat.SASARAN_SUB_KEGIATAN.label,
            "Penyediaan Peralatan dan Perlengkapan Kantor",
            "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan",
        ),
        (
            "x.xx.01.2.06.0005",
            Tingkat.SASARAN_SUB_KEGIATAN.label,
            "Penyediaan Barang Cetakan dan Penggandaan",
            "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan",
        ),
    ]
    assert list(view.nodes.frame["kode_induk"]) == ["", "x.xx.01", "x.xx.01.2.06", "x.xx.01.2.06"]


def test_the_chosen_period_gives_the_targets_and_pagu(tmp_path: Path) -> None:
    first = _view(tmp_path, renstra_rows(), year=2024)
    second = _view(tmp_path, renstra_rows(), year=2025)
    assert list(first.indicators.frame["target_value"])[-1] == 6
    assert list(second.indicators.frame["target_value"])[-1] == 7
    assert list(first.nodes.frame["pagu_value"])[-1] == 1000
    assert list(second.nodes.frame["pagu_value"])[-1] == 1100


def test_a_code_written_twice_names_each_item_by_its_row(tmp_path: Path) -> None:
    twice = list(UNCASCADED_SUB_KEGIATAN)
    twice[0] = "x.xx.01.2.06.0002"  # the same code as the row above, another item
    view = _view(tmp_path, renstra_rows(extra=[twice]))
    indicators = view.indicators.frame
    last_two = indicators.iloc[-2:]
    assert list(last_two["kode"]) == [f"baris {row}" for row in last_two.index]
    assert list(last_two["sasaran"]) == [
        "Penyediaan Peralatan dan Perlengkapan Kantor",
        "Penyediaan Barang Cetakan dan Penggandaan",
    ]
