from pokin_xl.checks.hierarchy import check_hierarchy, find_cycles, parent_links
from pokin_xl.checks.kinerja_rows import check_kinerja_rows
from pokin_xl.readers.matriks import read_matriks
from tests.builders import chain, changed, read, row

# chain(): T1 row 2, SS1 row 3, SP1 row 4, SK1 row 5, SSK1 row 6.


def sub(kode, induk, sasaran, unit="Sekretariat", tingkat="Sasaran Sub Kegiatan"):
    return row(
        kode=kode,
        kode_induk=induk,
        tingkat=tingkat,
        unit_kerja=unit,
        sasaran=sasaran,
        indikator=f"Jumlah Dokumen {sasaran}",
        target=1,
        satuan="Dokumen",
    )


def cells(findings):
    return [(f.code, f.cell, f.kode) for f in findings]


def test_a_consistent_chain_has_no_hierarchy_finding(tmp_path):
    wb = read(tmp_path, chain())
    assert check_hierarchy(wb) == []
    assert check_kinerja_rows(wb) == []


# ----------------------------------------------------------------------------- H004


def test_h004_cycle_reported_once_at_its_first_node(tmp_path):
    wb = read(tmp_path, changed(1, kode_induk="SSK1"))
    findings = check_hierarchy(wb)
    assert cells(findings) == [("H004", "B3", "SS1")]
    message = findings[0].message
    assert (
        "'SS1' (Sasaran Strategis) → 'SSK1' (Sasaran Sub Kegiatan) → 'SK1' (Sasaran Kegiatan) "
        "→ 'SP1' (Sasaran Program) → 'SS1' (Sasaran Strategis)"
    ) in message
    assert findings[0].severity == "error"
    assert [f.code for f in check_kinerja_rows(wb)] == []  # no H002 for the cycle's links


def test_h004_a_node_that_is_its_own_parent(tmp_path):
    rows = [*chain(), sub("SSK2", "SSK2", "Terkelolanya arsip")]
    findings = check_hierarchy(read(tmp_path, rows))
    assert cells(findings) == [("H004", "B7", "SSK2")]
    assert "'SSK2' (Sasaran Sub Kegiatan) → 'SSK2' (Sasaran Sub Kegiatan)" in findings[0].message


def test_h004_near_miss_shared_parents_and_a_tail_are_no_cycle(tmp_path):
    rows = [*chain(), sub("SSK2", "SK1", "Tersusunnya laporan"), sub("SSK3", "SK1", "Arsip")]
    wb = read(tmp_path, rows)
    assert find_cycles(parent_links(wb.nodes.frame)) == []
    assert check_hierarchy(wb) == []


# ----------------------------------------------------------------------------- H005


def test_h005_kegiatan_not_cascaded(tmp_path):
    rows = [
        *chain(),
        row(
            kode="SK2",
            kode_induk="SP1",
            tingkat="Sasaran Kegiatan",
            unit_kerja="Sekretariat",
            sasaran="Meningkatnya kualitas administrasi keuangan",
            indikator="Persentase administrasi keuangan yang tertib",
            target="100%",
            satuan="%",
        ),
    ]
    findings = check_hierarchy(read(tmp_path, rows))
    assert cells(findings) == [("H005", "E7", "SK2")]
    assert "Sasaran Kegiatan 'SK2' belum di-cascade" in findings[0].message
    assert "Sasaran Sub Kegiatan" in findings[0].message
    assert findings[0].severity == "warning"


def test_h005_near_miss_the_workbook_stops_at_that_level(tmp_path):
    assert check_hierarchy(read(tmp_path, chain()[:4])) == []


def test_h005_near_miss_a_rencana_hasil_kerja_is_a_child(tmp_path):
    rows = [
        *chain()[:4],
        sub("R1", "SK1", "Tersusunnya laporan", tingkat="Rencana Hasil Kerja"),
    ]
    assert check_hierarchy(read(tmp_path, rows)) == []


# ----------------------------------------------------------------------------- H006


