"""Satuan (units of measure): their canonical spelling, and the unit an indicator's wording implies."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from pokin_xl.model.text import clean, normalise

if TYPE_CHECKING:
    from pokin_xl.model.nomenclature import Nomenclature

# Words (and their abbreviations) that are both a unit and the counted thing after "Jumlah".
_COUNTED_WORDS: dict[str, str] = {
    "dokumen": "Dokumen",
    "dok": "Dokumen",
    "laporan": "Laporan",
    "lap": "Laporan",
    "lapor": "Laporan",
    "lpj": "Laporan",
    "doc": "Dokumen",
    "keg": "Kegiatan",
    "kgt": "Kegiatan",
    "th": "Tahun",
    "hr": "Hari",
    "lbg": "Lembaga",
    "rekom": "Rekomendasi",
    "apl": "Aplikasi",
    "app": "Aplikasi",
}

# Keys are comparison keys (`normalise(..., expand=False)`), values the canonical spelling.
UNIT_ALIASES: dict[str, str] = {
    "%": "%",
    "persen": "%",
    "persen %": "%",
    "prosen": "%",
    "percent": "%",
    "persentase": "%",
    "prosentase": "%",
    "presentase": "%",
    **_COUNTED_WORDS,
    "orang": "Orang",
    "org": "Orang",
    "jiwa": "Jiwa",
    "orang bulan": "Orang/Bulan",
    "org bulan": "Orang/Bulan",
    "orang bln": "Orang/Bulan",
    "org bln": "Orang/Bulan",
    "ob": "Orang/Bulan",
    "paket": "Paket",
    "pkt": "Paket",
    "unit": "Unit",
    "predikat": "Predikat",
    "indeks": "Indeks",
    "index": "Indeks",
    "nilai": "Nilai",
    "kegiatan": "Kegiatan",
    "kali": "Kali",
    "bulan": "Bulan",
    "bln": "Bulan",
    "hari": "Hari",
    "tahun": "Tahun",
    "thn": "Tahun",
    "lembaga": "Lembaga",
    "berkas": "Berkas",
    "buku": "Buku",
    "rekomendasi": "Rekomendasi",
    "sistem": "Sistem",
    "aplikasi": "Aplikasi",
    "ha": "Ha",
    "hektar": "Ha",
    "hektare": "Ha",
    "m2": "m2",
    "meter persegi": "m2",
    "rupiah": "Rupiah",
    "rp": "Rupiah",
    "level": "Level",
    "poin": "Poin",
    "point": "Poin",
    "skor": "Skor",
    "score": "Skor",
    "kategori": "Kategori",
}

# Further common SAKIP units and the abbreviations agencies write for them. Unlike the units
# above they never stand for what "Jumlah ..." counts (only `_HEAD_NOUNS` and the units above do).
_MORE_UNITS: dict[str, str] = {
    "buah": "Buah",
    "bh": "Buah",
    "lembar": "Lembar",
    "lbr": "Lembar",
    "eksemplar": "Eksemplar",
    "eks": "Eksemplar",
    "expl": "Eksemplar",
    "set": "Set",
    "km": "Km",
    "kilometer": "Km",
    "meter": "Meter",
    "mtr": "Meter",
    "ton": "Ton",
    "kg": "Kg",
    "kilogram": "Kg",
    "liter": "Liter",
    "ltr": "Liter",
    "desa": "Desa",
    "kelurahan": "Kelurahan",
    "kecamatan": "Kecamatan",
    "kec": "Kecamatan",
    "sekolah": "Sekolah",
    "siswa": "Orang",
    "peserta": "Orang",
    "kelompok": "Kelompok",
    "klp": "Kelompok",
    "kk": "KK",
    "kepala keluarga": "KK",
    "keluarga": "Keluarga",
    "rumah tangga": "Rumah Tangga",
    "titik": "Titik",
    "ttk": "Titik",
    "lokasi": "Lokasi",
    "lok": "Lokasi",
    "kasus": "Kasus",
    "perda": "Peraturan Daerah",
    "peraturan daerah": "Peraturan Daerah",
    "izin": "Izin",
    "ijin": "Izin",
    "sertifikat": "Sertifikat",
    "layanan": "Layanan",
    "triwulan": "Triwulan",
    "semester": "Semester",
    "minggu": "Minggu",
    "jam": "Jam",
    "angka": "Angka",
    "rasio": "Rasio",
    "peringkat": "Peringkat",
    "opini": "Opini",
    "ruang": "Ruang",
    "arsip": "Arsip",
    "objek": "Objek",
    "obyek": "Objek",
    "produk": "Produk",
    "ekor": "Ekor",
}

# Canonical units that name what an indicator counts ("Jumlah Dokumen" -> Dokumen).
KNOWN_UNITS: frozenset[str] = frozenset(UNIT_ALIASES.values())
_COUNTING_ALIASES = dict(UNIT_ALIASES)
UNIT_ALIASES.update({k: v for k, v in _MORE_UNITS.items() if k not in UNIT_ALIASES})

# The common canonical units, in the order a dropdown should offer them.
SUGGESTED_UNITS: list[str] = [
    "%",
    "Dokumen",
    "Laporan",
    "Orang",
    "Orang/Bulan",
    "Paket",
    "Unit",
    "Kegiatan",
    "Kali",
    "Lembaga",
    "Rekomendasi",
    "Aplikasi",
    "Sistem",
    "Berkas",
    "Predikat",
    "Indeks",
    "Nilai",
    "Level",
    "Poin",
    "Bulan",
    "Hari",
    "Rupiah",
]

_PERCENT_HEADS = frozenset({"persentase", "prosentase", "presentase", "persentasi"})
_COUNT_HEADS = frozenset({"jumlah", "banyaknya"})
# Head nouns after "Jumlah" that name the counted thing although they are not units themselves.
_HEAD_NOUNS: dict[str, str] = {
    **_COUNTED_WORDS,
    "paket": "Paket",
    "unit": "Unit",
    "orang": "Orang",
    "asn": "Orang",
    "pns": "Orang",
    "pppk": "Orang",
    "pegawai": "Orang",
    "pejabat": "Orang",
    "peserta": "Orang",
    "personel": "Orang",
    "personil": "Orang",
    "sdm": "Orang",
    "lembaga": "Lembaga",
    "kegiatan": "Kegiatan",
}
# Unit words that, after "Jumlah", name a measure rather than a counted thing ("Jumlah Nilai ...").
_NOT_COUNTED = frozenset({"nilai", "indeks", "index", "predikat", "level", "kategori", "skor"})
_PARENTHESES_RE = re.compile(r"\(([^()]*)\)")
_EDGE_PUNCTUATION = " .,;:()[]{}\"'"
_NEAR_MISS_SCORE = 85
_NATIONAL_HABIT = 3  # times the national list pairs two units before they count as one kind


def normalise_unit(text: object) -> str:
    """Canonical Satuan: known aliases folded ('persen' -> '%'), unknown ones title-cased."""
    cleaned = clean(text)
    key = normalise(cleaned, expand=False)
    if not key:
        return ""
    known = UNIT_ALIASES.get(key)
    if known is not None:
        return known
    parts = cleaned.split("/")
    if len(parts) > 1 and all(normalise(part, expand=False) for part in parts):
        return "/".join(normalise_unit(part) for part in parts)
    words = cleaned.lower().strip(_EDGE_PUNCTUATION).split(" ")
    return " ".join(word[:1].upper() + word[1:] for word in words)


def base_unit(unit: str) -> str:
    """The unit before a '/': 'Orang/Bulan' -> 'Orang'."""
    canonical = normalise_unit(unit)
    return normalise_unit(canonical.split("/", 1)[0]) if "/" in canonical else canonical


def implied_unit(indikator: object) -> str | None:
    """The unit an indicator's wording implies ('Persentase ...' -> '%'), or None when unclear.

    Only the head noun after 'Jumlah' counts: 'Jumlah Dokumen ...' implies Dokumen, but
    'Jumlah Rencana Kebutuhan Barang' implies nothing. Indices, ratios and averages have their
    own scales and imply nothing unless the wording states the unit in parentheses ('(%)').
    """
    key = normalise(indikator, expand=False)
    if not key:
        return None
    words = key.split(" ", 2)
    if words[0] in _PERCENT_HEADS:
        return "%"
    for inner in reversed(_PARENTHESES_RE.findall(clean(indikator))):
        stated = UNIT_ALIASES.get(normalise(inner, expand=False))
        if stated is not None:
            return stated
    if words[0] in _COUNT_HEADS and len(words) > 1:
        head = words[1]
        if head in _HEAD_NOUNS:
            return _HEAD_NOUNS[head]
        if head in _COUNTING_ALIASES and head not in _NOT_COUNTED:
            return _COUNTING_ALIASES[head]
    return None


def implied_units(texts: Iterable[str]) -> list[str | None]:
    """`implied_unit` of each text, worked out once per distinct opening.

    Without parentheses the rule reads the first two words only, and indicators are nearly all
    distinct but begin alike ('Jumlah Dokumen layanan 1.2'). An ASCII text is cut after its
    second word as written: the normalised words of that opening are the first words of the
    whole, so when it holds two of them it implies what the whole does.
    """
    by_opening: dict[str, object] = {}
    implied: list[str | None] = []
    for text in texts:
        words = text.split(None, 2) if text.isascii() and "(" not in text else ()
        if len(words) < 3:
            implied.append(implied_unit(text))
            continue
        opening = words[0] + " " + words[1]
        found = by_opening.get(opening, _UNSEEN)
        if found is _UNSEEN:
            two_words = " " in normalise(opening, expand=False)
            found = by_opening[opening] = implied_unit(opening) if two_words else _WHOLE
        implied.append(implied_unit(text) if found is _WHOLE else found)  # type: ignore[arg-type]
    return implied


_UNSEEN, _WHOLE = object(), object()  # an opening not read yet; one to read the whole text of


def units_compatible(a: str, b: str) -> bool:
    """Same unit, or same base unit (Orang vs Orang/Bulan); a blank unit is compatible with any."""
    first, second = normalise_unit(a), normalise_unit(b)
    if not first or not second:
        return True
    return first == second or base_unit(first) == base_unit(second)


def _closest(unit: str, candidates: frozenset[str]) -> tuple[str | None, float]:
    from rapidfuzz import fuzz  # only where a spelling is compared (a clean workbook: never)

    key = unit.lower()
    best, score = None, 0.0
    for known in candidates:
        if abs(len(known) - len(unit)) > 2 or len(known) < 4:
            continue
        ratio = fuzz.ratio(key, known.lower())
        if ratio > score:
            best, score = known, ratio
    return best, score


# The units of this module, in their canonical spelling: the part of `unit_vocabulary` known
# without loading the national list (most satuan of a document are among them).
_CANONICAL_UNITS = frozenset({*UNIT_ALIASES.values(), *SUGGESTED_UNITS})


class NationalUnits(NamedTuple):
    """What the unit rules take from the national list's SATUAN column, worked out when the
    package data is built (``scripts/build_nomenklatur.py``, into the tables file
    ``nomenklatur_satuan.json``) instead of at every start (the spelling comparison alone loaded
    rapidfuzz, ~14 ms, in every process):

    - `units`: each SATUAN in its canonical spelling (`normalise_unit`);
    - `misspelt`: those that are not a canonical unit of this module but a near miss of one
      ('Dokuman'), which the vocabulary leaves out;
    - `pairs`: the (counted thing, satuan) pairs the list writes by habit (`_national_pairs`).
    """

    units: frozenset[str]
    misspelt: frozenset[str]
    pairs: frozenset[frozenset[str]]


def national_units_of(nomenclature: Nomenclature) -> NationalUnits:
    """The `NationalUnits` of a list, computed (what the shipped file must hold)."""
    units = _units_of(nomenclature)
    misspelt = frozenset(
        u for u in units - _CANONICAL_UNITS if _closest(u, _CANONICAL_UNITS)[1] >= _NEAR_MISS_SCORE
    )
    vocabulary = frozenset({*_CANONICAL_UNITS, *(units - misspelt)})
    return NationalUnits(units, misspelt, _pairs(nomenclature, vocabulary))


def _units_of(nomenclature: Nomenclature) -> frozenset[str]:
    return frozenset(
        key.satuan for e, key in zip(nomenclature, nomenclature.keys, strict=True) if e.satuan
    ) - {""}


def _pairs(nomenclature: Nomenclature, vocabulary: frozenset[str]) -> frozenset[frozenset[str]]:
    """The (counted thing, satuan) pairs the national list itself writes ('Jumlah Orang ...' in
    Peserta Didik, 'Jumlah Dokumen ...' in Laporan): units of one kind, by the reference."""
    counts: dict[frozenset[str], int] = {}
    bases: dict[str, str] = {}  # a few hundred distinct satuan among ~3,000 indicators
    for entry, key in zip(nomenclature, nomenclature.keys, strict=True):
        if not (entry.indikator and entry.satuan):
            continue
        unit = bases.get(entry.satuan)
        if unit is None:
            unit = bases[entry.satuan] = base_unit(entry.satuan)
        implied = key.implied
        if implied and unit in vocabulary and implied != unit:
            pair = frozenset({implied, unit})
            counts[pair] = counts.get(pair, 0) + 1
    # a pair written once or twice is a slip of the list ('Jumlah Paket Mebel' in Unit), not
    # its habit
    return frozenset(pair for pair, n in counts.items() if n >= _NATIONAL_HABIT)


def national_units_from(tables: Mapping[str, list]) -> NationalUnits:
    """The `NationalUnits` the shipped tables file holds (`nomenclature.tables_text`)."""
    return NationalUnits(
        frozenset(tables["satuan"]),
        frozenset(tables["salah_eja"]),
        frozenset(map(frozenset, tables["pasangan"])),
    )


@functools.cache
def _national() -> NationalUnits:
    """The shipped units when the tables file is the shipped list's, else computed."""
    from pokin_xl.model.nomenclature import load_nomenclature  # on first use
    from pokin_xl.model.nomenclature_files import shipped_tables

    tables = shipped_tables()
    if tables is not None:
        return national_units_from(tables)
    return national_units_of(load_nomenclature())


