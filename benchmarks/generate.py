"""Generate a large, realistic Matriks workbook for timing (not for tests).

.venv/bin/python benchmarks/generate.py --units 40 --kegiatan 10 --sub 12 -o /tmp/big.xlsx
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pokin_xl.template import TemplateContent, write_template


def rows_for(units: int, kegiatan: int = 10, sub: int = 12, indicators: int = 2) -> int:
    """How many Kinerja rows content() writes (Tujuan and Sasaran Strategis included)."""
    return 2 + units * (1 + kegiatan * (1 + sub * indicators))


def units_for(rows: int, kegiatan: int = 10, sub: int = 12, indicators: int = 2) -> int:
    """The number of units whose content() comes closest to `rows` Kinerja rows (at least 1)."""
    per_unit = rows_for(1, kegiatan, sub, indicators) - 2
    return max(1, round((rows - 2) / per_unit))


def content(
    units: int,
    kegiatan: int,
    sub: int,
    indicators: int = 2,
    *,
    defects: bool = False,
    wrong_parents: bool = False,
    seed: int = 0,
) -> TemplateContent:
    """A consistent matriks of `units` bidang; with `defects`, sub kegiatan rows get the defects
    real files have, at realistic rates (about 1 row in 10): a parent two levels up (H002), a
    Kode Induk typo (H001), a wrong unit for the indicator (T004), no target (T001), a sasaran
    written as an activity (S004), no owner (O001), so that Temuan, cell comments and links are
    in the timings. `wrong_parents` puts every sub kegiatan under its program (H002 on each: the
    error path)."""
    import random

    rng = random.Random(seed)
    rows: list[dict[str, object]] = [
        {
            "kode": "T1",
            "tingkat": "Tujuan",
            "unit_kerja": "Dinas",
            "sasaran": "Meningkatnya kualitas layanan",
            "indikator": "Indeks Kepuasan Masyarakat",
            "target": 80,
            "satuan": "Indeks",
            "pengampu": "Bupati",
        },
        {
            "kode": "SS1",
            "kode_induk": "T1",
            "tingkat": "Sasaran Strategis",
            "unit_kerja": "Dinas",
            "sasaran": "Meningkatnya akuntabilitas",
            "indikator": "Nilai SAKIP",
            "target": 70,
            "satuan": "Nilai",
            "pengampu": "Kepala Dinas",
        },
    ]
    pegawai = [
        {
            "nama": "Kepala Dinas",
            "jabatan": "Kepala Dinas",
            "jenis_jabatan": "JPT",
            "unit_kerja": "Dinas",
            "atasan": "Bupati Contoh",
        }
    ]
    names = ["Dinas"]
    for u in range(1, units + 1):
        unit = f"Bidang {u:02d}"
        names.append(unit)
        kabid = f"Kepala {unit}"
        pegawai.append(
            {
                "nama": kabid,
                "jabatan": kabid,
                "jenis_jabatan": "Administrator",
                "unit_kerja": unit,
                "atasan": "Kepala Dinas",
            }
        )
        sp = f"P{u}"
        rows.append(
            {
                "kode": sp,
                "kode_induk": "SS1",
                "tingkat": "Sasaran Program",
                "unit_kerja": unit,
                "sasaran": f"Meningkatnya kinerja program {u}",
                "indikator": f"Persentase capaian program {u}",
                "target": "100%",
                "satuan": "%",
                "pengampu": kabid,
                "pagu": 0,
            }
        )
        for k in range(1, kegiatan + 1):
            sk = f"{sp}.{k}"
            rows.append(
                {
                    "kode": sk,
                    "kode_induk": sp,
                    "tingkat": "Sasaran Kegiatan",
                    "unit_kerja": unit,
                    "sasaran": f"Meningkatnya kualitas kegiatan {u}.{k}",
                    "indikator": f"Persentase kegiatan {u}.{k}",
                    "target": "100%",
                    "satuan": "%",
                    "pengampu": kabid,
                }
            )
            for s in range(1, sub + 1):
                person = f"Pengawas {u}.{k}.{s}"
                pegawai.append(
                    {
                        "nama": person,
                        "jabatan": f"Kepala Seksi {u}.{k}.{s}",
                        "jenis_jabatan": "Pengawas",
                        "unit_kerja": unit,
                        "atasan": kabid,
                    }
                )
                roll = rng.random() if defects else 1.0
                parent = sp if wrong_parents or roll < 0.01 else sk
                for i in range(indicators):
                    rows.append(
                        {
                            "kode": f"{sk}.{s}",
                            "kode_induk": f"{sk}x" if 0.01 <= roll < 0.015 else parent,
                            "tingkat": "Sasaran Sub Kegiatan",
                            "unit_kerja": unit,
                            "sasaran": (
                                f"Penyediaan layanan {u}.{k}.{s}"  # an activity (S004)
                                if 0.015 <= roll < 0.03
                                else f"Tersedianya layanan {u}.{k}.{s}"
                            ),
                            "indikator": f"Jumlah Dokumen layanan {u}.{k}.{s}.{i}",
                            "target": "" if 0.03 <= roll < 0.05 else (s + i) % 12 + 1,
                            "satuan": "Orang" if 0.05 <= roll < 0.07 else "Dokumen",
                            "pengampu": "" if 0.07 <= roll < 0.10 else person,
                            "pagu": 1_000_000 * s,
                        }
                    )
    return TemplateContent(
        identitas={"Perangkat Daerah": ["Dinas Contoh (DC)"], "Tahun": ["2024"]},
        units=names,
        pegawai=pegawai,
        kinerja=rows,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--kegiatan", type=int, default=10)
    parser.add_argument("--sub", type=int, default=12)
    parser.add_argument("-o", "--output", default="/tmp/pokin_big.xlsx")
    parser.add_argument(
        "--cacat", action="store_true", help="realistic defects in about 1 sub kegiatan in 10"
    )
    parser.add_argument(
        "--induk-salah", action="store_true", help="every sub kegiatan under its program (H002)"
    )
    args = parser.parse_args()
    data = content(
        args.units, args.kegiatan, args.sub, defects=args.cacat, wrong_parents=args.induk_salah
    )
    write_template(Path(args.output), data)
    print(f"{args.output}: {len(data.kinerja)} baris Kinerja, {len(data.pegawai)} pegawai")


if __name__ == "__main__":
    main()


# ----------------------------------------------------------------------------- a region's agencies

AGENCIES = [
    ("Dinas Kesehatan", "Dinkes", "1.02"),
    ("Dinas Pendidikan", "Disdik", "1.01"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "1.03"),
    ("Dinas Sosial", "Dinsos", "1.06"),
    ("Dinas Perhubungan", "Dishub", "2.15"),
    ("Dinas Lingkungan Hidup", "DLH", "2.11"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "2.12"),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB", "2.14"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "5.01"),
    ("Badan Keuangan dan Aset Daerah", "BKAD", "5.02"),
]
STUNTING = ("Menurunnya prevalensi stunting", "Prevalensi stunting balita")


def _supporting(agency_code: str) -> list:
    """The national list's supporting program (X.XX.01) for an agency: kegiatan and sub kegiatan."""
    from pokin_xl.model.nomenclature import load_nomenclature

    entries = [e for e in load_nomenclature() if e.kode.startswith("X.XX.01.")]
    return [(e.kode.replace("X.XX", agency_code, 1), e) for e in entries]


