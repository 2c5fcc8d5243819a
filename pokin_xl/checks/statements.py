"""Statement rules S001-S004: how a Sasaran and an Indikator are worded.

A sasaran states a condition ("Tersusunnya ...", "Meningkatnya ..."); an indicator states a
measure ("Jumlah ...", "Persentase ...", "Indeks ..."). The first word tells which, read with
Indonesian morphology: ter-/ber-/me-/di-...-nya is a condition, pe(N)-...-an or -isasi an activity
noun, me(N)- without -nya an active verb. Word lists are data here, in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

import numpy as np
import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.columns import per_distinct
from pokin_xl.checks.targets import read_indicators
from pokin_xl.checks.where import WHERE_FIELDS, at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.records import records, records_by_row
from pokin_xl.model.text import clean, normalise

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("S001", "S002", "S003", "S004", "S005")

# ---------------------------------------------------------------------------------------- data
# First words (normalised, or two words for "rata rata") that make a statement a measure.
INDICATOR_HEADS: frozenset[str] = frozenset(
    {
        "jumlah",
        "persentase",
        "prosentase",
        "presentase",
        "persentasi",
        "rasio",
        "indeks",
        "index",
        "nilai",
        "tingkat",
        "rata rata",
        "rerata",
        "angka",
        "proporsi",
        "capaian",
        "banyaknya",
        "skor",
        "predikat",
        "opini",
        "cakupan",
    }
)
# Further measure words that begin a sound indicator; they are never S002.
MEASURE_HEADS: frozenset[str] = INDICATOR_HEADS | {
    "lama",
    "lamanya",
    "waktu",
    "realisasi",
    "laju",
    "derajat",
    "frekuensi",
    "durasi",
    "prevalensi",
    "peringkat",
    "ranking",
    "level",
    "status",
    "kategori",
    "pendapatan",
    "pengeluaran",
    "pertumbuhan",
    "penerimaan",
    "kadar",
    "luas",
    "panjang",
    "volume",
    "besaran",
    "total",
}
# Activity nouns that the pe(N)-...-an / -isasi shape does not catch.
ACTIVITY_WORDS: frozenset[str] = frozenset(
    {
        "evaluasi",
        "fasilitasi",
        "koordinasi",
        "monitoring",
        "monev",
        "verifikasi",
        "validasi",
        "identifikasi",
        "inventarisasi",
        "rekonsiliasi",
        "konsultasi",
        "asistensi",
        "supervisi",
        "advokasi",
        "implementasi",
        "harmonisasi",
        "publikasi",
        "dokumentasi",
        "rehabilitasi",
        "rekapitulasi",
        "analisis",
        "analisa",
        "audit",
        "reviu",
        "review",
        "rapat",
        "rakor",
        "bimtek",
        "bimbingan",
        "diklat",
        "workshop",
        "kajian",
        "survei",
        "survey",
    }
)
# Words shaped pe(N)-...-an or -isasi that name a thing, a sector or a group, not an activity.
NOT_ACTIVITY_NOUNS: frozenset[str] = frozenset(
    {
        "organisasi",
        "realisasi",
        "pendapatan",
        "pengeluaran",
        "pertumbuhan",
        "penerimaan",
        "pemerintahan",
        "perusahaan",
        "pelabuhan",
        "perumahan",
        "permukiman",
        "pemukiman",
        "pedesaan",
        "perkotaan",
        "pertanian",
        "perikanan",
        "peternakan",
        "perkebunan",
        "perdagangan",
        "perindustrian",
        "perhubungan",
        "perekonomian",
        "pertanahan",
        "perbankan",
        "pertambangan",
        "pendidikan",
        "pekerjaan",
        "perpustakaan",
        "perkantoran",
        "peralatan",
        "perlengkapan",
        "persediaan",
        "peraturan",
        "perjanjian",
        "perempuan",
        "perizinan",
        "persatuan",
        "pertahanan",
    }
)
# Adjectives that, after "yang", make an activity noun a state: "Pelayanan publik yang prima".
QUALITY_WORDS: frozenset[str] = frozenset(
    {
        "baik",
        "bersih",
        "akuntabel",
        "efektif",
        "efisien",
        "optimal",
        "prima",
        "transparan",
        "profesional",
        "andal",
        "handal",
        "cepat",
        "mudah",
        "tepat",
        "partisipatif",
        "responsif",
        "inovatif",
        "kondusif",
        "merata",
        "memadai",
        "layak",
        "sehat",
        "aman",
        "bermutu",
        "berkualitas",
        "berkelanjutan",
        "terpadu",
        "terintegrasi",
    }
)
# The condition that an activity word aims at, to suggest a rewording.
CONDITION_FORMS: dict[str, str] = {
    "meningkatkan": "Meningkatnya",
    "peningkatan": "Meningkatnya",
    "menurunkan": "Menurunnya",
    "penurunan": "Menurunnya",
    "mewujudkan": "Terwujudnya",
    "perwujudan": "Terwujudnya",
    "melaksanakan": "Terlaksananya",
    "pelaksanaan": "Terlaksananya",
    "menyusun": "Tersusunnya",
    "penyusunan": "Tersusunnya",
    "mengelola": "Terkelolanya",
    "pengelolaan": "Terkelolanya",
    "menyediakan": "Tersedianya",
    "penyediaan": "Tersedianya",
    "memelihara": "Terpeliharanya",
    "pemeliharaan": "Terpeliharanya",
    "menyelenggarakan": "Terselenggaranya",
    "penyelenggaraan": "Terselenggaranya",
    "membina": "Terbinanya",
    "pembinaan": "Terbinanya",
    "mengoptimalkan": "Optimalnya",
    "optimalisasi": "Optimalnya",
}
# Words shaped like an active me(N)- verb that are nouns.
NOT_VERBS: frozenset[str] = frozenset({"menara", "menteri", "mental", "merit", "meja", "menu"})

_CONDITION_PREFIXES = ("ter", "ber", "me", "di")
# Passive/stative prefixes: 'Tersosialisasi', 'Terorganisasi' are conditions even without -nya.
_CONDITION_ONLY_PREFIXES = ("ter", "ber")
_VERB_PREFIX_RE = re.compile(r"^me(?:ng|ny|m|n|l|r|w|y)")
# "1.", "1.2)", "a)", "(b)", "iv." at the start of a statement.
_NUMBERING_RE = re.compile(r"^\s*\(?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+", re.IGNORECASE)
_RAW_WORD_SEPARATORS_RE = re.compile(r"[\s/(),.:;-]+")
# A short all-capital word is an acronym of an index ("IPASN", "IKM", "SAKIP"): a measure. Longer
# capitals are ordinary words typed in capitals ("PENYUSUNAN") and are read as words.
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


# ---------------------------------------------------------------------------------------- morphology
def is_condition_word(word: str) -> bool:
    """'Terlaksananya', 'Meningkatnya', 'Dilaksanakannya', 'Keberhasilannya': a reached condition."""
    if len(word) < 7 or not word.endswith("nya"):
        return False
    return word.startswith(_CONDITION_PREFIXES) or (
        word.startswith("ke") and word.endswith("annya")
    )


def is_activity_noun(word: str) -> bool:
    """'Penyusunan', 'Pengelolaan', 'Optimalisasi', 'Evaluasi': the name of an activity."""
    if word in NOT_ACTIVITY_NOUNS or word.startswith(_CONDITION_ONLY_PREFIXES):
        return False
    if word in ACTIVITY_WORDS:
        return True
    if word.startswith("pe") and word.endswith("an") and len(word) >= 8:
        return True
    return word.endswith("isasi") and len(word) >= 8


def is_active_verb(word: str) -> bool:
    """'Melaksanakan', 'Meningkatkan', 'Menyusun', 'Mengelola' (not 'Meningkatnya')."""
    if word.endswith("nya") or word in NOT_VERBS or len(word) < 6:
        return False
    return bool(_VERB_PREFIX_RE.match(word))


def leading_words(text: object, count: int = 2) -> list[str]:
    """The first normalised words of a statement, after any numbering ('1.', 'a)')."""
    return list(_words(clean(text))[:count])


def _body(text: str) -> str:
    """The (cleaned) statement after any numbering."""
    return _NUMBERING_RE.sub("", text, count=1)


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    body = _body(text)
    return tuple(normalise(body, expand=False).split(" ")) if body else ()


def _first_raw_word(text: object) -> str:
    body = _body(clean(text))
    return _RAW_WORD_SEPARATORS_RE.split(body, maxsplit=1)[0] if body else ""


def measure_head(text: str) -> str:
    """The measure word a statement begins with ('Rata-rata', 'Jumlah'), or ''."""
    return _head_in(text, MEASURE_HEADS)


def indicator_head(text: str) -> str:
    """The S001 word a statement begins with, or ''."""
    return _head_in(text, INDICATOR_HEADS)


def _head_in(text: str, heads: frozenset[str]) -> str:
    words = _words(clean(text))[:2]
    if not words or not words[0]:
        return ""
    if len(words) == 2 and (pair := " ".join(words)) in heads:
        return pair
    if len(words) == 2 and words[0] == words[1]:  # "Nilai-nilai budaya": a plural, not a measure
        return ""
    return words[0] if words[0] in heads else ""


@lru_cache(maxsize=1 << 16)
def not_a_measure(indikator: str) -> str:
    """Why an indicator is not a measure ('kondisi', 'kegiatan'), or '' when it may be one."""
    if measure_head(indikator) or _ACRONYM_RE.match(_first_raw_word(indikator)):
        return ""
    words = leading_words(indikator, 1)
    word = words[0] if words else ""
    if is_condition_word(word):
        return "kondisi"
    if is_activity_noun(word):
        return "kegiatan"
    return ""


@lru_cache(maxsize=1 << 16)
def activity_form(sasaran: str) -> str:
    """Why a sasaran reads as an activity ('kata kerja aktif', 'nama kegiatan'), or ''."""
    form = _opening_form(sasaran)
    return "" if form == _ACTIVITY_NOUN and states_a_quality(sasaran) else form


_ACTIVE_VERB, _ACTIVITY_NOUN = "kata kerja aktif", "nama kegiatan"


def _opening_form(sasaran: str) -> str:
    """`activity_form` as far as the first word tells: a 'nama kegiatan' may still be undone by
    a quality the phrase states further on (`states_a_quality`)."""
    if measure_head(sasaran):
        return ""
    words = leading_words(sasaran, 1)
    word = words[0] if words else ""
    if is_active_verb(word):
        return _ACTIVE_VERB
    if is_activity_noun(word):
        return _ACTIVITY_NOUN
    return ""


def states_a_quality(text: str) -> bool:
    """'... yang akuntabel', '... yang berkualitas': the phrase describes a state, not a task."""
    words = normalise(text, expand=False).split(" ")
    return any(
        first == "yang" and (second in QUALITY_WORDS or second.startswith(("ber", "ter")))
        for first, second in pairwise(words)
    )


# ---------------------------------------------------------------------------------------- openings
# The word rules (S001, S002, S004) read the first two words of a statement, after any numbering.
# Statements of a column are nearly all distinct but begin alike ("Jumlah Dokumen layanan 1.2",
# "Jumlah Dokumen layanan 1.3"), so each distinct opening is read once, not each statement.
def _cut(text: str) -> str | None:
    """An ASCII statement cut after its first two words as written (three when the first ends
    like a numbering, '1.', 'a)'), or None when it has no more words than that.

    The normalised words of a prefix that ends between two words are the first words of the
    whole, so a cut with two words after any numbering reads as the whole does (`_Column`
    counts them). A non-ASCII text is never cut: Unicode folding is not cut at a space safely.
    """
    words = text.split(None, 2)
    if len(words) < 3:
        return None
    if words[0][-1] not in ".)":
        return words[0] + " " + words[1]
    words = text.split(None, 3)
    return " ".join(words[:3]) if len(words) == 4 else None


class _Column:
    """A text column by its distinct `values`: `map_opening(fn)` is `column.map(lambda v:
    fn(clean(v)))` for a function that reads only the first two words, called once per distinct
    opening."""

    def __init__(self, column: pd.Series) -> None:
        self._codes, uniques = pd.factorize(column, use_na_sentinel=True)
        self.values = [*uniques.tolist(), None]  # code -1 (the last): a missing cell
        self._index = column.index
        self._openings: tuple[list[str], np.ndarray] | None = None

    def of(self, results: list) -> pd.Series:
        """The column of `results`, one for each of `values`."""
        return self._series(np.array(results, dtype=object), self._codes)

    def map_opening(self, fn: Callable[[str], object]) -> pd.Series:
        if self._openings is None:
            self._openings = self._read_openings()
        openings, codes = self._openings
        return self._series(_results(fn, openings), codes)

    def _read_openings(self) -> tuple[list[str], np.ndarray]:
        ids: dict[str, int] = {}
        complete: dict[str, bool] = {}  # a cut opening -> whether it holds two words
        opening_ids = []
        for value in self.values:
            cut = _cut(value) if type(value) is str and value.isascii() else None
            if cut is not None:
                two_words = complete.get(cut)
                if two_words is None:
                    two_words = complete[cut] = len(_words(cut)) >= 2
                if two_words:
                    opening_ids.append(ids.setdefault(cut, len(ids)))
                    continue
            text = clean(value)  # the opening does not tell: read the whole
            opening_ids.append(ids.setdefault(text, len(ids)))
        return list(ids), np.asarray(opening_ids, dtype=np.intp)[self._codes]

    def _series(self, results: np.ndarray, codes: np.ndarray) -> pd.Series:
        return pd.Series(results[codes], index=self._index, dtype=object)


def _results(fn: Callable[[object], object], values: list) -> np.ndarray:
    return np.fromiter(map(fn, values), dtype=object, count=len(values))


# ---------------------------------------------------------------------------------------- checks
def check_statements(workbook: MatriksWorkbook) -> list[Finding]:
    """S001-S005: sasaran worded as indicators or activities, indicators that measure nothing,
    two indicators in one cell."""
    findings = _sasaran_findings(workbook)
    if not workbook.indicators.frame.empty:
        indikator = _Column(workbook.indicators.frame["indikator"])
        key, shared_key, _ = map(indikator.of, read_indicators(indikator.values))
        written = indikator.of(list(map(_written, indikator.values))).astype(bool)
        findings += _indicator_findings(workbook, indikator, written, key)
        findings += _shared_indicators(workbook, shared_key)
    return findings + check_joined_indicators(workbook)


_PARTS_RE = re.compile(r"\s*(?:;|\r?\n)\s*")


def joined_indicators(text: str) -> list[str]:
    """The measures of a cell that states several ('Persentase A; Persentase B'), else []."""
    parts = [part.strip(" .") for part in _PARTS_RE.split(text) if part.strip(" .")]
    measures = [part for part in parts if measure_head(part)]
    return measures if len(measures) >= 2 else []


def check_joined_indicators(workbook: MatriksWorkbook) -> list[Finding]:
    """S005: two or more indicators written in one cell, sharing one target."""
    sheet = workbook.indicators
    frame = sheet.frame
    if frame.empty or "indikator" not in frame:
        return []
    findings: list[Finding] = []
    joined = [isinstance(v, str) and (";" in v or "\n" in v) for v in frame["indikator"].tolist()]
    if not any(joined):
        return []
    frame = frame[np.array(joined, dtype=bool)]
    for row, record in zip(frame.index, records(frame), strict=True):
        text = str(record.get("indikator") or "")
        if ";" not in text and "\n" not in text:
            continue
        measures = joined_indicators(text)
        if not measures:
            continue
        findings.append(
            finding(
                "S005",
                _joined_message(measures, has_target=bool(clean(record.get("target_raw")))),
                **at_row(workbook, sheet, int(row), "indikator", record),
            )
        )
    return findings


def _joined_message(measures: list[str], *, has_target: bool) -> str:
    """The same indicator pasted twice asks for a deletion, not for a row per indicator; 'one
    target' is said only where the row states a target (a Tujuan/Sasaran list has none)."""
    distinct: dict[str, str] = {}
    for measure in measures:
        distinct.setdefault(normalise(measure), measure)
    if len(distinct) == 1:
        [only] = distinct.values()
        return (
            f"Satu sel memuat indikator yang sama {len(measures)} kali ('{only}'). "
            "Hapus salinannya: cukup ditulis sekali."
        )
    shown = "; ".join(f"'{m}'" for m in distinct.values())
    shared = " dengan satu target" if has_target else ""
    return (
        f"Satu sel memuat {len(distinct)} indikator ({shown}){shared}. "
        "Tulis satu indikator per baris, masing-masing dengan target dan satuannya."
    )


