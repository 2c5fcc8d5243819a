import pytest

from pokin_xl.checks.owners import check_owners
from pokin_xl.model.frames import Identity
from pokin_xl.model.people import Agency, strip_titles
from pokin_xl.readers.matriks import read_matriks
from tests.builders import DEFAULT_PEGAWAI, KINERJA_HEADERS, chain, write_matriks

# chain(): header on row 1, then T1 (row 2), SS1 (3), SP1 (4), SK1 (5), SSK1 (6); Pengampu is L.
T1, SS1, SP1, SK1, SSK1 = range(5)


def person(nama: str, jabatan: str, jenis: str, unit: str, atasan: str = "") -> dict[str, str]:
    return {
        "Nama": nama,
        "Jabatan": jabatan,
        "Jenis Jabatan": jenis,
        "Unit Kerja": unit,
        "Atasan Langsung": atasan,
    }


def owners(tmp_path, rows, pegawai=None):
    return check_owners(read_matriks(write_matriks(tmp_path / "m.xlsx", rows, pegawai=pegawai)))


def with_pengampu(**by_index: str):
    rows = chain()
    for index, pengampu in by_index.items():
        rows[int(index.lstrip("_"))]["Pengampu"] = pengampu
    return rows


def test_a_consistent_chain_has_no_owner_finding(tmp_path):
    assert owners(tmp_path, chain()) == []


def test_o001_a_sasaran_without_pengampu(tmp_path):
    found = owners(tmp_path, with_pengampu(_3=""))
    assert [(f.code, f.cell, f.kode) for f in found] == [("O001", "L5", "SK1")]
    assert found[0].severity == "error"
    assert "Sasaran Kegiatan" in found[0].message and "Pengampu" in found[0].message


def test_o001_not_for_tujuan_and_a_dash_is_no_owner(tmp_path):
    assert owners(tmp_path, with_pengampu(_0="")) == []
    found = owners(tmp_path, with_pengampu(_4="-"))
    assert [(f.code, f.cell) for f in found] == [("O001", "L6")]


def test_o007_once_when_the_document_names_no_owner_at_all(tmp_path):
    found = owners(tmp_path, with_pengampu(_1="", _2="", _3="", _4=""), pegawai=[])
    assert [(f.code, f.cell) for f in found] == [("O007", "L3")]
    assert "4 kotak" in found[0].message and found[0].severity == "error"


def test_o007_near_miss_one_owner_named_gives_o001_per_box(tmp_path):
    found = owners(tmp_path, with_pengampu(_1="", _2="", _3=""))
    assert [(f.code, f.cell) for f in found] == [("O001", "L3"), ("O001", "L4"), ("O001", "L5")]


def test_o005_once_when_there_is_no_pengampu_column(tmp_path):
    headers = [h for h in KINERJA_HEADERS if h != "Pengampu"]
    rows = [{k: v for k, v in r.items() if k != "Pengampu"} for r in chain()]
    path = write_matriks(tmp_path / "m.xlsx", rows, headers=headers)
    found = check_owners(read_matriks(path))
    assert [(f.code, f.sheet) for f in found] == [("O005", "Kinerja")]


def test_o002_misspelt_position_is_caught_with_the_nearest_position(tmp_path):
    pegawai = [
        *DEFAULT_PEGAWAI,
        person("", "Kepala Bidang Pengembangan SDM", "Administrator", "Sekretariat"),
    ]
    found = owners(tmp_path, with_pengampu(_2="Kabid Penembangan SDM"), pegawai)
    assert [(f.code, f.cell, f.kode) for f in found] == [("O002", "L4", "SP1")]
    assert "'Kabid Penembangan SDM'" in found[0].message
    assert "Mungkin maksudnya 'Kepala Bidang Pengembangan SDM'" in found[0].message


def test_o002_misspelt_name_suggests_the_name_as_written(tmp_path):
    found = owners(tmp_path, with_pengampu(_4="Kasubag Contho"))
    assert [f.code for f in found] == ["O002"]
    assert "'Kasubag Contoh'" in found[0].message


def test_o002_unknown_owner_without_a_near_one(tmp_path):
    found = owners(tmp_path, with_pengampu(_4="Budi Santoso"))
    assert [(f.code, f.cell) for f in found] == [("O002", "L6")]
    assert "Mungkin" not in found[0].message
    assert "sheet Pegawai" in found[0].message


SAMPLE_PEGAWAI = [
    person(
        "H. WAHYU WIBISONO",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "JPT",
        "BKPSDM",
    ),
    person("Dadi Sadali, SE, Kp.MM", "Sekretaris", "Administrator", "Sekretariat"),
    person(
        "Dewi Proklamasi, SE,MM.",
        "Kepala Subbagian Perencanaan, Keuangan dan Pelaporan",
        "Pengawas",
        "Sekretariat",
    ),
]


@pytest.mark.parametrize(
    ("index", "pengampu"),
    [
        (SS1, "Kepala BKPSDM"),
        (SS1, "Kepala Badan"),
        (SS1, "Wahyu Wibisono"),
        (SP1, "Sekretaris"),
        (SP1, "Sekretaris BKPSDM"),
        (SP1, "Dadi Sadali"),
        (SP1, "DADI SADALI, S.E."),
        (SK1, "Dadi Sadali, SE, Kp.MM"),
        (SSK1, "Dewi Proklamasi, SE,MM."),
        (SSK1, "Dewi Proklamasi"),
        (SSK1, "Kasubag Perencanaan, Keuangan dan Pelaporan"),
    ],
)
def test_o002_near_misses_names_with_titles_positions_and_the_agency_acronym(
    tmp_path, index, pengampu
):
    rows = with_pengampu(_1="Kepala BKPSDM", _2="Sekretaris", _3="Sekretaris", _4="Dewi Proklamasi")
    rows[index]["Pengampu"] = pengampu
    assert owners(tmp_path, rows, SAMPLE_PEGAWAI) == []


