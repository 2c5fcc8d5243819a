"""Owner checks (O001-O004): every sasaran from Sasaran Strategis down has a Pengampu who is on the
Pegawai sheet, whose Jenis Jabatan fits the level and who works in the node's Unit Kerja.

A Pengampu is matched by name (academic and religious titles do not count: "Dadi Sadali" is
"Dadi Sadali, SE, Kp.MM") or by position ("Kabid Pengembangan SDM" is "Kepala Bidang Pengembangan
SDM"; "Kepala BKPSDM" is "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" when the
Identitas sheet names the agency so). Names and positions are indexed once per workbook; only an
unmatched Pengampu is compared fuzzily, against that index, to suggest the nearest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.where import at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import Identity, MatriksWorkbook
from pokin_xl.model.levels import HOLDERS, JenisJabatan, Tingkat
from pokin_xl.model.text import clean, is_blank, normalise

SUGGESTION_CUTOFF = 80
_ATASAN_DEPTH = 6

# Titles written before a name (H. WAHYU WIBISONO, Dr. ..., Drs. H. ...).
_PREFIX_TITLES_RE = re.compile(r"^(?:(?:prof|drs|dra|drg|dr|ir|hj|kh|h)\b\.?\s*)+", re.IGNORECASE)
# Degrees written after a name without a comma ("Hedi Priawan SE"), compared without dots.
_SUFFIX_TITLES = frozenset(
    {
        "se", "mm", "msi", "ssos", "skom", "st", "sh", "mh", "mkom", "map", "sip", "spd", "mpd",
        "amd", "ssi", "sstp", "mt", "mak", "ak", "sag", "mag", "skm", "mkm", "skep", "ners",
        "phd", "mba", "msc", "stp", "mpa", "msos", "me", "mse", "sth", "spsi", "mpsi", "ssn",
        "kpmm", "sap", "mip", "ssit", "msp", "ssttp", "mtr", "sikom", "ked", "mkes", "skes",
    }
)  # fmt: skip
_PARENTHESES_RE = re.compile(r"\(([^()]*)\)")


def strip_titles(name: object) -> str:
    """The name without academic or religious titles: 'Drs. H. Ahmad, M.Si' -> 'Ahmad'."""
    text = clean(name).split(",", 1)[0].strip()
    stripped = _PREFIX_TITLES_RE.sub("", text).strip() or text
    tokens = stripped.split()
    while len(tokens) > 1 and re.sub(r"[^a-z]", "", tokens[-1].lower()) in _SUFFIX_TITLES:
        tokens.pop()
    return " ".join(tokens)


@dataclass(frozen=True)
class Agency:
    """The agency as the Identitas sheet names it: its normalised full name and its acronyms."""

    full: str = ""
    kind: str = ""
    acronyms: tuple[str, ...] = ()

    @classmethod
    def from_identity(cls, identity: Identity) -> Agency:
        text = clean(identity.perangkat_daerah)
        inner = [clean(part) for part in _PARENTHESES_RE.findall(text)]
        full_text = clean(_PARENTHESES_RE.sub(" ", text))
        full = normalise(full_text)
        if not full:
            return cls()
        acronyms = {normalise(part, expand=False) for part in inner if " " not in part}
        initials = "".join(word[0] for word in full_text.split() if word[:1].isupper())
        if len(initials) >= 3:
            acronyms.add(initials.lower())
        acronyms = {a for a in acronyms if len(a) >= 2 and a != full}
        return cls(full=full, kind=full.split(" ", 1)[0], acronyms=tuple(sorted(acronyms)))

    def expand(self, key: str) -> str:
        """A normalised key with the agency's acronyms spelled out ('kepala bkpsdm' -> full)."""
        for acronym in self.acronyms:
            key = re.sub(rf"\b{re.escape(acronym)}\b", self.full, key)
        return key

    def without(self, key: str, replacement: str = "") -> str:
        """The key with the agency's full name replaced (dropped by default), spaces folded."""
        if not self.full or self.full not in key:
            return key
        return " ".join(key.replace(self.full, replacement).split())


@dataclass(frozen=True)
class Person:
    row: int
    nama: str
    jabatan: str
    jenis: str
    unit: str
    atasan: str


