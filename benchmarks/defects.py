"""The generated Matriks with realistic defects, so that timings include the error paths
(findings, their messages, the Temuan sheet, cell comments and links).

.venv/bin/python -m benchmarks.defects --units 80 --rate 0.05 -o /tmp/defects.xlsx
.venv/bin/python -m benchmarks.defects --units 14 --wrong-parents -o /tmp/wrong_parents.xlsx
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from benchmarks.generate import content
from pokin_xl.template import TemplateContent, write_template

# Each defect and the rule it should raise.
DEFECTS = (
    "wrong_parent",  # a sub kegiatan under the program, skipping its kegiatan (H002)
    "missing_parent",  # a Kode Induk with a typo (H001)
    "unit_mismatch",  # 'Jumlah Dokumen ...' measured in Orang (T004)
    "missing_owner",  # blank Pengampu (O001)
    "unknown_owner",  # a Pengampu not on the Pegawai sheet (O002)
    "empty_target",  # T001
    "unreadable_target",  # T002
    "percent_over",  # 150% (T006)
    "activity_sasaran",  # a sasaran written as an activity (S004)
)


def with_defects(data: TemplateContent, rate: float, seed: int = 0) -> TemplateContent:
    """A copy of `data` where about `rate` of the sub kegiatan rows carry one defect each."""
    rng = random.Random(seed)
    rows = [dict(row) for row in data.kinerja]
    for row in rows:
        if row["tingkat"] != "Sasaran Sub Kegiatan" or rng.random() >= rate:
            continue
        defect = rng.choice(DEFECTS)
        if defect == "wrong_parent":
            row["kode_induk"] = str(row["kode_induk"]).rsplit(".", 1)[0]
        elif defect == "missing_parent":
            row["kode_induk"] = f"{row['kode_induk']}x"
        elif defect == "unit_mismatch":
            row["satuan"] = "Orang"
        elif defect == "missing_owner":
            row["pengampu"] = ""
        elif defect == "unknown_owner":
            row["pengampu"] = f"Pejabat Tak Dikenal {rng.randint(1, 50)}"
        elif defect == "empty_target":
            row["target"] = ""
        elif defect == "unreadable_target":
            row["target"] = "belum ditentukan"
        elif defect == "percent_over":
            row["target"], row["satuan"] = "150%", "%"
        elif defect == "activity_sasaran":
            row["sasaran"] = f"Penyusunan {row['sasaran']}"
    return TemplateContent(
        identitas=data.identitas, units=data.units, pegawai=data.pegawai, kinerja=rows
    )


def wrong_parents(data: TemplateContent) -> TemplateContent:
    """Every sub kegiatan hung under the first program instead of its kegiatan (H002 on each):
    one parent with thousands of wrong children, the case that was quadratic."""
    rows = [dict(row) for row in data.kinerja]
    first_program = next(r["kode"] for r in rows if r["tingkat"] == "Sasaran Program")
    for row in rows:
        if row["tingkat"] == "Sasaran Sub Kegiatan":
            row["kode_induk"] = first_program
    return TemplateContent(
        identitas=data.identitas, units=data.units, pegawai=data.pegawai, kinerja=rows
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=80)
    parser.add_argument("--kegiatan", type=int, default=10)
    parser.add_argument("--sub", type=int, default=12)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--wrong-parents", action="store_true")
    parser.add_argument("-o", "--output", default="/tmp/pokin_defects.xlsx")
    args = parser.parse_args()
    data = content(args.units, args.kegiatan, args.sub)
    data = wrong_parents(data) if args.wrong_parents else with_defects(data, args.rate)
    write_template(Path(args.output), data)
    print(f"{args.output}: {len(data.kinerja)} baris Kinerja, {len(data.pegawai)} pegawai")


if __name__ == "__main__":
    main()