def _sasaran_findings(workbook: MatriksWorkbook) -> list[Finding]:
    sheet = workbook.nodes
    frame = sheet.frame
    if frame.empty:
        return []
    sasaran = _Column(frame["sasaran"])
    heads = sasaran.map_opening(indicator_head)
    # A Tujuan states an intent and is customarily written with a verb ("Meningkatkan ...");
    # the condition form is asked of the sasaran levels only.
    is_sasaran = frame["level"].fillna(-1).astype(int) >= int(Tingkat.SASARAN_STRATEGIS)
    forms = sasaran.map_opening(_opening_form).where((heads == "") & is_sasaran, "")
    findings: list[Finding] = []
    for row, record in _records(frame, (heads != "") | (forms != "")).items():
        text = clean(record["sasaran"])
        form = forms[row]
        if form == _ACTIVITY_NOUN and states_a_quality(text):
            continue  # "Pelayanan administrasi yang prima": a state after all
        where = at_row(workbook, sheet, int(row), "sasaran", record, subject=text)
        if heads[row]:
            findings.append(
                finding(
                    "S001",
                    f"Sasaran '{text}' diawali '{_word(text)}' sehingga terbaca sebagai "
                    "indikator (ukuran), bukan kondisi yang ingin dicapai. Rumuskan sebagai "
                    "kondisi (mis. 'Tersusunnya ...', 'Meningkatnya ...') dan pindahkan ukurannya "
                    "ke kolom Indikator.",
                    **where,
                )
            )
        else:
            findings.append(
                finding(
                    "S004",
                    f"Sasaran '{text}' diawali {form} '{_word(text)}' sehingga terbaca "
                    "sebagai kegiatan, bukan kondisi yang ingin dicapai. Rumuskan sebagai "
                    f"kondisi, mis. {_condition_hint(text)}.",
                    **where,
                )
            )
    return findings


