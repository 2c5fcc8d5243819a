"""Generate a large, realistic Matriks workbook for timing (not for tests).

.venv/bin/python benchmarks/generate.py --units 40 --kegiatan 10 --sub 12 -o /tmp/big.xlsx
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pokin_xl.template import TemplateContent, write_template


def content(units: int, kegiatan: int, sub: int, indicators: int = 2) -> TemplateContent:
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
                for i in range(indicators):
                    rows.append(
                        {
                            "kode": f"{sk}.{s}",
                            "kode_induk": sk,
                            "tingkat": "Sasaran Sub Kegiatan",
                            "unit_kerja": unit,
                            "sasaran": f"Tersedianya layanan {u}.{k}.{s}",
                            "indikator": f"Jumlah Dokumen layanan {u}.{k}.{s}.{i}",
                            "target": (s + i) % 12 + 1,
                            "satuan": "Dokumen",
                            "pengampu": person,
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
    args = parser.parse_args()
    data = content(args.units, args.kegiatan, args.sub)
    write_template(Path(args.output), data)
    print(f"{args.output}: {len(data.kinerja)} baris Kinerja, {len(data.pegawai)} pegawai")


if __name__ == "__main__":
    main()
