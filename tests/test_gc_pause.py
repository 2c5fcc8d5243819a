"""Memory between stages: the checks' bounded per-text memos are emptied before writing; the
tables loaded once (unbounded caches) stay."""

from __future__ import annotations

from pokin_xl.gc_pause import release_memos
from pokin_xl.model import nomenclature, text


def test_release_memos_empties_per_text_memos_and_keeps_loaded_tables() -> None:
    text.normalise("Persentase Pegawai yang Mengikuti Diklat")
    text.clean("Persentase Pegawai yang Mengikuti Diklat")
    nomenclature.load_nomenclature()
    assert len(text._memos().expanded) > 0
    assert text._clean_text.cache_info().currsize > 0
    loaded = nomenclature.load_nomenclature.cache_info().currsize
    assert loaded > 0

    assert release_memos() > 0

    assert len(text._memos().expanded) == 0 and len(text._memos().keys) == 0
    assert text._clean_text.cache_info().currsize == 0
    assert nomenclature.load_nomenclature.cache_info().currsize == loaded
    assert text.normalise("Persentase Pegawai  yang Mengikuti Diklat") == text.normalise(
        "persentase pegawai yang mengikuti diklat"
    )