class Directory:
    """The Pegawai sheet indexed by name and position, with the agency's aliases."""

    def __init__(self, pegawai: pd.DataFrame, agency: Agency) -> None:
        self.agency = agency
        self.people: dict[int, Person] = {}
        self._by_name: dict[str, set[int]] = defaultdict(set)
        self._by_position: dict[str, set[int]] = defaultdict(set)
        name_choices: dict[str, str] = {}
        position_choices: dict[str, str] = {}
        for row, record in pegawai.iterrows():
            person = Person(
                row=int(row),
                nama=clean(record.get("nama")),
                jabatan=clean(record.get("jabatan")),
                jenis=clean(record.get("jenis")),
                unit=clean(record.get("unit_kerja")),
                atasan=clean(record.get("atasan")),
            )
            if not person.nama and not person.jabatan:
                continue
            self.people[person.row] = person
            if person.nama:
                for key in {normalise(person.nama), normalise(strip_titles(person.nama))}:
                    if key:
                        self._by_name[key].add(person.row)
                name_choices.setdefault(normalise(strip_titles(person.nama)), person.nama)
            if person.jabatan:
                for key in self._position_keys(person.jabatan):
                    self._by_position[key].add(person.row)
                position_choices.setdefault(self._key(person.jabatan), person.jabatan)
        name_choices.pop("", None)
        position_choices.pop("", None)
        self._name_keys, self._name_labels = list(name_choices), list(name_choices.values())
        self._position_keys_list = list(position_choices)
        self._position_labels = list(position_choices.values())
        self._resolved: dict[str, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self.people)

    def _key(self, text: object) -> str:
        return self.agency.expand(normalise(text))

    def _position_keys(self, jabatan: str) -> set[str]:
        key = self._key(jabatan)
        keys = {key}
        if self.agency.full:
            if self.agency.full in key:
                keys.add(self.agency.without(key, self.agency.kind))
            else:
                keys.add(f"{key} {self.agency.kind}")
        return {k for k in keys if k}

    def _position_query_keys(self, text: str) -> set[str]:
        key = self._key(text)
        keys = {key}
        if self.agency.full:
            keys.add(self.agency.without(key, self.agency.kind))
            keys.add(self.agency.without(key))
        return {k for k in keys if k}

    def resolve(self, text: str) -> tuple[int, ...]:
        """Rows of the Pegawai sheet whose name or position is `text` (empty when none)."""
        if text not in self._resolved:
            rows: set[int] = set()
            for key in self._position_query_keys(text):
                rows |= self._by_position.get(key, set())
            for key in (normalise(text), normalise(strip_titles(text))):
                rows |= self._by_name.get(key, set())
            self._resolved[text] = tuple(sorted(rows))
        return self._resolved[text]

    def suggest(self, text: str) -> str | None:
        """The name or position (as written on the Pegawai sheet) nearest to `text`, if close."""
        best: tuple[float, str] | None = None
        for query, keys, labels in (
            (self._key(text), self._position_keys_list, self._position_labels),
            (normalise(strip_titles(text)), self._name_keys, self._name_labels),
        ):
            if not query or not keys:
                continue
            match = process.extractOne(
                query,
                keys,
                scorer=fuzz.token_sort_ratio,
                processor=None,
                score_cutoff=SUGGESTION_CUTOFF,
            )
            if match is not None and (best is None or match[1] > best[0]):
                best = (match[1], labels[match[2]])
        return best[1] if best else None

    def unit_key(self, unit: object) -> str:
        """The Unit Kerja as a key; '' for the agency itself ('BKPSDM', 'Badan ...')."""
        key = self.agency.without(self._key(unit))
        return "" if key == self.agency.kind else key

    def units_of(self, person: Person) -> set[str]:
        """The person's unit and their superiors' units (a Kasubag belongs to the Sekretariat)."""
        units: set[str] = set()
        seen: set[int] = set()
        current: Person | None = person
        for _ in range(_ATASAN_DEPTH):
            if current is None or current.row in seen:
                break
            seen.add(current.row)
            if current.unit:
                units.add(self.unit_key(current.unit))
            rows = self.resolve(current.atasan) if current.atasan else ()
            current = self.people.get(rows[0]) if len(rows) == 1 else None
        units.discard("")
        return units


def _holders_text(level: Tingkat) -> str:
    kinds = [kind.value for kind in JenisJabatan if kind in HOLDERS[level]]
    return ", ".join(kinds[:-1]) + f" atau {kinds[-1]}" if len(kinds) > 1 else kinds[0]