def _indicator_findings(
    workbook: MatriksWorkbook, indikator: _Column, written: pd.Series, key: pd.Series
) -> list[Finding]:
    """S002; `written` and `key` are the indicator's `clean() != ""` and `normalise(clean())`."""
    sheet = workbook.indicators
    frame = sheet.frame
    why = indikator.map_opening(not_a_measure)
    same = written & (key == per_distinct(frame["sasaran"], normalise))
    findings: list[Finding] = []
    for row, record in _records(frame, (why != "") | same).items():
        text = clean(record["indikator"])
        reasons = []
        if why[row]:
            reasons.append(f"diawali '{_word(text)}' yang menyatakan {why[row]}, bukan ukuran")
        if same[row]:
            reasons.append("rumusannya sama dengan sasarannya")
        findings.append(
            finding(
                "S002",
                f"Indikator '{text}' {'; '.join(reasons)}. Rumuskan apa yang diukur, "
                "mis. 'Jumlah ...', 'Persentase ...', 'Indeks ...' atau 'Nilai ...'.",
                **at_row(workbook, sheet, int(row), "indikator", record),
            )
        )
    return findings


def _written(value: object) -> bool:
    """`clean(value) != ""`: an ASCII text is cleaned to nothing only when it is all spaces."""
    if type(value) is str and value.isascii():
        return value != "" and not value.isspace()
    return clean(value) != ""


