"""Build small Matriks workbooks in code, so each test shows exactly the cells it is about."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl

from pokin_xl.findings import Finding
from pokin_xl.model.frames import KINERJA_FIELDS, PEGAWAI_FIELDS, MatriksWorkbook
from pokin_xl.readers.matriks import read_matriks

KINERJA_HEADERS = list(KINERJA_FIELDS.values())
PEGAWAI_HEADERS = list(PEGAWAI_FIELDS.values())

DEFAULT_IDENTITAS = [
    ("Pemerintah Daerah", "Kabupaten Contoh"),
    ("Perangkat Daerah", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)"),
    ("Tahun", "2024"),
    ("Visi", "Contoh Visi"),
    ("Misi", "Misi satu"),
    ("Kepala Perangkat Daerah", "Kepala Contoh"),
    ("NIP", "19670829 199503 1 001"),
]

DEFAULT_PEGAWAI = [
    {
        "Nama": "Kepala Contoh",
        "Atasan Langsung": "Bupati Contoh",
        "Jabatan": "Kepala Badan",
        "Jenis Jabatan": "JPT",
        "Unit Kerja": "BKPSDM",
    },
    {
        "Nama": "Sekretaris Contoh",
        "Atasan Langsung": "Kepala Contoh",
        "Jabatan": "Sekretaris",
        "Jenis Jabatan": "Administrator",
        "Unit Kerja": "Sekretariat",
    },
    {
        "Nama": "Kasubag Contoh",
        "Atasan Langsung": "Sekretaris Contoh",
        "Jabatan": "Kepala Subbagian Umum",
        "Jenis Jabatan": "Pengawas",
        "Unit Kerja": "Sekretariat",
    },
    {
        "Nama": "Pelaksana Contoh",
        "Atasan Langsung": "Kasubag Contoh",
        "Jabatan": "Pengadministrasi Umum",
        "Jenis Jabatan": "Pelaksana",
        "Unit Kerja": "Sekretariat",
    },
]


def row(**fields: object) -> dict[str, object]:
    """A Kinerja row by field key (kode, kode_induk, tingkat, ...); unknown keys are an error."""
    unknown = set(fields) - set(KINERJA_FIELDS)
    if unknown:
        raise KeyError(f"unknown Kinerja fields: {sorted(unknown)}")
    return {KINERJA_FIELDS[k]: v for k, v in fields.items()}


def chain(unit: str = "Sekretariat") -> list[dict[str, object]]:
    """A minimal consistent cascade, Tujuan to Sasaran Sub Kegiatan: no rule should fire on it."""
    return [
        row(
            kode="T1",
            tingkat="Tujuan",
            unit_kerja="BKPSDM",
            sasaran="Meningkatnya kualitas aparatur",
            indikator="Indeks Profesionalitas ASN",
            target=80,
            satuan="Indeks",
            pengampu="Bupati",
        ),
        row(
            kode="SS1",
            kode_induk="T1",
            tingkat="Sasaran Strategis",
            unit_kerja="BKPSDM",
            sasaran="Meningkatnya akuntabilitas kinerja",
            indikator="Nilai SAKIP Perangkat Daerah",
            target=70,
            satuan="Nilai",
            pengampu="Kepala Contoh",
        ),
        row(
            kode="SP1",
            kode_induk="SS1",
            tingkat="Sasaran Program",
            unit_kerja=unit,
            sasaran="Meningkatnya kualitas layanan administrasi",
            kode_nomenklatur="5.03.01",
            nomenklatur="Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            indikator="Persentase layanan administrasi yang tepat waktu",
            target="100%",
            satuan="%",
            pagu=1000,
            pengampu="Sekretaris Contoh",
        ),
        row(
            kode="SK1",
            kode_induk="SP1",
            tingkat="Sasaran Kegiatan",
            unit_kerja=unit,
            sasaran="Meningkatnya kualitas administrasi umum",
            kode_nomenklatur="5.03.01.2.06",
            nomenklatur="Administrasi Umum Perangkat Daerah",
            indikator="Persentase administrasi umum yang terpenuhi",
            target="100%",
            satuan="%",
            pagu=1000,
            pengampu="Sekretaris Contoh",
        ),
        row(
            kode="SSK1",
            kode_induk="SK1",
            tingkat="Sasaran Sub Kegiatan",
            unit_kerja=unit,
            sasaran="Tersedianya peralatan dan perlengkapan kantor",
            kode_nomenklatur="5.03.01.2.06.0002",
            nomenklatur="Penyediaan Peralatan dan Perlengkapan Kantor",
            indikator="Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan",
            target=6,
            satuan="Paket",
            pagu=1000,
            pengampu="Kasubag Contoh",
        ),
    ]


def write_matriks(
    path: Path,
    kinerja: Sequence[dict[str, object]],
    *,
    pegawai: Sequence[dict[str, object]] | None = None,
    identitas: Sequence[tuple[str, str]] | None = None,
    headers: Sequence[str] | None = None,
    title_rows: int = 0,
    merges: Sequence[str] = (),
    formats: dict[str, str] | None = None,
    hidden_rows: Sequence[int] = (),
) -> Path:
    """Write a workbook with sheets Identitas, Pegawai and Kinerja.

    `kinerja` rows are dicts keyed by header text (use `row()`); `headers` overrides the Kinerja
    header texts (to test synonyms); `title_rows` puts that many title lines above the header;
    `merges` are A1 ranges on the Kinerja sheet; `formats` maps cells to number formats.
    """
    book = openpyxl.Workbook()
    ident = book.active
    ident.title = "Identitas"
    for label, value in identitas if identitas is not None else DEFAULT_IDENTITAS:
        ident.append([label, value])
    peg = book.create_sheet("Pegawai")
    peg.append(PEGAWAI_HEADERS)
    for person in pegawai if pegawai is not None else DEFAULT_PEGAWAI:
        peg.append([person.get(h, "") for h in PEGAWAI_HEADERS])
    sheet = book.create_sheet("Kinerja")
    for i in range(title_rows):
        sheet.append([f"Judul {i + 1}"])
    names = list(headers) if headers is not None else KINERJA_HEADERS
    sheet.append(names)
    for item in kinerja:
        sheet.append([item.get(h) for h in KINERJA_HEADERS])
    for cell, fmt in (formats or {}).items():
        sheet[cell].number_format = fmt
    for rng in merges:
        sheet.merge_cells(rng)
    for r in hidden_rows:
        sheet.row_dimensions[r].hidden = True
    book.save(path)
    return path


# chain() written by write_matriks: header on row 1, then T1 (row 2), SS1 (3), SP1 (4), SK1 (5),
# SSK1 (6); index 4 of chain() is the Sasaran Sub Kegiatan.
SSK_ROW = 6


def changed(index: int = 4, **fields: object) -> list[dict[str, object]]:
    """chain() with some fields of one row replaced (default: the Sasaran Sub Kegiatan)."""
    rows = chain()
    rows[index] = {**rows[index], **row(**fields)}
    return rows


def sub_kegiatan(
    kode: str, sasaran: str, indikator: str, target: object = 1, satuan: str = "Dokumen"
) -> dict[str, object]:
    """A Sasaran Sub Kegiatan of the Sekretariat under chain()'s SK1."""
    return row(
        kode=kode,
        kode_induk="SK1",
        tingkat="Sasaran Sub Kegiatan",
        unit_kerja="Sekretariat",
        sasaran=sasaran,
        indikator=indikator,
        target=target,
        satuan=satuan,
        pengampu="Kasubag Contoh",
    )