def agency_content(index: int, rows: int, seed: int = 0) -> TemplateContent:
    """An agency workbook of about `rows` Kinerja rows (150-400 in the benchmark), with the
    defects real files have, at realistic rates: a missing target (T001), a wrong unit (T004), a
    sasaran written as an activity (S004), an ownerless box (O001), a misspelt national name
    (N002), a kegiatan not cascaded (H005), a Kode Induk typo (H001). Every ten agencies are one
    kabupaten (so 1,000 files are a province's 100 kabupaten); in each, the first two agencies
    share a stunting sasaran and only one side notes it (L002)."""
    import random

    rng = random.Random(seed * 100_003 + index)
    base, short, code = AGENCIES[index % len(AGENCIES)]
    name = f"{base} {index // len(AGENCIES) + 1:03d}"
    acronym = f"{short}{index // len(AGENCIES) + 1:03d}"
    kepala, sekretaris = f"Kepala {acronym}", f"Sekretaris {acronym}"
    pegawai = [
        {
            "nama": kepala,
            "jabatan": f"Kepala {base}",
            "jenis_jabatan": "JPT",
            "unit_kerja": acronym,
        },
        {
            "nama": sekretaris,
            "jabatan": "Sekretaris",
            "jenis_jabatan": "Administrator",
            "unit_kerja": "Sekretariat",
        },
    ]
    kinerja: list[dict[str, object]] = [
        {
            "kode": "T1",
            "tingkat": "Tujuan",
            "unit_kerja": acronym,
            "sasaran": f"Meningkatnya kualitas layanan {base.lower()}",
            "indikator": f"Indeks kepuasan layanan {base.lower()}",
            "target": 82,
            "satuan": "Indeks",
            "pengampu": kepala,
        },
        {
            "kode": "SS1",
            "kode_induk": "T1",
            "tingkat": "Sasaran Strategis",
            "unit_kerja": acronym,
            "sasaran": f"Meningkatnya kinerja {base.lower()}",
            "indikator": f"Persentase capaian kinerja {base.lower()}",
            "target": "90%",
            "satuan": "%",
            "pengampu": kepala,
        },
    ]
    if index % 10 in (0, 1):
        partner = index + 1 if index % 10 == 0 else index - 1
        _, p_short, _ = AGENCIES[partner % len(AGENCIES)]
        p_acronym = f"{p_short}{partner // len(AGENCIES) + 1:03d}"
        kinerja.append(
            {
                "kode": "SS2",
                "kode_induk": "T1",
                "tingkat": "Sasaran Strategis",
                "unit_kerja": acronym,
                "sasaran": STUNTING[0],
                "indikator": STUNTING[1],
                "target": "14%",
                "satuan": "%",
                "pengampu": kepala,
                "keterangan": f"Crosscutting dengan {p_acronym}" if index % 10 == 0 else "",
            }
        )
    # Sekretariat: the supporting program from the national list, one sub kegiatan per row.
    kinerja.append(
        {
            "kode": "SP1",
            "kode_induk": "SS1",
            "tingkat": "Sasaran Program",
            "unit_kerja": "Sekretariat",
            "sasaran": "Meningkatnya kualitas layanan administrasi perangkat daerah",
            "kode_nomenklatur": f"{code}.01",
            "nomenklatur": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            "indikator": "Persentase layanan administrasi yang tepat waktu",
            "target": "100%",
            "satuan": "%",
            "pengampu": sekretaris,
        }
    )
    budget = max(60, rows - rng.randint(40, 90))
    kegiatan_code = ""
    k = s = 0
    for national_code, entry in _supporting(code):
        if len(kinerja) >= budget:
            break
        if entry.jenis == "kegiatan":
            k += 1
            kegiatan_code = f"SK1.{k}"
            kasubag = f"Kasubag {k} {acronym}"
            pegawai.append(
                {
                    "nama": kasubag,
                    "jabatan": f"Kepala Subbagian {k}",
                    "jenis_jabatan": "Pengawas",
                    "unit_kerja": "Sekretariat",
                }
            )
            kinerja.append(
                {
                    "kode": kegiatan_code,
                    "kode_induk": "SP1",
                    "tingkat": "Sasaran Kegiatan",
                    "unit_kerja": "Sekretariat",
                    "sasaran": f"Terlaksananya {entry.nama.lower()}",
                    "kode_nomenklatur": national_code,
                    "nomenklatur": entry.nama,
                    "indikator": f"Persentase {entry.nama.lower()} yang terlaksana",
                    "target": "100%",
                    "satuan": "%",
                    "pengampu": sekretaris,
                }
            )
            continue
        if entry.jenis != "sub_kegiatan" or not kegiatan_code:
            continue
        s += 1
        roll = rng.random()
        nama = entry.nama
        if roll < 0.03:
            nama = nama.replace("Penyediaan", "Penyedian", 1).replace("Dokumen", "Dokumem", 1)
        sasaran = entry.kinerja or f"Tersedianya {entry.nama.lower()}"
        if 0.03 <= roll < 0.05:
            sasaran = entry.nama  # an activity, not a condition (S004)
        satuan = entry.satuan
        if 0.05 <= roll < 0.07 and entry.indikator.startswith("Jumlah Dokumen"):
            satuan = "Orang"  # T004
        kinerja.append(
            {
                "kode": f"{kegiatan_code}.{s}",
                "kode_induk": kegiatan_code if roll >= 0.01 else f"{kegiatan_code}x",
                "tingkat": "Sasaran Sub Kegiatan",
                "unit_kerja": "Sekretariat",
                "sasaran": sasaran,
                "kode_nomenklatur": national_code,
                "nomenklatur": nama,
                "indikator": entry.indikator,
                "target": "" if 0.07 <= roll < 0.10 else rng.randint(1, 24),
                "satuan": satuan,
                "pagu": rng.randint(5, 400) * 1_000_000,
                "pengampu": "" if 0.10 <= roll < 0.13 else f"Kasubag {k} {acronym}",
            }
        )
    # Bidang: the agency's own programs, up to the row budget.
    u = 0
    while len(kinerja) < rows:
        u += 1
        unit = f"Bidang {u}"
        kabid = f"Kepala Bidang {u} {acronym}"
        pegawai.append(
            {
                "nama": kabid,
                "jabatan": f"Kepala Bidang {u}",
                "jenis_jabatan": "Administrator",
                "unit_kerja": unit,
            }
        )
        sp = f"SP{u + 1}"
        kinerja.append(
            {
                "kode": sp,
                "kode_induk": "SS1",
                "tingkat": "Sasaran Program",
                "unit_kerja": unit,
                "sasaran": f"Meningkatnya cakupan layanan {short} bidang {u}",
                "indikator": f"Persentase cakupan layanan {short} bidang {u}",
                "target": "85%",
                "satuan": "%",
                "pengampu": kabid,
            }
        )
        for kk in range(1, rng.randint(3, 6) + 1):
            if len(kinerja) >= rows - 2:
                break
            sk = f"{sp}.{kk}"
            seksi = f"Kepala Seksi {u}.{kk} {acronym}"
            pegawai.append(
                {
                    "nama": seksi,
                    "jabatan": f"Kepala Seksi {u}.{kk}",
                    "jenis_jabatan": "Pengawas",
                    "unit_kerja": unit,
                }
            )
            kinerja.append(
                {
                    "kode": sk,
                    "kode_induk": sp,
                    "tingkat": "Sasaran Kegiatan",
                    "unit_kerja": unit,
                    "sasaran": f"Meningkatnya kualitas kegiatan {u}.{kk}",
                    "indikator": f"Persentase kegiatan {u}.{kk} yang tuntas",
                    "target": "100%",
                    "satuan": "%",
                    "pengampu": kabid,
                }
            )
            if rng.random() < 0.05:
                continue  # a kegiatan nobody cascades (H005)
            for ss in range(1, rng.randint(4, 10) + 1):
                for i in range(rng.randint(1, 2)):
                    kinerja.append(
                        {
                            "kode": f"{sk}.{ss}",
                            "kode_induk": sk,
                            "tingkat": "Sasaran Sub Kegiatan",
                            "unit_kerja": unit,
                            "sasaran": f"Tersedianya layanan {u}.{kk}.{ss}",
                            "indikator": f"Jumlah Dokumen layanan {u}.{kk}.{ss}.{i}",
                            "target": rng.randint(1, 12),
                            "satuan": "Dokumen",
                            "pengampu": seksi,
                            "pagu": rng.randint(10, 900) * 1_000_000,
                        }
                    )
    units = [acronym, "Sekretariat", *(f"Bidang {i}" for i in range(1, u + 1))]
    return TemplateContent(
        identitas={
            "Pemerintah Daerah": [f"Kabupaten Contoh {index // len(AGENCIES) + 1:03d}"],
            "Perangkat Daerah": [f"{name} ({acronym})"],
            "Tahun": ["2025"],
        },
        units=units,
        pegawai=pegawai,
        kinerja=kinerja,
    )


