"""clean() and normalise() remember each distinct text; the answers must be those of the plain
computation, for every kind of cell value (1, 1.0 and True are equal keys to Python)."""

import math
import unicodedata

import pandas as pd

from pokin_xl.model import text
from pokin_xl.model.text import clean, normalise


def _plain_clean(value: object) -> str:
    if text.is_blank(value):
        return ""
    folded = unicodedata.normalize("NFKC", str(value)).translate(text._INVISIBLE)
    return text._SPACES_RE.sub(" ", folded).strip()


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