def read(tmp_path: Path, rows: Sequence[dict[str, object]], **kwargs: object) -> MatriksWorkbook:
    """`rows` written to tmp_path/m.xlsx (see write_matriks for `kwargs`) and read back."""
    return read_matriks(write_matriks(tmp_path / "m.xlsx", rows, **kwargs))  # type: ignore[arg-type]


def findings_of(
    check: Callable[[MatriksWorkbook], list[Finding]],
    tmp_path: Path,
    rows: Sequence[dict[str, object]],
    code: str | None = None,
) -> list[Finding]:
    """The findings of `check` on the workbook of `rows`; only those of rule `code` if given."""
    return [f for f in check(read(tmp_path, rows)) if code is None or f.code == code]


# ----------------------------------------------------------------------------- a region (rekap)

STUNTING_SS = {
    "sasaran": "Menurunnya prevalensi stunting",
    "indikator": "Persentase balita stunting",
}


def identitas_of(perangkat_daerah: str) -> list[tuple[str, str]]:
    """DEFAULT_IDENTITAS naming another perangkat daerah."""
    return [
        (label, perangkat_daerah if label == "Perangkat Daerah" else value)
        for label, value in DEFAULT_IDENTITAS
    ]


def shared_ss(kode: str = "SS2", keterangan: str = "", **fields: object) -> dict[str, object]:
    """A second Sasaran Strategis under chain()'s T1 (the stunting sasaran unless overridden)."""
    values: dict[str, object] = {
        "kode": kode,
        "kode_induk": "T1",
        "tingkat": "Sasaran Strategis",
        "unit_kerja": "BKPSDM",
        "target": "14%",
        "satuan": "%",
        "pengampu": "Kepala Contoh",
        "keterangan": keterangan,
        **STUNTING_SS,
    }
    values.update(fields)
    return row(**values)


def own_chain(acronym: str) -> list[dict[str, object]]:
    """chain() whose Tujuan, Sasaran Strategis and Sasaran Program statements and indicators are
    the agency's own (so two agencies share only what a test gives both)."""
    rows = chain()
    for item in rows[:3]:
        for header in ("Sasaran", "Indikator"):
            item[header] = f"{item[header]} {acronym}"
    return rows


def write_agency(
    folder: Path, name: str, perangkat_daerah: str, extra: Sequence[dict[str, object]] = ()
) -> Path:
    """own_chain() (no finding) plus `extra` rows, for the agency `perangkat_daerah`."""
    acronym = perangkat_daerah.rsplit("(", 1)[-1].rstrip(")")
    return write_matriks(
        folder / name, [*own_chain(acronym), *extra], identitas=identitas_of(perangkat_daerah)
    )


def region_folder(folder: Path) -> Path:
    """A kabupaten's folder with known findings:

    - dinkes.xlsx: the stunting sasaran, noting DP3A as partner; one T001 (a blank target);
    - sub/dp3a.xlsx: the same sasaran, noting nobody (so both get L002);
    - disdik.xlsx: the consistent chain, no finding at all;
    - rusak.xlsx: not a workbook (a row with its reason, never the end of the run).
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sub").mkdir(exist_ok=True)
    write_agency(
        folder,
        "dinkes.xlsx",
        "Dinas Kesehatan (Dinkes)",
        [
            shared_ss(keterangan="Crosscutting dengan DP3A"),
            sub_kegiatan("SSK2", "Tersedianya laporan", "Jumlah Laporan keuangan", target=None),
        ],
    )
    write_agency(
        folder / "sub",
        "dp3a.xlsx",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A)",
        [shared_ss()],
    )
    write_agency(folder, "disdik.xlsx", "Dinas Pendidikan (Disdik)")
    (folder / "rusak.xlsx").write_bytes(b"ini bukan berkas excel")
    return folder
