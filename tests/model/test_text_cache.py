"""clean() and normalise() remember each distinct text and take short cuts (ASCII skips NFKC, the
abbreviation regex runs only when a key holds one of their words); the answers must be those of
the plain regex computation, for every kind of cell value (1, 1.0 and True are equal keys to
Python)."""

import math
import re
import unicodedata

import pandas as pd

from pokin_xl.model import text
from pokin_xl.model.text import clean, normalise


def _plain_clean(value: object) -> str:
    if text.is_blank(value):
        return ""
    folded = unicodedata.normalize("NFKC", str(value)).translate(text._INVISIBLE)
    return re.sub(r"\s+", " ", folded).strip()


def _plain_normalise(value: object, expand: bool = True) -> str:
    key = _plain_clean(value).lower().replace("_", " ")
    key = re.sub(r"\s+", " ", re.sub(r"[^\w%]+", " ", key)).strip()
    if expand:
        key = text._ABBREVIATION_RE.sub(lambda m: text.ABBREVIATIONS[m.group(1)], key)
    return key


VALUES = [
    "  Program  Pengembangan SDM ",
    "Program\u00a0Pengembangan\u200b SDM",
    1,
    1.0,
    True,
    0,
    False,
    None,
    math.nan,
    pd.NA,
    "   ",
    "Kabid_Umum/Kepegawaian",
    "ＡＢＣ",  # full-width letters (NFKC)
    "SDM%",
    "%sdm naik",
    "Kasubag_Umum",
    "Sub  Bagian Umum; sub-bagian",
    "subbagian asnx xasn asn2 asn",
    "Kepala\tSeksi\x1c\x1fSDM\u3000PD",
    "Pelatihan (Diklat) / Bimtek – SPBE",
    "ÉCOLE ﬁnal SKPD",
    "\u00adOPD\u2060",
]


def test_clean_gives_the_plain_answer_for_each_value_in_any_order():
    for value in [*VALUES, *reversed(VALUES), *VALUES]:
        assert clean(value) == _plain_clean(value), repr(value)
    assert (clean(1), clean(1.0), clean(True)) == ("1", "1.0", "True")


def test_normalise_with_and_without_expansion_are_remembered_apart():
    assert normalise("Kabid SDM") == "kepala bidang sumber daya manusia"
    assert normalise("Kabid SDM", expand=False) == "kabid sdm"
    assert normalise("Kabid SDM") == "kepala bidang sumber daya manusia"
    assert normalise(1.0) == "1 0" and normalise(1) == "1"


def test_normalise_gives_the_plain_answer_for_each_value():
    for value in [*VALUES, *reversed(VALUES)]:
        for expand in (True, False):
            assert normalise(value, expand=expand) == _plain_normalise(value, expand), repr(value)


def test_an_ascii_text_normalises_as_the_regex_does_for_every_ascii_character():
    # ASCII texts take a byte-table path; each character, alone and between words, and runs of
    # them must give the regex's answer.
    samples = [chr(i) for i in range(128)]
    samples += [f"Ab{ch}9z{ch}{ch}%Q_" for ch in map(chr, range(128))]
    samples += [
        "".join(map(chr, range(start, 128, step))) for start in range(8) for step in (1, 3, 7)
    ]
    samples += ["__Kabid__SDM--Umum..", "%%", " % ", "a_b", "Sub_Bagian!!Umum", "", "~!@#$^&*()"]
    for sample in samples:
        for expand in (True, False):
            assert normalise(sample, expand=expand) == _plain_normalise(sample, expand), repr(
                sample
            )


def test_clean_all_is_clean_of_each_value():
    from pokin_xl.model.text import clean_all

    values = [*VALUES, *VALUES, "Kabid  SDM", "Kabid  SDM", 1, 1.0, True]
    assert clean_all(values) == [clean(v) for v in values]
    assert clean_all([]) == []


def test_normalise_all_is_normalise_of_each_value_whatever_the_memo_holds():
    from pokin_xl.model.text import normalise_all

    ascii_texts = [f"Kabid_{i} SDM / Umum-{i % 7}" for i in range(50)]
    values = [*VALUES, *ascii_texts, *VALUES, "a\x00b SDM", "x\x00", *ascii_texts[:5], [1, 2]]
    for expand in (True, False):
        text._memos.cache_clear()  # every text new: the column's ASCII texts are keyed together
        assert normalise_all(values, expand=expand) == [normalise(v, expand=expand) for v in values]
        assert normalise_all(values, expand=expand) == [
            _plain_normalise(v, expand) if not isinstance(v, list) else normalise(v, expand=expand)
            for v in values
        ]
    text._memos.cache_clear()
    normalise("Kabid SDM", expand=False)  # the unexpanded key known, the expanded one not yet
    assert normalise_all(iter(["Kabid SDM", "Kabid SDM"])) == [normalise("Kabid SDM")] * 2
    assert normalise_all([]) == []


def test_a_full_memo_starts_again_and_answers_stay_right(monkeypatch):
    from pokin_xl.model.text import normalise_all

    monkeypatch.setattr(text, "_CACHED_TEXTS", 8)
    text._memos.cache_clear()
    values = [f"Teks {i} SKPD" for i in range(30)]
    assert normalise_all(values) == [_plain_normalise(v) for v in values]
    assert [normalise(v) for v in values] == [_plain_normalise(v) for v in values]
    assert len(text._memos().expanded) <= 8 and len(text._memos().keys) <= 8
    text._memos.cache_clear()