def test_o006_once_for_an_empty_pegawai_sheet_and_no_other_owner_rule(tmp_path):
    found = owners(tmp_path, with_pengampu(_2="Siapa Saja"), pegawai=[])
    assert [(f.code, f.sheet, f.cell) for f in found] == [("O006", "Pegawai", "A1")]
    assert "kosong" in found[0].message


def test_o003_position_kind_does_not_fit_the_level(tmp_path):
    found = owners(tmp_path, with_pengampu(_2="Pelaksana Contoh"))
    assert [(f.code, f.cell, f.kode) for f in found] == [("O003", "L4", "SP1")]
    assert "Pelaksana" in found[0].message
    assert "Sasaran Program" in found[0].message and "Administrator" in found[0].message


def test_o003_near_miss_fungsional_may_hold_a_sub_kegiatan(tmp_path):
    pegawai = [
        *DEFAULT_PEGAWAI,
        person("Analis Contoh", "Analis SDM Aparatur", "JF", "Sekretariat"),
    ]
    assert owners(tmp_path, with_pengampu(_4="Analis Contoh"), pegawai) == []


def test_o008_not_o003_when_the_pengampu_is_several_people(tmp_path):
    pegawai = [
        *DEFAULT_PEGAWAI,
        person("Staf Satu", "Pengadministrasi Umum", "Pelaksana", "Sekretariat"),
    ]
    # Two people hold 'Pengadministrasi Umum': the position names no single holder.
    found = owners(tmp_path, with_pengampu(_4="Pengadministrasi Umum"), pegawai)
    assert [(f.code, f.cell) for f in found] == [("O008", "L6")]
    assert "2 pegawai" in found[0].message and "'Staf Satu'" in found[0].message


def test_o008_near_miss_the_full_name_of_one_of_them(tmp_path):
    pegawai = [
        *DEFAULT_PEGAWAI,
        person("Staf Satu", "Pengadministrasi Umum", "Pelaksana", "Sekretariat"),
    ]
    assert [f.code for f in owners(tmp_path, with_pengampu(_4="Staf Satu"), pegawai)] == ["O003"]


def test_o004_pengampu_from_another_unit(tmp_path):
    pegawai = [
        *DEFAULT_PEGAWAI,
        person("Kasi Contoh", "Kepala Subbidang Pengadaan", "Pengawas", "Bidang Pengadaan"),
    ]
    found = owners(tmp_path, with_pengampu(_4="Kasi Contoh"), pegawai)
    assert [(f.code, f.cell, f.kode) for f in found] == [("O004", "L6", "SSK1")]
    assert "'Bidang Pengadaan'" in found[0].message and "'Sekretariat'" in found[0].message


def test_o004_near_miss_a_sub_unit_under_the_nodes_unit(tmp_path):
    pegawai = [
        *DEFAULT_PEGAWAI,
        person(
            "Kasubag Dua",
            "Kepala Subbagian Keuangan",
            "Pengawas",
            "Subbagian Keuangan",
            atasan="Sekretaris Contoh",
        ),
        person("Sekretaris Dua", "Plh. Sekretaris", "Administrator", "Sekretariat BKPSDM"),
    ]
    rows = with_pengampu(_3="Sekretaris Dua", _4="Kasubag Dua")
    assert owners(tmp_path, rows, pegawai) == []


def test_o004_not_for_the_head_of_the_agency(tmp_path):
    # The Kepala (JPT, unit BKPSDM) may hold a program of any unit.
    assert owners(tmp_path, with_pengampu(_2="Kepala Contoh")) == []


def test_strip_titles_and_agency_acronyms():
    assert strip_titles("Dadi Sadali, SE, Kp.MM") == "Dadi Sadali"
    assert strip_titles("Drs. H. Ahmad Sahid M.Si") == "Ahmad Sahid"
    assert strip_titles("Hedi Priawan SE") == "Hedi Priawan"
    assert strip_titles("Hedi") == "Hedi"
    agency = Agency.from_identity(
        Identity(perangkat_daerah="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    )
    assert agency.acronyms == ("bkpsdm",)
    assert agency.kind == "badan"


def test_real_sample_owner_findings(sample_dir):
    wb = read_matriks(sample_dir / "matriks.xlsx")
    found = check_owners(wb)
    o001 = {f.kode for f in found if f.code == "O001"}
    assert o001 == {
        "SP1.K3.1",
        "SP3.K3",
        "SP3.K3.1",
        "SP3.K3.2",
        "SP3.K3.3",
        "SP3.K3.4",
        "PK.1",
        "PK.2",
    }
    unowned = next(f for f in found if f.kode == "SP1.K3.1")
    assert unowned.subject == "Tersusunnya Dokumen Perencanaan Kebutuhan Barang Milik Daerah SKPD"
    o002 = [f for f in found if f.code == "O002"]
    assert [(f.kode, f.cell) for f in o002] == [("SP3", "L55")]
    assert "'Kabid Penembangan SDM'" in o002[0].message
    assert "'Kepala Bidang Pengembangan SDM'" in o002[0].message
    assert {f.code for f in found} == {"O001", "O002"}


def test_real_pohon_sample_names_no_owner_once(sample_dir):
    workbook = read_matriks(sample_dir / "pohon_kinerja_dokumen.xlsx")
    found = check_owners(workbook)
    assert [f.code for f in found] == ["O007"]
    owned_levels = workbook.nodes.frame["level"].fillna(-1).astype(int) >= 1
    assert f"{int(owned_levels.sum())} kotak" in found[0].message
