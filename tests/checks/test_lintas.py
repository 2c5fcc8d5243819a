"""Checks across agencies (L001-L005) over extracts of workbooks built in code."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pokin_xl.checks.lintas import (
    MAX_PARTNERS,
    Region,
    check_lintas,
    extract,
    regional_from_matriks,
    regional_from_renstra,
)
from pokin_xl.readers.matriks import read_matriks
from pokin_xl.readers.renstra import read_renstra
from tests.builders import row, shared_ss, write_agency, write_matriks

DINKES = "Dinas Kesehatan (Dinkes)"
DP3A = "Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A)"


def _extracts(tmp_path: Path, *agencies: tuple[str, list]) -> list:
    return [
        extract(read_matriks(write_agency(tmp_path, f"a{i}.xlsx", name, rows)))
        for i, (name, rows) in enumerate(agencies)
    ]


def _codes(findings) -> list[tuple[str, str]]:
    return sorted((f.code, f.file) for f in findings)


def test_crosscutting_listed_by_both_sides_is_info(tmp_path):
    findings = check_lintas(
        _extracts(
            tmp_path,
            (DINKES, [shared_ss(keterangan="Crosscutting dengan DP3A")]),
            (DP3A, [shared_ss(keterangan="bersama Dinas Kesehatan")]),
        )
    )
    assert _codes(findings) == [("L001", "a0.xlsx"), ("L001", "a1.xlsx")]
    assert findings[0].cell == "E7" and findings[0].kode == "SS2"


def test_crosscutting_listed_by_one_side_is_a_warning_on_both(tmp_path):
    findings = check_lintas(
        _extracts(
            tmp_path,
            (DINKES, [shared_ss(keterangan="Crosscutting dengan DP3A")]),
            (DP3A, [shared_ss()]),
        )
    )
    assert _codes(findings) == [("L002", "a0.xlsx"), ("L002", "a1.xlsx")]
    by_file = {f.file: f.message for f in findings}
    assert f"berkas '{DP3A}' tidak menyebut perangkat daerah ini" in by_file["a0.xlsx"]
    assert f"Keterangan berkas ini tidak menyebut '{DINKES}'" in by_file["a1.xlsx"]


def test_a_shared_indicator_alone_is_crosscutting_too(tmp_path):
    findings = check_lintas(
        _extracts(
            tmp_path,
            (DINKES, [shared_ss(sasaran="Meningkatnya gizi balita")]),
            (DP3A, [shared_ss(sasaran="Meningkatnya perlindungan anak")]),
        )
    )
    assert _codes(findings) == [("L002", "a0.xlsx"), ("L002", "a1.xlsx")]
    assert all(f.message.startswith("Indikator 'Persentase balita stunting'") for f in findings)


def test_no_crosscutting_between_different_statements_or_one_agency_twice(tmp_path):
    assert check_lintas(_extracts(tmp_path, (DINKES, []), (DP3A, []))) == []
    twice = _extracts(tmp_path, (DINKES, [shared_ss()]), (DINKES, [shared_ss()]))
    assert check_lintas(twice) == []


def test_wording_shared_by_many_agencies_is_standard_not_crosscutting(tmp_path):
    many = [(f"Dinas {i} (D{i})", [shared_ss()]) for i in range(MAX_PARTNERS + 2)]
    assert check_lintas(_extracts(tmp_path, *many)) == []
    few = many[: MAX_PARTNERS + 1]
    assert len(check_lintas(_extracts(tmp_path, *few))) == MAX_PARTNERS + 1


# ----------------------------------------------------------------------------- RPJMD


def _rpjmd(tmp_path: Path) -> Region:
    rows = [
        row(kode="M1", tingkat="Tujuan", unit_kerja="Kabupaten", sasaran="Meningkatnya kesejahteraan",
            indikator="Indeks Pembangunan Manusia", target=72, satuan="Indeks", pengampu="Bupati"),
        row(kode="S1.1", kode_induk="M1", tingkat="Sasaran Strategis", unit_kerja="Kabupaten",
            sasaran="Meningkatnya derajat kesehatan masyarakat", indikator="Usia Harapan Hidup",
            target=72, satuan="Tahun", pengampu="Bupati"),
        row(kode="S1.2", kode_induk="M1", tingkat="Sasaran Strategis", unit_kerja="Kabupaten",
            sasaran="Menurunnya kemiskinan", indikator="Persentase penduduk miskin",
            target="8%", satuan="%", pengampu="Bupati"),
    ]  # fmt: skip
    return regional_from_matriks(read_matriks(write_matriks(tmp_path / "rpjmd.xlsx", rows)))


def test_regional_sasaran_nobody_cascades_and_ss_matching_no_region(tmp_path):
    region = _rpjmd(tmp_path)
    assert [(n.kode, n.level) for n in region.nodes] == [
        ("M1", "Tujuan"),
        ("S1.1", "Sasaran"),
        ("S1.2", "Sasaran"),
    ]
    extracts = _extracts(
        tmp_path,
        (DINKES, [shared_ss(sasaran="Meningkatnya gizi", indikator="Persentase gizi baik",
                            keterangan="RPJMD: S1.1")]),
        (DP3A, []),
    )  # fmt: skip
    findings = check_lintas(extracts, region)
    assert [(f.code, f.kode) for f in findings if f.code == "L004"] == [("L004", "S1.2")]
    l004 = next(f for f in findings if f.code == "L004")
    assert l004.file == "rpjmd.xlsx" and l004.cell == "E4"
    # every SS of both agencies but Dinkes' SS2 (which names S1.1) is tied to nothing regional
    assert sorted((f.file, f.kode) for f in findings if f.code == "L005") == [
        ("a0.xlsx", "SS1"),
        ("a1.xlsx", "SS1"),
    ]


def test_the_same_statement_or_indicator_ties_an_ss_to_the_region(tmp_path):
    region = _rpjmd(tmp_path)
    extracts = _extracts(
        tmp_path,
        (DINKES, [shared_ss(sasaran="Meningkatnya derajat kesehatan masyarakat",
                            indikator="Angka kematian ibu")]),
        (DP3A, [shared_ss(sasaran="Berkurangnya keluarga miskin",
                          indikator="Persentase penduduk miskin")]),
    )  # fmt: skip
    findings = check_lintas(extracts, region)
    assert not [f for f in findings if f.code == "L004"]
    assert {f.kode for f in findings if f.code == "L005"} == {"SS1"}


def test_a_reference_on_the_tujuan_covers_its_sasaran_strategis(tmp_path):
    region = _rpjmd(tmp_path)
    path = write_agency(tmp_path, "a.xlsx", DINKES)
    book = openpyxl.load_workbook(path)
    book["Kinerja"]["M2"] = "RPJMD: Meningkatnya derajat kesehatan masyarakat"  # T1's Keterangan
    book.save(path)
    findings = check_lintas([extract(read_matriks(path))], region)
    assert not [f for f in findings if f.code in ("L003", "L005")]


def test_a_reference_no_file_contains(tmp_path):
    extracts = _extracts(
        tmp_path,
        (DINKES, [shared_ss(keterangan="RPJMD: S9.9")]),
        (DP3A, [shared_ss(kode="SS3", sasaran="Meningkatnya kesetaraan gender",
                          indikator="Indeks Pembangunan Gender", keterangan="RPJMD: S1.1")]),
    )  # fmt: skip
    findings = [f for f in check_lintas(extracts) if f.code == "L003"]
    assert [(f.file, f.kode, f.cell) for f in findings] == [
        ("a0.xlsx", "SS2", "M7"),
        ("a1.xlsx", "SS3", "M7"),
    ]
    region = _rpjmd(tmp_path)
    with_region = [f for f in check_lintas(extracts, region) if f.code == "L003"]
    assert [(f.file, f.kode) for f in with_region] == [("a0.xlsx", "SS2")]
    assert "rpjmd.xlsx" in with_region[0].message


def test_a_reference_to_another_files_sasaran_resolves(tmp_path):
    extracts = _extracts(
        tmp_path,
        (DINKES, [shared_ss(keterangan="RPJMD: Menurunnya kemiskinan daerah")]),
        ("Pemerintah Kabupaten Contoh (Pemkab)",
         [shared_ss(kode="SS9", sasaran="Menurunnya kemiskinan daerah", indikator="Angka kemiskinan")]),
    )  # fmt: skip
    assert not [f for f in check_lintas(extracts) if f.code == "L003"]


def test_region_from_a_summary_table(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["KELOMPOK", "TUJUAN/SASARAN", "INDIKATOR SASARAN", "KETERANGAN"])
    ws.append(["Tujuan", "Meningkatnya kesejahteraan", None, None])
    ws.append(["Sasaran", "Menurunnya kemiskinan", "Persentase penduduk miskin", None])
    path = tmp_path / "rpjmd_ringkas.xlsx"
    book.save(path)
    region = regional_from_renstra(read_renstra(path))
    assert [(n.level, n.text) for n in region.nodes] == [
        ("Tujuan", "Meningkatnya kesejahteraan"),
        ("Sasaran", "Menurunnya kemiskinan"),
    ]
    assert region.nodes[1].indicators == ("persentase penduduk miskin",)


def test_agencies_of_different_regions_are_not_partners(tmp_path):
    from tests.builders import identitas_of, own_chain

    def agency(name: str, pemda: str, acronym: str):
        identitas = [
            (label, pemda if label == "Pemerintah Daerah" else value)
            for label, value in identitas_of(f"Dinas {acronym} ({acronym})")
        ]
        path = write_matriks(
            tmp_path / name, [*own_chain(acronym), shared_ss()], identitas=identitas
        )
        return extract(read_matriks(path))

    apart = [agency("a.xlsx", "Kabupaten A", "DA"), agency("b.xlsx", "Kabupaten B", "DB")]
    assert check_lintas(apart) == []
    together = [agency("a.xlsx", "Kabupaten A", "DA"), agency("c.xlsx", "Kabupaten A", "DC")]
    assert _codes(check_lintas(together)) == [("L002", "a.xlsx"), ("L002", "c.xlsx")]