def check_owners(workbook: MatriksWorkbook) -> list[Finding]:
    """O001-O004 over the nodes of the Kinerja sheet (one finding per node and rule)."""
    nodes = workbook.nodes
    frame = nodes.frame
    if frame.empty:
        return []
    if "pengampu" not in nodes.columns:
        return [
            finding(
                "O001",
                f"Kolom Pengampu tidak ada di sheet {nodes.sheet}; tambahkan kolom Pengampu dan "
                "isi pemilik setiap sasaran dari Sasaran Strategis ke bawah.",
                file=workbook.file_name,
                sheet=nodes.sheet,
                cell="",
            )
        ]
    directory = Directory(workbook.pegawai.frame, Agency.from_identity(workbook.identity))
    findings: list[Finding] = []
    named: list[tuple[int, pd.Series, Tingkat, str]] = []
    unowned: list[tuple[int, pd.Series, Tingkat]] = []
    for row, record in frame.iterrows():
        level = record["level"]
        if pd.isna(level) or int(level) < Tingkat.SASARAN_STRATEGIS:
            continue
        tingkat = Tingkat(int(level))
        pengampu = clean(record.get("pengampu"))
        if is_blank(pengampu) or not normalise(pengampu):
            unowned.append((int(row), record, tingkat))
        else:
            named.append((int(row), record, tingkat, pengampu))
    for row, record, tingkat in unowned:
        findings.append(
            finding(
                "O001",
                f"{tingkat.label} ini tidak mempunyai Pengampu; setiap sasaran dari Sasaran "
                "Strategis ke bawah harus mempunyai pemilik. Isi nama atau jabatan pegawai "
                "yang mengampunya (sesuai sheet Pegawai).",
                **at_row(workbook, nodes, row, "pengampu", record),
            )
        )
    if not named:
        return findings
    if len(directory) == 0:
        findings.append(
            finding(
                "O002",
                f"Sheet {workbook.pegawai.sheet} kosong, sehingga Pengampu tidak dapat diperiksa "
                "(nama, jabatan, jenis jabatan dan unit kerja). Isi daftar pegawai di sheet "
                f"{workbook.pegawai.sheet}.",
                file=workbook.file_name,
                sheet=workbook.pegawai.sheet,
                cell="A1",
            )
        )
        return findings
    for row, record, tingkat, pengampu in named:
        where = at_row(workbook, nodes, row, "pengampu", record)
        rows = directory.resolve(pengampu)
        if not rows:
            suggestion = directory.suggest(pengampu)
            hint = (
                f" Mungkin maksudnya '{suggestion}'?"
                if suggestion
                else " Tulis nama atau jabatan persis seperti di sheet Pegawai, atau tambahkan "
                "pegawai tersebut ke sheet Pegawai."
            )
            findings.append(
                finding(
                    "O002",
                    f"Pengampu '{pengampu}' tidak ditemukan di sheet {workbook.pegawai.sheet}, "
                    f"baik menurut nama maupun jabatan.{hint}",
                    **where,
                )
            )
            continue
        if len(rows) != 1:
            continue
        person = directory.people[rows[0]]
        kind = JenisJabatan.parse(person.jenis) if person.jenis else None
        if kind is None:
            continue
        if kind not in HOLDERS[tingkat]:
            findings.append(
                finding(
                    "O003",
                    f"Pengampu '{pengampu}' menduduki jabatan {kind.value}"
                    + (f" ('{person.jabatan}')" if person.jabatan else "")
                    + f", sedangkan {tingkat.label} lazimnya diampu {_holders_text(tingkat)}.",
                    **where,
                )
            )
        if tingkat < Tingkat.SASARAN_PROGRAM or kind == JenisJabatan.JPT:
            continue
        node_unit = directory.unit_key(record.get("unit_kerja"))
        own_unit = directory.unit_key(person.unit) if person.unit else ""
        if not node_unit or not own_unit:
            continue
        if node_unit not in directory.units_of(person):
            findings.append(
                finding(
                    "O004",
                    f"Pengampu '{pengampu}' berada di unit kerja '{person.unit}' (sheet "
                    f"{workbook.pegawai.sheet}), sedangkan sasaran ini milik unit kerja "
                    f"'{clean(record.get('unit_kerja'))}'. Periksa Unit Kerja sasaran atau "
                    "pengampunya.",
                    **where,
                )
            )
    return findings