def write_region(
    folder: Path, count: int, *, seed: int = 0, low: int = 150, high: int = 400
) -> list[Path]:
    """`count` agency workbooks of low..high Kinerja rows in `folder`."""
    import random

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"pd_{index:04d}.xlsx"
        write_template(path, agency_content(index, rng.randint(low, high), seed))
        paths.append(path)
    return paths


# ----------------------------------------------------------------------------- a Renstra to match

RENSTRA_HEADERS = [
    "KODE",
    "PROGRAM DAN KEGIATAN",
    "SATUAN",
    "INDIKATOR",
    "TARGET TAHUN 1",
    "DANA TAHUN 1",
    "TARGET TAHUN 2",
    "DANA TAHUN 2",
]


def write_renstra_for(
    path: Path, units: int, kegiatan: int = 10, sub: int = 12, indicators: int = 2
) -> int:
    """A sesendok code table with the indicators of content(units, kegiatan, sub): program,
    kegiatan and sub kegiatan codes, targets, pagu, and SUM roll-ups with cached values; every
    tenth sub kegiatan indicator is worded a little differently (the fuzzy path). Returns the
    number of indicator rows."""
    import xlsxwriter

    rows: list[list[object]] = []
    for u in range(1, units + 1):
        program = f"1.{(u - 1) // 99 + 1:02d}.{(u - 1) % 99 + 1:02d}"
        program_row = len(rows)
        rows.append([program, f"Program Bidang {u:02d}", "%", f"Persentase capaian program {u}"])
        kegiatan_rows = []
        for k in range(1, kegiatan + 1):
            code = f"{program}.2.{k:02d}"
            kegiatan_rows.append(len(rows))
            rows.append([code, f"Kegiatan {u}.{k}", "%", f"Persentase kegiatan {u}.{k}"])
            first = len(rows)
            for s in range(1, sub + 1):
                for i in range(indicators):
                    text = f"Jumlah Dokumen layanan {u}.{k}.{s}.{i}"
                    if (s + i) % 10 == 0:
                        text = f"Jumlah dokumen pelayanan {u}.{k}.{s}.{i} yang tersedia"
                    rows.append(
                        [
                            f"{code}.{s:04d}",
                            f"Penyediaan Layanan {u}.{k}.{s}",
                            "Dokumen",
                            text,
                            (s + i) % 12 + 1,
                            1_000_000 * s if i == 0 else None,
                        ]
                    )
            rows[kegiatan_rows[-1]] += [100, ("sum", first, len(rows) - 1)]
        rows[program_row] += [100, ("add", kegiatan_rows)]
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("RENSTRA")
    sheet.write_row(0, 0, ["RENSTRA 2024-2028"])
    sheet.write_row(1, 0, RENSTRA_HEADERS)
    values = [0.0] * len(rows)
    for index in reversed(range(len(rows))):  # the roll-ups add up rows below them
        dana = rows[index][5] if len(rows[index]) > 5 else None
        if isinstance(dana, tuple) and dana[0] == "sum":
            values[index] = sum(values[dana[1] : dana[2] + 1])
        elif isinstance(dana, tuple):
            values[index] = sum(values[i] for i in dana[1])
        else:
            values[index] = float(dana or 0)
    for index, row in enumerate(rows):
        r = index + 2
        for c, value in enumerate(row[:5]):
            if value is not None:
                sheet.write(r, c, value)
        dana = row[5] if len(row) > 5 else None
        if isinstance(dana, tuple) and dana[0] == "sum":
            sheet.write_formula(r, 5, f"=SUM(F{dana[1] + 3}:F{dana[2] + 3})", None, values[index])
        elif isinstance(dana, tuple):
            formula = "=" + "+".join(f"F{i + 3}" for i in dana[1])
            sheet.write_formula(r, 5, formula, None, values[index])
        elif dana is not None:
            sheet.write_number(r, 5, dana)
        if len(row) > 4 and row[4] is not None:
            sheet.write(r, 6, row[4])
            sheet.write_number(r, 7, values[index] * 1.1)
    book.close()
    return len(rows)
