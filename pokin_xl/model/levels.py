"""Tingkat (cascade levels) and Jenis Jabatan (position kinds), their order and who may hold what."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from pokin_xl.model.text import normalise


class Tingkat(IntEnum):
    """Cascade levels, top to bottom; the integer is the depth."""

    TUJUAN = 0
    SASARAN_STRATEGIS = 1
    SASARAN_PROGRAM = 2
    SASARAN_KEGIATAN = 3
    SASARAN_SUB_KEGIATAN = 4
    RENCANA_HASIL_KERJA = 5

    @property
    def label(self) -> str:
        return TINGKAT_LABELS[self]

    @classmethod
    def parse(cls, text: object) -> Tingkat | None:
        """Read a Tingkat as people type it ('Sasaran Sub Kegiatan', 'sub kegiatan', 'SSK', 'RHK')."""
        key = normalise(text)
        if not key:
            return None
        return _TINGKAT_ALIASES.get(key)


TINGKAT_LABELS: dict[Tingkat, str] = {
    Tingkat.TUJUAN: "Tujuan",
    Tingkat.SASARAN_STRATEGIS: "Sasaran Strategis",
    Tingkat.SASARAN_PROGRAM: "Sasaran Program",
    Tingkat.SASARAN_KEGIATAN: "Sasaran Kegiatan",
    Tingkat.SASARAN_SUB_KEGIATAN: "Sasaran Sub Kegiatan",
    Tingkat.RENCANA_HASIL_KERJA: "Rencana Hasil Kerja",
}

_TINGKAT_ALIASES: dict[str, Tingkat] = {}
for _level, _names in {
    Tingkat.TUJUAN: ["tujuan", "tujuan pd", "tujuan perangkat daerah"],
    Tingkat.SASARAN_STRATEGIS: ["sasaran strategis", "sasaran", "ss", "sasaran pd", "strategis"],
    Tingkat.SASARAN_PROGRAM: ["sasaran program", "program", "sp"],
    Tingkat.SASARAN_KEGIATAN: ["sasaran kegiatan", "kegiatan", "sk"],
    Tingkat.SASARAN_SUB_KEGIATAN: ["sasaran sub kegiatan", "sub kegiatan", "subkegiatan", "ssk"],
    Tingkat.RENCANA_HASIL_KERJA: [
        "rencana hasil kerja",
        "rhk",
        "hasil kerja",
        "rencana kinerja individu",
    ],
}.items():
    for _name in _names:
        _TINGKAT_ALIASES[normalise(_name)] = _level


class JenisJabatan(StrEnum):
    JPT = "JPT"
    ADMINISTRATOR = "Administrator"
    PENGAWAS = "Pengawas"
    FUNGSIONAL = "Fungsional"
    PELAKSANA = "Pelaksana"

    @classmethod
    def parse(cls, text: object) -> JenisJabatan | None:
        key = normalise(text)
        if not key:
            return None
        return _JABATAN_ALIASES.get(key)


_JABATAN_ALIASES: dict[str, JenisJabatan] = {}
for _kind, _names in {
    JenisJabatan.JPT: [
        "jpt",
        "jabatan pimpinan tinggi",
        "pimpinan tinggi",
        "jpt pratama",
        "eselon ii",
    ],
    JenisJabatan.ADMINISTRATOR: ["administrator", "jabatan administrator", "eselon iii"],
    JenisJabatan.PENGAWAS: ["pengawas", "jabatan pengawas", "eselon iv"],
    JenisJabatan.FUNGSIONAL: ["fungsional", "jabatan fungsional", "jf", "jft"],
    JenisJabatan.PELAKSANA: ["pelaksana", "jabatan pelaksana", "staf", "staff"],
}.items():
    for _name in _names:
        _JABATAN_ALIASES[normalise(_name)] = _kind


# Which position kinds may hold a sasaran of a level. Since the 2021 simplification
# (PermenPANRB 17/2021) many Pengawas posts became Fungsional, and a Fungsional may hold a
# sub kegiatan; an Administrator may hold both a program and a kegiatan.
HOLDERS: dict[Tingkat, frozenset[JenisJabatan]] = {
    Tingkat.TUJUAN: frozenset({JenisJabatan.JPT}),
    Tingkat.SASARAN_STRATEGIS: frozenset({JenisJabatan.JPT}),
    Tingkat.SASARAN_PROGRAM: frozenset({JenisJabatan.JPT, JenisJabatan.ADMINISTRATOR}),
    Tingkat.SASARAN_KEGIATAN: frozenset({JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS}),
    Tingkat.SASARAN_SUB_KEGIATAN: frozenset(
        {JenisJabatan.PENGAWAS, JenisJabatan.FUNGSIONAL, JenisJabatan.ADMINISTRATOR}
    ),
    Tingkat.RENCANA_HASIL_KERJA: frozenset(
        {JenisJabatan.PENGAWAS, JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA}
    ),
}


def expected_parent(level: Tingkat) -> frozenset[Tingkat]:
    """Levels a node of `level` may hang under (Rencana Hasil Kerja may attach to any sasaran)."""
    if level == Tingkat.TUJUAN:
        return frozenset()
    if level == Tingkat.RENCANA_HASIL_KERJA:
        return frozenset(t for t in Tingkat if t >= Tingkat.SASARAN_STRATEGIS)
    return frozenset({Tingkat(level - 1)})


# The cascade's drawing bands: 0 Tujuan .. 3 Sasaran Kegiatan, 4 the stack of Sasaran Sub Kegiatan
# (and Rencana Hasil Kerja, when the document has them).
STACK_LEVELS = (Tingkat.SASARAN_SUB_KEGIATAN, Tingkat.RENCANA_HASIL_KERJA)


def band_labels(*, holders: bool = False, rencana_hasil_kerja: bool = False) -> dict[int, str]:
    """The label of each band of a cascade drawing, from TINGKAT_LABELS (the one source).

    With `holders` each label has the position kinds that may hold that level (HOLDERS, the same
    table O003 checks) on a line above it, as the Pohon Kinerja draws rows by position level.
    """
    labels: dict[int, str] = {}
    for band in range(int(Tingkat.SASARAN_SUB_KEGIATAN) + 1):
        levels = [Tingkat(band)]
        if band == int(Tingkat.SASARAN_SUB_KEGIATAN) and rencana_hasil_kerja:
            levels = list(STACK_LEVELS)
        text = " dan ".join(level.label for level in levels)
        if holders:
            kinds = set().union(*(HOLDERS[level] for level in levels))
            text = " / ".join(kind.value for kind in JenisJabatan if kind in kinds) + "\n" + text
        labels[band] = text
    return labels


# Short names of the levels where a column is narrow (Ringkasan, the reviewers' recap).
LEVEL_ABBREVIATIONS: dict[Tingkat, str] = {
    Tingkat.TUJUAN: "Tujuan",
    Tingkat.SASARAN_STRATEGIS: "SS",
    Tingkat.SASARAN_PROGRAM: "SP",
    Tingkat.SASARAN_KEGIATAN: "SK",
    Tingkat.SASARAN_SUB_KEGIATAN: "SSK",
    Tingkat.RENCANA_HASIL_KERJA: "RHK",
}
