"""Coverage figures (pure, over frames) and the LKE pre-checks built on them."""

from __future__ import annotations

import pytest

from pokin_xl.checks.coverage import coverage
from pokin_xl.checks.lke import lke_prechecks
from pokin_xl.checks.owners import check_owners
from pokin_xl.model.people import Directory
from tests.builders import chain, changed, read, sub_kegiatan


def test_a_consistent_chain_is_fully_covered(tmp_path):
    figures = coverage(read(tmp_path, chain()))
    assert figures == {
        "sasaran_berpengampu": 1.0,
        "sasaran_dicascade": 1.0,
        "indikator_target_satuan": 1.0,
        "sub_kegiatan_nomenklatur": 1.0,
        "jabatan_bersasaran": pytest.approx(1.0),
        "pagu_total": 1000.0,
    }


def test_each_gap_lowers_its_own_figure(tmp_path):
    rows = [
        *changed(pengampu="", kode_nomenklatur="", pagu=250),
        sub_kegiatan("SSK2", "Tersedianya laporan", "Jumlah Laporan keuangan", target=None),
    ]
    figures = coverage(read(tmp_path, rows))
    assert figures["sasaran_berpengampu"] == pytest.approx(4 / 5)  # SS, SP, SK, SSK1, SSK2
    assert figures["indikator_target_satuan"] == pytest.approx(5 / 6)
    assert figures["sub_kegiatan_nomenklatur"] == 0.0  # SSK1 lost its code, SSK2 never had one
    assert figures["sasaran_dicascade"] == 1.0
    assert figures["pagu_total"] == 250.0  # summed at the sub kegiatan level only


def test_a_kegiatan_not_cascaded_and_no_pagu(tmp_path):
    rows = [{**r, "Pagu (Rp)": None} for r in chain()[:4]]  # up to the Sasaran Kegiatan
    figures = coverage(read(tmp_path, rows))
    assert figures["sasaran_dicascade"] == 0.5
    assert figures["sub_kegiatan_nomenklatur"] is None
    assert figures["pagu_total"] is None


def _finding(code: str, tingkat: str = "Sasaran Sub Kegiatan") -> dict[str, str]:
    return {"code": code, "tingkat": tingkat}


def test_prechecks_state_criteria_and_answer_from_findings():
    levels = {"Tujuan": 1, "Sasaran Strategis": 1}
    full = {"jabatan_bersasaran": 1.0}
    clean = {p.code: p for p in lke_prechecks([], full, levels, renstra_given=False)}
    assert [p.status for p in clean.values()] == [
        "memenuhi",
        "memenuhi",
        "memenuhi",
        "memenuhi",
        "tidak dapat dinilai",
    ]
    assert all(p.criterion for p in clean.values())
    findings = [
        _finding("T001"),  # below Sasaran Strategis: not LKE-1's business
        _finding("S004"),
        _finding("S002"),
        _finding("R002"),
        _finding("H007"),
    ]
    answered = {p.code: p for p in lke_prechecks(findings, full, levels, renstra_given=True)}
    assert answered["LKE-1"].status == "memenuhi"
    assert [answered[c].status for c in ("LKE-2", "LKE-3", "LKE-4", "LKE-5")] == [
        "belum memenuhi"
    ] * 4
    top = lke_prechecks([_finding("T001", "Tujuan")], full, levels, renstra_given=False)
    assert top[0].status == "belum memenuhi"
    partly = lke_prechecks([], {"jabatan_bersasaran": 0.5}, levels, renstra_given=False)
    assert partly[3].status == "belum memenuhi" and "50%" in partly[3].detail


def test_coverage_and_the_owner_checks_share_one_directory(tmp_path, monkeypatch):
    """rekap runs both on a workbook: its Pegawai sheet is indexed once (Directory.of)."""
    workbook = read(tmp_path, chain())
    built = []
    build = Directory.__init__

    def counted(self, *args):
        built.append(args)
        build(self, *args)

    monkeypatch.setattr(Directory, "__init__", counted)
    figures = coverage(workbook)
    check_owners(workbook)
    assert len(built) == 1
    assert figures["jabatan_bersasaran"] == pytest.approx(1.0)
