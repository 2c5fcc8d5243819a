from pokin_xl.checks.kinerja_rows import RULE_CHECKS, check_kinerja_rows
from pokin_xl.readers.matriks import read_matriks
from tests.builders import chain, changed, read, row

# chain(): T1 row 2, SS1 row 3, SP1 row 4, SK1 row 5, SSK1 row 6.


def by_code(findings, code):
    return [f for f in findings if f.code == code]


def test_a_consistent_chain_passes_every_row_rule(tmp_path):
    assert check_kinerja_rows(read(tmp_path, chain())) == []


def test_an_empty_sheet_has_nothing_to_check(tmp_path):
    assert check_kinerja_rows(read(tmp_path, [], pegawai=[])) == []


def test_mapping_table_names_catalogued_rules():
    assert {rc.code for rc in RULE_CHECKS.values()} == {"B004", "B005", "H001", "H002", "H003"}


# ----------------------------------------------------------------------------- B004


def test_b004_sasaran_without_indicator(tmp_path):
    findings = check_kinerja_rows(
        read(tmp_path, changed(4, indikator=None, target=None, satuan=None))
    )
    assert [(f.code, f.cell, f.kode) for f in findings] == [("B004", "H6", "SSK1")]
    assert f"'{findings[0].kode}'" in findings[0].message
    assert "belum mempunyai indikator" in findings[0].message
    assert findings[0].severity == "warning"


def test_b004_near_miss_indicator_on_a_later_row_of_the_node(tmp_path):
    rows = [*changed(4, indikator=None, target=None, satuan=None)]
    rows.append(
        row(kode="SSK1", indikator="Jumlah Paket Peralatan Kantor", target=6, satuan="Paket")
    )
    assert check_kinerja_rows(read(tmp_path, rows)) == []


# ----------------------------------------------------------------------------- B005


def test_b005_blank_sasaran(tmp_path):
    findings = check_kinerja_rows(read(tmp_path, changed(4, sasaran="  ")))
    assert [(f.code, f.cell, f.kode) for f in findings] == [("B005", "E6", "SSK1")]
    assert "Sasaran pada Kode 'SSK1' kosong" in findings[0].message


def test_b005_near_miss_sasaran_given_on_a_later_row_of_the_node(tmp_path):
    rows = changed(4, sasaran=None)
    rows.append(
        row(
            kode="SSK1",
            sasaran="Tersedianya peralatan dan perlengkapan kantor",
            indikator="Jumlah Unit Peralatan",
            target=2,
            satuan="Unit",
        )
    )
    assert by_code(check_kinerja_rows(read(tmp_path, rows)), "B005") == []


# ----------------------------------------------------------------------------- H001


def test_h001_kode_induk_names_no_row(tmp_path):
    findings = check_kinerja_rows(read(tmp_path, changed(4, kode_induk="SK9")))
    assert [(f.code, f.cell, f.kode) for f in findings] == [("H001", "B6", "SSK1")]
    assert "Kode Induk 'SK9' tidak ditemukan" in findings[0].message
    assert findings[0].severity == "error"


def test_h001_suggests_the_code_meant(tmp_path):
    findings = check_kinerja_rows(read(tmp_path, changed(4, kode_induk="sk1.")))
    assert [(f.code, f.cell) for f in findings] == [("H001", "B6")]
    assert "Mungkin maksudnya 'SK1'?" in findings[0].message


def test_h001_near_miss_parent_further_down_the_sheet(tmp_path):
    rows = chain()
    rows = [*rows[:3], rows[4], rows[3]]  # SSK1 (row 5) before its parent SK1 (row 6)
    assert check_kinerja_rows(read(tmp_path, rows)) == []


# ----------------------------------------------------------------------------- H002


def test_h002_parent_level_not_directly_above(tmp_path):
    findings = check_kinerja_rows(read(tmp_path, changed(4, kode_induk="SP1")))
    assert [(f.code, f.cell, f.kode) for f in findings] == [("H002", "B6", "SSK1")]
    message = findings[0].message
    assert message.startswith(
        "Induk 'SP1' adalah Sasaran Program; Sasaran Sub Kegiatan seharusnya menginduk ke "
        "Sasaran Kegiatan."
    )
    assert "'SK1'" in message  # the kegiatan of the same unit under SP1 is suggested


def test_h002_skipped_level_without_a_box_of_that_unit(tmp_path):
    rows = [
        *chain(),
        row(
            kode="X1",
            kode_induk="SP1",
            tingkat="Sasaran Sub Kegiatan",
            unit_kerja="Bidang Pembinaan",
            sasaran="Terlaksananya pembinaan disiplin",
            indikator="Jumlah Laporan Pembinaan Disiplin",
            target=1,
            satuan="Laporan",
        ),
    ]
    findings = check_kinerja_rows(read(tmp_path, rows))
    assert [(f.code, f.cell) for f in findings] == [("H002", "B7")]
    assert "Belum ada Sasaran Kegiatan milik 'Bidang Pembinaan' di bawah 'SP1'" in (
        findings[0].message
    )


def test_h002_inferred_parent_points_at_the_tingkat_cell(tmp_path):
    rows = [
        chain()[0],
        row(
            kode="R1",
            tingkat="Rencana Hasil Kerja",
            unit_kerja="BKPSDM",
            sasaran="Tersusunnya laporan kinerja",
            indikator="Jumlah Laporan Kinerja",
            target=1,
            satuan="Laporan",
        ),
    ]
    findings = check_kinerja_rows(read(tmp_path, rows))
    assert [(f.code, f.cell, f.kode) for f in findings] == [("H002", "C3", "R1")]
    assert "disimpulkan dari urutan baris" in findings[0].message
    assert "adalah Tujuan" in findings[0].message


