"""Who signs what: the Perjanjian Kinerja, IKU, Rencana Aksi and SKP a checked Matriks implies.

Pure derivation from the frames, no I/O and no rules: each sasaran from Sasaran Strategis down
belongs to the pegawai its Pengampu names (model.people); one official's sasaran make one PK (to
Sasaran Sub Kegiatan) and one SKP (to Rencana Hasil Kerja). The pihak kedua of a PK is the atasan
langsung on the Pegawai sheet; for the head of the agency it is the Kepala Daerah of Identitas.
Whether a document may be printed is decided elsewhere (checks and the `dokumen` use case).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from pokin_xl.model.frames import QUARTER_FIELDS, MatriksWorkbook
from pokin_xl.model.levels import JenisJabatan, Tingkat
from pokin_xl.model.people import Directory, Person
from pokin_xl.model.quarters import CaraHitung, Polaritas, acting_prefix, parse_yes_no
from pokin_xl.model.records import column_values, records
from pokin_xl.model.targets import format_number, format_target, target_from_row
from pokin_xl.model.text import clean, clean_all

PK_LEVELS = frozenset(
    {
        Tingkat.SASARAN_STRATEGIS,
        Tingkat.SASARAN_PROGRAM,
        Tingkat.SASARAN_KEGIATAN,
        Tingkat.SASARAN_SUB_KEGIATAN,
    }
)
SKP_LEVELS = PK_LEVELS | {Tingkat.RENCANA_HASIL_KERJA}
BUDGET_LEVELS = {
    Tingkat.SASARAN_PROGRAM: "Program",
    Tingkat.SASARAN_KEGIATAN: "Kegiatan",
    Tingkat.SASARAN_SUB_KEGIATAN: "Sub Kegiatan",
}
IKU_DEFAULT_LEVELS = frozenset({Tingkat.TUJUAN, Tingkat.SASARAN_STRATEGIS})


class Party(NamedTuple):
    """One signatory: name, position as printed (with Plt./Plh./Pj.), NIP."""

    nama: str
    jabatan: str
    nip: str = ""
    row: int | None = None  # Pegawai row; None for the Kepala Daerah

    @property
    def label(self) -> str:
        return self.nama or self.jabatan


class Indicator(NamedTuple):
    row: int
    indikator: str
    target: str  # as printed, with its satuan: '2 Dokumen', '100 %', 'Predikat A'
    target_value: float | None
    satuan: str
    quarters: tuple[str, str, str, str]
    quarter_values: tuple[float | None, float | None, float | None, float | None]
    cara_hitung: CaraHitung | None
    polaritas: Polaritas | None
    definisi: str
    formula: str
    sumber_data: str
    iku: bool | None

    @property
    def has_quarters(self) -> bool:
        return any(q for q in self.quarters)


class Goal(NamedTuple):
    """A sasaran (one node of the Matriks) with its indicators. Goals, parties and pegawai are
    tuples, not frozen dataclasses: a workbook has tens of thousands of them, and a tuple is
    made four times faster."""

    kode: str
    row: int
    level: Tingkat
    sasaran: str
    unit: str
    induk: str
    kode_nomenklatur: str
    nomenklatur: str
    pagu: float | None
    pengampu: str
    indicators: tuple[Indicator, ...]


class BudgetLine(NamedTuple):
    goal: Goal
    kind: str  # Program / Kegiatan / Sub Kegiatan
    counted: bool  # False when already inside the pagu of another line of the same PK
    within: str = ""  # the line it is inside of

    @property
    def name(self) -> str:
        code = self.goal.kode_nomenklatur
        name = self.goal.nomenklatur or self.goal.sasaran
        return f"{code} {name}".strip()


@dataclass
class Holding:
    """One official and the sasaran they own, in Matriks order."""

    person: Person
    party: Party
    head: bool
    atasan: Party | None
    atasan_problem: str  # why there is no pihak kedua ('' when there is one)
    goals: list[Goal] = field(default_factory=list)

    def goals_at(self, levels: frozenset[Tingkat]) -> list[Goal]:
        return [g for g in self.goals if g.level in levels]

    def kodes(self) -> set[str]:
        return {g.kode for g in self.goals}


class Intervention(NamedTuple):
    """The superior's sasaran an RHK intervenes, or why there is none."""

    goal: Goal
    parent: Goal | None
    problem: str = ""


class Unowned(NamedTuple):
    goal: Goal
    pengampu: str
    why: str