def test_h006_child_in_another_unit_below_sasaran_strategis(tmp_path):
    rows = [*chain(), sub("SSK2", "SK1", "Terkelolanya arsip", unit="Bidang Pengadaan")]
    findings = check_hierarchy(read(tmp_path, rows))
    assert cells(findings) == [("H006", "D7", "SSK2")]
    message = findings[0].message
    assert "'Bidang Pengadaan'" in message and "'SK1'" in message and "'Sekretariat'" in message
    assert findings[0].severity == "info"


def test_h006_near_miss_agency_levels_and_unit_spelling(tmp_path):
    # SP1 (Sekretariat) under SS1 (BKPSDM) is normal; 'sekretariat ' is the same unit.
    rows = [*chain(), sub("SSK2", "SK1", "Terkelolanya arsip", unit="sekretariat ")]
    assert check_hierarchy(read(tmp_path, rows)) == []


def test_h006_not_on_a_link_that_is_already_h002(tmp_path):
    rows = [*chain(), sub("SSK2", "SP1", "Terkelolanya arsip", unit="Bidang Pengadaan")]
    wb = read(tmp_path, rows)
    assert check_hierarchy(wb) == []
    assert [f.code for f in check_kinerja_rows(wb)] == ["H002"]


# ----------------------------------------------------------------------------- H007


def test_h007_below_the_top_level_without_a_parent(tmp_path):
    kegiatan = chain()[3:]  # top of this workbook: Sasaran Kegiatan
    rows = [
        sub("A.1", None, "Tersusunnya dokumen perubahan anggaran"),
        {**kegiatan[0], **row(kode_induk=None)},
        kegiatan[1],
    ]
    findings = check_hierarchy(read(tmp_path, rows))
    assert cells(findings) == [("H007", "B2", "A.1")]
    assert "Sasaran Sub Kegiatan 'A.1' tidak mempunyai induk" in findings[0].message
    assert "Kode Sasaran Kegiatan" in findings[0].message
    assert findings[0].severity == "warning"


def test_h007_an_inferred_parent_of_another_unit_is_not_trusted(tmp_path):
    rows = [
        *chain(),
        sub("D.1", None, "Terlaksananya penyelesaian disiplin", unit="Bidang Pembinaan"),
    ]
    wb = read(tmp_path, rows)
    # the reader declines the guess from row order and keeps it for the message
    assert wb.nodes.frame.loc[7, "kode_induk"] == ""
    assert wb.nodes.frame.loc[7, "induk_skipped"] == "SK1"
    findings = check_hierarchy(wb)
    assert cells(findings) == [("H007", "B7", "D.1")]
    assert "'SK1' (baris 5), milik unit kerja lain ('Sekretariat')" in findings[0].message


def test_h007_near_miss_parents_inferred_within_a_unit_or_at_agency_level(tmp_path):
    rows = chain()
    rows[2] = {**rows[2], **row(kode_induk=None)}  # SP1 (Sekretariat) under SS1 (BKPSDM)
    rows[4] = {**rows[4], **row(kode_induk=None)}  # SSK1 under SK1, same unit
    rows.append(sub("SSK2", None, "Terkelolanya arsip"))
    assert check_hierarchy(read(tmp_path, rows)) == []


# ----------------------------------------------------------------------------- H008


def test_h008_same_sasaran_twice_at_one_level_and_unit(tmp_path):
    rows = [
        *chain(),
        row(
            kode="SK2",
            kode_induk="SP1",
            tingkat="Sasaran Kegiatan",
            unit_kerja="Sekretariat",
            sasaran="meningkatnya  kualitas administrasi umum.",
            indikator="Persentase administrasi umum yang terpenuhi",
            target="100%",
            satuan="%",
        ),
        sub("SSK2", "SK2", "Tersedianya bahan logistik"),
    ]
    findings = check_hierarchy(read(tmp_path, rows))
    assert cells(findings) == [("H008", "E7", "SK2")]
    assert "sudah ada pada Kode 'SK1' (baris 5)" in findings[0].message
    assert findings[0].severity == "warning"


