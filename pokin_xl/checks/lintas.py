"""Checks across agencies (L001-L005), over small extracts of each workbook, never the frames.

A worker reads one workbook and keeps only what these checks need (`extract`): the agency's
names, its Tujuan / Sasaran Strategis / Sasaran Program statements and their indicators, and the
region's (RPJMD) Tujuan or Sasaran that its Tujuan and Sasaran Strategis point at. The parent
runs `check_lintas` over all extracts once every workbook is read.

How a workbook says what the template has no column for, in Keterangan:
- a crosscutting partner: the other perangkat daerah's name or acronym anywhere in the text
  ("Crosscutting dengan Dinas Kesehatan (Dinkes)");
- a regional Tujuan / Sasaran: "RPJMD: <kode or statement>" ("RPJMD: S2.1").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import Tingkat
from pokin_xl.model.people import Agency
from pokin_xl.model.records import records
from pokin_xl.model.renstra import RenstraWorkbook
from pokin_xl.model.text import clean, normalise

CODES = ("L001", "L002", "L003", "L004", "L005")

# Levels whose statements and indicators an agency can share with another (crosscutting).
CLAIM_LEVELS = (Tingkat.TUJUAN, Tingkat.SASARAN_STRATEGIS, Tingkat.SASARAN_PROGRAM)
# A statement claimed by more agencies than this is shared standard wording (the supporting
# program's "Meningkatnya kualitas pelayanan administrasi perkantoran", "Nilai SAKIP"), not a
# crosscutting sasaran two agencies agreed on; it is not reported.
MAX_PARTNERS = 8
_RPJMD_RE = re.compile(r"\bRPJMD\b\s*[:=\-–]?\s*(?P<target>[^;\n]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    """A statement or indicator of a Tujuan, Sasaran Strategis or Sasaran Program."""

    kind: str  # "sasaran" | "indikator"
    key: str  # normalised text
    text: str
    tingkat: str
    kode: str
    unit: str
    sheet: str
    cell: str
    note: str  # the node's Keterangan, normalised (with and without abbreviations spelled out)


@dataclass(frozen=True)
class Reference:
    """A Tujuan or Sasaran Strategis pointing at the region's Tujuan / Sasaran (Keterangan)."""

    target: str  # as written after "RPJMD"
    key: str
    tingkat: str
    kode: str
    subject: str
    sheet: str
    cell: str


@dataclass(frozen=True)
class Strategic:
    """A Sasaran Strategis with what may tie it to the region: its text, indicators and the
    RPJMD references of itself and of the Tujuan above it."""

    kode: str
    key: str
    text: str
    indicators: tuple[str, ...]
    references: tuple[str, ...]
    sheet: str
    cell: str


@dataclass(frozen=True)
class AgencyExtract:
    file: str
    name: str
    names: tuple[str, ...]  # normalised full name and acronyms, as a Keterangan may write them
    pemda: str = ""  # normalised: crosscutting is between agencies of one region
    claims: tuple[Claim, ...] = ()
    references: tuple[Reference, ...] = ()
    strategic: tuple[Strategic, ...] = ()


@dataclass(frozen=True)
class RegionalNode:
    """A Tujuan or Sasaran of the region (RPJMD), from the --rpjmd workbook."""

    kode: str
    level: str  # "Tujuan" | "Sasaran"
    text: str
    indicators: tuple[str, ...] = ()  # normalised
    file: str = ""
    sheet: str = ""
    cell: str = ""

    @property
    def keys(self) -> set[str]:
        return {k for k in (normalise(self.kode), normalise(self.text)) if k}


@dataclass
class Region:
    """The regional Tujuan / Sasaran the run can see: the --rpjmd file's, if any."""

    nodes: list[RegionalNode] = field(default_factory=list)
    file: str = ""


def _note_key(texts: Iterable[object]) -> str:
    joined = " ".join(clean(t) for t in texts if clean(t))
    return f" {normalise(joined)} | {normalise(joined, expand=False)} "


def agency_names(workbook: MatriksWorkbook) -> tuple[str, ...]:
    agency = Agency.from_identity(workbook.identity)
    return tuple(n for n in (agency.full, *agency.acronyms) if len(n) >= 2)


def _notes_by_kode(indicators: pd.DataFrame) -> dict[str, list[object]]:
    if "keterangan" not in indicators:
        return {}
    notes: dict[str, list[object]] = defaultdict(list)
    for kode, text in zip(indicators["kode"].astype(str), indicators["keterangan"], strict=True):
        if clean(text):
            notes[kode].append(text)
    return notes


