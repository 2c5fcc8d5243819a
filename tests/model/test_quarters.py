"""model/quarters: the acting official's prefix, from the Status column or the jabatan itself."""

import math

import pytest

from pokin_xl.model.quarters import acting_prefix


@pytest.mark.parametrize(
    ("jabatan", "status", "prefix"),
    [
        ("Kepala Bidang Umum", "Plt", "Plt."),
        ("Kepala Bidang Umum", "plh.", "Plh."),
        ("Kepala Bidang Umum", " PJ ", "Pj."),
        ("Plt. Kepala Bidang Umum", "", "Plt."),
        ("Plh Sekretaris", None, "Plh."),
        ("Pj. Bupati", math.nan, "Pj."),
        ("Kepala Bidang Umum", "Definitif", ""),
        ("Pltx Kepala", "", ""),  # a word that starts like one is not one
        ("", "", ""),
        (None, None, ""),
        ("   ", "PNS", ""),
    ],
)
def test_acting_prefix(jabatan, status, prefix):
    assert acting_prefix(jabatan, status) == prefix