def test_h008_without_typed_codes_names_the_row(tmp_path):
    rows = chain()
    rows[3] = {**rows[3], **row(kode=None, kode_induk=None)}
    rows[4] = {**rows[4], **row(kode=None, kode_induk=None)}
    rows += [
        {**rows[3], **row(indikator="Persentase surat yang terarsip")},
        sub(None, None, "Tersedianya bahan logistik"),
    ]
    findings = check_hierarchy(read(tmp_path, rows))
    assert [(f.code, f.cell) for f in findings] == [("H008", "E7")]
    assert "sudah ada pada baris 5;" in findings[0].message
    assert "AUTO-" not in findings[0].message


def test_h008_near_miss_other_unit_or_other_level(tmp_path):
    sasaran = "Meningkatnya kualitas administrasi umum"
    rows = [
        *chain(),
        row(
            kode="SK2",
            kode_induk="SP1",
            tingkat="Sasaran Kegiatan",
            unit_kerja="Bidang Pengadaan",
            sasaran=sasaran,
            indikator="Persentase administrasi",
            target="100%",
            satuan="%",
        ),
        sub("SSK2", "SK2", sasaran, unit="Bidang Pengadaan"),
    ]
    codes = [f.code for f in check_hierarchy(read(tmp_path, rows))]
    assert "H008" not in codes
    assert codes == ["H006"]  # SK2 of Bidang Pengadaan under SP1 of the Sekretariat


# ----------------------------------------------------------------------------- samples


def test_matriks_sample(sample_dir):
    findings = check_hierarchy(read_matriks(sample_dir / "matriks.xlsx"))
    assert sorted(cells(findings)) == [
        ("H006", "D71", "SP3.K3"),  # Bidang Pengadaan kegiatan under Program SP3 (Bidang PSDM)
        ("H006", "D77", "PK.2"),  # Kenaikan Pangkat (Pembinaan) under SP3.K1 (Bidang PSDM)
    ]


def test_pohon_sample(sample_dir):
    findings = check_hierarchy(read_matriks(sample_dir / "pohon_kinerja_dokumen.xlsx"))
    assert sorted(cells(findings)) == [
        ("H005", "E52", "K"),  # Pemeliharaan kegiatan box with no sub kegiatan
        ("H006", "D20", "F.2"),  # Kenaikan Pangkat (Pembinaan) under Mutasi dan Promosi (PSDM)
        ("H007", "B12", "D.1"),  # Pelanggaran Disiplin: no kegiatan box above it
        ("H007", "B2", "A.1"),  # the planning sub kegiatan start the chart with no kegiatan
        ("H007", "B3", "A.2"),
        ("H007", "B4", "A.3"),
        ("H008", "E40", "G2"),  # 'Meningkatnya kualitas Pengembangan Kompetensi ASN' twice
    ]
    g2 = next(f for f in findings if f.code == "H008")
    assert "'G' (baris 21)" in g2.message


def test_find_cycles_finds_what_walking_every_chain_finds(monkeypatch):
    """The short cut (`_may_cycle`: every chain ends) never hides a cycle the walk finds."""
    import random

    import pandas as pd

    from pokin_xl.checks import hierarchy

    rng = random.Random(11)
    with_cycle = 0
    for _ in range(400):
        rows = rng.sample(range(2, 60), rng.randint(1, 25))
        parent_of = {r: rng.choice(rows) for r in rows if rng.random() < 0.85}
        if rng.random() < 0.5:  # mostly trees: each parent above its child
            parent_of = {r: p for r, p in parent_of.items() if p < r}
        links = pd.DataFrame(
            {"parent_row": pd.array([parent_of.get(r) for r in rows], dtype="Int64")}, index=rows
        )
        found = find_cycles(links)
        with monkeypatch.context() as walk_every_chain:
            walk_every_chain.setattr(hierarchy, "_may_cycle", lambda links: True)
            expected = find_cycles(links)
        with_cycle += bool(expected)
        assert found == expected
    assert 50 < with_cycle < 350  # both kinds were tried