def extract(workbook: MatriksWorkbook) -> AgencyExtract:
    """What check_lintas needs of one workbook (a few hundred strings at most)."""
    nodes = workbook.nodes
    indicators = workbook.indicators
    frame = nodes.frame
    name = clean(workbook.identity.perangkat_daerah) or workbook.file_name
    pemda = normalise(workbook.identity.pemda)
    if frame.empty:
        return AgencyExtract(workbook.file_name, name, agency_names(workbook), pemda)
    levels = frame["level"].astype("Float64")
    wanted = frame[levels.isin([float(t) for t in CLAIM_LEVELS]).fillna(False).astype(bool)]
    notes = _notes_by_kode(indicators.frame)
    ind = indicators.frame
    ind_by_kode: dict[str, list[tuple[int, str]]] = defaultdict(list)
    if not ind.empty:
        for row, kode, text in zip(
            ind.index, ind["kode"].astype(str), ind["indikator"], strict=True
        ):
            if normalise(text):
                ind_by_kode[kode].append((int(row), clean(text)))
    claims: list[Claim] = []
    references: dict[str, Reference] = {}
    for row, record in zip(wanted.index, records(wanted), strict=True):
        kode = str(record["kode"])
        tingkat = str(record["tingkat"])
        note = _note_key(notes.get(kode, ()))
        common = {"tingkat": tingkat, "kode": kode, "unit": clean(record.get("unit_kerja"))}
        if normalise(record.get("sasaran")):
            claims.append(
                Claim(
                    "sasaran",
                    normalise(record["sasaran"]),
                    clean(record["sasaran"]),
                    sheet=nodes.sheet,
                    cell=nodes.cell("sasaran", int(row)),
                    note=note,
                    **common,
                )
            )
        for ind_row, text in ind_by_kode.get(kode, ()):
            claims.append(
                Claim(
                    "indikator",
                    normalise(text),
                    text,
                    sheet=indicators.sheet,
                    cell=indicators.cell("indikator", ind_row),
                    note=note,
                    **common,
                )
            )
        if int(record["level"]) <= Tingkat.SASARAN_STRATEGIS:
            for text in notes.get(kode, ()):
                match = _RPJMD_RE.search(clean(text))
                if match and normalise(match.group("target")):
                    target = match.group("target").strip()
                    references[kode] = Reference(
                        target,
                        normalise(target),
                        tingkat,
                        kode,
                        clean(record.get("sasaran")),
                        indicators.sheet,
                        indicators.cell("keterangan", int(row)),
                    )
                    break
    strategic = []
    for row, record in zip(wanted.index, records(wanted), strict=True):
        if int(record["level"]) != Tingkat.SASARAN_STRATEGIS:
            continue
        kode = str(record["kode"])
        refs = tuple(
            references[k].key for k in (kode, str(record.get("kode_induk", ""))) if k in references
        )
        strategic.append(
            Strategic(
                kode,
                normalise(record.get("sasaran")),
                clean(record.get("sasaran")),
                tuple(normalise(t) for _, t in ind_by_kode.get(kode, ())),
                refs,
                nodes.sheet,
                nodes.cell("sasaran", int(row)),
            )
        )
    return AgencyExtract(
        workbook.file_name,
        name,
        agency_names(workbook),
        pemda,
        tuple(claims),
        tuple(references.values()),
        tuple(strategic),
    )


def _identity(agency: AgencyExtract) -> str:
    """Two files of one agency (two years, a copy) are not partners of each other."""
    return agency.names[0] if agency.names else agency.file


def _lists(claim: Claim, partner: AgencyExtract) -> bool:
    return any(f" {name} " in claim.note for name in partner.names)


def _join(names: Sequence[str], limit: int = 3) -> str:
    shown = ", ".join(f"'{n}'" for n in names[:limit])
    return shown + (f" dan {len(names) - limit} lainnya" if len(names) > limit else "")