@dataclass
class Plan:
    holdings: list[Holding]
    goals: dict[str, Goal]
    unowned: list[Unowned]
    iku: list[tuple[Goal, Indicator, str]]  # (goal, indicator, penanggung jawab)
    _owners: dict[str, Person] | None = field(default=None, repr=False)

    def pk_holdings(self) -> list[Holding]:
        return [h for h in self.holdings if h.goals_at(PK_LEVELS)]

    def skp_holdings(self) -> list[Holding]:
        return [h for h in self.holdings if h.goals_at(SKP_LEVELS)]

    def budget(self, holding: Holding) -> list[BudgetLine]:
        """The program/kegiatan/sub kegiatan an official owns; nested ones are not counted twice."""
        owned = [g for g in holding.goals if g.level in BUDGET_LEVELS]
        kodes = {g.kode for g in owned}
        lines = []
        for goal in owned:
            outer = self._owned_ancestor(goal, kodes)
            lines.append(
                BudgetLine(
                    goal,
                    BUDGET_LEVELS[goal.level],
                    counted=outer is None,
                    within=(outer.kode_nomenklatur or outer.nomenklatur) if outer else "",
                )
            )
        return lines

    def anggaran(self, holding: Holding) -> float:
        return float(sum(b.goal.pagu or 0 for b in self.budget(holding) if b.counted))

    def _owned_ancestor(self, goal: Goal, kodes: set[str]) -> Goal | None:
        seen = {goal.kode}
        current = self.goals.get(goal.induk)
        outer = None
        while current is not None and current.kode not in seen:
            seen.add(current.kode)
            if current.kode in kodes:
                outer = current
            current = self.goals.get(current.induk)
        return outer

    def intervention(self, holding: Holding, goal: Goal) -> Intervention:
        """The nearest sasaran above `goal` not owned by the same official: the superior's RHK."""
        return Intervention(goal, *self._superior_goal(holding, goal, holding.kodes()))

    def intervention_problems(self, holding: Holding) -> list[tuple[Goal, str]]:
        """(goal, why it has no superior's RHK) for each RHK of `holding` that has a problem."""
        own = holding.kodes()
        found = []
        for goal in holding.goals_at(SKP_LEVELS):
            problem = self._superior_goal(holding, goal, own)[1]
            if problem:
                found.append((goal, problem))
        return found

    def _superior_goal(
        self, holding: Holding, goal: Goal, own: set[str]
    ) -> tuple[Goal | None, str]:
        """`intervention`'s parent and problem; `own` is the holding's Kodes."""
        seen = {goal.kode}
        current = self.goals.get(goal.induk)
        while current is not None and current.kode in own and current.kode not in seen:
            seen.add(current.kode)
            current = self.goals.get(current.induk)
        if holding.head:
            return current, ""
        if current is None or current.kode in seen:
            where = f"Kode Induk '{goal.induk}' tidak ditemukan" if goal.induk else "tanpa induk"
            return None, f"sasaran ini {where}"
        atasan_row = holding.atasan.row if holding.atasan else None
        owner = self._owner_of(current)
        if owner is None:
            return current, f"induknya '{current.kode}' belum mempunyai pengampu"
        if atasan_row is None or owner.row != atasan_row:
            atasan = holding.atasan.label if holding.atasan else "(atasan tidak diketahui)"
            return (
                current,
                f"induknya '{current.kode}' diampu oleh {owner.label}, bukan atasan langsung "
                f"{atasan}",
            )
        return current, ""

    def _owner_of(self, goal: Goal) -> Person | None:
        if self._owners is None:
            self._owners = {g.kode: h.person for h in self.holdings for g in h.goals}
        return self._owners.get(goal.kode)


def plan_documents(workbook: MatriksWorkbook, *, indicators: bool = True) -> Plan:
    """Every official with the sasaran they own, the unowned sasaran, and the IKU rows.

    `indicators=False` leaves each Goal's indicators (and so the IKU rows) empty: who holds what
    and who signs with whom, for the checks, without reading every indicator row.
    """
    directory = Directory.from_frames(workbook.pegawai.frame, workbook.identity)
    goals = _goals(workbook, indicators=indicators)
    head = _head(directory, workbook)
    holdings: dict[int, Holding] = {}
    parties: dict[int, Party] = {}  # Pegawai row -> its Party: an atasan signs many PK
    unowned: list[Unowned] = []
    for goal in goals.values():
        if goal.level not in SKP_LEVELS:
            continue
        person = directory.owner(goal.pengampu)
        if person is None:
            why = (
                "Pengampu kosong"
                if not goal.pengampu
                else f"Pengampu '{goal.pengampu}' tidak dapat ditelusuri ke satu pegawai"
            )
            unowned.append(Unowned(goal, goal.pengampu, why))
            continue
        if person.row not in holdings:
            holdings[person.row] = _holding(person, head, directory, workbook, parties)
        holdings[person.row].goals.append(goal)
    plan = Plan(list(holdings.values()), goals, unowned, [])
    plan.iku = _iku(goals, directory)
    return plan


