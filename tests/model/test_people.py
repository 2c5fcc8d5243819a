from __future__ import annotations

import pandas as pd

from pokin_xl.model.frames import Identity
from pokin_xl.model.people import Directory, strip_titles

IDENTITY = Identity(
    perangkat_daerah="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)"
)


def directory(rows: list[dict]) -> Directory:
    frame = pd.DataFrame(rows, index=range(2, 2 + len(rows)))
    for column in ("nama", "jabatan", "jenis", "unit_kerja", "atasan"):
        if column not in frame:
            frame[column] = ""
    return Directory.from_frames(frame.fillna(""), IDENTITY)


PEOPLE = [
    {
        "nama": "H. WAHYU WIBISONO",
        "jabatan": "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    },
    {"nama": "Dadi Sadali, SE, Kp.MM", "jabatan": "Sekretaris"},
    {"nama": "", "jabatan": "Kepala Bidang Pengembangan SDM"},
    {"nama": "Yusup Ismail, S.Sos, MM", "jabatan": "Analis SDM Aparatur"},
    {"nama": "Ani", "jabatan": "Analis SDM Aparatur"},
]


def test_strip_titles():
    assert strip_titles("Drs. H. Ahmad Suhendi, M.Si") == "Ahmad Suhendi"
    assert strip_titles("Hedi Priawan SE") == "Hedi Priawan"
    assert strip_titles("H. WAHYU WIBISONO") == "WAHYU WIBISONO"


def test_names_match_without_titles_and_positions_with_abbreviations():
    people = directory(PEOPLE)
    assert people.owner("Dadi Sadali").row == 3
    assert people.owner("Dadi Sadali, SE, Kp.MM").row == 3
    assert people.owner("Wahyu Wibisono").row == 2
    assert people.owner("Kabid Pengembangan SDM").row == 4
    assert people.owner("Kepala BKPSDM").row == 2  # the agency's acronym from Identitas
    assert people.owner("sekretaris").row == 3


def test_a_typo_is_placed_but_a_stranger_is_not():
    people = directory(PEOPLE)
    assert people.resolve("Kabid Penembangan SDM") == ()
    assert people.owner("Kabid Penembangan SDM").row == 4
    assert people.owner("Bupati Purwakarta") is None
    assert people.owner("") is None


def test_a_position_held_by_several_people_names_no_single_owner():
    people = directory(PEOPLE)
    assert people.resolve("Analis SDM Aparatur") == (5, 6)
    assert people.owner("Analis SDM Aparatur") is None
    assert people.suggest("Kabid Penembangan SDM") == "Kepala Bidang Pengembangan SDM"


def test_one_directory_per_pegawai_frame_and_agency():
    frame = pd.DataFrame(PEOPLE, index=range(2, 2 + len(PEOPLE)))
    for column in ("jenis", "unit_kerja", "atasan"):
        frame[column] = ""
    first = Directory.from_frames(frame, IDENTITY)
    assert Directory.from_frames(frame, IDENTITY) is first  # the owner checks and the plan share it
    other_agency = Identity(perangkat_daerah="Dinas Kesehatan (Dinkes)")
    assert Directory.from_frames(frame, other_agency) is not first
    assert Directory.from_frames(frame.copy(), IDENTITY) is not first
    # a remembered answer is the same as a fresh one
    fresh = Directory(frame, first.agency)
    for text in ("Sekretaris", "Kabid Pengembangan SDM", "Dadi Sadali", "Sekretariz", "Ani"):
        assert first.resolve(text) == fresh.resolve(text) == first.resolve(text)
        assert first.owner(text) == fresh.owner(text) == first.owner(text)
        assert first.suggest(text) == fresh.suggest(text)