def crosscutting(extracts: Sequence[AgencyExtract]) -> list[Finding]:
    """L001 / L002: one finding per agency and shared node (its statement, else an indicator),
    between agencies of the same Pemerintah Daerah (a province reviewing its kabupaten sees each
    kabupaten's Dinas Kesehatan; they are not each other's partners)."""
    by_key: dict[tuple[str, str, str], dict[int, Claim]] = defaultdict(dict)
    for index, agency in enumerate(extracts):
        for claim in agency.claims:
            by_key[(claim.kind, agency.pemda, claim.key)].setdefault(index, claim)
    findings: list[Finding] = []
    done: set[tuple[int, str]] = set()  # (agency, Kode): a node shared by statement and indicator
    for (kind, _pemda, _key), claimants in sorted(
        by_key.items(), key=lambda item: item[0][0] != "sasaran"
    ):
        distinct = {_identity(extracts[i]) for i in claimants}
        if len(distinct) < 2 or len(distinct) > MAX_PARTNERS + 1:
            continue
        for index, claim in claimants.items():
            me = extracts[index]
            if (index, claim.kode) in done:
                continue
            partners = [
                (j, extracts[j]) for j in claimants if _identity(extracts[j]) != _identity(me)
            ]
            if not partners:
                continue
            done.add((index, claim.kode))
            unlisted = [p.name for _, p in partners if not _lists(claim, p)]
            not_back = [p.name for j, p in partners if not _lists(claimants[j], me)]
            others = _join([p.name for _, p in partners])
            what = "Sasaran" if kind == "sasaran" else "Indikator"
            where = {
                "file": me.file,
                "sheet": claim.sheet,
                "cell": claim.cell,
                "unit": claim.unit,
                "tingkat": claim.tingkat,
                "kode": claim.kode,
                "subject": claim.text,
            }
            if not unlisted and not not_back:
                findings.append(
                    finding(
                        "L001",
                        f"{what} '{claim.text}' juga diampu oleh {others}; kedua pihak saling "
                        "mencantumkan di Keterangan (crosscutting).",
                        **where,
                    )
                )
                continue
            gaps = []
            if unlisted:
                gaps.append(f"Keterangan berkas ini tidak menyebut {_join(unlisted)}")
            if not_back:
                gaps.append(f"berkas {_join(not_back)} tidak menyebut perangkat daerah ini")
            findings.append(
                finding(
                    "L002",
                    f"{what} '{claim.text}' juga diampu oleh {others}; "
                    + "; ".join(gaps)
                    + ". Catat mitra crosscutting di kolom Keterangan kedua berkas.",
                    **where,
                )
            )
    return findings


def _regional_keys(
    extracts: Sequence[AgencyExtract], region: Region
) -> tuple[set[str], list[set[str]]]:
    """Keys (code, statement) of the regional nodes and of every agency's Tujuan / Sasaran
    Strategis, per agency, so a reference can be resolved to another file."""
    from_region = {key for node in region.nodes for key in node.keys}
    per_agency = [
        {
            key
            for c in agency.claims
            if c.tingkat in (Tingkat.TUJUAN.label, Tingkat.SASARAN_STRATEGIS.label)
            for key in (c.key, normalise(c.kode))
        }
        for agency in extracts
    ]
    return from_region, per_agency


def unresolved_references(extracts: Sequence[AgencyExtract], region: Region) -> list[Finding]:
    """L003: a Tujuan / Sasaran Strategis pointing at a regional Tujuan or Sasaran that neither
    the --rpjmd workbook nor any other workbook of the run contains."""
    from_region, per_agency = _regional_keys(extracts, region)
    holders = Counter(key for keys in per_agency for key in keys)  # key -> agencies holding it
    findings = []
    for index, agency in enumerate(extracts):
        for ref in agency.references:
            elsewhere = holders[ref.key] - (ref.key in per_agency[index]) > 0
            if ref.key in from_region or elsewhere:
                continue
            source = f"RPJMD ({region.file}) maupun" if region.file else ""
            findings.append(
                finding(
                    "L003",
                    f"{ref.tingkat} '{ref.subject}' merujuk '{ref.target}' (RPJMD), tetapi tujuan/"
                    f"sasaran itu tidak ada di {source} berkas lain mana pun. Periksa kode atau "
                    "rumusannya.".replace("  ", " "),
                    file=agency.file,
                    sheet=ref.sheet,
                    cell=ref.cell,
                    tingkat=ref.tingkat,
                    kode=ref.kode,
                    subject=ref.subject,
                ),
            )
    return findings


class _RegionIndex:
    """The regional nodes by code/statement key and by indicator, so that linking every
    Sasaran Strategis of a thousand agencies stays one pass."""

    def __init__(self, nodes: Sequence[RegionalNode]) -> None:
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_indicator: dict[str, set[int]] = defaultdict(set)
        for index, node in enumerate(nodes):
            for key in node.keys:
                self.by_key[key].add(index)
            for key in node.indicators:
                self.by_indicator[key].add(index)

    def linked(self, strategic: Strategic) -> set[int]:
        """The regional nodes a Sasaran Strategis is tied to: by its or its Tujuan's RPJMD
        reference, by an equal statement, or by a shared indicator."""
        found: set[int] = set()
        for key in (*strategic.references, strategic.key):
            found |= self.by_key.get(key, set())
        for key in strategic.indicators:
            found |= self.by_indicator.get(key, set())
        return found


