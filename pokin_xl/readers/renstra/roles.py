"""What a target or pagu column holds besides "the plan for one year", read from its headers.

A Renja evaluation form (Permendagri 86/2017) states, next to the year's target, the target at the
end of the Renstra period, realisation to date, realisation per triwulan, the level of achievement
(%), and sometimes the RPJMD target or next year's forecast. Only the year's own target and pagu
may ever be compared; every other column gets a role here and is set aside by the layout.
"""

from __future__ import annotations

import re

from pokin_xl.model.text import normalise

# role -> phrases (normalised, expand=False); the first header text, bottom up, naming a role or
# the word "target" decides (the lowest header is the most specific one).
ROLE_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("capaian", ("tingkat capaian", "tingkat realisasi", "persentase capaian", "capaian %")),
    ("triwulan", ("triwulan", "tw", "semester")),
    ("realisasi", ("realisasi", "capaian s d", "s d tahun", "s d renja")),
    ("akhir", ("akhir periode", "akhir renstra", "akhir tahun perencanaan", "kondisi akhir")),
    ("rpjmd", ("rpjmd", "rpjpd")),
    ("maju", ("prakiraan maju", "perkiraan maju", "tahun n 1", "n 1")),
    ("kebutuhan", ("kebutuhan", "proyeksi")),
)
ROLE_LABELS = {
    "capaian": "tingkat capaian (%)",
    "triwulan": "realisasi/target per triwulan",
    "realisasi": "realisasi",
    "akhir": "target akhir periode",
    "rpjmd": "target RPJMD",
    "maju": "prakiraan maju",
    "kebutuhan": "kebutuhan/proyeksi",
}
_PLAN_WORDS = ("target", "rencana", "pagu", "anggaran", "dana")
# A header made only of these words ("Target", "K", "Rp (000)") names the kind of value, not
# whose value it is: the header above it decides.
_BARE_WORDS = frozenset(
    {
        "target",
        "k",
        "rp",
        "pagu",
        "dana",
        "anggaran",
        "kinerja",
        "indikatif",
        "fisik",
        "keuangan",
        "rupiah",
        "000",
        "ribu",
        "juta",
        "tk",
        "capaian",
        "nilai",
        "satuan",
    }
)
_SCALES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("miliar", "milyar", "m rp"), 1_000_000_000),
    (("juta", "jutaan"), 1_000_000),
    (("ribu", "ribuan", "000"), 1_000),
)
_THOUSANDS_RE = re.compile(r"\(\s*000\s*\)|rp\.?\s*000\b|x\s*1\.?000\b", re.IGNORECASE)


def _has(key: str, phrase: str) -> bool:
    return f" {phrase} " in f" {key} "


def column_role(texts: list[str]) -> str:
    """'' for the plan's own target/pagu, else a ROLE_LABELS key."""
    for text in reversed(texts):
        key = normalise(text, expand=False)
        if _has(key, "kebutuhan dana") and _has(key, "pagu"):
            continue  # "Kebutuhan Dana/ Pagu Indikatif" (Permendagri 54/2010): the header above
        for role, phrases in ROLE_PHRASES:
            if any(_has(key, phrase) for phrase in phrases):
                return role
        if set(key.split()) <= _BARE_WORDS:
            continue
        if any(_has(key, word) for word in _PLAN_WORDS):
            return ""
    return ""


def pagu_scale(texts: list[str]) -> int:
    """1000 for "Rp (000)" / "ribu", 1e6 for "juta", 1e9 for "miliar"; 1 otherwise."""
    for text in reversed(texts):
        if _THOUSANDS_RE.search(text):
            return 1_000
        key = normalise(text, expand=False)
        for words, scale in _SCALES:
            if any(_has(key, word) for word in words):
                return scale
    return 1
