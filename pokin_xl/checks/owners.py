"""Owner checks (O001-O008): every sasaran from Sasaran Strategis down has a Pengampu who is on the
Pegawai sheet, whose Jenis Jabatan fits the level and who works in the node's Unit Kerja.

A Pengampu is matched by name (academic and religious titles do not count: "Dadi Sadali" is
"Dadi Sadali, SE, Kp.MM") or by position ("Kabid Pengembangan SDM" is "Kepala Bidang Pengembangan
SDM"; "Kepala BKPSDM" is "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" when the
Identitas sheet names the agency so). Names and positions are indexed once per workbook; only an
unmatched Pengampu is compared fuzzily, against that index, to suggest the nearest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.columns import per_distinct
from pokin_xl.checks.where import WHERE_FIELDS, at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import HOLDERS, JenisJabatan, Tingkat
from pokin_xl.model.people import Agency, Directory
from pokin_xl.model.records import column_values, records_by_row
from pokin_xl.model.text import clean, clean_all, normalise

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("O001", "O002", "O003", "O004", "O005", "O006", "O007", "O008")


_TINGKAT = {int(t): t for t in Tingkat}


def _holders_text(level: Tingkat) -> str:
    kinds = [kind.value for kind in JenisJabatan if kind in HOLDERS[level]]
    return ", ".join(kinds[:-1]) + f" atau {kinds[-1]}" if len(kinds) > 1 else kinds[0]


def check_owners(workbook: MatriksWorkbook) -> list[Finding]:
    """O001-O008 over the nodes of the Kinerja sheet.

    Per node: O001 (no owner), O002 (not on Pegawai), O008 (several pegawai match), O003, O004.
    Per document, once: O005 (no Pengampu column), O007 (no node has a Pengampu: a pohon kinerja
    not yet cascaded to people), O006 (Pegawai sheet empty while Pengampu are named).
    """
    nodes = workbook.nodes
    frame = nodes.frame
    if frame.empty:
        return []
    if "pengampu" not in nodes.columns:
        return [
            finding(
                "O005",
                f"Kolom Pengampu tidak ada di sheet {nodes.sheet}; tambahkan kolom Pengampu dan "
                "isi pemilik setiap sasaran dari Sasaran Strategis ke bawah.",
                file=workbook.file_name,
                sheet=nodes.sheet,
                cell="",
            )
        ]
    directory = Directory.of(workbook.pegawai.frame, Agency.from_identity(workbook.identity))
    # Only the columns the first pass reads; a finding's record is read from `frame`.
    owned = frame.loc[
        frame["level"].fillna(-1).astype(int) >= int(Tingkat.SASARAN_STRATEGIS),
        [c for c in ("level", "pengampu", "unit_kerja") if c in frame],
    ]
    # The Pengampu as shown, and whether it names anyone at all.
    pengampu = clean_all(column_values(owned["pengampu"]))
    named = np.fromiter(
        (bool(normalise(text)) for text in pengampu), dtype=bool, count=len(pengampu)
    )
    findings: list[Finding] = []
    unowned = owned.index[~named].tolist()
    if unowned and not named.any():
        first_row = int(unowned[0])
        return [
            finding(
                "O007",
                f"Belum ada satu pun sasaran yang mempunyai Pengampu: {len(unowned)} kotak dari "
                "Sasaran Strategis ke bawah tanpa pemilik (pohon kinerja belum di-cascade ke "
                f"pegawai). Isi kolom Pengampu ({nodes.cell('pengampu', first_row)} dan "
                "seterusnya) dengan nama atau jabatan pegawai sesuai sheet Pegawai.",
                file=workbook.file_name,
                sheet=nodes.sheet,
                cell=nodes.cell("pengampu", first_row),
            )
        ]
    if not named.any():
        return _unowned(workbook, frame, unowned)
    if len(directory) == 0:
        findings = _unowned(workbook, frame, unowned)
        findings.append(
            finding(
                "O006",
                f"Sheet {workbook.pegawai.sheet} kosong, sehingga Pengampu tidak dapat diperiksa "
                "(nama, jabatan, jenis jabatan dan unit kerja). Isi daftar pegawai di sheet "
                f"{workbook.pegawai.sheet}.",
                file=workbook.file_name,
                sheet=workbook.pegawai.sheet,
                cell="A1",
            )
        )
        return findings
    texts = [text for text, names in zip(pengampu, named.tolist(), strict=True) if names]
    problems = _named_problems(workbook, directory, frame, owned[named], texts)
    return _unowned(workbook, frame, unowned) + problems


def _unowned(workbook: MatriksWorkbook, frame: pd.DataFrame, rows: list[int]) -> list[Finding]:
    """O001 on each node without a Pengampu."""
    nodes = workbook.nodes
    findings = []
    for row, record in _records(frame, rows).items():
        tingkat = Tingkat(int(record["level"]))
        findings.append(
            finding(
                "O001",
                f"{tingkat.label} ini tidak mempunyai Pengampu; setiap sasaran dari Sasaran "
                "Strategis ke bawah harus mempunyai pemilik. Isi nama atau jabatan pegawai "
                "yang mengampunya (sesuai sheet Pegawai).",
                **at_row(workbook, nodes, int(row), "pengampu", record),
            )
        )
    return findings


def _named_problems(
    workbook: MatriksWorkbook,
    directory: Directory,
    frame: pd.DataFrame,
    named: pd.DataFrame,
    pengampu: list[str],
) -> list[Finding]:
    """O002, O008, O003 and O004 over the nodes that name a Pengampu.

    A first pass over plain column lists decides each node's rule (the Pengampu's rows are
    looked up once per distinct text, a person's kind once per person); the records and
    messages are then made for the nodes that raise one.
    """
    nodes = workbook.nodes
    units = (
        per_distinct(named["unit_kerja"], directory.unit_key).tolist()
        if "unit_kerja" in named
        else [directory.unit_key(None)] * len(named)
    )
    kinds: dict[int, JenisJabatan | None] = {}
    raised: list[tuple[int, str, Tingkat, str, tuple[int, ...]]] = []
    for row, level, text, rows, node_unit in zip(
        named.index.tolist(),
        named["level"].tolist(),
        pengampu,
        directory.resolve_all(pengampu),
        units,
        strict=True,
    ):
        tingkat = _TINGKAT[level]
        if len(rows) != 1:
            raised.append((row, "O002" if not rows else "O008", tingkat, text, rows))
            continue
        person = directory.people[rows[0]]
        if person.row not in kinds:
            kinds[person.row] = JenisJabatan.parse(person.jenis) if person.jenis else None
        kind = kinds[person.row]
        if kind is None:
            continue
        if kind not in HOLDERS[tingkat]:
            raised.append((row, "O003", tingkat, text, rows))
        if tingkat < Tingkat.SASARAN_PROGRAM or kind == JenisJabatan.JPT:
            continue
        own_unit = directory.unit_key(person.unit) if person.unit else ""
        if not node_unit or not own_unit or node_unit == own_unit:
            continue  # (the own unit is one of `units_of`: its superiors' need not be gathered)
        if node_unit not in directory.units_of(person):
            raised.append((row, "O004", tingkat, text, rows))
    records = _records(frame, [row for row, *_ in raised])
    findings: list[Finding] = []
    for row, code, tingkat, text, rows in raised:
        record = records[row]
        where = at_row(workbook, nodes, row, "pengampu", record)
        if code == "O002":
            findings.append(_not_found(workbook, directory, text, where))
        elif code == "O008":
            findings.append(_ambiguous(workbook, directory, text, rows, where))
        elif code == "O003":
            person = directory.people[rows[0]]
            kind = kinds[person.row]
            assert kind is not None
            findings.append(
                finding(
                    "O003",
                    f"Pengampu '{text}' menduduki jabatan {kind.value}"
                    + (f" ('{person.jabatan}')" if person.jabatan else "")
                    + f", sedangkan {tingkat.label} lazimnya diampu {_holders_text(tingkat)}.",
                    **where,
                )
            )
        else:
            person = directory.people[rows[0]]
            findings.append(
                finding(
                    "O004",
                    f"Pengampu '{text}' berada di unit kerja '{person.unit}' (sheet "
                    f"{workbook.pegawai.sheet}), sedangkan sasaran ini milik unit kerja "
                    f"'{clean(record.get('unit_kerja'))}'. Periksa Unit Kerja sasaran atau "
                    "pengampunya.",
                    **where,
                )
            )
    return findings


def _records(frame: pd.DataFrame, rows: list[int]) -> dict[int, dict]:
    """The records of the nodes a finding names (what `at_row` and the messages read)."""
    columns = [c for c in (*WHERE_FIELDS, "level", "pengampu") if c in frame]
    return records_by_row(frame.loc[rows, columns])


def _not_found(
    workbook: MatriksWorkbook, directory: Directory, pengampu: str, where: dict[str, str]
) -> Finding:
    suggestion = directory.suggest(pengampu)
    hint = (
        f" Mungkin maksudnya '{suggestion}'?"
        if suggestion
        else " Tulis nama atau jabatan persis seperti di sheet Pegawai, atau tambahkan "
        "pegawai tersebut ke sheet Pegawai."
    )
    return finding(
        "O002",
        f"Pengampu '{pengampu}' tidak ditemukan di sheet {workbook.pegawai.sheet}, "
        f"baik menurut nama maupun jabatan.{hint}",
        **where,
    )


def _ambiguous(
    workbook: MatriksWorkbook,
    directory: Directory,
    pengampu: str,
    rows: tuple[int, ...],
    where: dict[str, str],
) -> Finding:
    people = [directory.people[r] for r in rows]
    shown = "; ".join(
        f"'{p.label}'" + (f" ({p.jabatan})" if p.nama and p.jabatan else "") + f" baris {p.row}"
        for p in people[:3]
    )
    more = f" dan {len(people) - 3} lainnya" if len(people) > 3 else ""
    return finding(
        "O008",
        f"Pengampu '{pengampu}' cocok dengan {len(people)} pegawai di sheet "
        f"{workbook.pegawai.sheet}: {shown}{more}. Tulis nama lengkap satu pegawai agar "
        "pemilik sasaran ini jelas.",
        **where,
    )