def regional_alignment(extracts: Sequence[AgencyExtract], region: Region) -> list[Finding]:
    """L004 (regional sasaran nobody cascades) and L005 (an agency's Sasaran Strategis tied to
    no regional Tujuan / Sasaran), by reference, equal statement or a shared indicator."""
    if not region.nodes:
        return []
    findings: list[Finding] = []
    index = _RegionIndex(region.nodes)
    strategic = [(agency, s, index.linked(s)) for agency in extracts for s in agency.strategic]
    cascaded = set().union(*(links for _, _, links in strategic))
    sasaran = [(i, n) for i, n in enumerate(region.nodes) if n.level == "Sasaran"] or list(
        enumerate(region.nodes)
    )
    for position, node in sasaran:
        if position in cascaded:
            continue
        findings.append(
            finding(
                "L004",
                f"{node.level} daerah '{node.text}' tidak dirujuk atau diampu Sasaran Strategis "
                "perangkat daerah mana pun (kode/rumusan di Keterangan 'RPJMD: ...', rumusan "
                "sasaran, atau indikator yang sama).",
                file=node.file,
                sheet=node.sheet,
                cell=node.cell,
                tingkat=node.level,
                kode=node.kode,
                subject=node.text,
            )
        )
    for agency, s, links in strategic:
        if links:
            continue
        findings.append(
            finding(
                "L005",
                f"Sasaran Strategis '{s.text}' tidak terhubung ke tujuan/sasaran RPJMD mana pun: "
                "rumusan dan indikatornya berbeda, dan Keterangan (atau Tujuan di atasnya) tidak "
                "menyebut 'RPJMD: <kode>'.",
                file=agency.file,
                sheet=s.sheet,
                cell=s.cell,
                tingkat=Tingkat.SASARAN_STRATEGIS.label,
                kode=s.kode,
                subject=s.text,
            )
        )
    return findings


def check_lintas(extracts: Sequence[AgencyExtract], region: Region | None = None) -> list[Finding]:
    region = region or Region()
    return [
        *crosscutting(extracts),
        *unresolved_references(extracts, region),
        *regional_alignment(extracts, region),
    ]


def regional_from_matriks(workbook: MatriksWorkbook) -> Region:
    """The region's Tujuan and Sasaran from a workbook in the matriks template (its Tujuan and
    Sasaran Strategis rows)."""
    frame = workbook.nodes.frame
    region = Region(file=workbook.file_name)
    if frame.empty:
        return region
    ind = workbook.indicators.frame
    by_kode: dict[str, list[str]] = defaultdict(list)
    for kode, text in zip(ind["kode"].astype(str), ind["indikator"], strict=True):
        if normalise(text):
            by_kode[kode].append(normalise(text))
    for row, record in zip(frame.index, records(frame), strict=True):
        level = record["level"]
        if pd.isna(level) or int(level) > Tingkat.SASARAN_STRATEGIS:
            continue
        region.nodes.append(
            RegionalNode(
                kode="" if record.get("kode_generated") else str(record["kode"]),
                level="Tujuan" if int(level) == Tingkat.TUJUAN else "Sasaran",
                text=clean(record.get("sasaran")),
                indicators=tuple(by_kode.get(str(record["kode"]), ())),
                file=workbook.file_name,
                sheet=workbook.nodes.sheet,
                cell=workbook.nodes.cell("sasaran", int(row)),
            )
        )
    return region


def regional_from_renstra(renstra: RenstraWorkbook) -> Region:
    """The region's Tujuan and Sasaran from a summary table (tujuan / sasaran with indicators)."""
    frame = renstra.nodes.frame
    region = Region(file=renstra.file_name)
    if frame.empty:
        return region
    ind = renstra.indicators.frame
    by_node: dict[str, list[str]] = defaultdict(list)
    if not ind.empty:
        for node, text in zip(ind["node"].astype(str), ind["indikator"], strict=True):
            if normalise(text):
                by_node[node].append(normalise(text))
    for record in records(frame):
        if record["jenis"] not in ("tujuan", "sasaran"):
            continue
        region.nodes.append(
            RegionalNode(
                kode=clean(record.get("kode")),
                level="Tujuan" if record["jenis"] == "tujuan" else "Sasaran",
                text=clean(record.get("uraian")) or clean(record.get("nama")),
                indicators=tuple(by_node.get(str(record["node_id"]), ())),
                file=renstra.file_name,
                sheet=renstra.sheet,
                cell=str(record.get("cell", "")),
            )
        )
    return region