def test_h002_a_tujuan_does_not_hang_under_anything(tmp_path):
    rows = [
        *chain(),
        row(
            kode="T2",
            kode_induk="T1",
            tingkat="Tujuan",
            unit_kerja="BKPSDM",
            sasaran="Meningkatnya tata kelola",
            indikator="Indeks Reformasi Birokrasi",
            target=70,
            satuan="Indeks",
        ),
    ]
    findings = check_kinerja_rows(read(tmp_path, rows))
    assert [(f.code, f.cell) for f in findings] == [("H002", "B7")]
    assert "Kosongkan Kode Induk" in findings[0].message


def test_h002_near_miss_rencana_hasil_kerja_may_attach_to_any_sasaran(tmp_path):
    rows = [
        *chain(),
        row(
            kode="R1",
            kode_induk="SP1",
            tingkat="Rencana Hasil Kerja",
            unit_kerja="Sekretariat",
            sasaran="Tersusunnya laporan program",
            indikator="Jumlah Laporan Program",
            target=1,
            satuan="Laporan",
        ),
    ]
    assert check_kinerja_rows(read(tmp_path, rows)) == []


def test_h002_is_left_to_h004_inside_a_cycle(tmp_path):
    # SS1 -> SSK1 -> SK1 -> SP1 -> SS1: the cycle is the defect, not its wrong-level link.
    findings = check_kinerja_rows(read(tmp_path, changed(1, kode_induk="SSK1")))
    assert by_code(findings, "H002") == []


# ----------------------------------------------------------------------------- H003


def test_h003_one_kode_for_two_sasaran(tmp_path):
    rows = [
        *chain(),
        row(
            kode="SK1",
            tingkat="Sasaran Sub Kegiatan",
            unit_kerja="Sekretariat",
            sasaran="Tersedianya bahan logistik kantor",
            indikator="Jumlah Paket Bahan Logistik",
            target=1,
            satuan="Paket",
        ),
    ]
    findings = check_kinerja_rows(read(tmp_path, rows))
    assert [(f.code, f.cell, f.kode) for f in findings] == [("H003", "A7", "SK1")]
    message = findings[0].message
    assert "Kode 'SK1' dipakai untuk sasaran atau tingkat yang berbeda" in message
    assert "baris 5" in message and "baris 7" in message


def test_h003_other_unit_under_the_same_kode(tmp_path):
    rows = [
        *chain(),
        row(kode="SSK1", unit_kerja="Bidang Pengadaan", indikator="Jumlah X", target=1),
    ]
    findings = check_kinerja_rows(read(tmp_path, rows))
    assert [(f.code, f.cell) for f in findings] == [("H003", "A7")]
    assert "unit kerja yang berbeda" in findings[0].message


def test_h003_near_miss_same_sasaran_written_differently(tmp_path):
    rows = [
        *chain(),
        row(
            kode="SSK1",
            sasaran="tersedianya  peralatan DAN perlengkapan kantor.",
            unit_kerja="",
            indikator="Jumlah Unit Perlengkapan Kantor",
            target=3,
            satuan="Unit",
        ),
    ]
    assert check_kinerja_rows(read(tmp_path, rows)) == []


# ----------------------------------------------------------------------------- samples


def test_matriks_sample(sample_dir):
    findings = check_kinerja_rows(read_matriks(sample_dir / "matriks.xlsx"))
    assert {(f.code, f.cell, f.kode) for f in findings} == {
        ("B004", "H4", "T2"),  # Tujuan II: the chart gives it no indicator of its own
        ("H002", "B76", "PK.1"),  # Pelanggaran Disiplin sub kegiatan directly under Program SP3
    }
    assert len(findings) == 2


def test_pohon_sample(sample_dir):
    assert check_kinerja_rows(read_matriks(sample_dir / "pohon_kinerja_dokumen.xlsx")) == []


def test_h002_on_many_wrong_parents_names_each_row_and_at_most_three_candidates(tmp_path):
    # SK1..SK5 under SP1, then 30 sub kegiatan hung directly under SP1 (a level skipped): one
    # H002 per sub kegiatan at its own Kode Induk cell, each suggesting three kegiatan "and more".
    base = chain()[:4]  # T1, SS1, SP1, SK1 (rows 2-5)
    kegiatan = [
        row(
            kode=f"SK{k}",
            kode_induk="SP1",
            tingkat="Sasaran Kegiatan",
            unit_kerja=base[3]["Unit Kerja"],
            sasaran=f"Meningkatnya kegiatan {k}",
            indikator=f"Persentase kegiatan {k}",
            target="100%",
            satuan="%",
            pengampu=base[3]["Pengampu"],
        )
        for k in range(2, 6)
    ]
    subs = [
        row(
            kode=f"X{i}",
            kode_induk="SP1",
            tingkat="Sasaran Sub Kegiatan",
            unit_kerja=base[3]["Unit Kerja"],
            sasaran=f"Tersedianya layanan {i}",
            indikator=f"Jumlah Dokumen layanan {i}",
            target=1,
            satuan="Dokumen",
        )
        for i in range(30)
    ]
    findings = by_code(check_kinerja_rows(read(tmp_path, [*base, *kegiatan, *subs])), "H002")
    first_sub_row = 2 + len(base) + len(kegiatan)
    assert [(f.cell, f.kode) for f in findings] == [
        (f"B{first_sub_row + i}", f"X{i}") for i in range(30)
    ]
    for f in findings:
        assert "Pilih Sasaran Kegiatan" in f.message
        assert "'SK1', 'SK2', 'SK3' dan lainnya." in f.message
