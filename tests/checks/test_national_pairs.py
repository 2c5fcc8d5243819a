"""The national nomenclature is the reference for its own (indicator, satuan) pairs.

T004 (satuan against what the wording counts), T005 (target stated in the wording) and N003
(satuan against the national list) must never contradict it: a document that copies a national
sub kegiatan's indicator and satuan exactly raises none of them. Where a document deviates from the
national pair, N003 (the one owner of that comparison) reports it.
"""

from pokin_xl.checks.nomenclature import check_nomenclature
from pokin_xl.checks.targets import check_targets
from pokin_xl.model.nomenclature import load_nomenclature
from pokin_xl.readers.matriks import read_matriks
from tests.builders import chain, row, sub_kegiatan, write_matriks

UNIT_RULES = {"T004", "T005", "N003"}


def _national_rows() -> list[dict[str, object]]:
    rows = []
    for number, entry in enumerate(load_nomenclature()):
        if entry.jenis != "sub_kegiatan" or not entry.indikator.strip():
            continue
        for coded in (True, False):
            rows.append(
                row(
                    kode=f"N{number}{'K' if coded else 'W'}",
                    kode_induk="SK1",
                    tingkat="Sasaran Sub Kegiatan",
                    unit_kerja="Sekretariat",
                    sasaran=f"Terlaksananya {entry.nama}",
                    kode_nomenklatur=entry.kode if coded else None,
                    nomenklatur=entry.nama if coded else None,
                    indikator=entry.indikator,
                    target=1,
                    satuan=entry.satuan,
                    pengampu="Kasubag Contoh",
                )
            )
    return rows


def test_every_national_pair_passes_t004_t005_and_n003(tmp_path):
    rows = _national_rows()
    assert len(rows) > 6000  # 3,395 national sub kegiatan with an indicator, coded and not
    workbook = read_matriks(write_matriks(tmp_path / "nasional.xlsx", [*chain(), *rows]))
    found = [f for f in check_targets(workbook) + check_nomenclature(workbook)]
    fired = [(f.code, f.cell, f.message) for f in found if f.code in UNIT_RULES]
    assert fired == []


def test_a_national_wording_in_another_unit_is_n003_not_t004(tmp_path):
    # National: 'Jumlah Paket Mebel yang Disediakan' in Unit. Written in Paket, without a code.
    rows = [
        *chain(),
        sub_kegiatan("M1", "Tersedianya mebel", "Jumlah Paket Mebel yang Disediakan", 2, "Paket"),
    ]
    workbook = read_matriks(write_matriks(tmp_path / "m.xlsx", rows))
    found = [(f.code, f.cell) for f in check_targets(workbook) + check_nomenclature(workbook)]
    assert found == [("N003", "J7")]


def test_t004_still_owns_wordings_the_national_list_does_not_have(tmp_path):
    rows = [
        *chain(),
        sub_kegiatan(
            "M1", "Tersusunnya dokumen", "Jumlah Dokumen Rencana Mutasi Pegawai", 2, "Orang"
        ),
    ]
    workbook = read_matriks(write_matriks(tmp_path / "m.xlsx", rows))
    found = [(f.code, f.cell) for f in check_targets(workbook) + check_nomenclature(workbook)]
    assert found == [("T004", "J7")]


def test_seed_sample_unit_findings(sample_dir):
    workbook = read_matriks(sample_dir / "matriks.xlsx")
    found = check_targets(workbook) + check_nomenclature(workbook)
    units = sorted((f.code, f.cell) for f in found if f.code in UNIT_RULES)
    # J41 'Jumlah Paket Mebel yang Disediakan' in Unit is the national pair: nothing.
    # J73 Dokumen where the national sub kegiatan counts Laporan; J75 a national indicator
    # ('Jumlah Dokumen Hasil kegiatan ... Pemberhentian') in Orang: N003 only, no second T004.
    assert units == [("N003", "J73"), ("N003", "J75")]