def _shared_indicators(workbook: MatriksWorkbook, key: pd.Series) -> list[Finding]:
    """S003: one finding at each later row whose indicator already serves another sasaran;
    `key` is each row's `indicator_key`."""
    sheet = workbook.indicators
    frame = sheet.frame
    # Only an indicator written on two rows can be shared: the rest is left out before the
    # sasaran are read (a row with a key of its own makes no other row's key repeated).
    repeated = (key != "") & key.duplicated(keep=False)
    candidates = frame[repeated.to_numpy()]
    keyed = pd.DataFrame(
        {
            "key": key[repeated],
            "sasaran_key": per_distinct(candidates["sasaran"], normalise),
            "kode": candidates["kode"].fillna("").astype(str),
            "row": candidates.index,
        },
        index=candidates.index,
    )
    keyed = keyed[(keyed["key"] != "") & (keyed["sasaran_key"] != "")]
    keyed = keyed[keyed["key"].duplicated(keep=False)]
    first = keyed.groupby("key", sort=False)[["kode", "sasaran_key", "row"]].transform("first")
    later = (keyed["kode"] != first["kode"]) & (keyed["sasaran_key"] != first["sasaran_key"])
    findings: list[Finding] = []
    for row, record in _records(frame, later.reindex(frame.index, fill_value=False)).items():
        origin = int(first.at[row, "row"])
        findings.append(
            finding(
                "S003",
                f"Indikator '{clean(record['indikator'])}' juga dipakai untuk sasaran lain: "
                f"'{clean(frame.at[origin, 'sasaran'])}' (Kode {first.at[row, 'kode']}, sel "
                f"{sheet.cell('indikator', origin)}). Bedakan indikator tiap sasaran agar "
                "kontribusinya dapat diukur sendiri-sendiri.",
                **at_row(workbook, sheet, int(row), "indikator", record),
            )
        )
    return findings


def _records(frame: pd.DataFrame, mask: pd.Series) -> dict[int, dict]:
    """The flagged rows as dicts (what `at_row` and the messages read), by Excel row."""
    columns = [c for c in WHERE_FIELDS if c in frame]
    return records_by_row(frame.loc[mask, columns])


# ---------------------------------------------------------------------------------------- wording
def _word(text: str) -> str:
    """The leading word as written ('Rata-rata' kept whole)."""
    body = _NUMBERING_RE.sub("", clean(text), count=1)
    match = re.match(r"[^\W\d_]+(?:\s*-\s*[^\W\d_]+)?", body)
    if match and normalise(match.group(0), expand=False) in ("rata rata",):
        return match.group(0)
    return _first_raw_word(text)


def _condition_hint(sasaran: str) -> str:
    words = leading_words(sasaran, 1)
    condition = CONDITION_FORMS.get(words[0] if words else "")
    if condition is None:
        return "'Tersusunnya ...', 'Terlaksananya ...' atau 'Meningkatnya ...'"
    rest = _NUMBERING_RE.sub("", clean(sasaran), count=1).split(" ", 1)
    tail = rest[1] if len(rest) > 1 else "..."
    return f"'{condition} {tail}'"
