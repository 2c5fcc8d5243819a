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


def _nearest_by_token_sort(people: Directory, text: str, cutoff: float):
    """The nearest position or name as token_sort_ratio over the unsorted keys finds it."""
    from rapidfuzz import fuzz, process

    from pokin_xl.model.text import normalise

    positions: dict[str, tuple[int, str]] = {}
    names: dict[str, tuple[int, str]] = {}
    for p in people.people.values():
        if p.nama:
            stripped = strip_titles(p.nama)
            full = normalise(p.nama)
            names.setdefault(full if stripped == p.nama else normalise(stripped), (p.row, p.nama))
        if p.jabatan:
            positions.setdefault(people._key(p.jabatan), (p.row, p.jabatan))
    best = None
    queries = (people._key(text), normalise(strip_titles(text)))
    for query, choices in zip(queries, (positions, names), strict=True):
        choices.pop("", None)
        match = process.extractOne(
            query, list(choices), scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=cutoff
        )
        if match is not None and (best is None or match[1] > best[0]):
            best = (match[1], *choices[match[0]])
    return best


def test_the_nearest_match_is_token_sort_ratios():
    # The choices are kept with their words sorted and compared by fuzz.ratio: the match, its
    # score and the tie-break (the first choice in sheet order) are those of token_sort_ratio.
    rows = [
        *PEOPLE,
        {"nama": "Sadali Dadi", "jabatan": "Sekretaris Badan"},
        {"nama": "Budi Santoso", "jabatan": "Bidang Pengembangan Kepala SDM"},
        {"nama": "Santoso Budi", "jabatan": "Kepala Sub Bagian Umum"},
    ]
    people = directory(rows)
    texts = ("Dadi Sadli", "Budi Santosa", "Kepala Pengembangan Bidang SDM", "Sekretarsi", "Xyz")
    for text in texts:
        for cutoff in (0, 60, 80, 90):
            assert people._compare(text, cutoff) == _nearest_by_token_sort(people, text, cutoff)


def test_a_column_is_resolved_as_each_text_is():
    # resolve_all keys a column's new texts together; the answers are resolve's, in order,
    # repeated texts included, and remembered for resolve and owner.
    texts = [
        "Sekretaris",
        "Dadi Sadali",
        "Kabid Pengembangan SDM",
        "Dadi Sadali",
        "Analis SDM Aparatur",
        "Kepala BKPSDM",
        "Drs. H. Wahyu Wibisono, M.Si",
        "Nobody",
        "",
    ]
    column = directory(PEOPLE).resolve_all(texts)
    one_by_one = directory(PEOPLE)
    assert column == [one_by_one.resolve(text) for text in texts]
    assert column == [(3,), (3,), (4,), (3,), (5, 6), (2,), (2,), (), ()]


def test_a_one_word_agency_lists_each_holder_once():
    # 'Inspektorat' is both the agency's full name and its kind: a position found under both
    # keys is still one row.
    frame = pd.DataFrame(
        [
            {"nama": "Ani", "jabatan": "Inspektur Inspektorat"},
            {"nama": "Budi", "jabatan": "Auditor"},
        ],
        index=[2, 3],
    )
    people = Directory.from_frames(frame, Identity(perangkat_daerah="Inspektorat"))
    assert people.resolve("Inspektur Inspektorat") == (2,)
    assert people.owner("Inspektur Inspektorat").row == 2
