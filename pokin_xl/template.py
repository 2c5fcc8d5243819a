"""Writes templates/Matriks_Peran_Hasil.xlsx, the one workbook planning staff fill in.

The same writer fills the template with content (the bundled samples), so a sample is always
exactly the template plus data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter

from pokin_xl.model.fields import KINERJA_FIELDS, PEGAWAI_FIELDS
from pokin_xl.model.levels import JenisJabatan, Tingkat
from pokin_xl.model.units import SUGGESTED_UNITS
from pokin_xl.writers.atomic import atomic_output
from pokin_xl.writers.layout import column_pixels, text_height
from pokin_xl.writers.styles import Styles, template_formats

SHEETS = ("Petunjuk", "Identitas", "Pegawai", "Kinerja", "Referensi")
TEMPLATE_ROWS = 1000
REFERENSI_ROWS = 100

IDENTITAS_ROWS = [
    ("Pemerintah Daerah", "Nama pemerintah daerah, mis. Kabupaten Purwakarta."),
    (
        "Perangkat Daerah",
        "Nama lengkap perangkat daerah, singkatan dalam kurung: Badan ... (BKPSDM).",
    ),
    ("Tahun", "Tahun kinerja, mis. 2024."),
    ("Visi", "Visi kepala daerah (RPJMD/RPD)."),
    ("Misi", "Satu misi per baris; tambah baris berlabel 'Misi' bila perlu."),
    ("Misi", ""),
    ("Misi", ""),
    ("Kepala Perangkat Daerah", "Nama kepala perangkat daerah beserta gelar."),
    ("NIP", "NIP kepala perangkat daerah (ketik sebagai teks)."),
    ("Kepala Daerah", "Nama kepala daerah, pihak kedua PK kepala perangkat daerah."),
    ("Jabatan Kepala Daerah", "Mis. Bupati Purwakarta (tambahkan Pj. bila penjabat)."),
    ("Tempat", "Tempat penandatanganan dokumen, mis. Purwakarta."),
    ("Tanggal", "Tanggal penandatanganan, mis. 2 Januari 2024."),
]

PEGAWAI_NOTES = {
    "nama": "Nama lengkap beserta gelar, sama persis dengan yang ditulis di kolom Pengampu.",
    "nip": "NIP 18 digit; ketik sebagai teks agar tidak berubah menjadi angka.",
    "jabatan": "Nama jabatan, mis. Kepala Bidang Pengembangan SDM.",
    "jenis_jabatan": "Pilih: JPT, Administrator, Pengawas, Fungsional, Pelaksana.",
    "unit_kerja": "Unit kerja (pilih dari daftar di sheet Referensi).",
    "atasan": "Nama atasan langsung.",
    "status": "Opsional: Definitif, Plt, Plh atau Pj (dicetak di depan jabatan pada PK).",
}

KINERJA_NOTES = {
    "kode": "Kode unik sasaran, mis. 1.2.3. Sasaran dengan beberapa indikator: ulangi Kode yang sama di baris berikutnya.",
    "kode_induk": "Kode sasaran atasan yang didukung. Boleh kosong bila baris induk tepat di atasnya (satu tingkat lebih tinggi).",
    "tingkat": "Pilih: Tujuan, Sasaran Strategis, Sasaran Program, Sasaran Kegiatan, Sasaran Sub Kegiatan, Rencana Hasil Kerja.",
    "unit_kerja": "Unit kerja pemilik sasaran (pilih dari daftar).",
    "sasaran": "Kondisi yang ingin dicapai, mis. 'Tersusunnya Dokumen Perencanaan Perangkat Daerah' — bukan indikator, bukan kegiatan.",
    "kode_nomenklatur": "Kode program/kegiatan/sub kegiatan sesuai Kepmendagri 900.1.15.5-1317/2023, mis. 5.03.01.2.01.0001.",
    "nomenklatur": "Nama program/kegiatan/sub kegiatan sesuai nomenklatur nasional.",
    "indikator": "Ukuran keberhasilan: Jumlah ..., Persentase ..., Indeks ..., Nilai ... Satu indikator per baris.",
    "target": "Angka target tahun ini: 51,01 / 1.000 / 100% / 4. Predikat boleh: A, BB, Baik.",
    "satuan": "Satuan target: %, Dokumen, Laporan, Orang, Paket, Unit, Predikat, ...",
    "pagu": "Pagu anggaran dalam rupiah (angka saja). Isi pada baris pertama setiap Kode.",
    "pengampu": "Nama pegawai atau jabatan pemilik sasaran (harus ada di sheet Pegawai).",
    "keterangan": "Catatan bebas.",
    **{
        f"target_tw{n}": f"Opsional (Rencana Aksi): target triwulan {roman}, menurut Cara Hitung."
        for n, roman in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))
    },
    "cara_hitung": "Kumulatif (TW I-IV dijumlahkan), Nilai Akhir (TW IV = target) atau Rata-rata.",
    "polaritas": "Positif (makin tinggi makin baik) atau Negatif (makin rendah makin baik).",
    "definisi_operasional": "Opsional (IKU): apa yang diukur indikator ini.",
    "formula": "Opsional (IKU): rumus perhitungan indikator.",
    "sumber_data": "Opsional (IKU): asal data capaian.",
    "iku": "Ya bila indikator ini Indikator Kinerja Utama perangkat daerah.",
}
CHOICES = {
    "cara_hitung": "Kumulatif,Nilai Akhir,Rata-rata",
    "polaritas": "Positif,Negatif",
    "iku": "Ya,Tidak",
}

WIDTHS = {
    "kode": 12,
    "kode_induk": 12,
    "tingkat": 20,
    "unit_kerja": 24,
    "sasaran": 45,
    "kode_nomenklatur": 20,
    "nomenklatur": 40,
    "indikator": 50,
    "target": 10,
    "satuan": 11,
    "pagu": 16,
    "pengampu": 26,
    "keterangan": 30,
    **dict.fromkeys(("target_tw1", "target_tw2", "target_tw3", "target_tw4"), 9),
    "cara_hitung": 12,
    "polaritas": 10,
    "definisi_operasional": 30,
    "formula": 24,
    "sumber_data": 18,
    "iku": 8,
}

PETUNJUK = [
    "Cara mengisi Matriks Peran dan Hasil (PermenPANRB 6/2022)",
    "",
    "1. Identitas: isi nama pemerintah daerah, perangkat daerah, tahun, visi, misi dan kepala.",
    "2. Referensi: tulis daftar Unit Kerja di kolom C (Sekretariat, Bidang ...); daftar ini menjadi pilihan di sheet lain.",
    "3. Pegawai: satu baris per pegawai yang memiliki sasaran (nama, NIP, jabatan, jenis jabatan, unit kerja, atasan).",
    "4. Kinerja: satu baris per indikator, dari Tujuan sampai Sasaran Sub Kegiatan / Rencana Hasil Kerja.",
    "   - Sasaran dengan dua indikator: dua baris dengan Kode yang sama; Sasaran dan Pengampu boleh dikosongkan di baris kedua.",
    "   - Kode Induk menunjuk sasaran atasan. Bila kosong, induknya adalah baris terdekat di atas yang satu tingkat lebih tinggi.",
    "   - Target ditulis angka (51,01 atau 100%), satuan di kolom Satuan. Predikat (A, BB, Baik) boleh untuk Tujuan/Sasaran Strategis.",
    "   - Sasaran dirumuskan sebagai kondisi (Tersusunnya ..., Meningkatnya ...); indikator sebagai ukuran (Jumlah ..., Persentase ...).",
    "5. Jalankan: pokin-xl validate BERKAS.xlsx untuk memeriksa, pokin-xl build BERKAS.xlsx untuk membuat cascading.",
    "",
    "Contoh (sheet Kinerja):",
]

EXAMPLE = [
    [
        "1",
        "",
        "Tujuan",
        "BKPSDM",
        "Meningkatkan Kualitas SDM Aparatur",
        "",
        "",
        "Indeks Profesionalitas ASN",
        "71",
        "Indeks",
        "",
        "Kepala Daerah",
        "",
    ],
    [
        "1.1",
        "1",
        "Sasaran Strategis",
        "BKPSDM",
        "Meningkatnya Kapasitas dan Profesionalitas Pegawai",
        "",
        "",
        "Tingkat Profesionalitas ASN",
        "Sedang",
        "Predikat",
        "",
        "Kepala BKPSDM",
        "",
    ],
    [
        "1.1.1",
        "1.1",
        "Sasaran Program",
        "Bidang Pengembangan SDM",
        "Meningkatnya Kualitas Pengembangan SDM Aparatur",
        "5.04.02",
        "Program Pengembangan Sumber Daya Manusia",
        "Persentase ASN yang mengikuti pendidikan dan pelatihan formal",
        "25",
        "%",
        "1500000000",
        "Kepala Bidang Pengembangan SDM",
        "",
    ],
    [
        "1.1.1.1",
        "1.1.1",
        "Sasaran Kegiatan",
        "Bidang Pengembangan SDM",
        "Meningkatnya Kualitas Kompetensi Teknis ASN",
        "5.04.02.2.01",
        "Pengembangan Kompetensi Teknis",
        "Persentase Pengembangan Kompetensi ASN",
        "100%",
        "%",
        "1500000000",
        "Kepala Bidang Pengembangan SDM",
        "",
    ],
    [
        "1.1.1.1.1",
        "1.1.1.1",
        "Sasaran Sub Kegiatan",
        "Bidang Pengembangan SDM",
        "Terselenggaranya Pengembangan Kompetensi Teknis ASN",
        "5.04.02.2.01.0003",
        "Penyelenggaraan Pengembangan Kompetensi Teknis Umum, Inti, dan Pilihan bagi Jabatan Administrasi Penyelenggara Urusan Pemerintahan Konkuren, Perangkat Daerah Penunjang, dan Urusan Pemerintahan Umum",
        "Jumlah ASN yang Mengikuti Pengembangan Kompetensi",
        "287",
        "Orang",
        "1500000000",
        "Nama Pejabat Fungsional",
        "",
    ],
]


@dataclass
class TemplateContent:
    """What a filled workbook holds; empty for the blank template."""

    identitas: dict[str, list[str]] = field(default_factory=dict)  # label -> values
    units: list[str] = field(default_factory=list)
    pegawai: list[dict[str, str]] = field(default_factory=list)
    kinerja: list[dict[str, object]] = field(default_factory=list)
    merges: list[tuple[int, str, int]] = field(
        default_factory=list
    )  # (first data row 0-based, field, n rows)


def write_template(path: str | Path, content: TemplateContent | None = None) -> Path:
    """Write the template (blank, or filled with `content`) atomically to `path`."""
    content = content or TemplateContent()
    with atomic_output(Path(path)) as tmp:
        book = xlsxwriter.Workbook(
            str(tmp), {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
        )
        formats = template_formats(Styles(book))
        sheets = {name: book.add_worksheet(name) for name in SHEETS}
        _petunjuk(sheets["Petunjuk"], formats)
        _identitas(sheets["Identitas"], formats, content)
        _referensi(sheets["Referensi"], formats, content)
        _pegawai(sheets["Pegawai"], formats, content)
        _kinerja(sheets["Kinerja"], formats, content)
        book.set_properties(
            {
                "title": "Matriks Peran dan Hasil",
                "subject": "pokin-xl template",
                "created": dt.datetime(2024, 1, 1),
            }
        )
        book.close()
    return Path(path)


def _write_value(ws, row: int, col: int, value: object, fmt) -> None:
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        ws.write_string(row, col, str(value), fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


# Petunjuk's columns, one per Kinerja field of the example, narrow enough that the whole example
# prints on one landscape A4 page. Unlisted fields are 12 wide.
PETUNJUK_WIDTHS = {
    "kode": 8,
    "kode_induk": 8,
    "tingkat": 13,
    "unit_kerja": 14,
    "sasaran": 26,
    "kode_nomenklatur": 17,
    "nomenklatur": 24,
    "indikator": 26,
    "target": 8,
    "satuan": 9,
    "pagu": 11,
    "pengampu": 15,
    "keterangan": 11,
}
_PETUNJUK_SIZE = 11  # the template's font size (Calibri 11)


def _merged_chars(widths: list[float]) -> float:
    """The width, in characters, of one column as wide as these columns merged."""
    return (sum(column_pixels(w) for w in widths) - 5) / 7


def _petunjuk(ws, formats) -> None:
    """Instructions over the width of the example table, every row as tall as its wrapped text
    (merged cells never grow by themselves), printed landscape one page wide."""
    # The example shows the core columns; the optional document columns are described in the
    # Kinerja sheet's header notes, and would make the page too wide to read.
    fields = [name for name in KINERJA_FIELDS if name in PETUNJUK_WIDTHS]
    widths = [float(PETUNJUK_WIDTHS[name]) for name in fields]
    last = len(widths)
    ws.set_column(0, 0, 2)
    for col, width in enumerate(widths, start=1):
        ws.set_column(col, col, width)
    line_width = _merged_chars(widths)
    for i, line in enumerate(PETUNJUK):
        if not line:
            ws.set_row(i, 8)
            continue
        title = i == 0
        size = 14 if title else _PETUNJUK_SIZE
        ws.merge_range(i, 1, i, last, line, formats["title"] if title else formats["guide"])
        ws.set_row(i, max(text_height([[(line, title)]], line_width, size), size * 1.5))
    start = len(PETUNJUK)
    headers = [KINERJA_FIELDS[name] for name in fields]
    for col, title in enumerate(headers, start=1):
        ws.write_string(start, col, title, formats["header"])
    ws.set_row(start, _row_height(headers, widths, bold=True))
    for r, values in enumerate(EXAMPLE, start=start + 1):
        for c, value in enumerate(values, start=1):
            ws.write_string(r, c, value, formats["example"])
        ws.set_row(r, _row_height(values, widths))
    ws.hide_gridlines(2)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.fit_to_pages(1, 0)
    ws.print_area(0, 0, start + len(EXAMPLE), last)


def _row_height(values: list[str], widths: list[float], *, bold: bool = False) -> float:
    return max(
        text_height([[(value, bold)]], width, _PETUNJUK_SIZE)
        for value, width in zip(values, widths, strict=True)
    )


def _identitas(ws, formats, content: TemplateContent) -> None:
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 90)
    ws.write_string(0, 0, "Keterangan", formats["header"])
    ws.write_string(0, 1, "Isian", formats["header"])
    ws.freeze_panes(1, 0)
    rows: list[tuple[str, str, str]] = []
    if content.identitas:
        for label, values in content.identitas.items():
            for value in values or [""]:
                rows.append((label, value, ""))
    else:
        rows = [(label, "", note) for label, note in IDENTITAS_ROWS]
    for i, (label, value, note) in enumerate(rows, start=1):
        ws.write_string(i, 0, label, formats["label"])
        ws.write_string(i, 1, value, formats["code"] if label == "NIP" else formats["text"])
        if note:
            ws.write_comment(i, 1, note)


def _referensi(ws, formats, content: TemplateContent) -> None:
    columns = [
        ("Tingkat", [t.label for t in Tingkat]),
        ("Jenis Jabatan", [j.value for j in JenisJabatan]),
        ("Unit Kerja", content.units or ["Sekretariat"]),
        ("Satuan", SUGGESTED_UNITS),
    ]
    for col, (title, values) in enumerate(columns):
        ws.write_string(0, col, title, formats["header"])
        ws.set_column(col, col, 34 if title == "Unit Kerja" else 22)
        for row, value in enumerate(values, start=1):
            ws.write_string(row, col, value)
    ws.write_comment(
        0, 2, "Tulis daftar unit kerja perangkat daerah di kolom ini (satu per baris)."
    )
    ws.freeze_panes(1, 0)


def _list_range(col_letter: str, count: int) -> str:
    return f"=Referensi!${col_letter}$2:${col_letter}${count + 1}"


def _pegawai(ws, formats, content: TemplateContent) -> None:
    for col, (key, title) in enumerate(PEGAWAI_FIELDS.items()):
        ws.write_string(0, col, title, formats["header"])
        ws.write_comment(0, col, PEGAWAI_NOTES[key])
        ws.set_column(col, col, {"nama": 32, "nip": 22, "jabatan": 40, "status": 12}.get(key, 24))
    for row, person in enumerate(content.pegawai, start=1):
        for col, key in enumerate(PEGAWAI_FIELDS):
            fmt = formats["code"] if key == "nip" else formats["text"]
            _write_value(ws, row, col, person.get(key, ""), fmt)
    keys = list(PEGAWAI_FIELDS)
    last = TEMPLATE_ROWS
    jenis = keys.index("jenis_jabatan")
    ws.data_validation(
        1,
        jenis,
        last,
        jenis,
        {
            "validate": "list",
            "source": _list_range("B", len(JenisJabatan)),
            "error_title": "Jenis Jabatan",
            "error_message": "Pilih JPT, Administrator, Pengawas, Fungsional atau Pelaksana.",
        },
    )
    unit = keys.index("unit_kerja")
    ws.data_validation(
        1,
        unit,
        last,
        unit,
        {
            "validate": "list",
            "source": _list_range("C", REFERENSI_ROWS),
            "error_type": "warning",
            "error_title": "Unit Kerja",
            "error_message": "Unit kerja belum ada di sheet Referensi.",
        },
    )
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(len(content.pegawai), 1), len(keys) - 1)


def _kinerja(ws, formats, content: TemplateContent) -> None:
    keys = list(KINERJA_FIELDS)
    for col, (key, title) in enumerate(KINERJA_FIELDS.items()):
        ws.write_string(0, col, title, formats["header"])
        ws.write_comment(0, col, KINERJA_NOTES[key], {"x_scale": 2, "y_scale": 1.5})
        ws.set_column(
            col,
            col,
            WIDTHS[key],
            formats["code"] if key in ("kode", "kode_induk", "kode_nomenklatur") else None,
        )
    ws.set_row(0, 30)
    merged = {(start, key) for start, key, _ in content.merges}
    covered = {(start + i, key) for start, key, n in content.merges for i in range(1, n)}
    for r, record in enumerate(content.kinerja):
        for c, key in enumerate(keys):
            if (r, key) in covered:
                continue
            fmt = (
                formats["money"]
                if key == "pagu"
                else formats["code"]
                if key.startswith("kode")
                else formats["text"]
            )
            value = record.get(key, "")
            if (r, key) in merged:
                n = next(n for s, k, n in content.merges if s == r and k == key)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    ws.merge_range(r + 1, c, r + n, c, None, fmt)
                    ws.write_number(r + 1, c, value, fmt)
                else:
                    ws.merge_range(r + 1, c, r + n, c, str(value), fmt)
            else:
                _write_value(ws, r + 1, c, value, fmt)
    last = TEMPLATE_ROWS
    col = keys.index
    ws.data_validation(
        1,
        col("tingkat"),
        last,
        col("tingkat"),
        {
            "validate": "list",
            "source": _list_range("A", len(Tingkat)),
            "error_title": "Tingkat",
            "error_message": "Pilih tingkat dari daftar.",
        },
    )
    ws.data_validation(
        1,
        col("unit_kerja"),
        last,
        col("unit_kerja"),
        {
            "validate": "list",
            "source": _list_range("C", REFERENSI_ROWS),
            "error_type": "warning",
            "error_title": "Unit Kerja",
            "error_message": "Unit kerja belum ada di sheet Referensi.",
        },
    )
    ws.data_validation(
        1,
        col("satuan"),
        last,
        col("satuan"),
        {
            "validate": "list",
            "source": _list_range("D", len(SUGGESTED_UNITS)),
            "show_error": False,
            "input_title": "Satuan",
            "input_message": "Pilih atau ketik satuan lain.",
        },
    )
    for key, choices in CHOICES.items():
        ws.data_validation(
            1, col(key), last, col(key), {"validate": "list", "source": choices.split(",")}
        )
    ws.freeze_panes(1, 3)
    ws.autofilter(0, 0, max(len(content.kinerja), 1), len(keys) - 1)
