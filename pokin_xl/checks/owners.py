"""Owner checks (O001-O008): every sasaran from Sasaran Strategis down has a Pengampu who is on the
Pegawai sheet, whose Jenis Jabatan fits the level and who works in the node's Unit Kerja.

A Pengampu is matched by name (academic and religious titles do not count: "Dadi Sadali" is
"Dadi Sadali, SE, Kp.MM") or by position ("Kabid Pengembangan SDM" is "Kepala Bidang Pengembangan
SDM"; "Kepala BKPSDM" is "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" when the
Identitas sheet names the agency so). Names and positions are indexed once per workbook; only an
unmatched Pengampu is compared fuzzily, against that index, to suggest the nearest.
"""

from __future__ import annotations

from pokin_xl.checks.catalogue import finding
from pokin_xl.checks.where import at_row
from pokin_xl.findings import Finding
from pokin_xl.model.frames import MatriksWorkbook
from pokin_xl.model.levels import HOLDERS, JenisJabatan, Tingkat
from pokin_xl.model.people import Agency, Directory
from pokin_xl.model.records import records
from pokin_xl.model.text import clean, is_blank, normalise

# The rules this module raises; it is their one owner (see pokin_xl/rule_owners.py).
CODES = ("O001", "O002", "O003", "O004", "O005", "O006", "O007", "O008")
# What a finding's place (`at_row`) and the messages read of a node.
_WHERE_FIELDS = ("kode", "tingkat", "unit_kerja", "sasaran", "indikator")


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
    findings: list[Finding] = []
    named: list[tuple[int, dict, Tingkat, str]] = []
    unowned: list[tuple[int, dict, Tingkat]] = []
    owned_levels = frame[frame["level"].fillna(-1).astype(int) >= int(Tingkat.SASARAN_STRATEGIS)]
    columns = [c for c in (*_WHERE_FIELDS, "level", "pengampu") if c in owned_levels]
    for row, record in zip(owned_levels.index, records(owned_levels, columns), strict=True):
        tingkat = Tingkat(int(record["level"]))
        pengampu = clean(record.get("pengampu"))
        if is_blank(pengampu) or not normalise(pengampu):
            unowned.append((int(row), record, tingkat))
        else:
            named.append((int(row), record, tingkat, pengampu))
    if unowned and not named:
        first_row = unowned[0][0]
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
    for row, record, tingkat, pengampu in named:

        def where(row: int = row, record: dict = record) -> dict[str, str]:
            return at_row(workbook, nodes, row, "pengampu", record)

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
                    **where(),
                )
            )
            continue
        if len(rows) != 1:
            findings.append(_ambiguous(workbook, directory, pengampu, rows, where()))
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
                    **where(),
                )
            )
        if tingkat < Tingkat.SASARAN_PROGRAM or kind == JenisJabatan.JPT:
            continue
        node_unit = directory.unit_key(record.get("unit_kerja"))
        own_unit = directory.unit_key(person.unit) if person.unit else ""
        if not node_unit or not own_unit or node_unit == own_unit:
            continue  # (the own unit is one of `units_of`: its superiors' need not be gathered)
        if node_unit not in directory.units_of(person):
            findings.append(
                finding(
                    "O004",
                    f"Pengampu '{pengampu}' berada di unit kerja '{person.unit}' (sheet "
                    f"{workbook.pegawai.sheet}), sedangkan sasaran ini milik unit kerja "
                    f"'{clean(record.get('unit_kerja'))}'. Periksa Unit Kerja sasaran atau "
                    "pengampunya.",
                    **where(),
                )
            )
    return findings


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