def _party(person: Person) -> Party:
    jabatan = person.jabatan or (f"Jabatan {person.jenis}" if person.jenis else "")
    if person.status:  # a Status of Plt./Plh./Pj. is printed before a jabatan that lacks it
        prefix = acting_prefix("", person.status)
        if prefix and not acting_prefix(person.jabatan):
            jabatan = f"{prefix} {jabatan}".strip()
    return Party(person.nama, jabatan, person.nip, person.row)


def _head(directory: Directory, workbook: MatriksWorkbook) -> int | None:
    """The Pegawai row of the head: the Kepala of Identitas, else the JPT without an atasan."""
    if workbook.identity.kepala:
        person = directory.owner(workbook.identity.kepala)
        if person is not None:
            return person.row
    for person in directory.people.values():
        if person.jenis == JenisJabatan.JPT and not directory.resolve(person.atasan):
            return person.row
    return None


def _known_party(person: Person, parties: dict[int, Party]) -> Party:
    if person.row not in parties:
        parties[person.row] = _party(person)
    return parties[person.row]


def _holding(
    person: Person,
    head: int | None,
    directory: Directory,
    workbook: MatriksWorkbook,
    parties: dict[int, Party],
) -> Holding:
    party = _known_party(person, parties)
    identity = workbook.identity
    if person.row == head:
        nama, jabatan = identity.kepala_daerah, identity.jabatan_kepala_daerah
        if not nama and not jabatan and person.atasan and not directory.resolve(person.atasan):
            jabatan = person.atasan  # 'Bupati Purwakarta' written as the head's atasan
        if nama or jabatan:
            return Holding(person, party, True, Party(nama, jabatan or "Kepala Daerah"), "")
        return Holding(
            person,
            party,
            True,
            None,
            "kepala perangkat daerah menandatangani PK dengan kepala daerah, tetapi Identitas "
            "tidak menyebut 'Kepala Daerah' / 'Jabatan Kepala Daerah'",
        )
    if not person.atasan:
        return Holding(person, party, False, None, "Atasan Langsung kosong")
    superior = directory.owner(person.atasan)
    if superior is None or superior.row == person.row:
        return Holding(
            person,
            party,
            False,
            None,
            f"Atasan Langsung '{person.atasan}' tidak ditemukan di sheet Pegawai",
        )
    return Holding(person, party, False, _known_party(superior, parties), "")


def _text(value: object) -> str:
    return clean(value)  # "" for a blank cell


def _number(value: object) -> float | None:
    return None if _missing(value) else float(value)  # type: ignore[arg-type]


def _missing(value: object) -> bool:
    """`pd.isna` of one cell, without its cost (~2 us) for the plain int and float of a node."""
    if value is None:
        return True
    if type(value) is int:
        return False
    if type(value) is float:
        return value != value  # NaN
    return bool(pd.isna(value))


def _indicator(row: int, record: Mapping[str, object]) -> Indicator:
    target = target_from_row(record)
    shown = format_target(target)
    satuan = _text(record.get("satuan"))
    if target.kind == "category" and satuan and satuan.lower() not in shown.lower():
        shown = f"{satuan} {shown}"  # 'Predikat A'

    if shown and satuan and not target.unit and target.kind in ("number", "range", "comparison"):
        shown = f"{shown} {satuan}"
    value = target.value if target.kind in ("number", "percent") else None
    return Indicator(
        row=int(row),
        indikator=_text(record.get("indikator")),
        target=shown,
        target_value=value,
        satuan=satuan or target.unit,
        quarters=tuple(_quarter(record, f) for f in QUARTER_FIELDS),  # type: ignore[arg-type]
        quarter_values=tuple(_number(record.get(f"{f}_value")) for f in QUARTER_FIELDS),  # type: ignore[arg-type]
        cara_hitung=CaraHitung.parse(record.get("cara_hitung")),
        polaritas=Polaritas.parse(record.get("polaritas")),
        definisi=_text(record.get("definisi_operasional")),
        formula=_text(record.get("formula")),
        sumber_data=_text(record.get("sumber_data")),
        iku=parse_yes_no(record.get("iku")),
    )