@functools.cache
def unit_vocabulary() -> frozenset[str]:
    """Every unit spelt right: the canonical units here plus each SATUAN of the national
    nomenclature in its canonical spelling, less the national list's own typos ('Dokuman')."""
    national = _national()
    return frozenset({*_CANONICAL_UNITS, *(national.units - national.misspelt)})


def _national_units() -> frozenset[str]:
    return _national().units


def is_known_unit(unit: object) -> bool:
    """A unit of the vocabulary (common SAKIP units and every national SATUAN), abbreviations
    folded: 'Lap', 'Dok', 'Org', 'Pkt', 'Bln', 'Thn' are known as their full forms."""
    canonical = base_unit(str(unit or ""))
    return canonical in _CANONICAL_UNITS or (bool(canonical) and canonical in unit_vocabulary())


def _national_pairs() -> frozenset[frozenset[str]]:
    """The (counted thing, satuan) pairs the national list itself writes (`_pairs`)."""
    return _national().pairs


def counts_as(implied: str, unit: str, indikator: object = "") -> bool:
    """The satuan fits what an indicator's wording counts: the same unit, a qualified form of it
    ('Unit Usaha' for Unit), a pair the national list writes, or a unit the wording itself names
    ('Jumlah Dokumen SOP' in SOP)."""
    first, second = normalise_unit(implied), base_unit(unit)
    if not first or not second or units_compatible(first, second):
        return True
    if second.split(" ")[0] == first or first.split(" ")[0] == second:
        return True
    if frozenset({first, second}) in _national_pairs():
        return True
    if second in KNOWN_UNITS:
        return False
    named = f" {normalise(indikator, expand=False)} "
    return f" {normalise(second, expand=False)} " in named


def near_miss_unit(text: object) -> str | None:
    """The vocabulary unit a satuan looks like a misspelling of ('Dokumne' -> 'Dokumen')."""
    unit = normalise_unit(text)
    if not unit or unit in _CANONICAL_UNITS:
        return None  # spelt right, known without the national list
    vocabulary = unit_vocabulary()
    if unit in vocabulary or unit in _national_units():
        return None  # a national satuan copied exactly is never reported, typo or not
    if len(unit) < 4 or any(ch.isdigit() for ch in unit):
        return None
    best, score = _closest(unit, vocabulary)
    return best if best is not None and score >= _NEAR_MISS_SCORE else None