def _quarter(record: Mapping[str, object], field: str) -> str:
    """A quarterly target as printed: Indonesian digits ('2,5', '25 %'), else as written."""
    raw, value = _text(record.get(field)), _number(record.get(f"{field}_value"))
    if value is None:
        return raw
    return f"{format_number(value)}{' %' if '%' in raw else ''}"


_TINGKATS = {int(t): t for t in Tingkat}
# The node text columns a Goal is made of, in the order of its fields (`_goals` also reads
# level, kode and pagu_value, and no other column).
_GOAL_TEXTS = ("sasaran", "unit_kerja", "kode_induk", "kode_nomenklatur", "nomenklatur", "pengampu")


def _goals(workbook: MatriksWorkbook, *, indicators: bool = True) -> dict[str, Goal]:
    frame = workbook.indicators.frame if indicators else workbook.indicators.frame.iloc[:0]
    by_kode: dict[str, list[Indicator]] = {}
    for row, record in zip(frame.index, records(frame), strict=True):
        if _text(record.get("indikator")) or _text(record.get("target_raw")):
            by_kode.setdefault(str(record["kode"]), []).append(_indicator(row, record))
    nodes = workbook.nodes.frame
    # One list per Goal column, each converted as a whole (a dict per node is slow at 20k rows).
    levels = column_values(nodes["level"]) if "level" in nodes else [None] * len(nodes)
    kodes = column_values(nodes["kode"]) if "kode" in nodes else [None] * len(nodes)
    texts = [
        clean_all(column_values(nodes[name])) if name in nodes else [""] * len(nodes)
        for name in _GOAL_TEXTS
    ]
    pagus = (
        [_number(v) for v in column_values(nodes["pagu_value"])]
        if "pagu_value" in nodes
        else [None] * len(nodes)
    )
    goals: dict[str, Goal] = {}
    for (
        row,
        level,
        kode,
        pagu,
        sasaran,
        unit,
        induk,
        kode_nomenklatur,
        nomenklatur,
        pengampu,
    ) in zip(nodes.index.tolist(), levels, kodes, pagus, *texts, strict=True):
        if _missing(level):
            continue
        kode = str(kode)
        if kode in goals:
            continue  # the first row of a Kode is its Goal
        tingkat = _TINGKATS.get(level)
        goals[kode] = Goal(
            kode,
            int(row),
            Tingkat(int(level)) if tingkat is None else tingkat,
            sasaran,
            unit,
            induk,
            kode_nomenklatur,
            nomenklatur,
            pagu,
            pengampu,
            tuple(by_kode.get(kode, ())),
        )
    return goals


def _iku(goals: Mapping[str, Goal], directory: Directory) -> list[tuple[Goal, Indicator, str]]:
    """Indicators marked IKU: Ya; where none is marked, those of Tujuan and Sasaran Strategis."""
    marked = any(i.iku for g in goals.values() for i in g.indicators)
    rows = []
    for goal in goals.values():
        for indicator in goal.indicators:
            chosen = indicator.iku if marked else goal.level in IKU_DEFAULT_LEVELS
            if indicator.iku is False:
                chosen = False
            if chosen:
                owner = directory.owner(goal.pengampu)
                responsible = _party(owner).jabatan if owner else goal.pengampu
                rows.append((goal, indicator, responsible))
    return rows


def format_rupiah(amount: float | None) -> str:
    return "" if amount is None else format_number(round(amount))


JENIS = ("pk", "iku", "renaksi", "skp")
JENIS_LABELS = {
    "pk": "Perjanjian Kinerja",
    "iku": "Indikator Kinerja Utama",
    "renaksi": "Rencana Aksi",
    "skp": "SKP (Rencana Hasil Kerja)",
}


class Skipped(NamedTuple):
    """A document (or an official's part of one) left out, and the finding why."""

    dokumen: str  # one of JENIS
    nama: str
    alasan: str
    code: str = ""
    sheet: str = ""
    cell: str = ""


@dataclass
class Selection:
    """What is printed: the documents that passed, and those left out."""

    jenis: tuple[str, ...]
    pk: list[Holding] = field(default_factory=list)
    iku: list[tuple[Goal, Indicator, str]] = field(default_factory=list)
    renaksi: list[Holding] = field(default_factory=list)
    skp: list[Holding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
